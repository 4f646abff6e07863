"""The PDF's layout, checked without Qt: what is drawn where."""

from __future__ import annotations

import datetime as dt

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.exporting import pdf
from takeover_planner.texts.export_words import ExportWords
from tests.unit.export.helpers import make_slot

BOKMAAL = ExportWords("nb")
ENGLISH = ExportWords("en")

MADE = dt.datetime(2027, 1, 5, 10, 0, tzinfo=dt.UTC)
D = dt.date
MARCH_1, MARCH_31 = D(2027, 3, 1), D(2027, 3, 31)


def bars(page: pdf.Page) -> list[str]:
    """Bar labels: the texts drawn in the small bar size inside the grid."""
    return [i.text for i in pdf.text_items(page.items) if i.size == 7 and " – " in i.text]


def drawn(page: pdf.Page) -> list[pdf.Rect | pdf.Text | pdf.Line]:
    """What is drawn on the page, the insides of the month figure included."""
    items: list[pdf.Rect | pdf.Text | pdf.Line] = []
    for item in page.items:
        if isinstance(item, pdf.Figure):
            items += item.items
        elif not isinstance(item, pdf.Table):
            items.append(item)
    return items


def document(slots, first=MARCH_1, last=MARCH_31, words=ENGLISH) -> pdf.Document:
    return pdf.layout_document(slots, first_month=first, last_month=last, title="Takeover calendar",
                               subtitle="All accounts", words=words, made=MADE)


def test_months_between_crosses_the_year():
    assert pdf.months_between(D(2026, 11, 20), D(2027, 2, 1)) == [(2026, 11), (2026, 12), (2027, 1), (2027, 2)]
    assert len(pdf.months_between(D(2020, 1, 1), D(2029, 12, 31))) == 120


def test_a_page_per_month_then_the_list_with_page_numbers():
    doc = document([make_slot()], first=D(2027, 1, 1), last=D(2027, 3, 31))
    assert [p.kind for p in doc.pages] == ["month", "month", "month", "list"]
    assert [p.title for p in doc.pages[:3]] == ["January 2027", "February 2027", "March 2027"]
    assert doc.pages[0].texts()[-1] == "Page 1 of 4" and doc.pages[-1].texts()[-1] == "Page 4 of 4"


def test_iso_week_numbers_run_down_the_side():
    (january,) = document([], first=D(2027, 1, 1), last=D(2027, 1, 1)).pages[:1]
    weeks = [i.text for i in pdf.text_items(january.items) if i.w == pdf.WEEK_COLUMN - 4 and i.bold]
    # 1 January 2027 is a Friday in ISO week 53 of 2026; Sunday 31 January ends week 4.
    assert weeks == ["Week", "53", "1", "2", "3", "4"]


def test_norwegian_month_and_weekday_names():
    page = document([], words=BOKMAAL).pages[0]
    assert page.title == "Mars 2027"
    assert {"man", "tir", "ons", "tor", "fre", "lør", "søn", "Uke"} <= set(page.texts())


def test_a_slot_over_a_weekend_is_split_at_the_week_end():
    # Thursday 4 to Tuesday 9 March 2027: two bars, one in week 9 and one in week 10.
    slot = make_slot(start=D(2027, 3, 4), end=D(2027, 3, 9))
    page = document([slot]).pages[0]
    assert bars(page) == ["Biblioteket – Fjordvik kommune"] * 2
    rects = [i for i in drawn(page) if isinstance(i, pdf.Rect) and i.fill == "#2f6fde" and i.h == pdf.BAR]
    day = (pdf.CONTENT_WIDTH - pdf.WEEK_COLUMN) / 7
    assert [round(r.w / day) for r in rects] == [4, 2]  # Thu–Sun, then Mon–Tue


def test_overlapping_slots_get_their_own_lanes():
    a = make_slot(id=1, start=D(2027, 3, 2), end=D(2027, 3, 4), department="Biblioteket")
    b = make_slot(id=2, start=D(2027, 3, 3), end=D(2027, 3, 5), department="Brannvesenet", account="Fjordvik kultur")
    c = make_slot(id=3, start=D(2027, 3, 5), end=D(2027, 3, 5), department="Kulturhuset")
    segments = pdf.week_segments([a, b, c], pdf.month_weeks(2027, 3)[0])
    assert pdf.assign_lanes(segments) == [0, 1, 0]


def test_a_full_day_says_how_many_more():
    slots = [make_slot(id=i, department=f"Enhet {i}", start=D(2027, 3, 10), end=D(2027, 3, 10)) for i in range(12)]
    page = document(slots).pages[0]
    assert 0 < len(bars(page)) < 12
    more = [t for t in page.texts() if t.startswith("+")]
    assert more == [f"+{12 - len(bars(page))} more"]


def test_legend_names_the_departments_on_the_page_and_the_status_styles():
    slots = [make_slot(id=1, department="Biblioteket", department_color="#2f6fde"),
             make_slot(id=2, department="Brannvesenet", department_color="#c2415d", start=D(2027, 3, 20)),
             make_slot(id=3, department="Renovasjon", start=D(2027, 6, 1))]
    page = document(slots).pages[0]
    texts = page.texts()
    assert "Departments" in texts and "Biblioteket" in texts and "Brannvesenet" in texts
    assert "Renovasjon" not in texts
    assert {"confirmed", "booked", "requested"} <= set(texts)
    swatches = {i.fill for i in drawn(page) if isinstance(i, pdf.Rect) and i.w == 9}
    assert {"#2f6fde", "#c2415d"} <= swatches


