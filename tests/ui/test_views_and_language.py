"""Switching views, moving through time, filtering and searching, the details panel, and the language."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.services import booking, planner_queries
from takeover_planner.storage.models import StoryFrame
from takeover_planner.ui.calendar.slot_model import COMPETING_ROLE, SLOT_ROLE
from takeover_planner.ui.main_window import MainWindow
from tests.ui.conftest import MONTH, Planner


def test_switch_views_with_shortcuts_and_buttons(window: MainWindow, qtbot) -> None:
    page = window.page
    assert page.current_view_widget() is page.month_grid
    assert page.toolbar.title.text() == "March 2030"
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert page.view == "week" and page.current_view_widget() is page.week_grid
    assert page.toolbar.title.text().startswith("Week 9")
    assert window.view_actions["week"].isChecked()
    qtbot.mouseClick(page.toolbar.view_buttons["agenda"], Qt.MouseButton.LeftButton)
    assert page.current_view_widget() is page.agenda
    assert page.agenda.model().rowCount() == 2  # the month's two slots as rows
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert page.view == "month"


def test_previous_next_and_today(window: MainWindow, qtbot) -> None:
    page = window.page
    qtbot.mouseClick(page.toolbar.next_button, Qt.MouseButton.LeftButton)
    assert page.toolbar.title.text() == "April 2030"
    assert page.model.rowCount() == 0
    window.previous_action.trigger()
    window.previous_action.trigger()
    assert page.toolbar.title.text() == "February 2030"
    assert page.month_grid.last_day == dt.date(2030, 3, 3)  # the grid ends on the Sunday after 28 February
    assert page.model.rowCount() == 0  # the library's slot starts on 4 March
    page.set_view("week")
    page.go_to(dt.date(2030, 3, 11))
    window.next_action.trigger()
    assert page.visible_range() == (dt.date(2030, 3, 18), dt.date(2030, 3, 24))
    window.today_action.trigger()
    start, end = page.visible_range()
    assert start <= dt.date.today() <= end or abs((dt.date.today() - start).days) < 8


def test_weeks_are_iso_weeks_starting_on_monday(window: MainWindow) -> None:
    grid = window.page.month_grid
    assert grid.first_day == dt.date(2030, 2, 25) and grid.first_day.weekday() == 0
    assert grid.weeks == 5  # 25 Feb to 31 Mar
    assert grid.day_at(grid.day_rect(dt.date(2030, 3, 20)).center()) == dt.date(2030, 3, 20)


def test_filters_narrow_every_view(window: MainWindow, planner: Planner) -> None:
    toolbar = window.page.toolbar
    toolbar.department.setCurrentIndex(toolbar.department.findData(planner.fire))
    slots = [window.page.model.index(r, 0).data(SLOT_ROLE) for r in range(window.page.model.rowCount())]
    assert [s.id for s in slots] == [planner.fire_slot]
    assert toolbar.clear_button.isVisible()
    toolbar.status_actions[SlotStatus.REQUESTED].setChecked(False)
    assert window.page.model.rowCount() == 0
    toolbar.clear_button.click()
    assert window.page.model.rowCount() == 2
    toolbar.account.setCurrentIndex(toolbar.account.findData(planner.kultur))
    assert window.page.model.rowCount() == 0


def test_search_waits_for_a_typing_pause_and_then_filters(window: MainWindow, planner: Planner, qtbot) -> None:
    toolbar = window.page.toolbar
    qtbot.keyClicks(toolbar.search, "kari@")
    assert window.page.model.rowCount() == 2, "not yet: the search waits until typing pauses"
    qtbot.waitUntil(lambda: window.page.model.rowCount() == 1, timeout=2000)
    assert window.page.model.index(0, 0).data(SLOT_ROLE).id == planner.library_slot
    window.page.set_view("agenda")
    toolbar.search.setText(f"#{planner.fire_slot}")
    toolbar.flush_search()
    assert window.page.toolbar.title.text() == "Search results"
    assert [window.page.model.index(r, 0).data(SLOT_ROLE).id for r in range(window.page.model.rowCount())] == [
        planner.fire_slot]


def test_search_in_the_agenda_covers_all_years(window: MainWindow, planner: Planner) -> None:
    far = booking.book(planner.ctx, department=planner.parks, account=planner.kultur, start=dt.date(2034, 6, 1),
                       end=dt.date(2034, 6, 2), notes="Summer opening").slot
    window.page.set_view("agenda")
    window.page.toolbar.search.setText("summer opening")
    window.page.toolbar.flush_search()
    assert [window.page.model.index(r, 0).data(SLOT_ROLE).id for r in range(window.page.model.rowCount())] == [far.id]


def test_details_panel_shows_contact_deadline_progress_and_history(window: MainWindow, planner: Planner) -> None:
    with planner.ctx.db.write() as s:
        for position, state in enumerate(["draft", "submitted", "approved", "published", "withdrawn"]):
            s.add(StoryFrame(slot_id=planner.library_slot, position=position, state=state))
    window.page.select(planner.library_slot)
    panel = window.page.panel
    assert panel.details.isVisible() and not panel.empty.isVisible()
    assert panel.title.text() == "Biblioteket"
    assert "Kari Nordmann" in panel.contact_label.text() and "mailto:kari@fjordvik.example" in panel.contact_label.text()
    # three working days before Monday 4 March, at noon (Oslo time)
    assert panel.deadline_label.text().startswith("27 Feb 2030 12:00")
    bars = {key: bar.format() for key, (_label, bar) in panel.progress_bars.items()}
    assert bars == {"submitted": "3 / 4", "approved": "2 / 4", "published": "1 / 4"}
    assert "booked" in panel.history_label.text()
    window.page.select(0)
    assert panel.empty.isVisible()


def test_competing_requests_are_visible(window: MainWindow, planner: Planner) -> None:
    rival = booking.book(planner.ctx, department=planner.parks, account=planner.kommune, start=dt.date(2030, 3, 12),
                         end=dt.date(2030, 3, 13)).slot
    window.reload()
    model = window.page.model
    competing = {model.index(r, 0).data(SLOT_ROLE).id: model.index(r, 0).data(COMPETING_ROLE)
                 for r in range(model.rowCount())}
    assert competing[planner.fire_slot] == [rival.id] and competing[rival.id] == [planner.fire_slot]
    assert competing[planner.library_slot] == []
    window.page.select(rival.id)
    assert window.page.panel.competing_label.isVisible()
    assert "Brannvesenet" in window.page.panel.competing_label.text()


def test_blackouts_follow_the_account_filter(window: MainWindow, planner: Planner) -> None:
    from takeover_planner.services import catalog

    catalog.add_blackout(planner.ctx, "Kulturnatt", dt.date(2030, 3, 27), dt.date(2030, 3, 27), account=planner.kultur)
    window.reload()
    names = lambda: sorted(b.name for b in window.page._blackouts())  # noqa: E731
    assert names() == ["Kulturnatt", "Valgdagen"]
    toolbar = window.page.toolbar
    toolbar.account.setCurrentIndex(toolbar.account.findData(planner.kommune))
    assert names() == ["Valgdagen"]


def test_switch_language_to_norwegian_and_back(window: MainWindow, planner: Planner, qtbot) -> None:
    window.set_language("nb")
    page = window.page
    # Qt posts the language change to every window: it arrives on the next turn of the event loop.
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Fil", timeout=2000)
    assert page.toolbar.today_button.text() == "I dag"
    assert page.toolbar.new_button.text() == "Ny booking"
    assert page.toolbar.title.text() == "Mars 2030"
    assert page.model.headerData(2, Qt.Orientation.Horizontal) == "Enhet"
    # strings drawn by the grid's painting mixin find their catalogue context too
    assert page.month_grid.tr("Wk", "short column title over ISO week numbers") == "Uke"
    assert planner.ctx.settings.get("ui.language") == "nb"
    page.set_view("week")
    assert page.toolbar.title.text().startswith("Uke 9")
    page.select(planner.library_slot)
    assert "Kontaktperson" in [c.text() for c in page.panel.captions.values()]
    window.set_language("en")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File", timeout=2000)
    assert page.toolbar.title.text().startswith("Week 9")


def test_a_refusal_reads_in_norwegian(window: MainWindow, planner: Planner, qtbot) -> None:
    window.set_language("nb")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Fil", timeout=2000)
    dialog = window.page.new_booking(dt.date(2030, 3, 5), dt.date(2030, 3, 7))
    dialog.department.setCurrentIndex(dialog.department.findText("Parkvesenet"))
    dialog.status.setCurrentIndex(dialog.status.findData("booked"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    message = dialog.error_text()
    assert "overlapper" in message and f"periode #{planner.library_slot}" in message and "Biblioteket" in message
    assert "booket" in message


def test_the_calendar_follows_a_dark_palette(window: MainWindow, qapp, qtbot) -> None:
    light = qapp.palette()
    dark = QPalette(light)
    for role, color in ((QPalette.ColorRole.Window, "#1f2124"), (QPalette.ColorRole.Base, "#26282b"),
                        (QPalette.ColorRole.Text, "#e8e8e8"), (QPalette.ColorRole.WindowText, "#e8e8e8"),
                        (QPalette.ColorRole.PlaceholderText, "#9a9a9a")):
        dark.setColor(role, QColor(color))
    qapp.setPalette(dark)  # what a dark desktop theme does
    try:
        grid = window.page.month_grid
        qtbot.waitUntil(lambda: grid.palette().color(QPalette.ColorRole.Base).name() == "#26282b", timeout=2000)
        image = grid.grab().toImage()
        cell = grid.day_rect(dt.date(2030, 3, 18))  # a Monday with nothing on it
        background = image.pixelColor(int(cell.right()) - 6, int(cell.bottom()) - 6)
        assert background.lightnessF() < 0.3
        bar = grid.bar_rects()[1][0]  # the library's booked bar keeps its colour, with readable text
        assert image.pixelColor(int(bar.right()) - 3, int(bar.center().y())).name() == "#2f6fde"
        assert "#26282b" in window.styleSheet()  # the toolbar and panel styling follow the palette too
    finally:
        qapp.setPalette(light)


def test_the_window_remembers_its_view_and_size(window: MainWindow, planner: Planner, runner, translations, qtbot) -> None:
    window.page.set_view("agenda")
    window.resize(900, 666)  # the offscreen screen is 800×800: keep the height inside it
    window.save_state()
    again = MainWindow(planner.ctx.paths, planner.ctx.settings, runner, translations)
    qtbot.addWidget(again)
    assert again.page.view == "agenda"
    assert again.size().height() == 666
    again.close()


def test_icon_only_controls_have_accessible_names(window: MainWindow) -> None:
    toolbar = window.page.toolbar
    assert toolbar.previous_button.accessibleName() == "Previous month"
    assert toolbar.next_button.accessibleName() == "Next month"
    window.page.set_view("week")
    assert toolbar.previous_button.accessibleName() == "Previous week"
    assert toolbar.search.accessibleName() == "Search"
    assert window.page.toolbar.title.text() != ""
    assert MONTH.month == 3


def test_the_agenda_columns_fit_their_texts_and_the_department_takes_the_room(window: MainWindow,
                                                                              planner: Planner, qtbot) -> None:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from takeover_planner.ui.calendar.agenda_view import _CAPS
    from takeover_planner.ui.calendar.slot_model import Column

    long_name = "Kultur- og fritidsetaten, avdeling for bibliotek og museer i hele kommunen"
    far = catalog_department(planner, long_name)
    booking.book(planner.ctx, department=far, account=planner.kultur, start=dt.date(2030, 3, 16),
                 end=dt.date(2030, 3, 17))
    window.resize(1280, 820)
    window.reload()
    window.page.set_view("agenda")
    agenda = window.page.agenda
    qtbot.waitUntil(lambda: agenda.model().rowCount() == 3 and not agenda._fit_timer.isActive(), timeout=3000)
    option = QStyleOptionViewItem()
    agenda.initViewItemOption(option)
    for column in Column:
        needed = max(agenda.itemDelegate().sizeHint(option, agenda.model().index(row, column)).width()
                     for row in range(3))
        width = agenda.columnWidth(column)
        assert width >= min(needed, _CAPS.get(column, needed)), f"{column.name}: {width} px for {needed} px of text"
    assert agenda.columnWidth(Column.DEPARTMENT) >= _CAPS[Column.DEPARTMENT]
    assert sum(agenda.columnWidth(c) for c in Column) >= agenda.viewport().width(), "the spare room is used"


def catalog_department(planner: Planner, name: str) -> int:
    from takeover_planner.services import catalog

    return catalog.add_department(planner.ctx, name, color="#8a5cf6").id


def test_an_all_years_search_reads_only_the_years_not_read_and_keeps_competition_across_them(
        window: MainWindow, planner: Planner, qtbot) -> None:
    """The window has read the years around March 2030 (and today's); the search reads the rest, and a request on
    New Year's Eve 2030/31 (in a year read before and one read for the search) still competes with a booking on
    1 January 2031."""
    store = window.page.store
    assert 2030 in store._years and 2031 not in store._years and 2021 not in store._years
    eve = booking.book(planner.ctx, department=planner.parks, account=planner.kultur, start=dt.date(2030, 12, 31),
                       end=dt.date(2031, 1, 1), notes="Nyttårsaften").slot
    new_year = booking.book(planner.ctx, department=planner.fire, account=planner.kultur, start=dt.date(2031, 1, 1),
                            end=dt.date(2031, 1, 1), notes="Nyttårsdag").slot
    old = booking.book(planner.ctx, department=planner.library, account=planner.kommune, start=dt.date(2021, 5, 3),
                       end=dt.date(2021, 5, 4), notes="Nyttårsforsett").slot
    window.reload()  # the window now holds the request from its read of 2030, not the booking of 2031
    qtbot.waitUntil(lambda: store.slot(eve.id) is not None and store.slot(new_year.id) is None, timeout=3000)
    read_before = set(store._years)
    read: list[tuple[dt.date | None, dt.date | None]] = []
    real = planner_queries_slots_between()

    def counting(ctx, start=None, end=None):  # type: ignore[no-untyped-def]
        read.append((start, end))
        return real(ctx, start, end)

    import takeover_planner.services.planner_queries as queries
    queries.slots_between = counting
    try:
        window.page.set_view("agenda")
        window.page.toolbar.search.setText("nyttår")
        window.page.toolbar.flush_search()
        qtbot.waitUntil(lambda: window.page.model.rowCount() == 3, timeout=3000)
    finally:
        queries.slots_between = real
    expected = [(dt.date(first, 1, 1), dt.date(last, 12, 31))
                for first, last in planner_queries.year_runs(2021, 2031, read_before)]
    assert read == expected and (dt.date(2031, 1, 1), dt.date(2031, 12, 31)) in read
    assert not any(first.year <= 2030 <= last.year for first, last in read), "2030 was read before"
    assert {window.page.model.index(r, 0).data(SLOT_ROLE).id for r in range(3)} == {eve.id, new_year.id, old.id}
    assert new_year.id in store.competing.get(eve.id, []) and eve.id in store.competing.get(new_year.id, [])


def planner_queries_slots_between():  # type: ignore[no-untyped-def]
    from takeover_planner.services.planner_queries import slots_between

    return slots_between


def test_a_slot_moved_to_another_year_leaves_the_old_month_and_shows_in_the_new(window: MainWindow,
                                                                                 planner: Planner) -> None:
    from takeover_planner.ui.slot_filter import SlotFilter

    store = window.page.store
    march = (dt.date(2030, 3, 1), dt.date(2030, 3, 31))
    january = (dt.date(2031, 1, 1), dt.date(2031, 1, 31))
    assert planner.library_slot in {s.id for s in store.slots_in(*march, SlotFilter())}
    moved = booking.move(planner.ctx, planner.library_slot, dt.date(2030, 12, 30), dt.date(2031, 1, 2)).slot
    store.apply(moved)  # what the window does when its move comes back
    assert planner.library_slot not in {s.id for s in store.slots_in(*march, SlotFilter())}
    assert [s.id for s in store.slots_in(*january, SlotFilter())] == [planner.library_slot]
    back = booking.move(planner.ctx, planner.library_slot, dt.date(2030, 3, 4), dt.date(2030, 3, 6)).slot
    store.apply(back)
    assert store.slots_in(*january, SlotFilter()) == []
    assert planner.library_slot in {s.id for s in store.slots_in(*march, SlotFilter())}


def test_the_agenda_keeps_its_sort_order_while_the_month_is_shown(window: MainWindow, planner: Planner, qtbot) -> None:
    from takeover_planner.ui.calendar.slot_model import Column

    page = window.page
    page.set_view("agenda")
    agenda = page.agenda
    agenda.sortByColumn(Column.DEPARTMENT, Qt.SortOrder.DescendingOrder)

    def departments() -> list[str]:
        return [agenda.model().index(r, Column.DEPARTMENT).data() for r in range(agenda.model().rowCount())]

    assert departments() == ["Brannvesenet", "Biblioteket"]
    page.set_view("month")
    booking.book(planner.ctx, department=planner.parks, account=planner.kultur, start=dt.date(2030, 3, 25),
                 end=dt.date(2030, 3, 26))
    window.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=3000)
    page.set_view("agenda")
    assert departments() == ["Parkvesenet", "Brannvesenet", "Biblioteket"], "sorted as the header says"
    header = agenda.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (Column.DEPARTMENT,
                                                                            Qt.SortOrder.DescendingOrder)


def test_typing_a_search_in_the_agenda_reads_all_years_before_the_typing_pause(window: MainWindow, qtbot) -> None:
    from takeover_planner.ui.planner_store import ALL_YEARS

    page = window.page
    qtbot.keyClicks(page.toolbar.search, "bib")
    assert not page._read_all_soon.isActive(), "the month searches its own dates: no read of all years"
    page.toolbar.search.clear()
    page.toolbar.flush_search()
    assert ALL_YEARS not in page.store._years
    page.set_view("agenda")
    qtbot.keyClicks(page.toolbar.search, "bib")
    assert page._read_all_soon.isActive()
    qtbot.waitUntil(lambda: ALL_YEARS in page.store._years, timeout=2000)


def test_sorting_the_agenda_keeps_the_chosen_slot_chosen(window: MainWindow, planner: Planner) -> None:
    from takeover_planner.ui.calendar.slot_model import Column

    page = window.page
    page.set_view("agenda")
    agenda = page.agenda
    page.select(planner.library_slot)
    assert agenda.currentIndex().data(SLOT_ROLE).id == planner.library_slot
    for column, order in ((Column.DEPARTMENT, Qt.SortOrder.DescendingOrder), (Column.STATUS, Qt.SortOrder.AscendingOrder),
                          (Column.DATES, Qt.SortOrder.DescendingOrder)):
        agenda.sortByColumn(column, order)
        keys = [agenda.model().index(r, column).data() for r in range(agenda.model().rowCount())]
        if column != Column.DATES:
            assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder)
        assert agenda.currentIndex().data(SLOT_ROLE).id == planner.library_slot, f"after sorting by {column.name}"
        selected = agenda.selectionModel().selectedRows()
        assert [index.data(SLOT_ROLE).id for index in selected] == [planner.library_slot]
    dates = [agenda.model().index(r, 0).data(SLOT_ROLE).start for r in range(agenda.model().rowCount())]
    assert dates == sorted(dates, reverse=True)
