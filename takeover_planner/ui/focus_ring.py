"""A clear keyboard focus ring on every standard control (WCAG 2.4.7 and 1.4.11: visible, at least 3:1 against
what surrounds it), drawn by one frame that follows the focus.

Fusion marks focus with a faint 1 px highlight-tinted line. A style sheet rule (``QPushButton:focus { border … }``)
would hand the whole control over to style sheet drawing while it has focus: combo boxes and spin boxes then lose
their native arrows. Here the platform draws every control exactly as before, and a ``QFocusFrame`` — Qt's own
widget for rings drawn over another widget — lies on top of the control that has the focus and draws a 2 px ring
in the palette's text colour along its edge (round the current tab of a tab bar; a list or table also rings its
current item). The ring colour is the one
``theme.py`` gives the view switcher and the New booking button.

Why a frame and not a proxy style: a style written in Python is asked from C++ for every metric and every piece of
every control, each call a trip into Python — several per table cell, ~1,700 per paint of the agenda — to add a
ring to the one control that has the focus (``tests/benchmarks/bench_ui.py``). The frame is asked nothing: Qt moves
it with its control, keeps it on top, leaves it out of the accessibility tree and lets the mouse through it; it is
painted only when the ring itself needs painting, and its mask (the ring's band) leaves the control's inside alone.

The ring shows whenever a control has focus, not only after a Tab press (as Fusion does): a dialog opened by a
shortcut starts with its focus already placed, and a keyboard user must see where it is before pressing anything.
A widget that draws its own focus mark (the calendar's grids ring the day the keyboard is on) says so with the
``OWN_FOCUS_MARK`` property and gets no frame.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QMetaObject, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QRegion, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFocusFrame,
    QLineEdit,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QTabBar,
    QWidget,
)

RING_WIDTH = 2
# A widget with this property set to true draws its own focus mark, and the frame leaves it alone.
OWN_FOCUS_MARK = "drawsOwnFocusMark"
_TRACKER_NAME = "focusRingTracker"


def ring_color(palette: QPalette) -> QColor:
    """The text colour: near black on a light window, near white on a dark one (well over 3:1 on either)."""
    return palette.color(QPalette.ColorRole.WindowText)


class _FrameStyle(QProxyStyle):
    """What the frame asks its style (a few calls each time the focus moves; controls never see this style): lie on
    top of the control, exactly over it, with the mask the frame sets itself."""

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,  # noqa: N803 - Qt's name
    ) -> int:
        if hint == QStyle.StyleHint.SH_FocusFrame_AboveWidget:
            return 1
        if hint == QStyle.StyleHint.SH_FocusFrame_Mask:
            return 0
        return super().styleHint(hint, option, widget, returnData)

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        if metric in (QStyle.PixelMetric.PM_FocusFrameHMargin, QStyle.PixelMetric.PM_FocusFrameVMargin):
            return 0
        return super().pixelMetric(metric, option, widget)


class FocusRing(QFocusFrame):
    """The ring over the control that has the focus (see the module's note)."""

    def __init__(self, style: QStyle) -> None:
        super().__init__()
        self.setObjectName("focusRing")
        self.setStyle(style)
        self._watches: list[QMetaObject.Connection] = []

    def follow(self, target: QWidget | None) -> None:
        for connection in self._watches:
            QObject.disconnect(connection)
        self._watches = []
        self.setWidget(target)  # type: ignore[arg-type]  # Qt takes None (no widget: the ring hides); the stub does not say so
        if isinstance(target, QTabBar):
            self._watches = [target.currentChanged.connect(self._refresh)]
        elif isinstance(target, QAbstractItemView):
            self._watches = _item_view_watches(target, self._refresh)
        self._refresh()

    def ring_rects(self) -> list[QRect]:
        """Where rings go, in the frame's own coordinates (the frame lies exactly over its control): along the
        control's edge, or round the current tab; a list or table also rings its current item."""
        target = self.widget()
        if isinstance(target, QTabBar) and target.currentIndex() >= 0:
            return [target.tabRect(target.currentIndex())]
        rects = [self.rect()]
        if isinstance(target, QAbstractItemView) and target.currentIndex().isValid():
            viewport = target.viewport()
            item = target.visualRect(target.currentIndex()).intersected(viewport.rect())
            if item.width() > 2 * RING_WIDTH and item.height() > 2 * RING_WIDTH:
                rects.append(item.translated(viewport.mapTo(target, QPoint(0, 0))))
        return rects

    def _refresh(self, *_args: object) -> None:
        band = QRegion()
        for rect in self.ring_rects():
            inside = rect.adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH, -RING_WIDTH)
            band = band.united(QRegion(rect).subtracted(QRegion(inside)))
        self.setMask(band)
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refresh()

    def paintEvent(self, _event: QPaintEvent) -> None:
        target = self.widget()
        if target is None:
            return
        half = RING_WIDTH / 2
        radius = 2.0 if isinstance(target, QAbstractScrollArea) else 3.0
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        # The window's colours, not the control's: a style sheet may have given a control white text on a
        # coloured button (the New booking button), which would make a white ring.
        pen = QPen(ring_color(target.window().palette()), RING_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for ring in self.ring_rects():
            rect = QRectF(ring).adjusted(half, half, -half, -half)
            if rect.width() > RING_WIDTH and rect.height() > RING_WIDTH:
                painter.drawRoundedRect(rect, radius, radius)
        painter.end()


def _item_view_watches(view: QAbstractItemView, refresh: Callable[..., None]) -> list[QMetaObject.Connection]:
    """What moves a list's or table's current item on screen: another current item, scrolling, rows coming and
    going, columns resized."""
    watches = [
        view.verticalScrollBar().valueChanged.connect(refresh),
        view.horizontalScrollBar().valueChanged.connect(refresh),
    ]
    selection = view.selectionModel()
    if selection is not None:
        watches.append(selection.currentChanged.connect(refresh))
    model = view.model()
    if model is not None:
        watches += [model.layoutChanged.connect(refresh), model.modelReset.connect(refresh),
                    model.rowsInserted.connect(refresh), model.rowsRemoved.connect(refresh)]
    header = getattr(view, "horizontalHeader", None)
    if callable(header):
        watches.append(header().sectionResized.connect(refresh))
    return watches


def ring_target(widget: QWidget | None) -> QWidget | None:
    """The control to ring when ``widget`` has the focus, or None (a window, a menu or a pop-up list, a widget that
    draws its own mark). The text field inside a spin box or an editable combo box is ringed as its box."""
    if widget is None or widget.isWindow():
        return None
    if widget.window().windowType() == Qt.WindowType.Popup or widget.property(OWN_FOCUS_MARK):
        return None
    owner = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(owner, (QAbstractSpinBox, QComboBox)):
        return owner
    return widget


class _FocusRingTracker(QObject):
    """Moves the one ring to each widget that gets the focus; makes a new ring when a closed window took the old one
    with it (the frame lives in the window of the control it rings)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(_TRACKER_NAME)
        self._style = _FrameStyle()
        self._style.setParent(self)
        self._ring: FocusRing | None = None
        app.focusChanged.connect(self._on_app_focus_changed)
        self._on_app_focus_changed(None, app.focusWidget())

    @property
    def ring(self) -> FocusRing:
        if self._ring is None or not shiboken6.isValid(self._ring):
            self._ring = FocusRing(self._style)
        return self._ring

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        target = ring_target(new)
        if target is None and (self._ring is None or not shiboken6.isValid(self._ring)):
            return  # nothing to ring and no ring out
        self.ring.follow(target)


def install_focus_ring(app: QApplication) -> None:
    """Make the ring follow the focus in every window of ``app``, once (a second call changes nothing)."""
    if app.findChild(_FocusRingTracker, _TRACKER_NAME, Qt.FindChildOption.FindDirectChildrenOnly) is None:
        _FocusRingTracker(app)
