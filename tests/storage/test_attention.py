"""Needs attention: each kind built from a real situation through the services, seen in `attention --json`
with its kind and ids, and gone once resolved."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from takeover_planner.cli import main
from takeover_planner.domain.roles import Role
from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import OSLO
from takeover_planner.services import (
    booking,
    catalog,
    consents,
    handoff_service,
    media_service,
    people,
    stories,
)
from takeover_planner.services import publishing_service as svc
from takeover_planner.services.attention import AttentionKind, needs_attention
from takeover_planner.services.context import AppContext
from takeover_planner.texts.attention import AttentionAction, AttentionText
from tests.fakes.publish_world import World, due_time, png_bytes, running_world

D = dt.date
# The list is looked at as of this moment: the plan lies in 2030, so nothing depends on today's date.
NOW = dt.datetime(2030, 3, 4, 9, 0, tzinfo=OSLO)
ACCOUNT = "Fjordvik kommune"


@pytest.fixture
def plan(ctx: AppContext) -> AppContext:
    catalog.add_account(ctx, ACCOUNT, handle="fjordvikkommune")
    catalog.add_department(ctx, "Biblioteket", contact_name="Kari Nordmann", email="kari@fjordvik.kommune.no")
    catalog.add_department(ctx, "Brannvesenet", contact_name="Ola Hansen")
    return ctx


def book(ctx: AppContext, start: D, end: D, *, status: SlotStatus = SlotStatus.CONFIRMED,
         department: str = "Biblioteket", deadline: dt.datetime | None = None) -> int:
    return booking.book(ctx, department=department, account=ACCOUNT, start=start, end=end, status=status,
                        material_deadline=deadline or dt.datetime(2030, 12, 1, 12, tzinfo=OSLO)).slot.id


def picture(ctx: AppContext, tmp_path: Path) -> int:
    """A story-sized JPEG in the media store, so a frame can be submitted."""
    path = tmp_path / f"frame{len(list(tmp_path.glob('frame*.jpg')))}.jpg"
    Image.new("RGB", (1080, 1920), (40, 90, 160)).save(path, "JPEG", quality=85)
    asset = media_service.import_file(ctx, path).asset
    assert asset is not None
    return asset.id


def kinds(ctx: AppContext, now: dt.datetime = NOW) -> set[tuple[str, int | None, int | None]]:
    return {(i.kind.value, i.slot_id, i.frame_id) for i in needs_attention(ctx, now=now)}


def cli_items(ctx: AppContext, db_url: str, tmp_path, capsys, now: dt.datetime = NOW) -> list[dict[str, object]]:
    code = main(["--home", str(tmp_path / "cli-home"), "--db", db_url, "attention", "--json", "--now", now.isoformat()])
    assert code == 0
    return list(json.loads(capsys.readouterr().out)["items"])


def test_all_is_well_means_an_empty_list(plan, db_url, tmp_path, capsys):
    book(plan, D(2030, 3, 10), D(2030, 3, 12))
    assert needs_attention(plan, now=NOW) == []
    assert cli_items(plan, db_url, tmp_path, capsys) == []
    main(["--home", str(tmp_path / "cli-home"), "--db", db_url, "attention", "--now", NOW.isoformat()])
    assert capsys.readouterr().out.strip() == "Nothing needs attention."


def test_a_missed_material_deadline_shows_until_something_is_submitted(plan, db_url, tmp_path, capsys):
    slot = book(plan, D(2030, 3, 10), D(2030, 3, 12), deadline=dt.datetime(2030, 3, 1, 12, tzinfo=OSLO))
    items = cli_items(plan, db_url, tmp_path, capsys)
    assert [(i["kind"], i["slot_id"], i["frame_id"], i["action"]) for i in items] == [
        ("deadline_missed", slot, None, "remind_department")]
    assert items[0]["code"] == AttentionText.DEADLINE_MISSED.key
    assert items[0]["params"]["slot_id"] == slot  # type: ignore[index]
    # Before the deadline there is nothing to say.
    assert kinds(plan, dt.datetime(2030, 2, 28, tzinfo=OSLO)) == set()
    frame = stories.add_frame(plan, slot, original_asset_id=picture(plan, tmp_path), text="Hei")
    assert ("deadline_missed", slot, None) in kinds(plan), "a draft is not a submission"
    stories.submit(plan, frame.id)
    assert not any(kind == "deadline_missed" for kind, _, _ in kinds(plan))


def test_a_slot_that_is_over_but_not_completed(plan, db_url, tmp_path, capsys):
    slot = book(plan, D(2030, 2, 1), D(2030, 2, 3))
    items = cli_items(plan, db_url, tmp_path, capsys)
    assert [(i["kind"], i["slot_id"], i["action"]) for i in items] == [("not_completed", slot, "mark_completed")]
    booking.set_status(plan, slot, SlotStatus.COMPLETED)
    assert kinds(plan) == set()


def test_a_blackout_added_over_a_booked_slot(plan, db_url, tmp_path, capsys):
    slot = book(plan, D(2030, 4, 1), D(2030, 4, 3))
    blackout = catalog.add_blackout(plan, "Påskeferie", D(2030, 4, 2), D(2030, 4, 8)).blackout
    items = cli_items(plan, db_url, tmp_path, capsys)
    assert [(i["kind"], i["slot_id"], i["action"]) for i in items] == [("in_blackout", slot, "move_or_cancel")]
    assert items[0]["details"]["blackout_id"] == blackout.id  # type: ignore[index]
    assert items[0]["details"]["blackout_added_at"]  # type: ignore[index]
    booking.move(plan, slot, D(2030, 4, 15), D(2030, 4, 17))
    assert kinds(plan) == set()


def test_a_blackout_on_another_account_is_not_in_the_way(plan):
    catalog.add_account(plan, "Fjordvik kultur")
    book(plan, D(2030, 4, 1), D(2030, 4, 3))
    catalog.add_blackout(plan, "Festival", D(2030, 4, 2), D(2030, 4, 8), account="Fjordvik kultur")
    assert kinds(plan) == set()


def test_competing_requests_until_one_is_cancelled(plan, db_url, tmp_path, capsys):
    held = book(plan, D(2030, 5, 6), D(2030, 5, 8))
    request = book(plan, D(2030, 5, 7), D(2030, 5, 9), status=SlotStatus.REQUESTED, department="Brannvesenet")
    items = cli_items(plan, db_url, tmp_path, capsys)
    assert [(i["kind"], i["slot_id"], i["action"]) for i in items] == [("competing", request, "decide_request")]
    assert items[0]["details"]["competing_with"] == [held]  # type: ignore[index]
    booking.set_status(plan, request, SlotStatus.CANCELLED, reason="Tok en annen uke")
    assert kinds(plan) == set()


def test_a_frame_waiting_for_review_for_more_than_a_day(plan, db_url, tmp_path, capsys):
    slot = book(plan, D(2030, 3, 10), D(2030, 3, 12), deadline=dt.datetime(2030, 3, 1, 12, tzinfo=OSLO))
    frame = stories.add_frame(plan, slot, original_asset_id=picture(plan, tmp_path), text="Hei").id
    stories.submit(plan, frame)
    # Just submitted: not yet waiting long.
    assert kinds(plan, dt.datetime.now(dt.UTC) + dt.timedelta(hours=23)) == set()
    items = cli_items(plan, db_url, tmp_path, capsys)
    assert [(i["kind"], i["slot_id"], i["frame_id"], i["action"]) for i in items] == [
        ("review_waiting", slot, frame, "review")]
    stories.request_changes(plan, frame, by="Test Officer", comment="Mer lys, takk")
    assert kinds(plan) == set()


def test_consent_that_runs_out_or_is_withdrawn_before_the_frame_goes_out(plan, db_url, tmp_path, capsys):
    slot = book(plan, D(2030, 3, 10), D(2030, 3, 12))
    department = catalog.list_departments(plan)[0].id
    planned = dt.datetime(2030, 3, 10, 10, tzinfo=OSLO)
    frame = stories.add_frame(plan, slot, original_asset_id=None, planned_at=planned, shows_people=True).id
    short = consents.add_consent(plan, subject="Elevene i 7B", reference="SK-1", valid_until=D(2030, 3, 9),
                                 department_id=department)
    lasting = consents.add_consent(plan, subject="Kari", reference="SK-2", valid_until=D(2031, 1, 1),
                                   department_id=department)
    consents.link(plan, frame, short.id)
    consents.link(plan, frame, lasting.id)
    items = cli_items(plan, db_url, tmp_path, capsys)
    assert [(i["kind"], i["slot_id"], i["frame_id"], i["action"], i["code"]) for i in items] == [
        ("consent", slot, frame, "fix_consent", AttentionText.CONSENT_EXPIRES.key)]
    assert items[0]["details"]["consent_id"] == short.id  # type: ignore[index]
    consents.link(plan, frame, short.id, linked=False)
    assert kinds(plan) == set()
    consents.withdraw_consent(plan, lasting.id, by="Kari")
    items = needs_attention(plan, now=NOW)
    assert [(i.kind, i.frame_id, i.message.code) for i in items] == [
        (AttentionKind.CONSENT, frame, AttentionText.CONSENT_WITHDRAWN)]
    consents.link(plan, frame, lasting.id, linked=False)
    assert kinds(plan) == set()


def test_a_contributor_sees_only_their_own_department(plan):
    library = book(plan, D(2030, 2, 1), D(2030, 2, 3))
    fire = book(plan, D(2030, 2, 10), D(2030, 2, 12), department="Brannvesenet")
    assert kinds(plan) == {("not_completed", library, None), ("not_completed", fire, None)}
    if not plan.db.is_sqlite:
        pytest.skip("on PostgreSQL a person is a server login: tests/storage/test_team_mode.py covers that")
    people.add_person(plan, "Test Officer", Role.COMMS_OFFICER)
    people.add_person(plan, "Ola Hansen", Role.CONTRIBUTOR, department="Brannvesenet")
    contributor = AppContext(paths=plan.paths, settings=plan.settings, db=plan.db, actor="Ola Hansen")
    assert kinds(contributor) == {("not_completed", fire, None)}


def test_one_message_reads_in_both_languages(plan):
    book(plan, D(2030, 2, 1), D(2030, 2, 3))
    (item,) = needs_attention(plan, now=NOW)
    assert item.message.in_language("nb") == "Biblioteket: periode #1 (1.–3. februar 2030) er over, men er fortsatt bekreftet."
    assert item.action == AttentionAction.MARK_COMPLETED


# --- frames the publisher holds ----------------------------------------------------------------------------


@pytest.fixture
def world(ctx: AppContext) -> Iterator[World]:
    with running_world(ctx) as w:
        yield w


def publishing(world: World, now: dt.datetime | None = None) -> list[tuple[int | None, str]]:
    return [(i.frame_id, i.details["reason"]) for i in needs_attention(world.ctx, now=now)
            if i.kind == AttentionKind.PUBLISHING]


def test_a_failed_frame_until_it_is_posted_by_hand(world: World, db_url, tmp_path, capsys):
    frame = world.add_frame(content=png_bytes(1), fmt="JPEG")
    assert publishing(world) == []
    svc.publish_due(world.ctx, due_time(), env=world.env())
    assert publishing(world) == [(frame, "failed")]
    items = [i for i in cli_items(world.ctx, db_url, tmp_path, capsys, now=dt.datetime.now(dt.UTC))
             if i["kind"] == "publishing"]
    assert [(i["frame_id"], i["slot_id"], i["action"]) for i in items] == [(frame, world.slot_id, "retry_publishing")]
    handoff_service.mark_posted_by_hand(world.ctx, frame, by="Kari Nordmann")
    assert publishing(world) == []


def test_a_stopped_account_holds_its_frames_until_it_is_put_right(world: World):
    frame = world.add_frame()
    world.fake.expire_token(how="expired")
    svc.publish_due(world.ctx, due_time(), env=world.env())
    assert publishing(world) == [(frame, "account_stopped")]
    world.fake.tokens["IGAAnew-" + "z" * 40] = "ok"
    svc.set_token(world.ctx, world.account_id, "IGAAnew-" + "z" * 40, secrets=world.secrets)
    assert publishing(world) == [], "the publisher gets a while to take it"
    an_hour_on = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    assert publishing(world, an_hour_on) == [(frame, "overdue")], "its time has passed and nothing publishes it"
    svc.publish_due(world.ctx, due_time(10), env=world.env())
    assert publishing(world, an_hour_on) == []


def test_a_frame_held_because_it_is_late_until_a_person_decides(world: World):
    frame = world.add_frame()
    svc.publish_due(world.ctx, due_time(24 * 60), env=world.env())
    (item,) = [i for i in needs_attention(world.ctx) if i.kind == AttentionKind.PUBLISHING]
    assert (item.frame_id, item.details["reason"], item.action) == (frame, "late", AttentionAction.DECIDE_LATE)
    svc.post_late(world.ctx, frame)
    assert publishing(world) == []
