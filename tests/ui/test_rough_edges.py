"""The rough edges of issue 17's usability run, in the window: cancelling with an empty reason says why, the
status bar never keeps a stale refusal, "Recent changes" follows a move and a status change, past days are
warned about before booking, "Mark as completed" waits for the takeover's days, the edit dialog moves the
deadline with the dates, new records get free colours, and frames are numbered from 1."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication, QInputDialog

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import OSLO, to_oslo, today_oslo
from takeover_planner.services import booking, stories
from takeover_planner.ui.i18n import pydate, qdate
from takeover_planner.ui.main_window import MainWindow
from tests.ui.conftest import Planner


def _prompt() -> QInputDialog:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())


def test_cancelling_with_an_empty_reason_says_why(window: MainWindow, planner: Planner) -> None:
    window.page.change_status(planner.fire_slot, SlotStatus.CANCELLED)
    prompt = _prompt()
    prompt.setTextValue("   ")
    prompt.accept()
    slot = window.store.slot(planner.fire_slot)
    assert slot is not None and slot.status == SlotStatus.REQUESTED
    said = window.status_area.label.text()
    assert said == "Brannvesenet's slot is not cancelled: a reason is needed."
    assert window.page.callout.isVisible()


def test_the_status_bar_drops_a_refusal_once_something_succeeds(window: MainWindow, planner: Planner) -> None:
    window.page.move_slot(planner.library_slot, dt.date(2030, 3, 19), dt.date(2030, 3, 21))  # into the blackout
    refusal = window.status_area.label.text()
    assert refusal
    window.page.move_slot(planner.library_slot, dt.date(2030, 3, 5), dt.date(2030, 3, 7))
    assert window.status_area.label.text() != refusal
    assert window.status_area.label.text().startswith("Biblioteket is moved to")
    window.booking_actions.set_status(planner.library_slot, SlotStatus.CONFIRMED, lambda exc: None)
    assert window.status_area.label.text() == "Biblioteket is now confirmed."


def test_recent_changes_follow_a_move_a_resize_and_a_status_change(window: MainWindow, planner: Planner) -> None:
    window.page.select(planner.library_slot)
    panel = window.page.panel
    seen = len(panel._history or [])
    window.page.move_slot(planner.library_slot, dt.date(2030, 3, 5), dt.date(2030, 3, 7))
    assert len(panel._history or []) == seen + 1
    window.page.move_slot(planner.library_slot, dt.date(2030, 3, 5), dt.date(2030, 3, 8))
    assert len(panel._history or []) == seen + 2
    window.booking_actions.set_status(planner.library_slot, SlotStatus.CONFIRMED, lambda exc: None)
    assert len(panel._history or []) == seen + 3
    assert "Status" in panel.history_label.text() or "status" in panel.history_label.text().lower()


def test_past_days_are_warned_about_before_booking(window: MainWindow, planner: Planner) -> None:
    past = today_oslo() - dt.timedelta(days=30)
    dialog = window.page.new_booking(past, past)
    assert dialog is not None
    assert "in the past" in dialog.week_hint.text()
    dialog.department.setCurrentIndex(dialog.department.findData(planner.parks))
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.error_text().startswith("These days are in the past.")
    assert dialog.ok_button.text() == "Book anyway"
    assert not [s for s in booking.list_slots(planner.ctx) if s.department_id == planner.parks]
    dialog.ok_button.click()
    [slot] = [s for s in booking.list_slots(planner.ctx) if s.department_id == planner.parks]
    assert slot.start == past

    future = window.page.new_booking(dt.date(2030, 3, 25), dt.date(2030, 3, 25))
    assert future is not None and "in the past" not in future.week_hint.text()
    assert future.ok_button.text() == "Book"
    future.close()


def test_mark_as_completed_only_once_the_days_have_come(window: MainWindow, planner: Planner) -> None:
    def texts(slot_id: int) -> list[str]:
        menu = window.page.status_menu(slot_id)
        assert menu is not None
        return [a.text() for a in menu.actions()]

    window.booking_actions.set_status(planner.library_slot, SlotStatus.CONFIRMED, lambda exc: None)
    assert "Mark as completed" not in texts(planner.library_slot), "2030 is still ahead"
    today = today_oslo()
    past = booking.book(planner.ctx, department=planner.parks, account=planner.kultur,
                        start=today - dt.timedelta(days=3), end=today - dt.timedelta(days=2),
                        status=SlotStatus.CONFIRMED).slot
    window.store.apply(past)
    assert "Mark as completed" in texts(past.id)


def test_the_edit_dialog_moves_the_deadline_with_the_dates(window: MainWindow, planner: Planner) -> None:
    slot = window.store.slot(planner.library_slot)
    assert slot is not None and slot.material_deadline is not None
    dialog = window.page.edit_slot(planner.library_slot)
    assert dialog is not None
    dialog.start.setDate(qdate(slot.start + dt.timedelta(days=7)))
    shown = pydate(dialog.deadline.date())
    assert shown == to_oslo(slot.material_deadline).date() + dt.timedelta(days=7)
    dialog.ok_button.click()
    moved = booking.get_slot(planner.ctx, planner.library_slot)
    assert moved.start == slot.start + dt.timedelta(days=7)
    assert moved.material_deadline == slot.material_deadline + dt.timedelta(days=7)


def test_a_new_department_is_offered_a_colour_nobody_has(window: MainWindow, planner: Planner) -> None:
    from takeover_planner.ui.management.table_models import Kind

    manage = window.open_manage(Kind.DEPARTMENTS)
    assert manage is not None
    taken = {d.color for d in window.store.departments.values()} | {c.color for c in window.store.campaigns}
    dialog = manage.open_editor(Kind.DEPARTMENTS, None)
    assert dialog.color.color not in taken  # type: ignore[attr-defined]
    dialog.close()
    campaign = manage.open_editor(Kind.CAMPAIGNS, None)
    assert campaign.color.color not in taken  # type: ignore[attr-defined]
    campaign.close()
    manage.close()


def test_frames_are_numbered_from_one(window: MainWindow, planner: Planner) -> None:
    first = stories.add_frame(planner.ctx, planner.library_slot, original_asset_id=None,
                              planned_at=dt.datetime(2030, 3, 4, 10, 0, tzinfo=OSLO))
    stories.add_frame(planner.ctx, planner.library_slot, original_asset_id=None)
    assert first.position == 1
    review = window.open_review(planner.library_slot)
    assert review is not None
    review.select_frame(first.id)  # type: ignore[attr-defined]
    assert review.state.text().startswith("Frame 1 of 2")  # type: ignore[attr-defined]
    review.close()


LONG_REFUSAL = ("Slot #12 (Biblioteket, 1–3 March 2030, confirmed) cannot be booked: it falls in the blackout "
                "period «Valgdagen» (20 March 2030, all accounts), and it competes with #13 Brannvesenet and "
                "#14 Parkvesenet for the same days; choose other days or cancel one of them first.")


def _area(widget, dialog):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect

    return QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())


def test_an_inline_refusal_never_covers_the_fields(qtbot, window: MainWindow, planner: Planner) -> None:
    dialog = window.page.new_booking(dt.date(2030, 3, 25), dt.date(2030, 3, 25))
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.show_refusal(LONG_REFUSAL)
    error = _area(dialog.error, dialog)
    assert error.height() >= dialog.error.heightForWidth(dialog.error.width())
    for field in (dialog.notes, dialog.news_url, dialog.deadline, dialog.ok_button):
        assert not _area(field, dialog).intersects(error), field
    dialog.close()

    brief = window.briefs.open_dialog(planner.library_slot)
    assert brief is not None
    qtbot.waitExposed(brief)
    brief.show_error(LONG_REFUSAL)
    error = _area(brief.error, brief)
    for field in (brief.path, brief.language, brief.with_pdf, brief.write_button):
        assert not _area(field, brief).intersects(error), field
    brief.close()
