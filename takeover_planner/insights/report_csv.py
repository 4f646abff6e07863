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
from takeover_planner.insights.metrics import StoryNumbers
from takeover_planner.insights.report import FrameRow, TakeoverReport
from takeover_planner.insights.schedule import HAS_NUMBERS
from takeover_planner.texts.report import ReportText as R
from takeover_planner.texts.report import ReportWords
from takeover_planner.texts.words import Word as W

KEYS = ("slot_id", "department", "account", "campaign", "frame", "frame_id", "day", "published_at", "insights",
        *StoryNumbers.names(), "read_at", "sample")


def _headers(words: ReportWords) -> list[str]:
    return ["ID", words(W.DEPARTMENT), words(W.ACCOUNT), words(W.CAMPAIGN), words(R.FRAME),
            f"{words(R.FRAME)} ID", words(R.DAY), words(R.PUBLISHED), words(R.INSIGHTS),
            *(words.metric(m) for m in StoryNumbers.names()), words(R.READ_AT), words(R.SAMPLE)]


def _time(moment: dt.datetime | None, excel: bool) -> str:
    if moment is None:
        return ""
    local = to_oslo(moment)
    return f"{local:%Y-%m-%d %H:%M}" if excel else local.isoformat(timespec="seconds")


def _row(report: TakeoverReport, frame: FrameRow, *, excel: bool, words: ReportWords) -> list[object]:
    texts = [report.department, report.account, report.campaign or ""]
    if excel:
        texts = [defuse(t) for t in texts]
    status = words.collection(frame.status) if excel else frame.status.value
    values = ["" if frame.value(m) is None else frame.value(m) for m in StoryNumbers.names()]
    sample = ("x" if frame.sample else "") if excel else str(frame.sample).lower()
    return [report.slot_id, *texts, frame.number, frame.frame_id, frame.day.isoformat(),
            _time(frame.published_at, excel), status, *values,
            _time(frame.read_at if frame.status in HAS_NUMBERS else None, excel), sample]


def report_csv(report: TakeoverReport, *, words: ReportWords, excel: bool = True) -> bytes:
    buffer = io.StringIO()
    writer = dialect_writer(buffer, excel=excel)
    writer.writerow(_headers(words) if excel else KEYS)
    for frame in report.frames:
        writer.writerow(_row(report, frame, excel=excel, words=words))
    return dialect_bytes(buffer.getvalue(), excel=excel)
