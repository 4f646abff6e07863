"""WCAG 2.1 contrast: relative luminance and the contrast ratio of two colours, and a text colour that reads on a
given background. AA asks 4.5:1 for text and 3:1 for the parts of a control one must see (a focus ring)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor

TEXT_AA = 4.5
NON_TEXT_AA = 3.0

DARK_TEXT = QColor("#1b1f24")
LIGHT_TEXT = QColor("#ffffff")


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def relative_luminance(color: QColor) -> float:
    """WCAG 2.1's relative luminance (sRGB linearised), 0 for black to 1 for white."""
    return 0.2126 * _linear(color.redF()) + 0.7152 * _linear(color.greenF()) + 0.0722 * _linear(color.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """From 1 (the same) to 21 (black on white); the order of the two does not matter."""
    la, lb = relative_luminance(a), relative_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def text_color_on(background: QColor) -> QColor:
    """Near-black or white, whichever reads better on ``background``. On the few mid-tones where neither reaches
    4.5:1, pure black does (black or white always reaches 4.58:1 on an opaque colour)."""
    return QColor.fromRgba(_text_rgba_on(background.rgba()))


# Remembered per colour: the calendar asks for every bar on every paint, and the answer never changes.
@lru_cache(maxsize=4096)
def _text_rgba_on(background_rgba: int) -> int:
    background = QColor.fromRgba(background_rgba)
    dark, light = contrast_ratio(DARK_TEXT, background), contrast_ratio(LIGHT_TEXT, background)
    if max(dark, light) >= TEXT_AA:
        return DARK_TEXT.rgba() if dark >= light else LIGHT_TEXT.rgba()
    return QColor("#000000").rgba()


def legible(color: QColor, background: QColor, toward: QColor) -> QColor:
    """``color`` itself when it reaches 4.5:1 on ``background``, else the first mix towards ``toward`` (the
    palette's full text colour) that does: a muted text stays as muted as the rule allows. A see-through ``color``
    (Qt's placeholder text is the text colour at half opacity) counts as painted over ``background``."""
    return QColor.fromRgba(_legible_rgba(color.rgba(), background.rgba(), toward.rgba()))


@lru_cache(maxsize=4096)
def _legible_rgba(color_rgba: int, background_rgba: int, toward_rgba: int) -> int:
    color, background, toward = (QColor.fromRgba(c) for c in (color_rgba, background_rgba, toward_rgba))
    color = _mix(background, color, color.alphaF())
    for step in range(11):
        candidate = QColor.fromRgba(_mix(color, toward, step / 10).rgba())  # judged as it will be painted (8 bits)
        if contrast_ratio(candidate, background) >= TEXT_AA:
            return candidate.rgba()
    return toward.rgba()


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
        1.0,
    )
