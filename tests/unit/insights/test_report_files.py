"""The takeover report as CSV and as a laid-out PDF document (no Qt: the layout's texts are checked)."""

from __future__ import annotations

import csv
import io

from takeover_planner.exporting.pdf import PAGE_HEIGHT, PAGE_WIDTH, Rect, Text
from takeover_planner.insights.labels import BOKMAAL, ENGLISH, number_text, percent_text
from takeover_planner.insights.report import by_campaign, by_department, compare
from takeover_planner.insights.report_csv import KEYS, report_csv
from takeover_planner.insights.report_pdf import Comparison, layout_report
from tests.unit.insights.report_fixtures import MADE, two_day_report


def _rows(data: bytes, *, excel: bool) -> list[list[str]]:
    text = data.decode("utf-8-sig" if excel else "utf-8")
    return list(csv.reader(io.StringIO(text), delimiter=";" if excel else ","))


def test_plain_csv_has_one_row_per_frame_and_empty_cells_for_missing_numbers() -> None:
    report = two_day_report()
    data = report_csv(report, labels=ENGLISH, excel=False)
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
    data = report_csv(report, labels=BOKMAAL, excel=True)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    header, *rows = _rows(data, excel=True)
    assert "Rekkevidde" in header and "Enhet" in header
    assert rows[4][header.index("Innsikt")] == "ikke samlet inn"
    assert rows[0][header.index("Publisert")] == "2025-05-06 09:00"


def test_excel_csv_defuses_formulas_in_names() -> None:
    import dataclasses

    report = dataclasses.replace(two_day_report(), department="=HYPERLINK(\"x\")")
    header, *rows = _rows(report_csv(report, labels=ENGLISH, excel=True), excel=True)
    assert rows[0][header.index("Department")].startswith("'=")


def _texts(document) -> list[str]:  # type: ignore[no-untyped-def]
    return [t for page in document.pages for t in page.texts()]


def test_the_pdf_layout_shows_every_key_figure_in_the_readers_language() -> None:
    report = two_day_report()
    comparison = Comparison(compare([report], by_department), compare([report], by_campaign))
    for labels in (ENGLISH, BOKMAAL):
        document = layout_report(report, labels, made=MADE, comparison=comparison)
        texts = _texts(document)
        joined = "\n".join(texts)
        assert labels.title in joined and "Biblioteket" in joined
        assert number_text(report.totals["views"], labels) in texts
        assert percent_text(report.stayed, labels) in texts
        assert labels.statuses[report.frames[4].status] in texts
        assert labels.comparison in texts and "Leseuka" in texts
        assert f"{labels.page.format(page=1, pages=len(document.pages))}" in texts
        for page in document.pages:
            for item in page.items:
                if isinstance(item, (Rect, Text)):
                    assert item.x >= 0 and item.x + item.w <= PAGE_WIDTH + 0.5, item
                    assert item.y >= 0 and item.y + item.h <= PAGE_HEIGHT + 0.5, item
    assert "Rapport for overtakelsen: Biblioteket" in _texts(layout_report(report, BOKMAAL, made=MADE))


def test_numbers_in_norwegian_and_english() -> None:
    assert number_text(12345, ENGLISH) == "12,345"
    assert number_text(12345, BOKMAAL) == "12\u00a0345"
    assert number_text(1.5, BOKMAAL, decimals=1, signed=True) == "+1,5"
    assert number_text(-2.0, BOKMAAL, decimals=1, signed=True) == "−2,0"
    assert number_text(None, BOKMAAL) == "ukjent"
    assert percent_text(0.753, ENGLISH) == "75%" and percent_text(0.753, BOKMAAL) == "75\u00a0%"


def test_a_report_without_published_frames_says_so() -> None:
    import dataclasses

    empty = dataclasses.replace(two_day_report(), frames=[], retention=[])
    texts = _texts(layout_report(empty, ENGLISH, made=MADE))
    assert ENGLISH.no_frames in texts
