"""The Excel workbook, read back with openpyxl: real dates and numbers, one sheet per year, frozen header,
column widths, and text that is never a formula."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from takeover_planner.domain.timekeeping import oslo_datetime
from takeover_planner.exporting import xlsx_export
from takeover_planner.exporting.records import FrameCounts
from takeover_planner.texts.export_words import ExportWords
from tests.unit.export.helpers import make_slot

ENGLISH = ExportWords("en")
BOKMAAL = ExportWords("nb")


def load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def rows(sheet) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    header, *body = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=True)) for row in body]


def test_real_dates_week_numbers_and_counts():
    # 1 January 2027 is a Friday in ISO week 53; summer time has begun by 29 March.
    slot = make_slot(start=dt.date(2027, 1, 1), end=dt.date(2027, 1, 4),
                     material_deadline=oslo_datetime(dt.date(2027, 3, 29), dt.time(9, 30)), frames=FrameCounts(5, 2, 1))
    book = load(xlsx_export.workbook_bytes([slot], words=ENGLISH))
    (row,) = rows(book["2027"])
    assert row["Start"] == dt.datetime(2027, 1, 1) and row["End"] == dt.datetime(2027, 1, 4)
    assert (row["Week"], row["Days"], row["ID"]) == (53, 4, 7)
    assert row["Material deadline (Oslo time)"] == dt.datetime(2027, 3, 29, 9, 30)
    assert (row["Frames submitted"], row["Frames approved"], row["Frames published"]) == (5, 2, 1)
    cell = book["2027"]["B2"]
    assert cell.is_date and cell.number_format == "yyyy-mm-dd"


def test_one_sheet_per_year_oldest_first_with_frozen_bold_header_and_widths():
    slots = [make_slot(id=1, start=dt.date(2028, 2, 1)), make_slot(id=2, start=dt.date(2027, 12, 30),
                                                                    end=dt.date(2028, 1, 2), notes="x" * 500),
             make_slot(id=3, start=dt.date(2027, 3, 1))]
    book = load(xlsx_export.workbook_bytes(slots, words=BOKMAAL))
    assert book.sheetnames == ["2027", "2028"]
    assert [r["ID"] for r in rows(book["2027"])] == [2, 3]  # a slot over New Year belongs to its first year
    sheet = book["2027"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "ID" and sheet["B1"].value == "Start" and sheet["A1"].font.b
    assert sheet["B2"].number_format == "dd.mm.yyyy"
    widths = {letter: dim.width for letter, dim in sheet.column_dimensions.items()}
    assert widths["A"] >= xlsx_export.MIN_WIDTH
    assert max(widths.values()) <= xlsx_export.MAX_WIDTH  # the 500-character note is wrapped, not 500 wide
    assert sheet.auto_filter.ref == "A1:T3"


def test_text_that_looks_like_a_formula_stays_text():
    slot = make_slot(notes='=HYPERLINK("http://x","klikk")', department="+47 sentralbord", contact_phone="-1")
    data = xlsx_export.workbook_bytes([slot], words=ENGLISH)
    book = load(data)
    sheet = book["2027"]
    (row,) = rows(sheet)
    assert row["Internal note"] == '=HYPERLINK("http://x","klikk")' and row["Department"] == "+47 sentralbord"
    assert all(cell.data_type == "s" for cell in sheet[2] if isinstance(cell.value, str))
    assert b"<f>" not in _sheet_xml(data), "no formula anywhere in the workbook"


def test_an_empty_export_is_one_sheet_with_the_header():
    book = load(xlsx_export.workbook_bytes([], words=ENGLISH))
    assert len(book.sheetnames) == 1
    assert rows(book[book.sheetnames[0]]) == []


def _sheet_xml(data: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/"))
