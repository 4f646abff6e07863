"""The ``publish.text_frames`` setting: frames with on-screen text go to hand-off instead of having the text
burned in. Set from the command line (``publish text-frames handoff``), the publishing run then leaves such
frames alone and says why, the hand-off pack takes them, and its checklist shows the text to add on the phone;
a frame without text still goes through the API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from takeover_planner.cli import main
from takeover_planner.errors import ValidationError
from takeover_planner.publishing.publisher import OutcomeKind
from takeover_planner.services import handoff_service, text_frames_setting
from takeover_planner.services import publishing_service as svc
from takeover_planner.services.context import AppContext
from takeover_planner.settings import Settings
from takeover_planner.texts.publishing import OutcomeText
from takeover_planner.texts.render import Text
from tests.fakes.publish_world import World, due_time, jpeg_bytes, running_world

TEXT = "Åpent i dag – kom innom biblioteket!"


@pytest.fixture
def world(sqlite_ctx: AppContext) -> Iterator[World]:
    with running_world(sqlite_ctx) as w:
        yield w


def _cli(world: World, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--home", str(world.ctx.paths.data_dir.parent), "--db", world.ctx.db.url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_frames_set_to_hand_off_go_into_the_pack_with_their_text(world: World, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert text_frames_setting.text_frames_choice(world.ctx) == "burn"
    code, out, err = _cli(world, capsys, "publish", "text-frames", "handoff")
    assert code == 0, err
    code, out, err = _cli(world, capsys, "publish", "text-frames", "--json")
    assert code == 0 and json.loads(out) == {"text_frames": "handoff"}
    with pytest.raises(SystemExit) as refused:
        _cli(world, capsys, "publish", "text-frames", "sometimes")
    assert refused.value.code == 2 and "sometimes" in capsys.readouterr().err
    world.ctx.settings = Settings.load(world.ctx.paths)  # what the command stored, as the next run reads it

    with_text = world.add_frame(kind="image", minute=0, content=jpeg_bytes(3, (1080, 1920)), text=TEXT)
    plain = world.add_frame(kind="image", minute=5, content=jpeg_bytes(4, (1080, 1920)))

    report = svc.publish_due(world.ctx, due_time(), env=world.env())

    assert [(o.frame_id, o.kind) for o in report.outcomes] == [(plain, OutcomeKind.PUBLISHED)]
    (due,) = report.handoff_due
    assert due.frame_id == with_text and due.reason == str(Text(OutcomeText.HAS_TEXT))
    assert sum(world.fake.publish_counts().values()) == 1, "only the frame without text went through the API"

    pack = handoff_service.build_handoff_pack(world.ctx, world.slot_id, tmp_path / "pakke", language="nb")
    assert [e.frame.frame_id for e in pack.entries] == [with_text]
    assert TEXT in pack.checklist.read_text(encoding="utf-8"), "the checklist shows the text to add"


def test_text_frames_burn_by_default_and_a_wrong_choice_is_refused(sqlite_ctx: AppContext) -> None:
    assert text_frames_setting.text_frames_choice(sqlite_ctx) == "burn"
    with pytest.raises(ValidationError):
        text_frames_setting.set_text_frames(sqlite_ctx, "maybe")
    assert text_frames_setting.set_text_frames(sqlite_ctx, " HANDOFF ") == "handoff"
    assert Settings.load(sqlite_ctx.paths).get("publish.text_frames") == "handoff"

