"""The contributor window's phone preview shows a frame's on-screen text exactly as it will be burned in
(issue 19): typing in the text field sets the panel (after a short pause, off the GUI thread) in the same place,
scaled, as the text in the burned picture — on a 4:5 picture too, which goes out as it is, letterboxed on the
phone; a sticker frame has no panel; a text too long to set shows its reason; a computer that posts text frames
by hand shows no panel."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops
from PySide6.QtGui import QImage

from takeover_planner.media.text_overlay import burn_text
from takeover_planner.ui.contributor import ContributorWindow
from takeover_planner.ui.tasks import TaskRunner
from tests.ui.conftest import Planner
from tests.ui.test_contributor_split import write_test_brief
from tests.ui.test_contributor_times import close_without_saving

# Typed key by key (QTest types ASCII only; æ, ø and å are set the same way: tests/ui/test_phone_preview_text.py).
TEXT = "Velkommen til biblioteket - apent hele sondagen, kom innom!"
COLOUR = (90, 140, 200)


def _window(qtbot: Any, planner: Planner, runner: TaskRunner, translations: Any, tmp_path: Path,
            **options: Any) -> ContributorWindow:
    window = ContributorWindow(runner, translations, work_dir=tmp_path, user_name="Ola", **options)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_brief(write_test_brief(planner, tmp_path / "brief.zip"))
    return window


@pytest.fixture
def window(qtbot: Any, planner: Planner, runner: TaskRunner, translations: Any,
           tmp_path: Path) -> Iterator[ContributorWindow]:
    window = _window(qtbot, planner, runner, translations, tmp_path)
    yield window
    close_without_saving(window)


def _picture(tmp_path: Path, width: int, height: int, suffix: str = ".jpg") -> Path:
    """A plain picture: a JPEG goes as it is; a PNG must be fixed first (Instagram takes JPEG only)."""
    path = tmp_path / f"plakat-{width}x{height}{suffix}"
    Image.new("RGB", (width, height), COLOUR).save(path, quality=95)
    return path


def _changed_box(a: QImage, b: QImage) -> tuple[int, int, int, int] | None:
    """Where two renderings of the widget differ (left, top, right, bottom; right and bottom exclusive)."""
    xs, ys = [], []
    for y in range(a.height()):
        for x in range(a.width()):
            if a.pixel(x, y) != b.pixel(x, y):
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs) + 1, max(ys) + 1) if xs else None


def _burned_box(picture: Path, out: Path) -> tuple[int, int, int, int]:
    """Where the text is in the burned JPEG (picture pixels)."""
    burned = Image.open(burn_text(picture, TEXT, out)).convert("RGB")
    original = Image.open(picture).convert("RGB").resize(burned.size)
    box = ImageChops.difference(burned, original).convert("L").point(
        lambda v: 255 if v > 40 else 0).getbbox()
    assert box is not None
    return box


@pytest.mark.parametrize(("size", "suffix"), [((1080, 1920), ".jpg"), ((1080, 1350), ".jpg"), ((720, 900), ".png")],
                         ids=["9:16", "4:5 as it is", "4:5 to be fixed"])
def test_typed_text_is_previewed_where_it_is_burned_in(qtbot: Any, window: ContributorWindow, tmp_path: Path,
                                                       size: tuple[int, int], suffix: str) -> None:
    width, height = size
    picture = _picture(tmp_path, width, height, suffix)
    must_fix = suffix == ".png"
    window.add_files([picture])
    preview = window.preview
    preview.resize(360, 640)
    preview.set_safe_zones(False)
    assert preview.image() is not None, "the selected frame's picture is shown"
    without = preview.grab().toImage()

    window.editor.text.setFocus()
    qtbot.keyClicks(window.editor.text, TEXT)
    assert window.frames[0].text == TEXT
    qtbot.waitUntil(lambda: preview.text_overlay() is not None)
    overlay = preview.text_overlay()
    assert overlay is not None and overlay.rgba and overlay.over_screen == must_fix
    drawn = _changed_box(without, preview.grab().toImage())
    assert drawn is not None, "the text is drawn"

    if must_fix:  # what goes out is the padded 1080×1920 copy "Fix it" makes: its text lies over the whole screen
        window.fix_selected("pad")
        fixed = preview.text_overlay()
        assert window.frames[0].fixed is not None and fixed is not None and not fixed.over_screen
        assert (fixed.rgba, fixed.left, fixed.top, fixed.canvas_width) == (overlay.rgba, overlay.left, overlay.top,
                                                                           overlay.canvas_width), "the same panel"
        picture, (width, height) = window.frames[0].fixed, (1080, 1920)
    # The burned picture's text, scaled into the picture as the phone shows it (fitted inside the 9:16 screen).
    box = _burned_box(picture, tmp_path / "brent.jpg")
    screen = preview.screen_rect()
    scale = min(screen.width() / width, screen.height() / height)
    left = screen.left() + (screen.width() - width * scale) / 2
    top = screen.top() + (screen.height() - height * scale) / 2
    expected = (left + box[0] * scale, top + box[1] * scale, left + box[2] * scale, top + box[3] * scale)
    assert all(abs(d - e) <= 3 for d, e in zip(drawn, expected, strict=True)), (drawn, expected)


def test_sticker_and_too_long_texts(qtbot: Any, window: ContributorWindow, tmp_path: Path) -> None:
    window.add_files([_picture(tmp_path, 1080, 1920)])
    preview, editor = window.preview, window.editor
    editor.text.setText(TEXT)
    qtbot.waitUntil(lambda: preview.text_overlay() is not None)

    # A sticker frame goes by hand, its text typed on the phone: nothing is burned in.
    editor.sticker_kind.setCurrentIndex(1)
    editor.sticker_value.setText("https://fjordvik.kommune.no")
    qtbot.waitUntil(lambda: preview.text_overlay() is None)
    editor.sticker_value.clear()  # a sticker without its value is not kept: the text is burned in again
    qtbot.waitUntil(lambda: preview.text_overlay() is not None)

    editor.text.setText("Les dette. " * 60)
    qtbot.waitUntil(lambda: (o := preview.text_overlay()) is not None and bool(o.problem))
    overlay = preview.text_overlay()
    assert overlay is not None and not overlay.rgba and "too long" in overlay.problem
    assert preview.overlay_rect() is None

    # Another frame shows its own text (none), never the last one's.
    window.add_files([_picture(tmp_path, 1080, 1350)])
    assert window.selected() is window.frames[1] and not window.frames[1].text
    assert preview.text_overlay() is None


def test_text_frames_by_hand_show_no_panel(qtbot: Any, planner: Planner, runner: TaskRunner, translations: Any,
                                           tmp_path: Path) -> None:
    window = _window(qtbot, planner, runner, translations, tmp_path, text_by_hand=True)
    window.add_files([_picture(tmp_path, 1080, 1920)])
    window.editor.text.setText(TEXT)
    window.preview.refresh_text()  # no pause to wait for
    assert window.preview.text_overlay() is None and window.preview.image() is not None
    close_without_saving(window)
