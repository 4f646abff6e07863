"""The takeover report as CSV: one row per frame, every metric in its own column.

Like the calendar export (``exporting.csv_export``), two dialects: *Excel* (UTF-8 with BOM, ``;``, CRLF,
translated column titles and statuses, Oslo times as ``YYYY-MM-DD HH:MM``, text cells made inert against
formulas) and *plain* for scripts (UTF-8, ``,``, LF, fixed English keys, ISO 8601 times with offset).
A number Instagram did not give is an empty cell, never 0; the status column says why.
"""

from __future__ import annotations

import datetime as dt
import io

from takeover_planner.domain.timekeeping import to_oslo
from takeover_planner.exporting.csv_export import defuse, dialect_bytes, dialect_writer
from takeover_planner.insights.labels import ReportLabels
from takeover_planner.insights.metrics import StoryNumbers
from takeover_planner.insights.report import FrameRow, TakeoverReport
from takeover_planner.insights.schedule import HAS_NUMBERS

KEYS = ("slot_id", "department", "account", "campaign", "frame", "frame_id", "day", "published_at", "insights",
        *StoryNumbers.names(), "read_at", "sample")


def _headers(labels: ReportLabels) -> list[str]:
    return ["ID", labels.department, labels.account, labels.campaign, labels.frame, f"{labels.frame} ID",
            labels.day, labels.published, labels.status, *(labels.metrics[m] for m in StoryNumbers.names()),
            labels.read_at, labels.sample]


def _time(moment: dt.datetime | None, excel: bool) -> str:
    if moment is None:
        return ""
    local = to_oslo(moment)
    return f"{local:%Y-%m-%d %H:%M}" if excel else local.isoformat(timespec="seconds")


def _row(report: TakeoverReport, frame: FrameRow, *, excel: bool, labels: ReportLabels) -> list[object]:
    texts = [report.department, report.account, report.campaign or ""]
    if excel:
        texts = [defuse(t) for t in texts]
    status = labels.statuses[frame.status] if excel else frame.status.value
    values = ["" if frame.value(m) is None else frame.value(m) for m in StoryNumbers.names()]
    sample = ("x" if frame.sample else "") if excel else str(frame.sample).lower()
    return [report.slot_id, *texts, frame.number, frame.frame_id, frame.day.isoformat(),
            _time(frame.published_at, excel), status, *values,
            _time(frame.read_at if frame.status in HAS_NUMBERS else None, excel), sample]


def report_csv(report: TakeoverReport, *, labels: ReportLabels, excel: bool = True) -> bytes:
    buffer = io.StringIO()
    writer = dialect_writer(buffer, excel=excel)
    writer.writerow(_headers(labels) if excel else KEYS)
    for frame in report.frames:
        writer.writerow(_row(report, frame, excel=excel, labels=labels))
    return dialect_bytes(buffer.getvalue(), excel=excel)
