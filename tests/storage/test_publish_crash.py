"""Never twice, never lost — with real processes.

1. A `publish-due` process is killed at every ledger write (just before it, so the call before it was made but
   not recorded, and just after it), then the queue is restarted: every frame ends published exactly once on the
   (fake) Instagram, with its media id, and nothing is left on the media host. The kill is always a real process
   dying; the restart is a fresh runner over the same database, keyring and servers — in a new process for the
   most dangerous point (killed after media_publish was sent, before its answer was recorded) and in this
   process for the others, to keep the test fast. On PostgreSQL the "after" points are run (the claim SQL is
   what differs there; the two-runner test covers it further).
2. Two `publish-due` processes run at the same time over the same frames: each frame is published exactly once.
3. A runner killed with SIGKILL in the middle of a call: a restart on the same host takes its claims over at once
   (its process is gone), reads the container first, and finishes every frame in one run without a double post.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from takeover_planner.instagram.secrets import SecretStore
from takeover_planner.services import publishing_service as svc
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import PublishJob, StoryFrame
from tests.fakes.crash_runner import CRASH_EXIT
from tests.fakes.keyrings import FILE_ENV, JsonFileKeyring
from tests.fakes.publish_world import World, due_time, running_world

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def world(ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv(FILE_ENV, str(tmp_path / "keyring.json"))
    with running_world(ctx, secrets=SecretStore(JsonFileKeyring(), explicit=True)) as w:
        yield w


def _cli(world: World, spec: str, now: dt.datetime, *, wait: bool = True) -> subprocess.Popen[str] | \
        subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update({
        "PYTHON_KEYRING_BACKEND": "tests.fakes.keyrings.JsonFileKeyring",
        "PYTHONPATH": str(ROOT),
        "TAKEOVER_PLANNER_USER": "Queue Runner",
    })
    args = [sys.executable, "-m", "tests.fakes.crash_runner", spec, "--", "--home", str(world.ctx.paths.data_dir.parent),
            "--db", world.ctx.db.url, "publish-due", "--now", now.isoformat(), "--json"]
    if not wait:
        return subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def _writes(stderr: str) -> list[str]:
    return [line.split(" ", 2)[2] for line in stderr.splitlines() if line.startswith("ledger-write ")]


def _expire_claims(world: World) -> None:
    """What time does for a crashed runner: its lease runs out."""
    with world.ctx.db.write() as s:
        s.execute(update(PublishJob).where(PublishJob.claimed_by.is_not(None))
                  .values(claimed_until=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))


def _state(world: World, frame_id: int) -> tuple[str, str | None, str]:
    with world.ctx.db.session() as s:
        frame = s.get(StoryFrame, frame_id)
        job = s.scalar(select(PublishJob).where(PublishJob.frame_id == frame_id))
        assert frame is not None
        return frame.state, job.media_id if job else None, job.state if job else "none"


def _restart_until_done(world: World, frame_id: int, start: dt.datetime, *, new_process: bool) -> list[str]:
    """Restart the queue (a fresh runner each time, a little later) until the frame is published."""
    notes = []
    for attempt in range(1, 6):
        _expire_claims(world)
        when = start + dt.timedelta(minutes=10 * attempt)
        if attempt == 1 and new_process:
            run = _cli(world, "none", when)
            assert isinstance(run, subprocess.CompletedProcess)
            notes.append(f"restart {attempt}: exit {run.returncode}")
        else:
            report = svc.publish_due(world.ctx, when, env=svc.queue_env(world.ctx, secrets=world.secrets))
            notes.append(f"restart {attempt}: {[o.kind.value for o in report.outcomes]}")
        if _state(world, frame_id)[0] == "published":
            break
    return notes


@pytest.mark.slow
def test_killed_at_every_ledger_step_and_restarted_publishes_each_frame_exactly_once(world: World) -> None:
    now = due_time()
    # A clean run first, to learn the ledger writes one frame takes.
    first = world.add_frame(kind="image")
    dry = _cli(world, "none", now)
    assert isinstance(dry, subprocess.CompletedProcess) and dry.returncode == 0, dry.stderr
    steps = _writes(dry.stderr)
    assert "write:publish_requested" in steps and "write:published" in steps
    assert world.fake.publish_counts()[world.shas[first]] == 1

    problems = []
    phases = ("before", "after") if world.ctx.db.is_sqlite else ("after",)
    for number, step in enumerate(steps, start=1):
        for phase in phases:
            frame = world.add_frame(kind="image")
            crashed = _cli(world, f"{phase}:{number}", now)
            assert isinstance(crashed, subprocess.CompletedProcess)
            if crashed.returncode != CRASH_EXIT:
                problems.append(f"{phase} {step}: the process was not killed (exit {crashed.returncode})")
                continue
            notes = _restart_until_done(world, frame, now,
                                        new_process=(phase, step) == ("before", "write:published"))
            state, media_id, job_state = _state(world, frame)
            count = world.fake.publish_counts()[world.shas[frame]]
            if (state, job_state, count) != ("published", "published", 1) or not media_id:
                problems.append(f"killed {phase} write {number} ({step}): frame {state}, job {job_state}, "
                                f"published {count}×, media id {media_id}; {notes}")
    # One more run cleans up hosted copies whose deletion a kill interrupted.
    _cli(world, "none", now + dt.timedelta(hours=2))
    assert problems == []
    assert max(world.fake.publish_counts().values()) == 1
    assert world.dav.files == {}, "every hosted copy is deleted in the end"
    assert world.fake.tokens_in_urls() == []


@pytest.mark.slow
def test_two_runners_at_once_publish_each_frame_exactly_once(world: World) -> None:
    frames = [world.add_frame(kind="image", minute=i) for i in range(6)]
    world.fake.processing_polls = 1  # each container needs a second look: more chances to collide
    world.ctx.settings.set("publish.inline_wait_seconds", 1)
    world.ctx.settings.save()
    now = due_time()
    runners = [_cli(world, "none", now, wait=False) for _ in range(2)]
    outputs = []
    for proc in runners:
        assert isinstance(proc, subprocess.Popen)
        out, err = proc.communicate(timeout=120)
        outputs.append((proc.returncode, out, err))
    assert all(code == 0 for code, _out, _err in outputs), outputs
    for attempt in range(3):  # anything deferred (still processing) is finished by later runs
        if all(_state(world, f)[0] == "published" for f in frames):
            break
        _cli(world, "none", now + dt.timedelta(minutes=5 * (attempt + 1)))
    counts = world.fake.publish_counts()
    assert [counts[world.shas[f]] for f in frames] == [1] * len(frames)
    assert all(_state(world, f)[0] == "published" for f in frames)
    publishes = [r for r in world.fake.requests if r.path.endswith("/media_publish")]
    assert len(publishes) == len(frames), "no frame was even attempted twice"


def test_a_runner_killed_mid_call_is_taken_over_at_once_on_the_same_host(world: World) -> None:
    """kill -9 while media_publish is under way; the restart on this host finishes every frame in one run."""
    frames = [world.add_frame(kind="image", minute=i) for i in range(3)]
    world.fake.hold_endpoint = "publish"  # the first media_publish hangs until answer_now()
    now = due_time()
    runner = _cli(world, "none", now, wait=False)
    assert isinstance(runner, subprocess.Popen)
    try:
        assert world.fake.held.wait(60), "the runner reached media_publish"
    finally:
        runner.kill()  # SIGKILL: no cleanup, the claim stays in the ledger
        runner.communicate(timeout=30)
    with world.ctx.db.session() as s:
        claims = [j.claimed_by for j in s.scalars(select(PublishJob)) if j.claimed_by]
    assert claims and all(f":{runner.pid}:" in c for c in claims), "the dead runner still holds its claim"
    # The call it made still arrives at Instagram and publishes (the reply goes to a dead socket).
    world.fake.hold_endpoint = ""
    world.fake.answer_now()
    for _ in range(100):
        if sum(world.fake.publish_counts().values()) == 1:
            break
        time.sleep(0.05)

    report = svc.publish_due(world.ctx, now + dt.timedelta(minutes=1),
                             env=svc.queue_env(world.ctx, secrets=world.secrets))

    assert [o.kind.value for o in report.outcomes] == ["published"] * 3, report.to_json()
    counts = world.fake.publish_counts()
    assert [counts[world.shas[f]] for f in frames] == [1, 1, 1], "no double post"
    assert all(_state(world, f)[0] == "published" for f in frames)
