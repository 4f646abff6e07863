"""The deliberate Qt adapter of the core: it paints a laid-out PDF (``exporting.pdf``) with QPdfWriter.

Why Qt below ``ui/``: Qt's own PDF writer embeds and subsets fonts (so æøå print and the text can be searched
and copied) with no new dependency, and the command line must be able to export a PDF without the GUI
module. Only QtGui is used — no widgets, no window — and only here; everything about *what* is drawn lives
in the Qt-free ``exporting.pdf``. The painting runs in any thread (QPdfWriter is a plain paint device), so
the export dialog can run it off the GUI thread. ``text_width`` lends a layout the painter's own font metrics,
so a Qt-free layout that flows paragraphs (the takeover brief) breaks its lines exactly where they fit.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from takeover_planner import __version__
from takeover_planner.errors import EnvironmentProblem
from takeover_planner.exporting.pdf import PAGE_HEIGHT, PAGE_WIDTH, Document, Line, Rect, Text

Progress = Callable[[int, int], None]

RESOLUTION = 300  # dots per inch for Qt's layout grid; the PDF itself stays vector
_SCALE = RESOLUTION / 72.0

# Qt needs a QGuiApplication for fonts. The command line has none, so one is made on first use and kept
# for the life of the process (Qt allows only one, and it must outlive every painter).
_gui_app: QGuiApplication | None = None


def ensure_gui_application() -> None:
    global _gui_app
    existing = QGuiApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise EnvironmentProblem("Cannot make a PDF here: Qt runs without its graphics part in this process.")
        return
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless and not os.environ.get("QT_QPA_PLATFORM"):
        # No screen (a server, a CI job, ssh): the offscreen platform still has fonts and painting.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _gui_app = QGuiApplication(["takeover-planner"])


class _Painter:
    """Fonts and metrics cached per (size, bold, strike): the list view draws thousands of cells."""

    def __init__(self, painter: QPainter, device: QPdfWriter) -> None:
        self.painter = painter
        self.device = device
        self._fonts: dict[tuple[float, bool, bool], tuple[QFont, QFontMetricsF]] = {}

    def font(self, size: float, bold: bool, strike: bool) -> tuple[QFont, QFontMetricsF]:
        key = (size, bold, strike)
        if key not in self._fonts:
            font = _font(size, bold, strike)
            self._fonts[key] = (font, QFontMetricsF(font, self.device))
        return self._fonts[key]

    def rect(self, item: Rect) -> None:
        p = self.painter
        if item.stroke:
            pen = QPen(QColor(item.stroke))
            pen.setWidthF(item.stroke_width * _SCALE)
            if item.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
        else:
            p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(QColor(item.fill)) if item.fill else Qt.BrushStyle.NoBrush)
        p.drawRect(_box(item.x, item.y, item.w, item.h))

    def line(self, item: Line) -> None:
        pen = QPen(QColor(item.color))
        pen.setWidthF(item.width * _SCALE)
        self.painter.setPen(pen)
        self.painter.drawLine(QPointF(item.x1 * _SCALE, item.y1 * _SCALE), QPointF(item.x2 * _SCALE, item.y2 * _SCALE))

    def text(self, item: Text) -> None:
        if not item.text or item.w <= 0:
            return
        font, metrics = self.font(item.size, item.bold, item.strike)
        box = _box(item.x, item.y, item.w, item.h)
        align = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
                 "right": Qt.AlignmentFlag.AlignRight}[item.align]
        self.painter.setFont(font)
        self.painter.setPen(QColor(item.color))
        if item.wrap:
            flags = align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
            self.painter.drawText(box, int(flags), item.text)
            return
        shown = metrics.elidedText(item.text.replace("\n", " "), Qt.TextElideMode.ElideRight, box.width())
        self.painter.drawText(box, int(align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine), shown)


def _font(size: float, bold: bool, strike: bool = False) -> QFont:
    font = QFont()
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setFamilies(["DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Sans Serif"])
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setStrikeOut(strike)
    # No "fi"/"fl" ligatures: with them a reader copies or searches "ﬁl" instead of "fil".
    font.setFeature(QFont.Tag("liga"), 0)
    return font


class _Measure:
    """Widths measured on a PDF writer of the painter's resolution, so they match what will be painted."""

    def __init__(self) -> None:
        ensure_gui_application()
        self._buffer = QBuffer()  # never written: nothing paints on this writer
        self._device = QPdfWriter(self._buffer)
        self._device.setResolution(RESOLUTION)
        self._metrics: dict[tuple[float, bool], QFontMetricsF] = {}

    def width(self, text: str, size: float, bold: bool) -> float:
        key = (size, bold)
        if key not in self._metrics:
            self._metrics[key] = QFontMetricsF(_font(size, bold), self._device)
        return self._metrics[key].horizontalAdvance(text) / _SCALE


_measure: _Measure | None = None
_measure_lock = threading.Lock()  # a brief may be laid out on a worker thread while another is being made


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` on one line, in points, in the font the painter uses."""
    global _measure
    with _measure_lock:
        if _measure is None:
            _measure = _Measure()
        return _measure.width(text, size, bold)


def _box(x: float, y: float, w: float, h: float) -> QRectF:
    return QRectF(x * _SCALE, y * _SCALE, w * _SCALE, h * _SCALE)


def render_pdf(document: Document, progress: Progress | None = None) -> bytes:
    """The document as PDF bytes (the caller writes them atomically)."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(document.title)
    writer.setCreator(f"Takeover Planner {__version__}")
    portrait = document.orientation == "portrait"
    orientation = QPageLayout.Orientation.Portrait if portrait else QPageLayout.Orientation.Landscape
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0)))
    width, height = (PAGE_HEIGHT, PAGE_WIDTH) if portrait else (PAGE_WIDTH, PAGE_HEIGHT)
    page_rect = writer.pageLayout().fullRectPoints()
    if abs(page_rect.width() - round(width)) > 1 or abs(page_rect.height() - round(height)) > 1:
        raise EnvironmentProblem(f"Qt did not give an A4 {document.orientation} page; the PDF cannot be laid out.")
    painter = QPainter()
    if not painter.begin(writer):
        raise EnvironmentProblem("Qt could not start writing the PDF.")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint = _Painter(painter, writer)
        total = len(document.pages)
        for number, page in enumerate(document.pages, start=1):
            if number > 1:
                writer.newPage()
            for item in page.items:
                if isinstance(item, Rect):
                    paint.rect(item)
                elif isinstance(item, Text):
                    paint.text(item)
                else:
                    paint.line(item)
            if progress is not None:
                progress(number, total)
    finally:
        painter.end()
        buffer.close()
    return bytes(data.data())
