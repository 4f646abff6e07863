"""A light touch of styling on top of the platform's style: the toolbar, the view switch, the primary
button, captions and error text. Every colour is derived from the current palette, so a dark system palette
gives a dark window (the stylesheet is rebuilt when the palette changes).

The controls this sheet styles draw their own focus ring below (the same colour as ``focus_ring``'s, which lies over
it); every control gets the ring of ``focus_ring``, which ``apply_theme`` sets to follow the focus (a style sheet rule
would take the drawing of combo and spin boxes away from the platform and change how they look)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from takeover_planner.ui.calendar.painting import is_dark, mix
from takeover_planner.ui.focus_ring import install_focus_ring

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
    # The keyboard focus ring on the controls this sheet styles (they lose the platform's own focus frame): the
    # border grows by as much as the padding shrinks, so focusing a control never moves the ones beside it.
    ring = text.name()  # the text colour, as focus_ring.ring_color: it stands out on the toolbar and on the accent-coloured button alike
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
QToolButton#segment:focus {{ border: 2px solid {ring}; padding: 4px 13px; }}
QToolButton#segment[position="middle"]:focus, QToolButton#segment[position="last"]:focus {{ padding-left: 12px; }}
QPushButton#primary:focus {{ border: 2px solid {ring}; padding: 4px 12px; }}
#plannerToolbar QToolButton[autoRaise="true"]:focus {{ border: 2px solid {ring}; border-radius: 4px; padding: 1px; }}
QSplitter::handle {{ background: {line.name()}; }}
"""


def apply_theme(widget: QWidget) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        install_focus_ring(app)
    sheet = stylesheet(widget.palette())
    if widget.styleSheet() != sheet:  # setting it again would send another round of style events
        widget.setStyleSheet(sheet)
