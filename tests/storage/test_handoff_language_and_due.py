"""Hand-off frames for the person with the phone: the checklist is in the brief's language (not the language of
whoever writes the pack), and "Needs attention" lists a hand-off frame from its planned time until someone marks
it posted, with ``next_handoff_due`` saying when the next one falls due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from takeover_planner.services import handoff_service
from takeover_planner.services.attention import AttentionKind, needs_attention, next_handoff_due
from takeover_planner.services.brief_language import brief_language
from takeover_planner.services.context import AppContext
from takeover_planner.services.kit import write_slot_kit
from takeover_planner.services.text_frames_setting import set_text_frames
from takeover_planner.texts.attention import AttentionAction, AttentionText
from tests.fakes.publish_world import World, due_time, running_world


@pytest.fixture
def world(ctx: AppContext) -> Iterator[World]:
    with running_world(ctx) as w:
        yield w


def test_the_checklist_is_in_the_briefs_language_whatever_the_window_speaks(world: World, tmp_path: Path) -> None:
    world.add_frame(sticker="poll", text="Hva leser du?")
    world.ctx.settings.set("ui.language", "en")  # the comms officer's own language
    assert brief_language(world.ctx, world.slot_id) == "nb", "no brief yet: Bokmål, the departments' language"
    first = handoff_service.build_handoff_pack(world.ctx, world.slot_id, tmp_path / "nb")
    nb_html = first.checklist.read_text(encoding="utf-8")
    assert '<html lang="nb">' in nb_html and "Manuell publiseringspakke" in nb_html and "Avstemning" in nb_html

    write_slot_kit(world.ctx, world.slot_id, tmp_path / "kit.html", language="en")  # the department reads English
    world.ctx.settings.set("ui.language", "nb")
    assert brief_language(world.ctx, world.slot_id) == "en"
    second = handoff_service.build_handoff_pack(world.ctx, world.slot_id, tmp_path / "en")
    en_html = second.checklist.read_text(encoding="utf-8")
    assert '<html lang="en">' in en_html and "Hand-off pack" in en_html and "Manuell" not in en_html

    asked = handoff_service.build_handoff_pack(world.ctx, world.slot_id, tmp_path / "asked", language="nb")
    assert '<html lang="nb">' in asked.checklist.read_text(encoding="utf-8"), "an explicit language still wins"


def _handoff_items(world: World, now: dt.datetime) -> list[int | None]:
    return [i.frame_id for i in needs_attention(world.ctx, now=now) if i.kind == AttentionKind.HANDOFF_DUE]


def test_a_sticker_frame_needs_attention_from_its_time_until_it_is_marked_posted(world: World) -> None:
    sticker = world.add_frame(minute=0, sticker="link")
    world.add_frame(minute=5)  # no sticker, the account publishes through the API: not for a person's hands
    before, after = due_time(-2), due_time(1)
    assert _handoff_items(world, before) == []
    assert next_handoff_due(world.ctx, now=before) == due_time(0)

    items = [i for i in needs_attention(world.ctx, now=after) if i.kind == AttentionKind.HANDOFF_DUE]
    assert [i.frame_id for i in items] == [sticker]
    item = items[0]
    assert item.action == AttentionAction.POST_BY_HAND and item.message.code == AttentionText.HANDOFF_DUE_STICKER
    assert item.slot_id == world.slot_id and item.details["due"] == due_time(0)
    assert next_handoff_due(world.ctx, now=after) is None, "nothing else goes by hand"
    listed = needs_attention(world.ctx, now=after)
    assert listed[0].kind == AttentionKind.HANDOFF_DUE, "what must go out now comes first"

    handoff_service.mark_posted_by_hand(world.ctx, sticker, by="Ola Nordmann", at=after)
    assert _handoff_items(world, after) == []


def test_text_frames_set_to_go_by_hand_are_due_too(world: World) -> None:
    text = world.add_frame(minute=0, text="Velkommen til biblioteket!")
    assert _handoff_items(world, due_time(1)) == [], "burned in and published through the API by default"
    set_text_frames(world.ctx, "handoff")
    items = [i for i in needs_attention(world.ctx, now=due_time(1)) if i.kind == AttentionKind.HANDOFF_DUE]
    assert [i.frame_id for i in items] == [text] and items[0].message.code == AttentionText.HANDOFF_DUE


def test_a_frame_in_a_hand_off_pack_stays_due_until_posted(world: World, tmp_path: Path) -> None:
    frame = world.add_frame(minute=0, sticker="poll")
    handoff_service.build_handoff_pack(world.ctx, world.slot_id, tmp_path / "pack")
    assert _handoff_items(world, due_time(30)) == [frame]
