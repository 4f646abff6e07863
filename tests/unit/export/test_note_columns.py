"""The team's own spreadsheets carry both notes of a slot, side by side and named apart: the note to the
department and the comms team's internal note."""

from __future__ import annotations

import csv
import io

import openpyxl

from takeover_planner.exporting import csv_export, xlsx_export
from takeover_planner.texts.export_words import ExportWords
from tests.unit.export.helpers import make_slot

BOKMAAL = ExportWords("nb")
ENGLISH = ExportWords("en")
SLOT = make_slot(department_note="Velkommen!\r\nMøt opp kl. 9", notes="=Ring brannsjefen først")


def _csv(excel: bool, words: ExportWords) -> dict[str, str]:
    text = csv_export.csv_bytes([SLOT], excel=excel, words=words).decode("utf-8-sig" if excel else "utf-8")
    header, row = csv.reader(io.StringIO(text, newline=""), delimiter=";" if excel else ",")
    assert len(header) == len(set(header)), header
    return dict(zip(header, row, strict=True))


def test_excel_csv_names_both_notes_in_bokmaal_side_by_side() -> None:
    cells = _csv(True, BOKMAAL)
    names = list(cells)
    assert names.index("Melding til enheten") + 1 == names.index("Intern merknad")
    assert cells["Melding til enheten"] == "Velkommen!\nMøt opp kl. 9"
    assert cells["Intern merknad"] == " =Ring brannsjefen først"  # defused, as every text cell
    assert list(_csv(True, ENGLISH))[names.index("Intern merknad") - 1:][:2] == ["Note to the department",
                                                                                 "Internal note"]


def test_plain_csv_keys() -> None:
    cells = _csv(False, ENGLISH)
    assert list(cells) == list(csv_export.COLUMNS)
    assert (cells["department_note"], cells["notes"]) == ("Velkommen!\nMøt opp kl. 9", " =Ring brannsjefen først")


def test_workbook_has_both_notes_as_text() -> None:
    book = openpyxl.load_workbook(io.BytesIO(xlsx_export.workbook_bytes([SLOT], words=BOKMAAL)))
    sheet = book[str(SLOT.start.year)]
    header = [c.value for c in sheet[1]]
    assert header == csv_export.excel_headers(BOKMAAL)
    assert len(xlsx_export.COLUMN_KEYS) == len(header)
    department = sheet.cell(2, header.index("Melding til enheten") + 1)
    internal = sheet.cell(2, header.index("Intern merknad") + 1)
    assert department.value == "Velkommen!\nMøt opp kl. 9" and department.alignment.wrap_text
    assert internal.data_type == "s" and internal.value == "=Ring brannsjefen først"
