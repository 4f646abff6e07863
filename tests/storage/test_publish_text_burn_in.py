"""On-screen text reaches the story: a text frame published through the fake Graph API arrives with its text
burned into the picture — pixels that differ from the frame's own file, all inside the safe zone — and a text
too long to set legibly is refused at approval, and fails the frame (instead of going out without it) if it
gets that far."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from takeover_planner.errors import TransitionRefused
from takeover_planner.media.text_overlay import SAFE_BOTTOM, SAFE_TOP
from takeover_planner.publishing.publisher import OutcomeKind
from takeover_planner.services import media_service, stories
from takeover_planner.services import publishing_service as svc
from takeover_planner.services.context import AppContext
from takeover_planner.texts.stories import StoriesText
from tests.fakes.publish_world import World, due_time, jpeg_bytes, running_world
from tests.storage.stories_support import book_slot
from tests.unit.media.media_factory import write_jpeg

W, H = 1080, 1920


@pytest.fixture
def world(ctx: AppContext) -> Iterator[World]:
    with running_world(ctx) as w:
        yield w


def _published(world: World) -> Image.Image:
    (container,) = [c for c in world.fake.containers.values() if c.content]
    return Image.open(io.BytesIO(container.content)).convert("RGB")


def test_the_text_is_burned_into_the_published_picture_inside_the_safe_zone(world: World) -> None:
    original = jpeg_bytes(7, (W, H))
    world.add_frame(kind="image", minute=0, content=original, text="Velkommen til biblioteket – åpent på søndag!")

    report = svc.publish_due(world.ctx, due_time(), env=world.env())

    assert [o.kind for o in report.outcomes] == [OutcomeKind.PUBLISHED]
    published = _published(world)
    assert published.size == (W, H)
    difference = ImageChops.difference(published, Image.open(io.BytesIO(original)).convert("RGB")).convert("L")
    changed = difference.point(lambda v: 255 if v > 60 else 0)  # JPEG noise stays well below this
    box = changed.getbbox()
    assert box is not None, "the text's pixels are in the published picture"
    left, top, right, bottom = box
    assert top >= H * SAFE_TOP and bottom <= H * (1 - SAFE_BOTTOM), "inside the safe zone"
    assert right - left > W * 0.3, "large enough to read"
    white = published.crop(box).convert("L").point(lambda v: 255 if v > 200 else 0).histogram()[255]
    assert white > 2000, "light letters on the dark box"


def test_a_text_too_long_to_read_fails_the_frame_with_its_reason(world: World) -> None:
    frame = world.add_frame(kind="image", minute=0, content=jpeg_bytes(8, (W, H)), text="Les dette. " * 200)

    report = svc.publish_due(world.ctx, due_time(), env=world.env())

    (outcome,) = report.outcomes
    assert outcome.frame_id == frame and outcome.kind != OutcomeKind.PUBLISHED
    assert not world.fake.publish_counts(), "nothing went out without its text"


def test_a_text_too_long_to_read_is_refused_at_approval(ctx: AppContext, tmp_path: Path) -> None:
    slot = book_slot(ctx)
    asset = media_service.import_file(ctx, write_jpeg(tmp_path / "plakat.jpg", W, H)).asset
    assert asset is not None
    long_text = stories.add_frame(ctx, slot, original_asset_id=asset.id, text="Les dette. " * 200)
    short_text = stories.add_frame(ctx, slot, original_asset_id=asset.id, text="Velkommen, alle sammen!")
    for frame in (long_text, short_text):
        stories.submit(ctx, frame.id)
    with pytest.raises(TransitionRefused) as refused:
        stories.approve(ctx, long_text.id, by="Kari Kommunikasjon")
    assert refused.value.code == StoriesText.CANNOT_APPROVE_TEXT
    assert refused.value.params["reason"].code == StoriesText.TEXT_TOO_LONG
    result = stories.approve_all(ctx, slot, by="Kari Kommunikasjon")
    assert result.done == (short_text.id,) and list(result.refused) == [long_text.id]
