"""services/planner_queries.py on SQLite and PostgreSQL: story progress, the empty check, and the campaign
and blackout edits the catalog service lacks."""

from __future__ import annotations

import datetime as dt

import pytest

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.errors import ConflictError, ValidationError
from takeover_planner.services import booking, catalog, planner_queries
from takeover_planner.storage.models import StoryFrame
from takeover_planner.texts.catalog import CatalogText


def test_frame_progress_counts_how_far_frames_have_come(ctx) -> None:
    assert planner_queries.is_empty(ctx)
    catalog.add_account(ctx, "Konto")
    catalog.add_department(ctx, "Enhet")
    slot = booking.book(ctx, department="Enhet", account="Konto", start=dt.date(2030, 1, 7), end=dt.date(2030, 1, 8))
    assert not planner_queries.is_empty(ctx)
    assert planner_queries.frame_progress(ctx, slot.slot.id).total == 0
    states = ["draft", "submitted", "changes_requested", "approved", "scheduled", "published", "failed", "withdrawn"]
    with ctx.db.write() as s:
        for i, state in enumerate(states):
            s.add(StoryFrame(slot_id=slot.slot.id, position=i, state=state))
    progress = planner_queries.frame_progress(ctx, slot.slot.id)
    assert (progress.total, progress.submitted, progress.approved, progress.published) == (7, 6, 4, 1)
    assert progress.by_state["withdrawn"] == 1


def test_update_campaign_checks_names_dates_and_versions(ctx) -> None:
    first = catalog.add_campaign(ctx, "Miljøuka", dt.date(2030, 4, 1), dt.date(2030, 4, 7))
    catalog.add_campaign(ctx, "Kulturuka")
    changed = catalog.update_campaign(ctx, first.id, expected_version=first.version, name="Miljøveka",
                                              start=dt.date(2030, 4, 8), end=dt.date(2030, 4, 14), color="#2e9e6a")
    assert (changed.name, changed.start, changed.color) == ("Miljøveka", dt.date(2030, 4, 8), "#2e9e6a")
    with pytest.raises(ValidationError) as taken:
        catalog.update_campaign(ctx, first.id, name="kulturuka", start=None, end=None)
    assert taken.value.code == CatalogText.CAMPAIGN_EXISTS
    with pytest.raises(ValidationError):
        catalog.update_campaign(ctx, first.id, name="X", start=dt.date(2030, 4, 9), end=dt.date(2030, 4, 8))
    with pytest.raises(ConflictError):
        catalog.update_campaign(ctx, first.id, expected_version=first.version, name="Y", start=None, end=None)


def test_update_blackout_reports_slots_inside_and_is_audited(ctx) -> None:
    from takeover_planner.services import audit

    catalog.add_account(ctx, "Konto")
    catalog.add_department(ctx, "Enhet")
    slot = booking.book(ctx, department="Enhet", account="Konto", start=dt.date(2030, 5, 6), end=dt.date(2030, 5, 7))
    blackout = catalog.add_blackout(ctx, "Krise", dt.date(2030, 6, 1), dt.date(2030, 6, 2)).blackout
    result = catalog.update_blackout(ctx, blackout.id, expected_version=blackout.version, name="Krise",
                                             start=dt.date(2030, 5, 7), end=dt.date(2030, 5, 9), account="Konto")
    assert result.affected_slot_ids == (slot.slot.id,)
    assert (result.blackout.start, result.blackout.account) == (dt.date(2030, 5, 7), "Konto")
    with ctx.db.session() as s:
        assert [e.action for e in audit.history(s, "blackout", blackout.id)] == ["created", "updated"]


def test_slots_between_reads_the_same_slots_as_the_booking_service(ctx) -> None:
    catalog.add_account(ctx, "Konto")
    catalog.add_account(ctx, "Kultur")
    catalog.add_department(ctx, "Enhet", color="#2e9e6a")
    catalog.add_campaign(ctx, "Temauke")
    first = booking.book(ctx, department="Enhet", account="Konto", start=dt.date(2030, 12, 30),
                         end=dt.date(2031, 1, 2), campaign="Temauke", news_url="https://fjordvik.example/a").slot
    booking.book(ctx, department="Enhet", account="Kultur", start=dt.date(2031, 2, 3), end=dt.date(2031, 2, 3))
    booking.set_status(ctx, first.id, SlotStatus.CANCELLED, reason="ill")
    assert planner_queries.slots_between(ctx) == booking.list_slots(ctx)
    year = (dt.date(2031, 1, 1), dt.date(2031, 12, 31))
    assert planner_queries.slots_between(ctx, *year) == booking.list_slots(ctx, start=year[0], end=year[1])
    assert [s.id for s in planner_queries.slots_between(ctx, dt.date(2031, 2, 1), None)] == [first.id + 1]


def test_year_span_and_the_runs_of_years_not_read_yet(ctx) -> None:
    assert planner_queries.year_span(ctx) is None
    catalog.add_account(ctx, "Konto")
    catalog.add_department(ctx, "Enhet")
    booking.book(ctx, department="Enhet", account="Konto", start=dt.date(2027, 3, 1), end=dt.date(2027, 3, 2))
    booking.book(ctx, department="Enhet", account="Konto", start=dt.date(2033, 12, 31), end=dt.date(2034, 1, 1))
    assert planner_queries.year_span(ctx) == (2027, 2034)
    assert planner_queries.year_runs(2027, 2034, {2029, 2030, 2033}) == [(2027, 2028), (2031, 2032), (2034, 2034)]
    assert planner_queries.year_runs(2027, 2028, {2027, 2028}) == []
