"""A whole takeover rehearsed from the command line on one clock (``--now``), against the fake Graph API with
insights: `publish-due --now` posts three frames, `insights collect --now` reads them at several moments of the
next 24 hours of the same clock, and the takeover report shows the figures the fake served."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from takeover_planner.cli import main
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import PublishJob
from tests.fakes.keyrings import MemoryKeyring, choose_keyring
from tests.fakes.publish_world import World, due_time
from tests.storage.insights_support import fake, insights_world


@pytest.fixture
def world(ctx: AppContext, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    choose_keyring(request, monkeypatch, MemoryKeyring())
    with insights_world(ctx) as w:
        yield w


def _run(world: World, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    code = main(["--home", str(world.ctx.paths.data_dir.parent), "--db", world.ctx.db.url, *args, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    result = json.loads(out)
    assert isinstance(result, dict)
    return result


def test_a_takeover_rehearsed_on_one_clock_shows_the_fakes_figures(world: World,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    for minute in range(3):
        world.add_frame(minute=minute)
    start = due_time()
    fake(world).now = start.timestamp()  # the fake lives on the same clock

    published = _run(world, capsys, "publish-due", "--now", start.isoformat())

    assert published["published"] == 3
    with world.ctx.db.session() as s:
        stamps = list(s.scalars(select(PublishJob.published_at)))
    assert len(stamps) == 3 and all(t is not None and abs(t - start) < dt.timedelta(minutes=1) for t in stamps)

    for hours in (0.5, 2, 6, 12, 20, 23.5):
        moment = start + dt.timedelta(hours=hours)
        fake(world).now = moment.timestamp()
        collected = _run(world, capsys, "insights", "collect", "--now", moment.isoformat())
        accounts = collected["accounts"]
        assert isinstance(accounts, list) and [a["problem"] for a in accounts] == [""]

    shown = _run(world, capsys, "insights", "show", "--slot", str(world.slot_id))
    frames = shown["frames"]
    assert isinstance(frames, list) and len(frames) == 3
    media_ids = fake(world).stories()
    for row, media_id in zip(sorted(frames, key=lambda f: f["frame_id"]), media_ids, strict=True):
        served = fake(world).last_served(media_id)
        assert served["reach"] > 0 and row["reach"] == served["reach"]
