"""Text and bar colours meet WCAG 2.1 AA (4.5:1 for text): the text on every department colour the app hands out,
in every slot status, on a light and a dark palette, and the campaign names on their tinted days."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.validation import PALETTE, free_color
from takeover_planner.ui.calendar.painting import bar_colors, campaign_colors, mix
from takeover_planner.ui.contrast import TEXT_AA, contrast_ratio, legible, relative_luminance, text_color_on


def _palettes() -> dict[str, QPalette]:
    light = QPalette(QApplication.style().standardPalette())
    dark = QPalette(light)
    for role, color in ((QPalette.ColorRole.Window, "#1f2124"), (QPalette.ColorRole.Base, "#26282b"),
                        (QPalette.ColorRole.Text, "#e8e8e8"), (QPalette.ColorRole.WindowText, "#e8e8e8"),
                        (QPalette.ColorRole.PlaceholderText, "#9a9a9a")):
        dark.setColor(role, QColor(color))
    return {"light": light, "dark": dark}


def _department_colours() -> list[str]:
    """The palette, then the colours handed out once it is used up (golden-angle hues)."""
    colours = list(PALETTE)
    for _ in range(24):
        colours.append(free_color(colours))
    return colours


def _painted(color: QColor, over: QColor) -> QColor:
    return mix(over, color, color.alphaF())


def test_the_contrast_ratio_is_wcag_s() -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#ffffff"), QColor("#ffffff")) == pytest.approx(1.0)
    assert contrast_ratio(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)  # the known AA grey
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) < TEXT_AA
    assert relative_luminance(QColor("#808080")) == pytest.approx(0.2159, abs=0.0001)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_bar_text_reads_at_4_5_to_1_on_every_department_colour_and_status(qapp: QApplication, theme: str) -> None:
    palette = _palettes()[theme]
    failures = []
    for colour, status in itertools.product(_department_colours(), SlotStatus):
        fill, _border, text = bar_colors(QColor(colour), status, palette)
        ratio = contrast_ratio(_painted(text, fill), fill)
        if ratio < TEXT_AA:
            failures.append(f"{colour} {status.value}: {text.name()} on {fill.name()} is {ratio:.2f}:1")
    assert not failures, failures


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_campaign_names_read_at_4_5_to_1_on_their_days(qapp: QApplication, theme: str) -> None:
    palette = _palettes()[theme]
    base = palette.color(QPalette.ColorRole.Base)
    for colour in _department_colours():
        tint, label = campaign_colors(QColor(colour), palette)
        assert contrast_ratio(label, _painted(tint, base)) >= TEXT_AA, colour


def test_the_text_chooser_always_finds_4_5_to_1() -> None:
    for red, green, blue in itertools.product(range(0, 256, 17), repeat=3):  # 4,096 colours across the cube
        background = QColor(red, green, blue)
        assert contrast_ratio(text_color_on(background), background) >= TEXT_AA, background.name()


def test_a_muted_colour_is_darkened_only_as_far_as_needed() -> None:
    white, black = QColor("#ffffff"), QColor("#000000")
    assert legible(QColor("#595959"), white, black) == QColor("#595959"), "already 7:1: kept"
    half = QColor(0, 0, 0, 128)  # Qt's placeholder: the text colour at half opacity, 4:1 on white
    darker = legible(half, white, black)
    assert contrast_ratio(darker, white) >= TEXT_AA
    assert contrast_ratio(darker, white) < 6, "still muted, not the full text colour"
