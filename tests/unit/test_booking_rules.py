from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from takeover_planner.domain.booking import ExistingBlackout, ExistingSlot, check_booking
from takeover_planner.domain.slots import ALLOWED_TRANSITIONS, DateRange, SlotStatus, check_transition
from takeover_planner.errors import BookingRefused, TransitionRefused, ValidationError
from takeover_planner.texts import DateSpan
from takeover_planner.texts.booking import BookingText

D = dt.date
dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2035, 12, 31))


@st.composite
def ranges(draw: st.DrawFn) -> DateRange:
    start = draw(dates)
    return DateRange(start, start + dt.timedelta(days=draw(st.integers(0, 14))))


def test_end_before_start_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        DateRange(D(2027, 1, 2), D(2027, 1, 1))
    assert refused.value.code == BookingText.END_BEFORE_START
    assert refused.value.params == {"start": D(2027, 1, 2), "end": D(2027, 1, 1)}


@given(ranges(), ranges())
def test_overlap_is_symmetric_and_means_a_shared_day(a: DateRange, b: DateRange) -> None:
    shared = {a.start + dt.timedelta(days=i) for i in range(a.day_count)} & {
        b.start + dt.timedelta(days=i) for i in range(b.day_count)
    }
    assert a.overlaps(b) == b.overlaps(a) == bool(shared)


def _slot(i: int, r: DateRange, status: SlotStatus) -> ExistingSlot:
    return ExistingSlot(i, f"Dept {i}", "Main", r, status)


@given(ranges(), st.lists(st.tuples(ranges(), st.sampled_from(list(SlotStatus))), max_size=6),
       st.sampled_from([SlotStatus.REQUESTED, SlotStatus.BOOKED, SlotStatus.CONFIRMED]))
def test_a_holding_slot_never_overlaps_another(new: DateRange, existing: list, status: SlotStatus) -> None:
    others = [_slot(i, r, s) for i, (r, s) in enumerate(existing)]
    holding_clash = [o for o in others if o.status in (SlotStatus.BOOKED, SlotStatus.CONFIRMED, SlotStatus.COMPLETED)
                     and o.dates.overlaps(new)]
    try:
        result = check_booking(new, status, "Main", others, [])
    except BookingRefused as refused:
        assert status != SlotStatus.REQUESTED and holding_clash
        assert refused.code == BookingText.OVERLAP
        assert sorted(refused.details["slots"]) == sorted(clash.id for clash in holding_clash)
        assert [item.params["slot_id"] for item in refused.params["slots"]] == refused.details["slots"]
    else:
        assert status == SlotStatus.REQUESTED or not holding_clash
        assert all(c.dates.overlaps(new) for c in result.competing)


def test_blackout_scope() -> None:
    everywhere = ExistingBlackout(1, "Valgdagen", DateRange(D(2027, 9, 13), D(2027, 9, 13)), None)
    other = ExistingBlackout(2, "Pause", DateRange(D(2027, 10, 1), D(2027, 10, 1)), "Kultur")
    with pytest.raises(BookingRefused) as refused:
        check_booking(DateRange(D(2027, 9, 12), D(2027, 9, 14)), SlotStatus.REQUESTED, "Main", [], [everywhere])
    assert refused.value.code == BookingText.IN_BLACKOUT and refused.value.details == {"blackouts": [1]}
    [named] = refused.value.params["blackouts"]
    assert named.params == {"name": "Valgdagen", "dates": DateSpan(D(2027, 9, 13), D(2027, 9, 13))}
    check_booking(DateRange(D(2027, 10, 1), D(2027, 10, 1)), SlotStatus.CONFIRMED, "Main", [], [other])
    # Cancelling never collides with anything.
    check_booking(DateRange(D(2027, 9, 13), D(2027, 9, 13)), SlotStatus.CANCELLED, "Main", [], [everywhere])


@pytest.mark.parametrize("current", list(SlotStatus))
@pytest.mark.parametrize("target", list(SlotStatus))
def test_every_transition_is_allowed_or_refused_as_declared(current: SlotStatus, target: SlotStatus) -> None:
    if target in ALLOWED_TRANSITIONS[current]:
        check_transition(current, target, "a reason")
    else:
        with pytest.raises(TransitionRefused):
            check_transition(current, target, "a reason")


def test_a_refused_booking_reads_fully_in_bokmaal() -> None:
    """The one deliberate look at words: every part of the refusal (dates, status) follows the language."""
    confirmed = ExistingSlot(12, "Miljøkontoret", "@fjordvik", DateRange(D(2027, 3, 4), D(2027, 3, 6)),
                             SlotStatus.CONFIRMED)
    with pytest.raises(BookingRefused) as refused:
        check_booking(DateRange(D(2027, 3, 4), D(2027, 3, 6)), SlotStatus.BOOKED, "@fjordvik", [confirmed], [])
    assert refused.value.message_in("nb") == (
        "4.–6. mars 2027 på @fjordvik overlapper periode #12 (Miljøkontoret, 4.–6. mars 2027, bekreftet).")


def test_a_refused_transition_names_the_statuses() -> None:
    with pytest.raises(TransitionRefused) as refused:
        check_transition(SlotStatus.COMPLETED, SlotStatus.BOOKED, None)
    assert refused.value.code == BookingText.TRANSITION_FINAL
    with pytest.raises(TransitionRefused) as refused:
        check_transition(SlotStatus.BOOKED, SlotStatus.CANCELLED, " ")
    assert refused.value.code == BookingText.CANCEL_NEEDS_REASON