def test_bar_styles_tell_the_statuses_apart():
    confirmed = pdf.bar_style(SlotStatus.CONFIRMED, "#2f6fde")
    booked = pdf.bar_style(SlotStatus.BOOKED, "#2f6fde")
    requested = pdf.bar_style(SlotStatus.REQUESTED, "#2f6fde")
    assert confirmed[0] == "#2f6fde" and booked[0] != "#2f6fde" and requested[0] == "#ffffff"
    assert requested[2] is True and confirmed[2] is False


def test_cancelled_slots_are_in_the_list_but_not_in_the_month():
    slot = make_slot(status=SlotStatus.CANCELLED, department="Svømmehallen")
    doc = document([slot])
    assert "Svømmehallen – Fjordvik kommune" not in doc.pages[0].texts()
    listed = [i for i in pdf.text_items(doc.pages[1].items) if i.text == "Svømmehallen"]
    assert listed and listed[0].strike and listed[0].swatch == "#2f6fde"


def test_list_view_pages_and_cells():
    slots = [make_slot(id=i, start=D(2027, 3, 1) + dt.timedelta(days=i), end=D(2027, 3, 1) + dt.timedelta(days=i))
             for i in range(70)]
    doc = document(slots, last=D(2027, 5, 31))
    lists = [p for p in doc.pages if p.kind == "list"]
    assert len(lists) == 3
    assert sum(t == "Biblioteket" for p in lists for t in p.texts()) == 70
    first = lists[0].texts()
    assert "2027-03-01" in first and "4/3/1" in first and "2027-02-26 12:00" in first
    assert "Start – End" in first and "Material deadline" in first


def test_week_column_of_the_list_shows_a_span():
    assert pdf._week_text(make_slot(start=D(2027, 3, 5), end=D(2027, 3, 9))) == "9–10"
    assert pdf._week_text(make_slot(start=D(2027, 3, 1), end=D(2027, 3, 5))) == "9"


def test_empty_period_says_so():
    doc = document([])
    assert "No takeovers in this period." in doc.pages[0].texts()
    assert "No takeovers in this period." in doc.pages[1].texts()


def test_everything_stays_on_the_page():
    slots = [make_slot(id=i, department=f"Enhet med et svært langt navn nummer {i}", start=D(2027, 3, 1 + i % 27))
             for i in range(40)]
    for page in document(slots).pages:
        for item in page.items:
            if isinstance(item, pdf.Line):
                continue
            assert item.x >= 0 and item.x + item.w <= pdf.PAGE_WIDTH + 0.01
            assert item.y >= 0 and item.y + item.h <= pdf.PAGE_HEIGHT + 0.01


def test_text_colour_reads_on_the_bar():
    assert pdf.text_color_on("#1d3f8a") == "#ffffff"
    assert pdf.text_color_on("#f5d547") == pdf.INK
    assert pdf.lighter("#000000", 0.5) == "#808080"
    assert pdf.text_color_on("not a colour") in ("#ffffff", pdf.INK)


def test_what_a_screen_reader_gets_headings_a_described_grid_a_table_and_silent_footers():
    slots = [make_slot(id=1, department="Biblioteket", start=D(2027, 3, 1), end=D(2027, 3, 3)),
             make_slot(id=2, department="Svømmehallen", status=SlotStatus.CANCELLED)]
    doc = document(slots, words=BOKMAAL)
    assert doc.language == "nb" and doc.title == "Takeover calendar"
    month, listing = doc.pages
    headings = [i for i in pdf.text_items(month.items) if i.heading]
    assert [(h.text, h.heading) for h in headings] == [("Mars 2027", 1)]
    (figure,) = [i for i in month.items if isinstance(i, pdf.Figure)]
    # The cancelled slot is not drawn, so the grid's description does not name it either.
    assert figure.alt == "Kalender for mars 2027, overtakelser: Biblioteket på Fjordvik kommune, 1.–3. mars 2027, " \
                         "bekreftet."
    (table,) = [i for i in listing.items if isinstance(i, pdf.Table)]
    assert [c.text for c in table.header][:3] == ["Start – Slutt", "Uke", "Enhet"] and len(table.rows) == 2
    assert len(table.columns) == len(table.header) == len(table.rows[0])
    footers = [i for i in pdf.text_items(month.items) if i.text.startswith("Side ")]
    assert footers and all(f.artifact for f in footers)


def test_a_continued_list_repeats_its_title_for_the_eye_only():
    slots = [make_slot(id=i, start=D(2027, 3, 1) + dt.timedelta(days=i % 28)) for i in range(70)]
    lists = [p for p in document(slots).pages if p.kind == "list"]
    titles = [next(i for i in p.items if isinstance(i, pdf.Text)) for p in lists]
    assert [(t.heading, t.artifact) for t in titles] == [(1, False), (0, True), (0, True)]
