"""The takeover report as CSV and as a laid-out PDF document (no Qt: the layout's texts are checked)."""

from __future__ import annotations

import csv
import io

from takeover_planner.exporting.pdf import PAGE_HEIGHT, PAGE_WIDTH, Rect, Text
from takeover_planner.insights.report import by_campaign, by_department, compare
from takeover_planner.insights.report_csv import KEYS, report_csv
from takeover_planner.insights.report_pdf import Comparison, layout_report
from takeover_planner.texts.report import ReportText, ReportWords
from takeover_planner.texts.words import Word
from tests.unit.insights.report_fixtures import MADE, two_day_report

ENGLISH, BOKMAAL = ReportWords("en"), ReportWords("nb")


def _rows(data: bytes, *, excel: bool) -> list[list[str]]:
    text = data.decode("utf-8-sig" if excel else "utf-8")
    return list(csv.reader(io.StringIO(text), delimiter=";" if excel else ","))


def test_plain_csv_has_one_row_per_frame_and_empty_cells_for_missing_numbers() -> None:
    report = two_day_report()
    data = report_csv(report, words=ENGLISH, excel=False)
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r\n" not in data
    header, *rows = _rows(data, excel=False)
    assert tuple(header) == KEYS
    assert len(rows) == 6
    first = dict(zip(header, rows[0], strict=True))
    assert (first["frame"], first["reach"], first["views"], first["exits"], first["insights"]) == (
        "1", "400", "520", "40", "final")
    assert first["published_at"] == "2025-05-06T09:00:00+02:00"
    missing = dict(zip(header, rows[4], strict=True))
    assert missing["insights"] == "not_collected" and missing["reach"] == "" and missing["read_at"] == ""


def test_excel_csv_is_norwegian_excel_friendly() -> None:
    report = two_day_report()
    data = report_csv(report, words=BOKMAAL, excel=True)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    header, *rows = _rows(data, excel=True)
    assert "Rekkevidde" in header and "Enhet" in header
    assert rows[4][header.index("Innsikt")] == "ikke samlet inn"
    assert rows[0][header.index("Publisert")] == "2025-05-06 09:00"


def test_excel_csv_defuses_formulas_in_names() -> None:
    import dataclasses

    report = dataclasses.replace(two_day_report(), department="=HYPERLINK(\"x\")")
    header, *rows = _rows(report_csv(report, words=ENGLISH, excel=True), excel=True)
    assert rows[0][header.index("Department")].startswith(" =")


def _texts(document) -> list[str]:  # type: ignore[no-untyped-def]
    return [t for page in document.pages for t in page.texts()]


def test_the_pdf_layout_shows_every_key_figure_in_the_readers_language() -> None:
    report = two_day_report()
    comparison = Comparison(compare([report], by_department), compare([report], by_campaign))
    for words in (ENGLISH, BOKMAAL):
        document = layout_report(report, words, made=MADE, comparison=comparison)
        texts = _texts(document)
        joined = "\n".join(texts)
        assert words(ReportText.TITLE) in joined and "Biblioteket" in joined
        assert words.number(report.totals["views"]) in texts
        assert words.percent(report.stayed) in texts
        assert words.collection(report.frames[4].status) in texts
        assert words(ReportText.COMPARISON) in texts and "Leseuka" in texts
        assert words(Word.PAGE, page=1, pages=len(document.pages)) in texts
        for page in document.pages:
            for item in page.items:
                if isinstance(item, (Rect, Text)):
                    assert item.x >= 0 and item.x + item.w <= PAGE_WIDTH + 0.5, item
                    assert item.y >= 0 and item.y + item.h <= PAGE_HEIGHT + 0.5, item
    assert "Rapport for overtakelsen: Biblioteket" in _texts(layout_report(report, BOKMAAL, made=MADE))


def test_numbers_in_norwegian_and_english() -> None:
    assert ENGLISH.number(12345) == "12,345"
    assert BOKMAAL.number(12345) == "12\u00a0345"
    assert BOKMAAL.number(1.5, decimals=1, signed=True) == "+1,5"
    assert BOKMAAL.number(-2.0, decimals=1, signed=True) == "−2,0"
    assert BOKMAAL.number(None) == "ukjent"
    assert ENGLISH.percent(0.753) == "75%" and BOKMAAL.percent(0.753) == "75\u00a0%"


def test_a_report_without_published_frames_says_so() -> None:
    import dataclasses

    empty = dataclasses.replace(two_day_report(), frames=[], retention=[])
    texts = _texts(layout_report(empty, ENGLISH, made=MADE))
    assert ENGLISH(ReportText.NO_FRAMES) in texts
