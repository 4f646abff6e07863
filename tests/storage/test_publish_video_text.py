"""On-screen text reaches a video story: a video frame with text published through the fake Graph API arrives
with the text burned into every frame — pixels that differ from the same frame published without text (the
clip itself, already 1080×1920), all inside the safe zone, light letters on the dark box — re-encoded and tagged BT.709 like every fixed video; a
video's text too long to set is refused at approval with the reason."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import av
import pytest
from PIL import Image, ImageChops

from takeover_planner.errors import TransitionRefused
from takeover_planner.media.fix_types import FixOptions
from takeover_planner.media.text_overlay import SAFE_BOTTOM, SAFE_TOP
from takeover_planner.publishing import text_frames
from takeover_planner.publishing.publisher import OutcomeKind
from takeover_planner.services import media_service, stories
from takeover_planner.services import publishing_service as svc
from takeover_planner.services.context import AppContext
from takeover_planner.texts.stories import StoriesText
from tests.fakes.publish_world import World, due_time, running_world
from tests.storage.stories_support import book_slot
from tests.unit.media.media_factory import write_clip

W, H = 1080, 1920
TEXT = "Velkommen til biblioteket – åpent på søndag!"


@pytest.fixture
def world(sqlite_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setattr(text_frames, "VIDEO_OPTIONS", FixOptions(video_preset="ultrafast"))  # the look is the same
    with running_world(sqlite_ctx) as w:
        yield w


def _frames(content: bytes) -> tuple[dict[int, Image.Image], int, av.codec.context.CodecContext]:
    """The first, middle and last pictures of a video (by number), how many it has, and its stream's tags."""
    with av.open(io.BytesIO(content)) as container:
        stream = container.streams.video[0]
        context = stream.codec_context
        frames = list(container.decode(stream))
        wanted = (0, len(frames) // 2, len(frames) - 1)
        return {index: frames[index].to_image() for index in wanted}, len(frames), context


def test_the_text_is_burned_into_every_frame_of_the_published_video(world: World, tmp_path: Path) -> None:
    clip = write_clip(tmp_path / "klipp.mp4", width=W, height=H, seconds=3.2).read_bytes()  # story-shaped already
    world.add_frame(kind="video", minute=0, content=clip, text=TEXT)

    report = svc.publish_due(world.ctx, due_time(), env=world.env())

    assert [o.kind for o in report.outcomes] == [OutcomeKind.PUBLISHED]
    (burned,) = [c.content for c in world.fake.containers.values() if c.content]
    assert burned != clip
    plain_frames, plain_count, _ = _frames(clip)  # the same frame without text: its own file
    burned_frames, burned_count, context = _frames(burned)
    assert (context.width, context.height) == (W, H)
    assert (context.color_primaries, context.color_trc, context.colorspace, context.color_range) == (1, 1, 1, 1), \
        "tagged BT.709 limited range like every fixed video"
    assert burned_count == plain_count
    for index in plain_frames:
        difference = ImageChops.difference(burned_frames[index], plain_frames[index]).convert("L")
        box = difference.point(lambda v: 255 if v > 60 else 0).getbbox()  # re-encoding noise stays well below
        assert box is not None, f"the text's pixels are in frame {index}"
        left, top, right, bottom = box
        assert top >= H * SAFE_TOP and bottom <= H * (1 - SAFE_BOTTOM), "inside the safe zone"
        assert right - left > W * 0.3, "large enough to read"
        white = burned_frames[index].crop(box).convert("L").point(lambda v: 255 if v > 200 else 0).histogram()[255]
        assert white > 2000, "light letters on the dark box"


def test_a_videos_text_too_long_to_read_is_refused_at_approval(sqlite_ctx: AppContext, tmp_path: Path) -> None:
    ctx = sqlite_ctx
    slot = book_slot(ctx)
    asset = media_service.import_file(ctx, write_clip(tmp_path / "klipp.mp4", seconds=3.5)).asset
    assert asset is not None and asset.kind == "video"
    frame = stories.add_frame(ctx, slot, original_asset_id=asset.id, text="Les dette. " * 200)
    stories.submit(ctx, frame.id)
    with pytest.raises(TransitionRefused) as refused:
        stories.approve(ctx, frame.id, by="Kari Kommunikasjon")
    assert refused.value.code == StoriesText.CANNOT_APPROVE_TEXT
    assert refused.value.params["reason"].code == StoriesText.TEXT_TOO_LONG


def test_a_video_uploaded_to_rupload_carries_its_text_too(sqlite_ctx: AppContext, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_frames, "VIDEO_OPTIONS", FixOptions(video_preset="ultrafast"))
    clip = write_clip(tmp_path / "klipp.mp4", width=W, height=H, seconds=3.2).read_bytes()
    with running_world(sqlite_ctx, api_variant="facebook_login", hosting=False) as world:
        world.add_frame(kind="video", minute=0, content=clip, text=TEXT)
        report = svc.publish_due(world.ctx, due_time(), env=world.env())
        assert [o.kind for o in report.outcomes] == [OutcomeKind.PUBLISHED]
        (container,) = world.fake.containers.values()
        assert container.resumable and container.uploaded
        assert container.sha256 not in (None, "", hashlib.sha256(clip).hexdigest()), "the burned copy went up"
