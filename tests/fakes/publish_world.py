"""A small world for publishing tests: an account pointed at the fake Graph API, a media host, a slot with
approved frames whose files sit in the real media store. Rows are made directly (as the brief for these tests
says): frames in state "approved" with a ReviewDecision by a named person.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from PIL import Image

from takeover_planner.domain.timekeeping import OSLO
from takeover_planner.instagram.secrets import SecretStore
from takeover_planner.media.store import MediaStore
from takeover_planner.publishing.api_publisher import Policy
from takeover_planner.publishing.queue import QueueEnv
from takeover_planner.services import publishing_service as svc
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import (
    Account,
    Department,
    MediaAsset,
    ReviewDecision,
    StoryFrame,
    TakeoverSlot,
)
from tests.fakes.fake_graph import FakeInstagram, FakeWebDav
from tests.fakes.keyrings import MemoryKeyring

APPROVER = "Kari Nordmann"
DAY = dt.date(2025, 5, 6)


def jpeg_bytes(seed: int, size: tuple[int, int] = (54, 96)) -> bytes:
    image = Image.new("RGB", size, ((seed * 53) % 256, (seed * 97) % 256, (seed * 31) % 256))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def mp4_bytes(seed: int) -> bytes:
    # Enough for the fake's container sniffing; the publisher never decodes media.
    return b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + os.urandom(64) + seed.to_bytes(4, "big")


def png_bytes(seed: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 20), (seed % 256, 0, 0)).save(out, "PNG")
    return out.getvalue()


@dataclass
class World:
    ctx: AppContext
    fake: FakeInstagram
    dav: FakeWebDav
    secrets: SecretStore
    account_id: int
    slot_id: int
    frames: list[int] = field(default_factory=list)
    shas: dict[int, str] = field(default_factory=dict)

    def env(self, **policy: object) -> QueueEnv:
        env = svc.queue_env(self.ctx, secrets=self.secrets)
        values = {"inline_wait_s": 0.0, "sleep": lambda _s: None, "unknown_grace": dt.timedelta(0),
                  "backoff_base": dt.timedelta(seconds=1), "backoff_cap": dt.timedelta(seconds=2)}
        values.update(policy)
        env.policy = Policy(**values)  # type: ignore[arg-type]
        return env

    def add_frame(self, *, kind: str = "image", minute: int = 0, sticker: str = "", content: bytes | None = None,
                  state: str = "approved", approved_by: str | None = APPROVER, text: str = "",
                  fmt: str | None = None) -> int:
        seed = len(self.frames) + 1
        data = content if content is not None else (jpeg_bytes(seed) if kind == "image" else mp4_bytes(seed))
        stored = MediaStore(self.ctx.media_dir).add_bytes(data)
        with self.ctx.db.write() as s:
            asset = MediaAsset(sha256=stored.sha256, kind=kind, format=fmt or ("JPEG" if kind == "image" else "mp4"),
                               size_bytes=len(data), findings=[], original_name=f"frame{seed}.{'jpg' if kind == 'image' else 'mp4'}")
            s.add(asset)
            s.flush()
            planned = dt.datetime.combine(DAY, dt.time(10, minute), tzinfo=OSLO).astimezone(dt.UTC)
            frame = StoryFrame(slot_id=self.slot_id, position=len(self.frames), original_asset_id=asset.id,
                               planned_at=planned, state=state, text=text, sticker_kind=sticker,
                               sticker_value="https://www.oslo.kommune.no/bibliotek" if sticker == "link" else "",
                               credit="Foto: Biblioteket")
            s.add(frame)
            s.flush()
            if approved_by is not None:
                s.add(ReviewDecision(frame_id=frame.id, decision="approved", by=approved_by))
            frame_id = frame.id
        self.frames.append(frame_id)
        self.shas[frame_id] = stored.sha256
        return frame_id


def due_time(minutes_after: int = 30) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(10, 0), tzinfo=OSLO).astimezone(dt.UTC) + dt.timedelta(minutes=minutes_after)


def make_world(ctx: AppContext, fake: FakeInstagram, dav: FakeWebDav, *, api_variant: str = "instagram_login",
               hosting: bool = True, secrets: SecretStore | None = None) -> World:
    MemoryKeyring.store.clear()
    store = secrets or SecretStore(MemoryKeyring(), explicit=True)
    with ctx.db.write() as s:
        account = Account(name="Oslo kommune", handle="oslokommune", api_variant=api_variant,
                          ig_user_id=fake.ig_user_id, graph_host=fake.base_url, graph_version=fake.version)
        dept = Department(name="Biblioteket")
        s.add_all([account, dept])
        s.flush()
        slot = TakeoverSlot(account_id=account.id, department_id=dept.id, start_date=DAY, end_date=DAY,
                            status="confirmed")
        s.add(slot)
        s.flush()
        account_id, slot_id = account.id, slot.id
    ctx.settings.set("publish.connect_timeout_seconds", 2)
    ctx.settings.set("publish.read_timeout_seconds", 2)
    if hosting:
        svc.set_hosting(ctx, dav.upload_url, dav.public_url, dav.username, dav.password, secrets=store)
    svc.set_token(ctx, account_id, fake.token, secrets=store)
    return World(ctx, fake, dav, store, account_id, slot_id)


@contextlib.contextmanager
def running_world(ctx: AppContext, *, fake_type: type[FakeInstagram] = FakeInstagram,
                  **kwargs: object) -> Iterator[World]:
    """Start the fake Graph API (``fake_type``, e.g. one that also answers insights) and media host, build the
    world, stop both afterwards."""
    fake = fake_type().start()
    dav = FakeWebDav().start()
    try:
        yield make_world(ctx, fake, dav, **kwargs)  # type: ignore[arg-type]
    finally:
        fake.stop()
        dav.stop()
    assert fake.server_errors == [] and dav.server_errors == [], "the fake servers hit an error"
