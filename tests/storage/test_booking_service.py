from __future__ import annotations

import datetime as dt

import pytest

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.errors import BookingRefused, ConflictError, TransitionRefused
from takeover_planner.services import booking, catalog
from takeover_planner.services.audit import history
from takeover_planner.texts.booking import BookingText

D = dt.date


@pytest.fixture
def plan(ctx):
    catalog.add_account(ctx, "Fjordvik kommune", handle="fjordvikkommune")
    catalog.add_account(ctx, "Fjordvik kultur", handle="fjordvikkultur")
    catalog.add_department(ctx, "Biblioteket", contact_name="Kari Nordmann", email="kari@fjordvik.kommune.no")
    catalog.add_department(ctx, "Brannvesenet", contact_name="Ola Hansen", email="ola@fjordvik.kommune.no")
    return ctx


def test_overlapping_holding_slots_are_refused_naming_the_other(plan):
    first = booking.book(plan, department="Biblioteket", account="Fjordvik kommune",
                         start=D(2027, 3, 1), end=D(2027, 3, 5), status=SlotStatus.CONFIRMED)
    with pytest.raises(BookingRefused) as refused:
        booking.book(plan, department="Brannvesenet", account="Fjordvik kommune",
                     start=D(2027, 3, 5), end=D(2027, 3, 7), status=SlotStatus.BOOKED)
    assert refused.value.code == BookingText.OVERLAP and refused.value.details == {"slots": [first.slot.id]}
    [named] = refused.value.params["slots"]
    assert named.params["slot_id"] == first.slot.id and named.params["department"] == "Biblioteket"
    assert len(booking.list_slots(plan)) == 1


def test_other_account_and_adjacent_days_are_fine(plan):
    booking.book(plan, department="Biblioteket", account="Fjordvik kommune",
                 start=D(2027, 3, 1), end=D(2027, 3, 5), status=SlotStatus.CONFIRMED)
    booking.book(plan, department="Brannvesenet", account="Fjordvik kultur",
                 start=D(2027, 3, 1), end=D(2027, 3, 5), status=SlotStatus.CONFIRMED)
    booking.book(plan, department="Brannvesenet", account="Fjordvik kommune",
                 start=D(2027, 3, 6), end=D(2027, 3, 6), status=SlotStatus.BOOKED)
    assert len(booking.list_slots(plan)) == 3


def test_requested_slots_may_compete_and_are_reported(plan):
    a = booking.book(plan, department="Biblioteket", account="Fjordvik kommune",
                     start=D(2027, 4, 1), end=D(2027, 4, 2))
    b = booking.book(plan, department="Brannvesenet", account="Fjordvik kommune",
                     start=D(2027, 4, 2), end=D(2027, 4, 3))
    assert [s.id for s in b.competing] == [a.slot.id]
    competing = booking.competing_requests(booking.list_slots(plan))
    assert competing == {a.slot.id: [b.slot.id], b.slot.id: [a.slot.id]}
    # Booking one of them makes the other's promotion impossible.
    booking.set_status(plan, a.slot.id, SlotStatus.BOOKED)
    with pytest.raises(BookingRefused):
        booking.set_status(plan, b.slot.id, SlotStatus.BOOKED)


def test_blackout_refuses_and_names_itself(plan):
    catalog.add_blackout(plan, "Valgdagen", D(2027, 9, 12), D(2027, 9, 13))
    catalog.add_blackout(plan, "Kultur pause", D(2027, 10, 1), D(2027, 10, 3), account="Fjordvik kultur")
    with pytest.raises(BookingRefused) as refused:
        booking.book(plan, department="Biblioteket", account="Fjordvik kommune",
                     start=D(2027, 9, 10), end=D(2027, 9, 12))
    assert refused.value.code == BookingText.IN_BLACKOUT
    assert [b.params["name"] for b in refused.value.params["blackouts"]] == ["Valgdagen"]
    # A blackout on another account does not stop this one.
    booking.book(plan, department="Biblioteket", account="Fjordvik kommune", start=D(2027, 10, 1), end=D(2027, 10, 2))
    with pytest.raises(BookingRefused) as refused:
        booking.book(plan, department="Biblioteket", account="Fjordvik kultur", start=D(2027, 10, 2), end=D(2027, 10, 2))
    [named] = refused.value.params["blackouts"]
    assert named.code == BookingText.BLACKOUT_ON_ACCOUNT
    assert (named.params["name"], named.params["account"]) == ("Kultur pause", "Fjordvik kultur")


