"""The "Needs attention" dock in the planner window (issue 17): situations built through the services appear
in it with their kind and words, each action opens what resolves it, and resolving one takes it away — live,
from the store's own signals, with nothing to click. Empty, it says all is well."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication, QMenu

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import today_oslo
from takeover_planner.services import booking
from takeover_planner.services.attention import AttentionKind
from takeover_planner.texts.attention import AttentionAction
from takeover_planner.ui.attention.hook import AttentionHook
from takeover_planner.ui.main_window import MainWindow
from tests.ui.conftest import MONTH, Planner


def _kinds(hook: AttentionHook) -> list[tuple[AttentionKind, int | None]]:
    return [(item.kind, item.slot_id) for item in hook.panel.items]


def _open_menus() -> list[QMenu]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]


def test_empty_says_all_is_well(window: MainWindow) -> None:
    hook = window.attention
    assert hook.dock.isVisible()
    assert hook.panel.items == []
    assert hook.panel.stack.currentWidget() is hook.panel.empty
    assert hook.panel.empty.text() == "All is well: nothing needs attention."
    assert not hook.panel.action_button.isVisible()
    assert hook.dock.windowTitle() == "Needs attention"
    assert hook.toggle_action in window.view_menu.actions()


def test_competing_requests_appear_and_go_when_one_is_cancelled(window: MainWindow, planner: Planner) -> None:
    from takeover_planner.ui.booking_actions import BookingRequest

    hook = window.attention
    booked: list[int] = []
    window.booking_actions.book(BookingRequest(planner.parks, planner.kommune, dt.date(2030, 3, 11),
                                               dt.date(2030, 3, 11)), lambda slot: booked.append(slot.id),
                                lambda exc: None)
    parks_slot = booked[0]
    assert sorted(_kinds(hook)) == sorted([(AttentionKind.COMPETING, planner.fire_slot),
                                           (AttentionKind.COMPETING, parks_slot)])
    assert hook.dock.windowTitle() == "Needs attention (2)"
    row = hook.panel.list.item(0).text()
    assert row.startswith("Competing requests · ") and "Brannvesenet" in row
    assert hook.panel.action_button.text() == "Confirm one request and cancel the others"

    # The action shows the slot in the calendar and opens its status menu there.
    window.page.go_to(dt.date(2031, 1, 1))
    hook.panel.list.setCurrentRow([i.slot_id for i in hook.panel.items].index(parks_slot))
    hook.panel.action_button.click()
    assert window.page.selected_id == parks_slot
    assert window.page.anchor == dt.date(2030, 3, 11)
    menus = _open_menus()
    assert menus and "Cancel slot…" in [a.text() for a in menus[0].actions()]
    for menu in menus:
        menu.close()

    window.booking_actions.set_status(parks_slot, SlotStatus.CANCELLED, lambda exc: None, reason="Too many")
    assert _kinds(hook) == [], "resolved: gone without a click"
    assert hook.panel.stack.currentWidget() is hook.panel.empty


def test_a_past_slot_not_completed_and_a_colleagues_change(window: MainWindow, planner: Planner) -> None:
    """A slot whose days have passed asks to be completed; a change made elsewhere (another person, read in by
    live updates or a reload) reaches the list through the store."""
    hook = window.attention
    today = today_oslo()
    past = booking.book(planner.ctx, department=planner.parks, account=planner.kultur,
                        start=today - dt.timedelta(days=10), end=today - dt.timedelta(days=9),
                        status=SlotStatus.CONFIRMED).slot
    assert _kinds(hook) == [], "written behind the window's back: not known yet"
    window.store.reload(*window.page.visible_range())
    assert _kinds(hook) == [(AttentionKind.NOT_COMPLETED, past.id)]
    item = hook.panel.items[0]
    assert item.action == AttentionAction.MARK_COMPLETED

    hook.resolve(item, hook.panel.action_button)  # its year was not loaded: read, then shown
    assert window.page.selected_id == past.id
    menus = _open_menus()
    assert menus and "Mark as completed" in [a.text() for a in menus[0].actions()]
    for menu in menus:
        menu.close()

    booking.set_status(planner.ctx, past.id, SlotStatus.COMPLETED)
    window.store.reload(*window.page.visible_range())
    assert _kinds(hook) == []


def test_a_frame_waiting_opens_its_review_and_a_missed_deadline_its_e_mail(qtbot, window: MainWindow,
                                                                            planner: Planner) -> None:
    from takeover_planner.services.attention import AttentionItem
    from takeover_planner.texts import Text
    from takeover_planner.texts.attention import AttentionText

    hook = window.attention
    review = AttentionItem(AttentionKind.REVIEW_WAITING, AttentionAction.REVIEW,
                           Text(AttentionText.NOTHING, {}), planner.library, planner.library_slot, 7)
    with qtbot.waitSignal(window.page.review_requested) as seen:
        window.page.review_requested.disconnect(window.open_review)  # the signal is what is tested here
        hook.resolve(review, hook.panel.action_button)
    assert seen.args == [planner.library_slot]
    missed = AttentionItem(AttentionKind.DEADLINE_MISSED, AttentionAction.REMIND_DEPARTMENT,
                           Text(AttentionText.NOTHING, {}), planner.library, planner.library_slot)
    with qtbot.waitSignal(window.page.email_requested) as asked:
        hook.resolve(missed, hook.panel.action_button)
    assert asked.args == [planner.library_slot, "missed"]
    assert window.emails.dialog is not None
    window.emails.dialog.close()


def test_hidden_it_reads_nothing_and_shown_it_catches_up(window: MainWindow, planner: Planner) -> None:
    hook = window.attention
    hook.dock.hide()
    booking.book(planner.ctx, department=planner.parks, account=planner.kommune, start=dt.date(2030, 3, 12),
                 end=dt.date(2030, 3, 12))
    window.store.reload(*window.page.visible_range())
    assert _kinds(hook) == []
    hook.dock.show()
    assert {kind for kind, _ in _kinds(hook)} == {AttentionKind.COMPETING}
    assert window.page.anchor.month == MONTH.month


def test_the_list_speaks_the_windows_language(qtbot, window: MainWindow, planner: Planner) -> None:
    hook = window.attention
    booking.book(planner.ctx, department=planner.parks, account=planner.kommune, start=dt.date(2030, 3, 12),
                 end=dt.date(2030, 3, 12))
    window.store.reload(*window.page.visible_range())
    window.set_language("nb")
    try:
        # Qt posts the language change to every window: it arrives on the next turn of the event loop.
        qtbot.waitUntil(lambda: hook.dock.windowTitle() == "Trenger oppmerksomhet (2)", timeout=2000)
        assert hook.panel.list.item(0).text().startswith("Konkurrerende forespørsler · ")
        assert hook.panel.action_button.text() == "Bekreft én forespørsel og avlys de andre"
    finally:
        window.set_language("en")
    qtbot.waitUntil(lambda: hook.dock.windowTitle() == "Needs attention (2)", timeout=2000)
    assert hook.panel.empty.text() == "All is well: nothing needs attention."
