"""The PDF as printed: Typst writes the layout as a tagged PDF, and an independent reader (poppler) renders it
and reads back its text, its structure and its text alternatives."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.exporting import pdf, typst_pdf
from takeover_planner.texts.export_words import ExportWords
from tests.unit.export.helpers import make_slot
from tests.unit.export.pdf_reading import page_count, page_image, page_text
from tests.unit.export.pdf_structure import alt_texts, assert_tagged, element_types, structure

pytestmark = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdfinfo")),
                                reason="poppler-utils (pdftotext, pdfinfo) is not installed")

BOKMAAL = ExportWords("nb")

D = dt.date
MADE = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)
BLUE = (0x2F, 0x6F, 0xDE)
RED = (0xC2, 0x41, 0x5D)


@pytest.fixture
def printed(tmp_path: Path) -> Path:
    slots = [
        make_slot(id=1, department="Biblioteket", department_color="#2f6fde", start=D(2027, 3, 1), end=D(2027, 3, 5)),
        make_slot(id=2, department="Brannvesenet", department_color="#c2415d", account="Fjordvik kultur",
                  start=D(2027, 3, 10), end=D(2027, 3, 16), status=SlotStatus.BOOKED),
        make_slot(id=3, department="Miljø og åpenhet", department_color="#2e9e6a", start=D(2027, 3, 22),
                  end=D(2027, 3, 22), status=SlotStatus.REQUESTED),
    ]
    document = pdf.layout_document(slots, first_month=D(2027, 3, 1), last_month=D(2027, 4, 30),
                                   title="Overtakelseskalender", subtitle="Alle kontoer", words=BOKMAAL, made=MADE)
    seen: list[tuple[int, int]] = []
    data = typst_pdf.render_pdf(document, progress=lambda done, total: seen.append((done, total)), made=MADE)
    assert seen == [(1, 3), (2, 3), (3, 3)]
    target = tmp_path / "plan.pdf"
    target.write_bytes(data)
    return target


def test_pdf_has_a_page_per_month_and_the_list(printed: Path):
    assert printed.read_bytes().startswith(b"%PDF-")
    assert page_count(printed) == 3


def test_month_page_renders_landscape_with_department_colours(printed: Path, tmp_path: Path):
    image = page_image(printed, 1, tmp_path)
    width, height = image.size
    assert width > height and abs(width / height - 297 / 210) < 0.02  # A4 landscape
    colours = {colour for _count, colour in image.getcolors(maxcolors=width * height)}

    def near(target: tuple[int, int, int]) -> bool:
        return any(all(abs(a - b) <= 6 for a, b in zip(colour, target, strict=True)) for colour in colours)

    assert near(BLUE)  # the confirmed slot's solid bar
    assert near(RED)  # the booked slot's outline


def test_page_text_names_the_departments_weeks_and_month(printed: Path):
    text = page_text(printed, 1)
    for expected in ("Mars 2027", "Biblioteket", "Brannvesenet", "Miljø og åpenhet", "Enheter", "Uke", "13"):
        assert expected in text
    listing = page_text(printed, 3)
    assert "Alle overtakelser" in listing and "Fjordvik kultur" in listing and "Side 3 av 3" in listing


def test_the_pdf_is_tagged_with_title_language_headings_figures_and_a_table(printed: Path):
    assert_tagged(printed, title="Overtakelseskalender", language="nb")
    tree = structure(printed)
    for heading in ('H1 "Mars 2027"', 'H1 "April 2027"', 'H1 "Alle overtakelser"'):
        assert heading in tree
    types = element_types(printed)
    assert "Table" in types and types.count("TH") == len(pdf.LIST_COLUMNS) and "Figure" in types
    march, april = alt_texts(printed)
    assert march.startswith("Kalender for mars 2027, overtakelser: Biblioteket på Fjordvik kommune, 1.–5. mars")
    assert "bekreftet" in march and "Brannvesenet på Fjordvik kultur" in march and "booket" in march
    assert april == "Kalender for april 2027: ingen overtakelser."
    assert "Side 1 av 3" not in tree and "Laget" not in tree  # the footers are artifacts: not read aloud
