"""A light touch of styling on top of the platform's style: the toolbar, the view switch, the primary
button, captions and error text. Every colour is derived from the current palette, so a dark system palette
gives a dark window (the stylesheet is rebuilt when the palette changes)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from takeover_planner.ui.calendar.painting import is_dark, mix

ACCENT = QColor("#2f6fde")


def stylesheet(palette: QPalette) -> str:
    dark = is_dark(palette)
    base = palette.color(QPalette.ColorRole.Base)
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.Text)
    muted = mix(text, base, 0.45)
    line = mix(base, text, 0.14)
    toolbar = mix(window, base, 0.6)
    accent = ACCENT.lighter(125) if dark else ACCENT
    segment_on = mix(base, accent, 0.18 if not dark else 0.35)
    error = "#ff8a7a" if dark else "#b3261e"
    return f"""
#plannerToolbar {{ background: {toolbar.name()}; border-bottom: 1px solid {line.name()}; }}
#periodTitle {{ color: {text.name()}; }}
QLabel#muted {{ color: {muted.name()}; }}
QLabel#caption {{ color: {muted.name()}; font-weight: 600; }}
QLabel#warning {{ padding: 6px; border-radius: 6px; background: {mix(base, QColor('#e8890c'), 0.12).name()}; }}
QLabel#errorText {{ color: {error}; padding: 8px; border: 1px solid {error}; border-radius: 6px; }}
QLabel#dialogHeading {{ font-weight: 600; padding-bottom: 4px; }}
QToolButton#segment {{ padding: 5px 14px; border: 1px solid {line.name()}; background: {base.name()};
    color: {text.name()}; }}
QToolButton#segment[position="first"] {{ border-top-left-radius: 6px; border-bottom-left-radius: 6px; }}
QToolButton#segment[position="last"] {{ border-top-right-radius: 6px; border-bottom-right-radius: 6px; }}
QToolButton#segment[position="middle"], QToolButton#segment[position="last"] {{ border-left: none; }}
QToolButton#segment:checked {{ background: {segment_on.name()}; color: {accent.name() if not dark else text.name()};
    font-weight: 600; }}
QPushButton#primary {{ background: {accent.name()}; color: white; border: none; border-radius: 6px;
    padding: 6px 14px; font-weight: 600; }}
QPushButton#primary:hover {{ background: {accent.lighter(110).name()}; }}
QPushButton#primary:disabled {{ background: {mix(accent, base, 0.5).name()}; }}
#sidePanel {{ background: {base.name()}; }}
QSplitter::handle {{ background: {line.name()}; }}
"""


def apply_theme(widget: QWidget) -> None:
    sheet = stylesheet(widget.palette())
    if widget.styleSheet() != sheet:  # setting it again would send another round of style events
        widget.setStyleSheet(sheet)
