"""The outbox carries every edit the planner window makes offline (booking with deadline and link, the edit
dialog's dates-and-details change), and "Test connection" reads a database without changing it."""

from __future__ import annotations

import datetime as dt

import pytest

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.services import booking, catalog, team
from takeover_planner.services.context import AppContext
from takeover_planner.services.outbox import Outbox
from takeover_planner.storage.database import Database
from takeover_planner.texts.booking import BookingText


def _setup(ctx: AppContext) -> tuple[int, int, int]:
    account = catalog.add_account(ctx, "Fjordvik kommune").id
    library = catalog.add_department(ctx, "Biblioteket").id
    campaign = catalog.add_campaign(ctx, "Leseuka", dt.date(2031, 3, 1), dt.date(2031, 3, 31)).id
    return account, library, campaign


def test_a_booking_made_offline_keeps_its_deadline_and_link(ctx: AppContext) -> None:
    account, library, _campaign = _setup(ctx)
    outbox = Outbox(ctx.paths.data_dir / "outbox.json")
    deadline = dt.datetime(2031, 2, 25, 11, 0, tzinfo=dt.UTC)
    outbox.add("book", {"department": library, "account": account, "start": dt.date(2031, 3, 3),
                        "end": dt.date(2031, 3, 4), "status": SlotStatus.BOOKED, "notes": "Lesestund",
                        "news_url": "https://fjordvik.example/lesestund", "material_deadline": deadline,
                        "label": "Book Biblioteket"}, ctx.actor)
    result = Outbox(ctx.paths.data_dir / "outbox.json").replay(ctx)
    assert [i.operation for i in result.applied] == ["book"] and not result.refused
    (slot,) = booking.list_slots(ctx)
    assert (slot.status, slot.notes, slot.news_url) == (SlotStatus.BOOKED, "Lesestund", "https://fjordvik.example/lesestund")
    assert slot.material_deadline == deadline


def test_an_edit_moves_and_changes_details_or_is_refused_whole(ctx: AppContext) -> None:
    account, library, campaign = _setup(ctx)
    slot = booking.book(ctx, department=library, account=account, start=dt.date(2031, 3, 3),
                        end=dt.date(2031, 3, 4), status=SlotStatus.BOOKED).slot
    outbox = Outbox(ctx.paths.data_dir / "outbox.json")
    edit = {"slot_id": slot.id, "start": "2031-03-10", "end": "2031-03-11", "notes": "Flyttet",
            "news_url": "", "campaign": campaign, "clear_campaign": False, "expected_version": slot.version}
    outbox.add("edit", edit, ctx.actor)
    stale = dict(edit, notes="Skrevet over", expected_version=slot.version)  # the same version, now stale
    outbox.add("edit", stale, ctx.actor)
    result = outbox.replay(ctx)
    assert [i.arguments["notes"] for i in result.applied] == ["Flyttet"]
    assert len(result.refused) == 1 and result.refused[0][1].code == BookingText.SLOT_CHANGED
    after = booking.get_slot(ctx, slot.id)
    assert (after.start, after.end, after.notes, after.campaign_id) == (
        dt.date(2031, 3, 10), dt.date(2031, 3, 11), "Flyttet", campaign)


def test_details_only_edit_checks_the_version_it_saw(ctx: AppContext) -> None:
    account, library, _campaign = _setup(ctx)
    slot = booking.book(ctx, department=library, account=account, start=dt.date(2031, 3, 3),
                        end=dt.date(2031, 3, 4)).slot
    booking.update_details(ctx, slot.id, notes="Someone else's words")
    outbox = Outbox(ctx.paths.data_dir / "outbox.json")
    outbox.add("edit", {"slot_id": slot.id, "start": "2031-03-03", "end": "2031-03-04", "notes": "Mine",
                        "expected_version": slot.version}, ctx.actor)
    result = outbox.replay(ctx)
    assert not result.applied and len(result.refused) == 1
    assert booking.get_slot(ctx, slot.id).notes == "Someone else's words"


def test_check_connection_reads_without_changing(tmp_path, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    found = team.check_connection(pg_url)
    assert (found.backend, found.state, found.revision) == ("postgresql", "empty", "")
    from takeover_planner.storage.migrate import schema_status, upgrade

    db = Database(pg_url)
    try:
        assert schema_status(db).current is None, "checking created nothing"
        upgrade(db, tmp_path / "backups")
        again = team.check_connection(pg_url, password="never-shown")  # trust authentication ignores it
        assert again.state == "current" and again.revision
        assert "never-shown" not in again.display_url
    finally:
        db.dispose()


def test_check_connection_says_plainly_when_nothing_answers() -> None:
    from takeover_planner.errors import EnvironmentProblem, EnvReason

    with pytest.raises(EnvironmentProblem) as nobody:
        team.check_connection("postgresql+psycopg://nobody@127.0.0.1:9/none", password="secret-word")
    assert nobody.value.reason == EnvReason.UNREACHABLE
    assert "secret-word" not in nobody.value.message + repr(nobody.value.to_json())
