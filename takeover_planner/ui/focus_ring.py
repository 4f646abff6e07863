"""A clear keyboard focus ring on every standard control (WCAG 2.4.7 and 1.4.11: visible, at least 3:1 against
what surrounds it), drawn by a proxy over the platform's style.

Fusion marks focus with a faint 1 px highlight-tinted line. A style sheet rule (``QPushButton:focus { border … }``)
would hand the whole control over to style sheet drawing while it has focus: combo boxes and spin boxes then lose
their native arrows. The proxy instead lets the platform draw the control exactly as before and adds a 2 px ring in
the palette's text colour on top, only while the control has focus, so nothing changes for an unfocused control.
(Lists, tables and text areas are the one exception: their frame line stays, with one pixel more room inside it,
since only the frame shows around their viewport and the ring needs two.) The ring colour is the one ``theme.py``
gives the view switcher and the New booking button.

Buttons, check boxes, radio buttons, tabs and the current item of a list or table are drawn with the style's focus
rectangle, which the proxy replaces by the ring; text fields, combo boxes, spin and date boxes and the frames of
lists, tables and text areas get a ring along their edge. The ring shows whenever the control has focus, not only
after a Tab press (as Fusion does): a dialog opened by a shortcut starts with its focus already placed, and a keyboard
user must see where it is before pressing anything.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QProxyStyle,
    QPushButton,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QTabBar,
    QToolButton,
    QWidget,
)

RING_WIDTH = 2
EDGE_RINGED_CONTROLS = (
    QStyle.ComplexControl.CC_ComboBox,
    QStyle.ComplexControl.CC_SpinBox,
    QStyle.ComplexControl.CC_ToolButton,
)
EDGE_RINGED_ELEMENTS = (QStyle.ControlElement.CE_PushButton, QStyle.ControlElement.CE_TabBarTab)


def ring_color(palette: QPalette) -> QColor:
    """The text colour: near black on a light window, near white on a dark one (well over 3:1 on either)."""
    return palette.color(QPalette.ColorRole.WindowText)


def _draw_ring(painter: QPainter, option: QStyleOption, *, radius: float = 3.0) -> None:
    rect = QRectF(option.rect).adjusted(RING_WIDTH / 2, RING_WIDTH / 2, -RING_WIDTH / 2, -RING_WIDTH / 2)
    if rect.width() <= RING_WIDTH or rect.height() <= RING_WIDTH:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(ring_color(option.palette), RING_WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, radius, radius)
    painter.restore()


def _has_focus(option: QStyleOption) -> bool:
    return bool(option.state & QStyle.StateFlag.State_HasFocus) and bool(option.state & QStyle.StateFlag.State_Enabled)


class FocusRingStyle(QProxyStyle):
    """The platform style with a visible focus ring (see the module's note)."""

    def drawPrimitive(
        self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter, widget: QWidget | None = None
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            # The caller draws it only for the control (or the item) that has focus. Push buttons, tool buttons and
            # tabs get the ring along their edge instead (below), not a second one round their label.
            if not isinstance(widget, (QPushButton, QToolButton, QTabBar)):
                _draw_ring(painter, option, radius=2.0)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_PanelLineEdit and _has_focus(option) and _framed(widget):
            _draw_ring(painter, option)

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_DefaultFrameWidth and isinstance(widget, QAbstractScrollArea):
            # Lists, tables and text areas show only their frame around the viewport: room for the whole ring.
            return max(value, RING_WIDTH)
        return value

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in EDGE_RINGED_CONTROLS and _has_focus(option):
            _draw_ring(painter, option)

    def drawControl(
        self, element: QStyle.ControlElement, option: QStyleOption, painter: QPainter, widget: QWidget | None = None
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element in EDGE_RINGED_ELEMENTS and _has_focus(option):
            _draw_ring(painter, option)
        elif (
            element == QStyle.ControlElement.CE_ShapedFrame
            and isinstance(widget, QAbstractScrollArea)
            and widget.frameShape() != widget.Shape.NoFrame
            and _has_focus(option)
        ):
            _draw_ring(painter, option, radius=2.0)


def _framed(widget: QWidget | None) -> bool:
    """A line edit that draws its own frame (the one inside a spin box or an editable combo box does not: its owner
    draws the ring)."""
    frame = getattr(widget, "hasFrame", None)
    return bool(frame()) if callable(frame) else True


def install_focus_ring(app: QApplication) -> None:
    """Put ``FocusRingStyle`` over the application's style, once (a second call changes nothing)."""
    if isinstance(app.style(), FocusRingStyle):
        return
    name = app.style().name()
    app.setStyle(FocusRingStyle(name))
