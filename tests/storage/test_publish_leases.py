"""Claims on publish jobs: a dead runner on this host loses its claim at once, a runner elsewhere only when its
short lease runs out, and a live runner keeps its claim through a long call by renewing it."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import update

from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.publishing.ledger import MAX_LEASE, Ledger, dead_here, new_runner_id
from takeover_planner.services import publishing_service as svc
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import PublishJob
from tests.fakes.publish_world import World, running_world


@pytest.fixture
def world(ctx: AppContext) -> Iterator[World]:
    with running_world(ctx) as w:
        yield w


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _job(world: World, holder: str) -> int:
    frame = world.add_frame()
    job = Ledger(world.ctx.db, holder, MAX_LEASE).ensure_job(frame, world.account_id, "api", None)
    assert Ledger(world.ctx.db, holder, MAX_LEASE).claim(job.id)
    return job.id


def test_a_dead_runner_on_this_host_loses_its_claim_at_once(world: World) -> None:
    host = socket.gethostname()
    dead = f"{host}:{_dead_pid()}:abcd1234"
    assert dead_here(dead)
    job_id = _job(world, dead)
    assert Ledger(world.ctx.db, new_runner_id(), MAX_LEASE).claim(job_id)


def test_live_runners_and_runners_elsewhere_keep_their_claims_until_the_lease_ends(world: World) -> None:
    here_alive = f"{socket.gethostname()}:{os.getppid()}:abcd1234"
    elsewhere = f"another-machine:{_dead_pid()}:abcd1234"
    assert not dead_here(here_alive) and not dead_here(elsewhere)
    me = Ledger(world.ctx.db, new_runner_id(), MAX_LEASE)
    for holder in (here_alive, elsewhere):
        job_id = _job(world, holder)
        assert not me.claim(job_id)
        with world.ctx.db.write() as s:  # the lease runs out
            s.execute(update(PublishJob).where(PublishJob.id == job_id)
                      .values(claimed_until=now_utc() - dt.timedelta(seconds=1)))
        assert me.claim(job_id)


def test_the_lease_is_two_minutes_at_most(world: World) -> None:
    world.ctx.settings.set("publish.claim_seconds", 600)
    assert svc.claim_lease(world.ctx) == dt.timedelta(minutes=2)


def test_a_live_runner_renews_its_claim_during_a_long_call(world: World) -> None:
    frame = world.add_frame()
    ledger = Ledger(world.ctx.db, new_runner_id(), dt.timedelta(seconds=3))
    job = ledger.ensure_job(frame, world.account_id, "api", None)
    assert ledger.claim(job.id)
    first = ledger.get(job.id).claimed_until
    assert first is not None
    with ledger.heartbeat(job.id):
        time.sleep(2.5)  # a slow answer: longer than half the lease
        renewed = ledger.get(job.id).claimed_until
    assert renewed is not None and renewed > first + dt.timedelta(seconds=0.5)
    other = Ledger(world.ctx.db, new_runner_id(), dt.timedelta(seconds=3))
    assert not other.claim(job.id), "still ours"