def test_move_checks_rules_and_writes_audit(plan):
    a = booking.book(plan, department="Biblioteket", account="Fjordvik kommune",
                     start=D(2027, 5, 3), end=D(2027, 5, 4), status=SlotStatus.BOOKED)
    b = booking.book(plan, department="Brannvesenet", account="Fjordvik kommune",
                     start=D(2027, 5, 10), end=D(2027, 5, 11), status=SlotStatus.BOOKED)
    with pytest.raises(BookingRefused) as refused:
        booking.move(plan, b.slot.id, D(2027, 5, 4), D(2027, 5, 5))
    assert refused.value.details == {"slots": [a.slot.id]}
    moved = booking.move(plan, b.slot.id, D(2027, 5, 5), D(2027, 5, 6)).slot
    assert (moved.start, moved.end) == (D(2027, 5, 5), D(2027, 5, 6))
    assert moved.version == b.slot.version + 1
    with plan.db.session() as s:
        actions = [e.action for e in history(s, "slot", b.slot.id)]
        assert actions == ["booked", "moved"]
        entry = history(s, "slot", b.slot.id)[-1]
        assert entry.actor == "Test Officer"
        assert entry.before["start"] == "2027-05-10" and entry.after["start"] == "2027-05-05"


def test_status_transitions_follow_the_rules(plan):
    slot = booking.book(plan, department="Biblioteket", account="Fjordvik kommune",
                        start=D(2027, 6, 1), end=D(2027, 6, 1)).slot
    with pytest.raises(TransitionRefused):
        booking.set_status(plan, slot.id, SlotStatus.COMPLETED)
    with pytest.raises(TransitionRefused) as refused:
        booking.set_status(plan, slot.id, SlotStatus.CANCELLED)
    assert refused.value.code == BookingText.CANCEL_NEEDS_REASON
    done = booking.set_status(plan, slot.id, SlotStatus.CANCELLED, reason="Sick leave").slot
    assert done.status == SlotStatus.CANCELLED and done.cancel_reason == "Sick leave"


def test_stale_version_is_refused(plan):
    slot = booking.book(plan, department="Biblioteket", account="Fjordvik kommune",
                        start=D(2027, 7, 1), end=D(2027, 7, 2)).slot
    booking.move(plan, slot.id, D(2027, 7, 3), D(2027, 7, 4), expected_version=slot.version)
    with pytest.raises(ConflictError) as conflict:
        booking.move(plan, slot.id, D(2027, 7, 8), D(2027, 7, 9), expected_version=slot.version)
    assert conflict.value.code == BookingText.SLOT_CHANGED
    assert conflict.value.details == {"slot": slot.id, "current_version": slot.version + 1}
    assert booking.get_slot(plan, slot.id).start == D(2027, 7, 3)


def test_timestamps_round_trip_as_utc(plan):
    slot = booking.book(plan, department="Biblioteket", account="Fjordvik kommune",
                        start=D(2027, 3, 29), end=D(2027, 3, 29)).slot
    deadline = booking.get_slot(plan, slot.id).material_deadline
    assert deadline is not None and deadline.tzinfo is not None
    # Three working days before Monday 29 March 2027 is Wednesday 24 March, noon in Oslo (CET, +01:00).
    assert deadline == dt.datetime(2027, 3, 24, 11, 0, tzinfo=dt.UTC)
