"""The month page's key names every status a bar on it can have, "completed" included, in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.exporting import pdf, typst_pdf
from takeover_planner.texts.export_words import ExportWords
from tests.unit.export.helpers import make_slot
from tests.unit.export.pdf_reading import page_text

D = dt.date
MADE = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)


def march(words: ExportWords) -> pdf.Document:
    slots = [make_slot(id=1, department="Biblioteket", start=D(2027, 3, 1), end=D(2027, 3, 5),
                       status=SlotStatus.COMPLETED),
             make_slot(id=2, department="Brannvesenet", start=D(2027, 3, 10), end=D(2027, 3, 12),
                       status=SlotStatus.BOOKED)]
    return pdf.layout_document(slots, first_month=D(2027, 3, 1), last_month=D(2027, 3, 31), title="Calendar",
                               subtitle="All accounts", words=words, made=MADE)


def key_swatches(page: pdf.Page) -> list[pdf.Rect]:
    """The status key's swatches: the 22-point-wide boxes below the grid."""
    inside = [i for item in page.items if isinstance(item, pdf.Figure) for i in item.items]
    return [i for i in inside if isinstance(i, pdf.Rect) and i.w == 22]


@pytest.mark.parametrize(("language", "word"), [("en", "completed"), ("nb", "gjennomført")])
def test_the_key_lists_completed_with_its_bar_style(language: str, word: str):
    words = ExportWords(language)
    page = march(words).pages[0]
    assert word in page.texts()
    fill, outline, dashed, _ink = pdf.bar_style(SlotStatus.COMPLETED, pdf.MUTED)
    assert any((s.fill, s.stroke, s.dashed) == (fill, outline, dashed) for s in key_swatches(page))
    assert len(key_swatches(page)) == 4
    assert all(s.x + s.w <= pdf.PAGE_WIDTH - pdf.MARGIN for s in key_swatches(page))


@pytest.mark.parametrize(("language", "word"), [("en", "completed"), ("nb", "gjennomført")])
def test_the_printed_key_reads_completed(language: str, word: str, tmp_path: Path):
    target = tmp_path / "plan.pdf"
    target.write_bytes(typst_pdf.render_pdf(march(ExportWords(language)), made=MADE))
    text = page_text(target, 1)
    assert word in text
