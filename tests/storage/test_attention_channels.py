"""Needs attention per channel: a frame published on Instagram whose story on the Facebook Page failed, or waits
for the stopped Page, is an item of its own (``channel_failed``, with the channel) in `attention --json`; it goes
when the Page story goes out, or when the slot is completed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from takeover_planner.cli import main as cli_main
from takeover_planner.domain.slots import SlotStatus
from takeover_planner.instagram.secrets import SecretStore
from takeover_planner.services import attention, booking, catalog, page_accounts
from takeover_planner.services import publishing_service as svc
from takeover_planner.services.context import AppContext
from takeover_planner.texts import Text
from takeover_planner.texts.facebook import FacebookText
from tests.fakes.fake_graph import Failure
from tests.fakes.keyrings import FILE_ENV, JsonFileKeyring
from tests.fakes.publish_world import World, due_time, running_world


@pytest.fixture
def world(ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv(FILE_ENV, str(tmp_path / "keyring.json"))
    with running_world(ctx, secrets=SecretStore(JsonFileKeyring(), explicit=True)) as w:
        yield w


def _add_page(world: World) -> int:
    fake = world.fake
    info = catalog.add_account(world.ctx, "Fjordvik på Facebook", platform="facebook_page", page_id=fake.page_id,
                               graph_host=fake.base_url, graph_version=fake.version)
    svc.set_token(world.ctx, info.id, fake.page_token, secrets=world.secrets)
    page_accounts.link_page(world.ctx, world.account_id, info.id)
    return info.id


def _channel_items(world: World) -> list[attention.AttentionItem]:
    return [i for i in attention.needs_attention(world.ctx, now=due_time(30))
            if i.kind == attention.AttentionKind.CHANNEL_FAILED]


def test_a_stopped_page_shows_per_frame_until_the_page_catches_up(world: World,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    page = _add_page(world)
    frames = [world.add_frame(minute=0), world.add_frame(minute=2)]
    world.fake.expire_token(world.fake.page_token)
    svc.publish_due(world.ctx, due_time(), env=world.env())

    items = _channel_items(world)
    assert [(i.frame_id, i.details["channel"], i.details["reason"]) for i in items] == \
        [(f, "facebook", "account_stopped") for f in frames]
    assert all(str(Text(FacebookText.TOKEN_EXPIRED)) in str(i.message) for i in items)
    assert all(i.slot_id == world.slot_id for i in items)
    # The same in `attention --json`.
    ctx = world.ctx
    base = ["--home", str(ctx.paths.data_dir.parent), "--db", ctx.db.url, "--json"]
    assert cli_main([*base, *(["--user", "Test Officer"] if ctx.db.is_sqlite else []), "attention"]) == 0
    listed = json.loads(capsys.readouterr().out)
    listed = listed["items"] if isinstance(listed, dict) else listed
    mine = [i for i in listed if i["kind"] == "channel_failed"]
    assert [(i["slot_id"], i["frame_id"], i["details"]["channel"]) for i in mine] == \
        [(world.slot_id, f, "facebook") for f in frames]
    # A new Page token: the Page catches up and the items go.
    world.fake.page_tokens[world.fake.page_token] = "ok"
    svc.set_token(world.ctx, page, world.fake.page_token, secrets=world.secrets)
    svc.publish_due(world.ctx, due_time(10), env=world.env())
    assert _channel_items(world) == []


def test_a_failed_page_story_shows_until_the_slot_is_completed(world: World) -> None:
    _add_page(world)
    frame = world.add_frame(minute=0)
    world.fake.fail_next("page_photos", Failure(324, None, 400, "(#324) Missing or invalid image file"))
    svc.publish_due(world.ctx, due_time(), env=world.env())

    items = _channel_items(world)
    assert [(i.frame_id, i.details["channel"], i.details["reason"], i.action.name_in_json) for i in items] == \
        [(frame, "facebook", "failed", "post_on_page")]
    assert str(Text(FacebookText.IMAGE_INVALID)) in str(items[0].message)
    assert not [i for i in attention.needs_attention(world.ctx, now=due_time(30))
                if i.kind == attention.AttentionKind.PUBLISHING and i.frame_id == frame], "said once"
    booking.set_status(world.ctx, world.slot_id, SlotStatus.COMPLETED)
    assert _channel_items(world) == []


def test_an_instagram_only_frame_makes_no_channel_item(world: World) -> None:
    world.add_frame(minute=0)
    svc.publish_due(world.ctx, due_time(), env=world.env())
    assert _channel_items(world) == []
