"""Hand-off packs: numbered files in posting order, a readable checklist, and posting by hand recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy import select

from takeover_planner.errors import TransitionRefused
from takeover_planner.publishing.ledger import JobState
from takeover_planner.publishing.publisher import OutcomeKind
from takeover_planner.services import audit, handoff_service
from takeover_planner.services import publishing_service as svc
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import AuditEvent, PublishJob, StoryFrame
from takeover_planner.texts.publishing import PublishingText
from tests.fakes.publish_world import World, due_time, running_world


@pytest.fixture
def world(ctx: AppContext) -> Iterator[World]:
    with running_world(ctx) as w:
        yield w


class _Text(HTMLParser):
    """The checklist as a reader sees it: visible text, images, no scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.images: list[str] = []
        self.sections = 0
        self.scripts = 0
        self._skip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section":
            self.sections += 1
        if tag == "img":
            self.images.append(dict(attrs).get("src") or "")
        if tag == "script":
            self.scripts += 1
        self._skip = tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._skip = False

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.text.append(" ".join(data.split()))


def _job(world: World, frame_id: int) -> PublishJob:
    with world.ctx.db.session() as s:
        job = s.scalar(select(PublishJob).where(PublishJob.frame_id == frame_id))
        assert job is not None
        return job


def test_a_pack_has_numbered_files_in_posting_order_and_a_readable_checklist(world: World, tmp_path: Path) -> None:
    later = world.add_frame(minute=30, sticker="poll", text="Hva leser du i sommer?")
    first = world.add_frame(minute=0, sticker="link", text="Les mer: <script>alert(1)</script> & mer")
    plain = world.add_frame(minute=15, kind="video")

    stickers_only = handoff_service.build_handoff_pack(world.ctx, world.slot_id, tmp_path / "stickers", language="en")
    assert [e.frame.frame_id for e in stickers_only.entries] == [first, later]

    result = handoff_service.build_handoff_pack(world.ctx, world.slot_id, tmp_path / "pack", include_all=True, language="en")
    assert [e.frame.frame_id for e in result.entries] == [first, plain, later]
    names = [e.file_name for e in result.entries]
    assert names == ["01_Tue-10.00_biblioteket.jpg", "02_Tue-10.15_biblioteket.mp4", "03_Tue-10.30_biblioteket.jpg"]
    for entry in result.entries:
        assert entry.file_name is not None
        assert (result.folder / entry.file_name).read_bytes() == \
            (world.ctx.media_dir / world.shas[entry.frame.frame_id][:2] / world.shas[entry.frame.frame_id]).read_bytes()

    page = _Text()
    page.feed(result.checklist.read_text(encoding="utf-8"))
    text = "\n".join(page.text)
    assert page.sections == 3 and page.scripts == 0, "the frame's text is shown, never run"
    assert "<script>alert(1)</script>" in text, "text to type appears exactly as written"
    for expected in ("Tue 06.05.2025 10:00", "01_Tue-10.00_biblioteket.jpg", "Link sticker",
                     "https://www.oslo.kommune.no/bibliotek", "Poll sticker", "Hva leser du i sommer?",
                     "Foto: Biblioteket", "Posted by", "Oslo kommune"):
        assert expected in text, expected
    assert page.images == [names[0], names[2]], "pictures are previewed from the pack itself"

    # The frames now wait in the pack; the API queue leaves them alone and reminds instead.
    assert _job(world, plain).state == JobState.HANDOFF.value
    report = svc.publish_due(world.ctx, due_time(60), env=world.env())
    assert report.outcomes == [] and {h.frame_id for h in report.handoff_due} == {first, plain, later}
    assert world.fake.publish_counts() == {}


def test_the_checklist_speaks_norwegian_when_asked(world: World, tmp_path: Path) -> None:
    world.add_frame(sticker="mention", text="Hei!")
    result = handoff_service.build_handoff_pack(world.ctx, world.slot_id, tmp_path / "nb", language="nb")
    html = result.checklist.read_text(encoding="utf-8")
    assert "Manuell publiseringspakke" in html and "Klistremerke" in html and "tir 06.05.2025 10:00" in html


def test_posting_by_hand_is_recorded_with_who_and_when(world: World, tmp_path: Path) -> None:
    frame = world.add_frame(sticker="link")
    handoff_service.build_handoff_pack(world.ctx, world.slot_id, tmp_path / "pack")
    at = dt.datetime(2025, 5, 6, 8, 2, tzinfo=dt.UTC)
    handoff_service.mark_posted_by_hand(world.ctx, frame, by="Ola Nordmann", at=at)
    job = _job(world, frame)
    assert (job.state, job.published_by, job.published_at, job.method) == ("published", "Ola Nordmann", at, "handoff")
    with world.ctx.db.session() as s:
        row = s.get(StoryFrame, frame)
        assert row is not None and row.state == "published"
        comments = [e.comment for e in s.scalars(select(AuditEvent).where(AuditEvent.entity_id == frame,
                                                                          AuditEvent.action == "published"))]
    assert [audit.comment_words(c, "en") for c in comments] == ["posted by hand by Ola Nordmann at 6 May 2025, 10:02"]
    assert [audit.comment_words(c, "nb") for c in comments] == ["lagt ut manuelt av Ola Nordmann 6. mai 2025 kl. 10:02"]
    with pytest.raises(TransitionRefused) as caught:
        handoff_service.mark_posted_by_hand(world.ctx, frame, by="Ola Nordmann")
    assert caught.value.code == PublishingText.ALREADY_PUBLISHED and caught.value.params == {"frame_id": frame}


def test_nothing_is_marked_posted_without_an_approval_or_while_the_api_may_have_posted_it(world: World) -> None:
    unapproved = world.add_frame(approved_by=None)
    with pytest.raises(TransitionRefused) as caught:
        handoff_service.mark_posted_by_hand(world.ctx, unapproved)
    assert caught.value.code == PublishingText.NO_NAMED_APPROVAL
    maybe_live = world.add_frame(minute=1)
    world.fake.publish_modes.append("drop")
    report = svc.publish_due(world.ctx, due_time(), env=world.env(unknown_grace=dt.timedelta(minutes=5)))
    assert OutcomeKind.DEFERRED in [o.kind for o in report.outcomes]
    with pytest.raises(TransitionRefused) as caught:
        handoff_service.mark_posted_by_hand(world.ctx, maybe_live)
    assert caught.value.code == PublishingText.MAYBE_PUBLISHED


def test_a_frame_the_api_gave_up_on_can_be_posted_by_hand(world: World, tmp_path: Path) -> None:
    frame = world.add_frame()
    world.fake.container_errors.append(2207026)
    svc.publish_due(world.ctx, due_time(), env=world.env())
    assert _job(world, frame).state == "failed"
    pack = handoff_service.build_handoff_pack(world.ctx, world.slot_id, tmp_path / "retry")
    assert [e.frame.frame_id for e in pack.entries] == [frame], "failed frames are offered for posting by hand"
    handoff_service.mark_posted_by_hand(world.ctx, frame, by="Kari Nordmann")
    assert _job(world, frame).state == "published"
