"""Making the hand-off pack again after a consent is withdrawn leaves no file of that frame in the folder (and
says which files it removed); the team's own files stay; the checklist is phone-sized."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from takeover_planner.services import consents, handoff_service
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import FrameConsent, StoryFrame
from tests.fakes.publish_world import World, running_world


@pytest.fixture
def world(ctx: AppContext) -> Iterator[World]:
    with running_world(ctx) as w:
        yield w


def test_a_withdrawn_frame_leaves_the_pack_folder(world: World, tmp_path: Path) -> None:
    pupils = consents.add_consent(world.ctx, subject="Elevene i 7B", reference="SK-1", given_by="guardian")
    first = world.add_frame(minute=0, sticker="poll", text="Hva leser du?")
    shown = world.add_frame(minute=15, sticker="link")
    with world.ctx.db.write() as s:
        frame = s.get(StoryFrame, shown)
        assert frame is not None
        frame.shows_people = True
        s.add(FrameConsent(frame_id=shown, consent_id=pupils.id))
    folder = tmp_path / "pack"
    before = handoff_service.build_handoff_pack(world.ctx, world.slot_id, folder)
    (folder / "notater.txt").write_text("våre egne notater", encoding="utf-8")
    withdrawn_file = next(e.file_name for e in before.entries if e.frame.frame_id == shown)
    assert withdrawn_file is not None and (folder / withdrawn_file).is_file()

    consents.withdraw_consent(world.ctx, pupils.id, by="Kari Kommunikasjon")
    after = handoff_service.build_handoff_pack(world.ctx, world.slot_id, folder)

    assert [e.frame.frame_id for e in after.entries] == [first]
    assert after.removed == (withdrawn_file,)
    kept = next(e.file_name for e in after.entries)
    assert sorted(p.name for p in folder.iterdir()) == sorted([kept, "checklist.html", "notater.txt"])
    page = after.checklist.read_text(encoding="utf-8")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert 'type="checkbox"' in page and "44px" in page
