"""The exports opened by a spreadsheet program that is not ours: LibreOffice Calc, headless (Debian:
``libreoffice-calc-nogui``). Each file is converted to .xlsx by LibreOffice and read back with openpyxl, so what
LibreOffice made of every cell — a date, a text, a formula — is what is checked.

Skipped where LibreOffice is not installed, unless TAKEOVER_PLANNER_REQUIRE_LIBREOFFICE=1 (CI, which installs it)
makes that a failure.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from takeover_planner.exporting import csv_export, xlsx_export
from takeover_planner.texts.export_words import ExportWords
from tests.unit.export.helpers import make_slot

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(autouse=True)
def _libreoffice() -> None:
    if SOFFICE is None:
        if os.environ.get("TAKEOVER_PLANNER_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("LibreOffice (libreoffice-calc-nogui) is required (TAKEOVER_PLANNER_REQUIRE_LIBREOFFICE=1)")
        pytest.skip("LibreOffice (soffice) is not installed")


DANGER = '=HYPERLINK("http://evil.example/","Klikk her")'
ENGLISH = ExportWords("en")
# LibreOffice's CSV import options: separator, text delimiter, UTF-8, first line; the later fields switch on
# "detect special numbers" (dates) and "evaluate formulas" — the most trusting way to open a CSV.
EXCEL_CSV = "CSV:59,34,76,1,,0,false,true,false,false,false,,true"
PLAIN_CSV = "CSV:44,34,76,1,,0,false,true,false,false,false,,true"


def convert(source: Path, tmp_path: Path, infilter: str | None = None) -> openpyxl.Workbook:
    out = tmp_path / "converted"
    command = [str(SOFFICE), f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    return openpyxl.load_workbook(out / f"{source.stem}.xlsx")


def slot():  # type: ignore[no-untyped-def]
    return make_slot(notes=DANGER, department="@Biblioteket", contact_phone="+47 900 00 000")


@pytest.mark.parametrize(("excel", "infilter"), [(True, EXCEL_CSV), (False, PLAIN_CSV)])
def test_libreoffice_reads_defused_cells_as_text_without_a_visible_mark(tmp_path, excel, infilter):
    source = tmp_path / f"plan-{'excel' if excel else 'plain'}.csv"
    source.write_bytes(csv_export.csv_bytes([slot()], excel=excel, words=ENGLISH))
    sheet = convert(source, tmp_path, infilter).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    cells = {name: cell for name, cell in zip(header, sheet[2], strict=True)}
    notes = cells["Internal note" if excel else "notes"]
    assert notes.data_type == "s" and notes.value == " " + DANGER, "text, led by a space, no apostrophe"
    assert cells["Department" if excel else "department"].value == " @Biblioteket"
    assert not any(c.data_type == "f" for c in sheet[2]), "LibreOffice made no formula of any cell"
    start = cells["Start" if excel else "start"]
    assert start.is_date and start.value == dt.datetime(2027, 3, 1), "ISO dates become real dates"


def test_without_the_guard_libreoffice_would_run_the_formula(tmp_path):
    """The reason for all this: the same cell, unguarded (``export csv --raw``), becomes a live formula."""
    source = tmp_path / "raw.csv"
    source.write_bytes(csv_export.csv_bytes([slot()], excel=False, words=ENGLISH, guard=False))
    sheet = convert(source, tmp_path, PLAIN_CSV).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert sheet.cell(2, header.index("notes") + 1).data_type == "f"


def test_libreoffice_opens_the_workbook_with_real_dates_and_text(tmp_path):
    source = tmp_path / "plan.xlsx"
    source.write_bytes(xlsx_export.workbook_bytes(
        [slot(), make_slot(id=8, start=dt.date(2028, 1, 3))], words=ExportWords("nb")))
    book = convert(source, tmp_path)
    assert book.sheetnames == ["2027", "2028"]
    sheet = book["2027"]  # (the frozen header is view data, which a headless conversion does not write back)
    header = [c.value for c in sheet[1]]
    cells = {name: cell for name, cell in zip(header, sheet[2], strict=True)}
    assert cells["Start"].is_date and cells["Start"].value == dt.datetime(2027, 3, 1)
    assert cells["Uke"].value == 9
    assert cells["Intern merknad"].data_type == "s" and cells["Intern merknad"].value == DANGER
