"""One takeover's report on screen: key figures, reach and views per frame, exits and replies per frame, the
table of every frame's numbers, how many viewers stayed to the last frame, and follower growth against the weeks
before; exported as PDF or CSV through the same service the command line uses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.insights.report import TakeoverReport
from takeover_planner.services import insights_service
from takeover_planner.services.context import AppContext
from takeover_planner.texts import current_language
from takeover_planner.ui.i18n import date_text, range_text
from takeover_planner.ui.insights.charts import FrameChart
from takeover_planner.ui.insights.models import FrameTableModel
from takeover_planner.ui.insights.texts import metric_name, number, percent
from takeover_planner.ui.insights.tiles import FigureTile
from takeover_planner.ui.tasks import READ, TaskRunner

REACH = QColor("#2f6fde")
VIEWS = QColor("#9db9ee")
EXITS = QColor("#c2415d")
REPLIES = QColor("#2e9e6a")


class TakeoverReportView(QWidget):
    export_finished = Signal(str)  # the file written
    export_failed = Signal(str)

    def __init__(self, ctx: AppContext, tasks: TaskRunner, parent: QWidget | None = None, *,
                 language: Callable[[], str] | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._language = language or current_language  # the report file in the language the app speaks
        self.report: TakeoverReport | None = None
        self.dialog: QFileDialog | None = None

        self.title = QLabel(self)
        self.title.setObjectName("dialogHeading")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("muted")
        self.sample = QLabel(self)
        self.sample.setObjectName("warning")
        self.sample.setWordWrap(True)
        self.pdf_button = QPushButton(self)
        self.pdf_button.clicked.connect(lambda: self.ask_export(".pdf"))
        self.csv_button = QPushButton(self)
        self.csv_button.clicked.connect(lambda: self.ask_export(".csv"))
        self.tiles = [FigureTile(self) for _ in range(6)]
        self.reach_chart = FrameChart(self)
        self.exit_chart = FrameChart(self)
        self.missing_note = QLabel(self)
        self.missing_note.setObjectName("muted")
        self.followers_text = QLabel(self)
        self.followers_text.setWordWrap(True)
        self.stayed_text = QLabel(self)
        self.stayed_text.setWordWrap(True)
        self.model = FrameTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(150)

        heading = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        heading.addLayout(titles, 1)
        heading.addWidget(self.pdf_button, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.csv_button, 0, Qt.AlignmentFlag.AlignTop)
        tiles = QGridLayout()
        tiles.setSpacing(8)
        for index, tile in enumerate(self.tiles):
            tiles.addWidget(tile, 0, index)
            tiles.setColumnStretch(index, 1)
        charts = QHBoxLayout()
        charts.addWidget(self.reach_chart, 1)
        charts.addWidget(self.exit_chart, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(heading)
        layout.addWidget(self.sample)
        layout.addLayout(tiles)
        layout.addLayout(charts, 3)
        layout.addWidget(self.missing_note)
        layout.addWidget(self.followers_text)
        layout.addWidget(self.stayed_text)
        layout.addWidget(self.table, 2)
        self._retranslate()
        self.show_report(None)

    # --- showing ---------------------------------------------------------------------------------------------

    def show_report(self, report: TakeoverReport | None) -> None:
        self.report = report
        for widget in (self.pdf_button, self.csv_button):
            widget.setEnabled(report is not None)
        self.sample.setVisible(bool(report and report.sample))
        if report is None:
            self.title.setText(self.tr("Takeover report"))
            self.subtitle.setText(self.tr("Choose a takeover to see its report."))
            self.model.set_rows([])
            self.reach_chart.clear()
            self.exit_chart.clear()
            for tile in self.tiles:
                tile.hide()
            for label in (self.missing_note, self.followers_text, self.stayed_text):
                label.clear()
            return
        for tile in self.tiles:
            tile.show()
        self.title.setText(self.tr("Takeover report: %1").replace("%1", report.department))
        parts = [report.account, range_text(report.start, report.end)]
        if report.campaign:
            parts.append(report.campaign)
        self.subtitle.setText("  ·  ".join(parts))
        self._show_tiles(report)
        published = [f for f in report.frames if f.published_at is not None]
        categories = [str(f.number) for f in published]
        self.reach_chart.chart().setTitle(self.tr("Reach and views per frame"))
        self.reach_chart.show_bars(categories, [
            (metric_name("reach"), REACH, [f.value("reach") for f in published]),
            (metric_name("views"), VIEWS, [f.value("views") for f in published])])
        self.exit_chart.chart().setTitle(self.tr("Exits and replies per frame"))
        self.exit_chart.show_bars(categories, [
            (metric_name("exits"), EXITS, [f.value("exits") for f in published]),
            (metric_name("replies"), REPLIES, [f.value("replies") for f in published])])
        missing = any(f.value("reach") is None for f in published)
        self.missing_note.setText(self.tr("– after a frame's number: Instagram gave no figures for it (see the "
                                          "table); it is not counted as zero.") if missing else "")
        self.missing_note.setVisible(missing)
        self._show_texts(report)
        self.model.set_rows(report.frames)

    def _show_tiles(self, report: TakeoverReport) -> None:
        first = [d.first_reach for d in report.retention if d.first_reach is not None]
        followers = report.followers
        before = self.tr("Before: %1 a day").replace("%1", number(followers.before_per_day, 1, signed=True)) \
            if followers.before_per_day is not None else self.tr("Not enough history before")
        figures = [
            (metric_name("views"), number(report.totals.get("views")),
             self.tr("%1 of %2 frames collected").replace("%1", str(report.collected)).replace(
                 "%2", str(report.published))),
            (self.tr("Viewers of the first frame"), number(sum(first) / len(first) if first else None), ""),
            (self.tr("Stayed to the last frame"), percent(report.stayed), ""),
            (metric_name("replies"), number(report.totals.get("replies")), ""),
            (self.tr("Follows from the story"), number(report.totals.get("follows")), ""),
            (self.tr("Followers during the takeover"), number(followers.during, signed=True), before),
        ]
        for tile, (title, value, note) in zip(self.tiles, figures, strict=True):
            tile.show_figure(title, value, note)

    def _show_texts(self, report: TakeoverReport) -> None:
        f = report.followers
        if f.during is None:
            self.followers_text.setText(self.tr("Followers during the takeover: not known (no follower count was "
                                                "read before and during it)."))
        else:
            text = self.tr("Followers during the takeover: %1 over %2 days (%3 a day).").replace(
                "%1", number(f.during, signed=True)).replace("%2", str(f.during_days)).replace(
                "%3", number(f.during_per_day, 1, signed=True))
            if f.before_per_day is not None:
                text += " " + self.tr("In the %1 days before: %2 a day.").replace("%1", str(f.before_days)).replace(
                    "%2", number(f.before_per_day, 1, signed=True))
            self.followers_text.setText(text)
        days = [self.tr("%1: %2 of %3 (%4)").replace("%1", date_text(d.day)).replace(
            "%2", number(d.last_reach)).replace("%3", number(d.first_reach)).replace("%4", percent(d.share))
            for d in report.retention]
        self.stayed_text.setText(self.tr("Viewers who stayed to the last frame — %1").replace("%1", "; ".join(days))
                                 if days else "")

    # --- export ----------------------------------------------------------------------------------------------

    def ask_export(self, suffix: str) -> None:
        if self.report is None:
            return
        name = f"{self.report.department} {self.report.start.isoformat()}{suffix}".replace("/", "-")
        dialog = QFileDialog(self, self.tr("Save the report"), str(Path.home() / name))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix.lstrip("."))
        dialog.setNameFilter(self.tr("PDF (*.pdf)") if suffix == ".pdf" else self.tr("CSV for Excel (*.csv)"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def export_to(self, path: Path) -> None:
        if self.report is None:
            return
        ctx, slot_id, language = self._ctx, self.report.slot_id, self._language()

        def work() -> str:
            return str(insights_service.export_report(ctx, slot_id, path, language=language).path)

        self._tasks.run(work, on_done=self.export_finished.emit,
                        on_error=lambda exc: self.export_failed.emit(exc.message), kind=READ)

    # --- language --------------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.pdf_button.setText(self.tr("Save as PDF…"))
        self.csv_button.setText(self.tr("Save as CSV…"))
        self.sample.setText(self.tr("Sample data (demo): these are not real figures."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.show_report(self.report)
        super().changeEvent(event)
