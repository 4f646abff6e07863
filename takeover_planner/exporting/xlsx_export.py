"""The takeover calendar as an Excel workbook (.xlsx, Office Open XML), written with ``openpyxl``.

Why a workbook as well as the CSV: a CSV cannot say "this is a date" or "keep the header in view" — Excel guesses
from the text and the locale, and a double-click opens it without column widths. Here the cells carry real
types, so a Norwegian and an English Excel (and LibreOffice) sort and filter them the same way:

- one sheet per year (the year the takeover starts), oldest first; an empty export has one empty year sheet;
- the same columns as the Excel CSV (``csv_export.excel_headers``), in the chosen language;
- Start and End are dates, the ISO week and day count numbers, the material deadline a date and time in Oslo
  time (a workbook has no time zones; the column title says so), frame counts numbers;
- the header row is bold and frozen, the columns have widths from their content (bounded), and an auto-filter
  covers the table;
- text is always a string cell: a note that starts with ``=`` is never stored as a formula (openpyxl would
  otherwise take it for one) and is marked "quote prefix", the workbook's own way of saying "typed as text".
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from takeover_planner.domain.timekeeping import OSLO, iso_week, today_oslo
from takeover_planner.exporting.csv_export import FORMULA_STARTS, excel_headers
from takeover_planner.exporting.records import ExportSlot
from takeover_planner.texts.export_words import ExportWords

Progress = Callable[[int, int], None]

# Shown in the reader's convention; the values are real dates either way.
DATE_FORMATS = {"nb": "dd.mm.yyyy", "en": "yyyy-mm-dd"}
MOMENT_FORMATS = {"nb": "dd.mm.yyyy hh:mm", "en": "yyyy-mm-dd hh:mm"}
MIN_WIDTH, MAX_WIDTH = 6, 60  # characters
WRAPPED_COLUMNS = frozenset({"department_note", "notes", "cancel_reason"})
COLUMN_KEYS = (
    "id", "start", "end", "week", "days", "account", "department", "status", "campaign", "contact_name",
    "contact_email", "contact_phone", "material_deadline", "frames_submitted", "frames_approved",
    "frames_published", "news_url", "department_note", "notes", "cancel_reason",
)


def _values(slot: ExportSlot, words: ExportWords) -> list[Any]:
    deadline = None
    if slot.material_deadline is not None:
        # Excel has no time zones: the Oslo wall-clock time, as the column title says.
        deadline = slot.material_deadline.astimezone(OSLO).replace(tzinfo=None)
    frames = slot.frames
    return [
        slot.id, slot.start, slot.end, iso_week(slot.start), slot.day_count, slot.account, slot.department,
        words.slot_status(slot.status), slot.campaign or "", slot.contact_name, slot.contact_email,
        slot.contact_phone, deadline, frames.submitted, frames.approved, frames.published, slot.news_url,
        _lines(slot.department_note), _lines(slot.notes), slot.cancel_reason,
    ]


def _lines(text: str) -> str:
    """One kind of line break inside a cell (as in the CSV)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _put(sheet: Worksheet, row: int, column: int, value: Any, language: str) -> Cell:
    cell: Cell = sheet.cell(row=row, column=column)
    if value is None or value == "":
        return cell
    cell.value = value
    if isinstance(value, str):
        # openpyxl stores any string that starts with "=" as a formula: force a string cell.
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    elif isinstance(value, dt.datetime):
        cell.number_format = MOMENT_FORMATS.get(language, MOMENT_FORMATS["en"])
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMATS.get(language, DATE_FORMATS["en"])
    return cell


def _shown_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    return max((len(line) for line in str(value).split("\n")), default=0)


def _sheet(book: Workbook, title: str, headers: list[str], rows: list[list[Any]], language: str) -> None:
    sheet = book.create_sheet(title=title)
    widths = [len(h) for h in headers]
    bold = Font(bold=True)
    for column, header in enumerate(headers, start=1):
        cell = _put(sheet, 1, column, header, language)
        cell.font = bold
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for row_number, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            cell = _put(sheet, row_number, column, value, language)
            cell.alignment = wrap if COLUMN_KEYS[column - 1] in WRAPPED_COLUMNS else top
            widths[column - 1] = max(widths[column - 1], _shown_width(value))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(len(rows) + 1, 1)}"


def workbook_bytes(
    slots: Sequence[ExportSlot], *, words: ExportWords, progress: Progress | None = None,
    made: dt.datetime | None = None,
) -> bytes:
    """The workbook as a file's bytes; ``progress`` counts the slots, then one step for writing."""
    headers = excel_headers(words)
    language = words.language
    by_year: dict[int, list[list[Any]]] = {}
    total = len(slots)
    for done, slot in enumerate(slots, start=1):
        by_year.setdefault(slot.start.year, []).append(_values(slot, words))
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total + 1)
    if not by_year:
        by_year[today_oslo().year] = []
    book = Workbook()
    assert book.active is not None
    book.remove(book.active)  # the default "Sheet"
    for year in sorted(by_year):
        _sheet(book, str(year), headers, by_year[year], language)
    if made is not None:
        book.properties.created = book.properties.modified = made.astimezone(dt.UTC).replace(tzinfo=None)
    out = io.BytesIO()
    book.save(out)
    if progress is not None:
        progress(total + 1, total + 1)
    return out.getvalue()
