from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import oslo_datetime
from takeover_planner.exporting import csv_export
from takeover_planner.exporting.records import FrameCounts
from takeover_planner.texts.export_words import ExportWords
from tests.unit.export.helpers import make_slot

BOKMAAL = ExportWords("nb")
ENGLISH = ExportWords("en")


def read(data: bytes, *, excel: bool) -> list[list[str]]:
    text = data.decode("utf-8-sig" if excel else "utf-8")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if excel else ","))


def test_excel_variant_has_bom_semicolons_and_crlf():
    slot = make_slot(notes="første linje\r\nandre linje", department="Miljø; Ærlig, Åpen")
    data = csv_export.csv_bytes([slot], excel=True, words=BOKMAAL)
    assert data.startswith(b"\xef\xbb\xbf")
    body = data[3:]
    assert body.count(b"\r\n") == 2  # header and one row; the line break inside the notes is a bare LF
    assert b"\r\nandre" not in body and b"linje\nandre linje" in body
    header, row = read(data, excel=True)
    assert header[:8] == ["ID", "Start", "Slutt", "Uke", "Dager", "Konto", "Enhet", "Status"]
    cells = dict(zip(header, row, strict=True))
    assert cells["Enhet"] == "Miljø; Ærlig, Åpen"
    assert cells["Intern merknad"] == "første linje\nandre linje"
    assert cells["Status"] == "bekreftet"


def test_excel_dates_week_deadline_and_counts():
    # 1 January 2027 is a Friday in ISO week 53 of 2026; summer time has begun by 29 March.
    slot = make_slot(start=dt.date(2027, 1, 1), end=dt.date(2027, 1, 4),
                     material_deadline=oslo_datetime(dt.date(2027, 3, 29), dt.time(9, 30)),
                     frames=FrameCounts(5, 2, 1))
    header, row = read(csv_export.csv_bytes([slot], excel=True, words=ENGLISH), excel=True)
    cells = dict(zip(header, row, strict=True))
    assert (cells["Start"], cells["End"], cells["Week"], cells["Days"]) == ("2027-01-01", "2027-01-04", "53", "4")
    assert cells["Material deadline (Oslo time)"] == "2027-03-29 09:30"
    assert (cells["Frames submitted"], cells["Frames approved"], cells["Frames published"]) == ("5", "2", "1")
    assert cells["Contact person"] == "Kari Nordmann"
    assert cells["Contact person (e-mail)"] == "kari@fjordvik.kommune.no"
    assert cells["Campaign"] == "Leseuka"


@pytest.mark.parametrize("dangerous", ["=HYPERLINK(\"http://x\")", "+47 900 00 000", "-2+3", "@SUM(A1)",
                                       "\tTab", "\rCR"])
@pytest.mark.parametrize("excel", [True, False])
def test_cells_that_look_like_formulas_are_defused_in_both_variants(dangerous, excel):
    slot = make_slot(notes=dangerous, contact_phone=dangerous, department=dangerous, cancel_reason=dangerous)
    header, row = read(csv_export.csv_bytes([slot], excel=excel, words=ENGLISH), excel=excel)
    cells = list(dict(zip(header, row, strict=True)).items())
    phone, department, notes = (dict(cells)[k] for k in (
        ("Contact person (phone)", "Department", "Internal note") if excel else ("contact_phone", "department", "notes")))
    # Line breaks become LF first, so a leading CR turns into a harmless leading line break.
    expected = "\nCR" if dangerous == "\rCR" else " " + dangerous
    assert phone == department == notes == expected


def test_raw_plain_csv_keeps_values_exactly_as_stored():
    slot = make_slot(department="=HYPERLINK(\"http://x\")", contact_phone="+47 900 00 000")
    header, row = read(csv_export.csv_bytes([slot], excel=False, words=ENGLISH, guard=False), excel=False)
    plain = dict(zip(header, row, strict=True))
    assert (plain["department"], plain["contact_phone"]) == ("=HYPERLINK(\"http://x\")", "+47 900 00 000")


def test_harmless_cells_are_left_alone():
    assert csv_export.defuse("Biblioteket") == "Biblioteket"
    assert csv_export.defuse("") == ""
    assert csv_export.defuse("a=b") == "a=b"
    assert csv_export.defuse("=1") == " =1"


def test_plain_variant_for_scripts():
    slot = make_slot(status=SlotStatus.REQUESTED, material_deadline=oslo_datetime(dt.date(2027, 2, 26), dt.time(12)),
                     notes="æøå, \"sitat\"")
    data = csv_export.csv_bytes([slot], excel=False, words=BOKMAAL)
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" not in data
    header, row = read(data, excel=False)
    assert tuple(header) == csv_export.COLUMNS
    cells = dict(zip(header, row, strict=True))
    assert cells["status"] == "requested"
    assert cells["material_deadline"] == "2027-02-26T12:00+01:00"
    assert cells["notes"] == "æøå, \"sitat\""
    assert cells["campaign"] == "Leseuka"


def test_one_row_per_slot_in_order_and_empty_values_for_missing_parts():
    slots = [make_slot(id=i, campaign=None, material_deadline=None) for i in (3, 1, 2)]
    header, *rows = read(csv_export.csv_bytes(slots, excel=True, words=ENGLISH), excel=True)
    assert [r[0] for r in rows] == ["3", "1", "2"]
    cells = dict(zip(header, rows[0], strict=True))
    assert cells["Campaign"] == "" and cells["Material deadline (Oslo time)"] == ""


def test_empty_export_is_just_the_header():
    assert read(csv_export.csv_bytes([], excel=False, words=ENGLISH), excel=False) == [list(csv_export.COLUMNS)]
