"""The publish ledger: one ``publish_job`` row per frame and channel (``instagram`` | ``facebook``), written before
and after every call to Meta.

Each write is its own committed transaction, so whatever happens next (a crash, a killed process, a lost
reply) the row tells the next runner exactly how far the job got:

    host_requested → hosted → container_requested → container_created [→ upload_requested → uploaded]
    → status_seen → publish_requested → (published | publish_unknown)

Claiming: a runner takes a job with one conditional UPDATE (``… WHERE claimed_by IS NULL OR claimed_until <
now``) and checks the row count, which is atomic on SQLite (one writer at a time) and on PostgreSQL (the
second UPDATE waits for the row lock and then re-checks the WHERE clause). Every later write is conditional
on ``claimed_by = me`` and renews the lease; a runner that lost its claim stops (``LeaseLost``).

Dead runners: a runner's id holds its host and process id. A claim held by a runner on this host whose
process no longer exists is taken over at once (the same conditional UPDATE, on the dead runner's id), and the
job continues from its last ledger step, which reads the container before anything is retried. A runner on
another machine cannot be seen, so the lease is short (two minutes at most) and a ``Heartbeat`` renews it
while the runner works on the job (a long upload, a slow answer, a status poll).
Leases use the real clock; the run's own clock (``--now``) only decides what is due.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import os
import secrets
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.storage.database import Database
from takeover_planner.storage.models import PublishJob

log = logging.getLogger(__name__)


class JobState(enum.StrEnum):
    QUEUED = "queued"  # waiting for its time (or for a retry)
    ACTIVE = "active"  # a container exists or a call is under way: the ledger holds where it got to
    PUBLISHED = "published"
    FAILED = "failed"
    HANDOFF = "handoff"  # in a hand-off pack, waiting to be posted by hand
    CANCELLED = "cancelled"  # the frame left the queue (withdrawn, approval revoked) before anything went out
    HELD = "held"  # waits for a person: ``error_family`` says why (``late``: more than the grace period late)


# The channels a frame can go out on; every job is on exactly one.
INSTAGRAM = "instagram"
FACEBOOK = "facebook"
CHANNELS = (INSTAGRAM, FACEBOOK)

CLAIMABLE = (JobState.QUEUED.value, JobState.ACTIVE.value)
FINAL = (JobState.PUBLISHED.value, JobState.FAILED.value, JobState.CANCELLED.value)


class Step(enum.StrEnum):
    NEW = ""
    HOST_REQUESTED = "host_requested"
    HOSTED = "hosted"
    CONTAINER_REQUESTED = "container_requested"
    CONTAINER_CREATED = "container_created"
    UPLOAD_REQUESTED = "upload_requested"
    UPLOADED = "uploaded"
    STATUS_SEEN = "status_seen"
    CONTAINER_DROPPED = "container_dropped"  # expired or failed: a new one will be made
    PUBLISH_REQUESTED = "publish_requested"
    PUBLISH_UNKNOWN = "publish_unknown"  # the reply was lost: read the container before anything else
    PUBLISHED = "published"
    FAILED = "failed"
    HANDED_OFF = "handed_off"
    POSTED_BY_HAND = "posted_by_hand"
    CANCELLED = "cancelled"
    HELD = "held"


# Steps after which Instagram may already have published the frame: never publish without reading first.
PUBLISH_MAYBE_DONE = frozenset({Step.PUBLISH_REQUESTED.value, Step.PUBLISH_UNKNOWN.value})


class LeaseLost(Exception):
    """Another runner holds this job now; the current runner must leave it alone."""


@dataclass(frozen=True)
class JobRow:
    id: int
    frame_id: int
    account_id: int
    method: str
    state: str
    step: str
    due_at: dt.datetime | None
    container_id: str | None
    media_id: str | None
    hosted_name: str | None
    attempts: int
    next_attempt_at: dt.datetime | None
    claimed_by: str | None
    claimed_until: dt.datetime | None
    last_error: str
    advice: str
    error_family: str
    status_seen: str
    containers_made: int
    container_created_at: dt.datetime | None
    publish_requested_at: dt.datetime | None
    published_at: dt.datetime | None
    published_by: str
    handoff_pack: str
    upload_uri: str | None
    channel: str

    @classmethod
    def of(cls, row: PublishJob) -> JobRow:
        return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})


MAX_LEASE = dt.timedelta(minutes=2)  # across machines a dead runner blocks a job for at most this long


def _host() -> str:
    return socket.gethostname()[:80] or "host"


def new_runner_id() -> str:
    """Unique per process and run: host, process id and a random part (pids are reused)."""
    return f"{_host()}:{os.getpid()}:{secrets.token_hex(4)}"


def dead_here(runner_id: str) -> bool:
    """True if ``runner_id`` names a runner on this host whose process no longer exists."""
    parts = runner_id.rsplit(":", 2)
    if len(parts) != 3:
        return False
    host, pid_text, _random = parts
    if host != _host() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    return pid != os.getpid() and not process_alive(pid)


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


def _windows_process_alive(pid: int) -> bool:
    # os.kill on Windows terminates the process whatever the signal, so ask the kernel instead.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


class Ledger:
    def __init__(self, db: Database, runner_id: str, lease: dt.timedelta) -> None:
        if lease <= dt.timedelta(0):
            raise ValueError("the claim lease must be positive")
        self.db = db
        self.runner_id = runner_id
        self.lease = lease

    # --- rows ------------------------------------------------------------------------------------------

    def get(self, job_id: int) -> JobRow:
        with self.db.session() as s:
            row = s.get(PublishJob, job_id)
            if row is None:
                raise KeyError(job_id)
            return JobRow.of(row)

    def job_for_frame(self, frame_id: int, channel: str = INSTAGRAM) -> JobRow | None:
        with self.db.session() as s:
            row = s.scalar(select(PublishJob).where(PublishJob.frame_id == frame_id, PublishJob.channel == channel))
            return JobRow.of(row) if row else None

    def ensure_job(self, frame_id: int, account_id: int, method: str, due_at: dt.datetime | None,
                   channel: str = INSTAGRAM) -> JobRow:
        """The frame's job on ``channel``, created if missing. Two runners creating it at once end up with the
        same row (the unique key is frame and channel)."""
        try:
            with self.db.write() as s:
                row = s.scalar(select(PublishJob).where(PublishJob.frame_id == frame_id,
                                                        PublishJob.channel == channel))
                if row is None:
                    row = PublishJob(frame_id=frame_id, account_id=account_id, method=method, due_at=due_at,
                                     state=JobState.QUEUED.value, step=Step.NEW.value, channel=channel)
                    s.add(row)
                    s.flush()
                    log.info("Ledger: job #%s created for frame #%s (%s, %s)", row.id, frame_id, method, channel)
                elif row.state == JobState.QUEUED.value and row.step == Step.NEW.value and row.claimed_by is None:
                    # Nothing has happened yet: follow a changed plan (time, account, method).
                    row.due_at, row.account_id, row.method = due_at, account_id, method
                return JobRow.of(row)
        except IntegrityError:
            # Someone else inserted it between our SELECT and INSERT (PostgreSQL); theirs is the row.
            found = self.job_for_frame(frame_id, channel)
            if found is None:
                raise
            return found

    # --- claiming --------------------------------------------------------------------------------------

    def claim(self, job_id: int) -> bool:
        now = now_utc()
        with self.db.write() as s:
            result = s.execute(
                update(PublishJob)
                .where(
                    PublishJob.id == job_id,
                    PublishJob.state.in_(CLAIMABLE),
                    or_(PublishJob.claimed_by.is_(None), PublishJob.claimed_until < now),
                )
                .values(claimed_by=self.runner_id, claimed_until=now + self.lease, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            won = result.rowcount == 1  # type: ignore[attr-defined]
        if not won:
            won = self._take_from_dead(job_id)
        if won:
            log.debug("Ledger: %s claimed job #%s", self.runner_id, job_id)
        return won

    def _take_from_dead(self, job_id: int) -> bool:
        """Take the job over from a runner on this host whose process has died (kill -9, power cut)."""
        with self.db.session() as s:
            holder = s.scalar(select(PublishJob.claimed_by).where(PublishJob.id == job_id,
                                                                  PublishJob.state.in_(CLAIMABLE)))
        if not holder or holder == self.runner_id or not dead_here(holder):
            return False
        now = now_utc()
        with self.db.write() as s:
            result = s.execute(
                update(PublishJob)
                .where(PublishJob.id == job_id, PublishJob.claimed_by == holder, PublishJob.state.in_(CLAIMABLE))
                .values(claimed_by=self.runner_id, claimed_until=now + self.lease, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            won = result.rowcount == 1  # type: ignore[attr-defined]
        if won:
            log.warning("Ledger: job #%s taken over from %s, whose process no longer exists", job_id, holder)
        return won

    def renew(self, job_id: int) -> bool:
        """Push the lease on; False if the job is no longer ours."""
        now = now_utc()
        with self.db.write() as s:
            result = s.execute(
                update(PublishJob)
                .where(PublishJob.id == job_id, PublishJob.claimed_by == self.runner_id)
                .values(claimed_until=now + self.lease)
                .execution_options(synchronize_session=False)
            )
            return result.rowcount == 1  # type: ignore[attr-defined]

    def heartbeat(self, job_id: int) -> Heartbeat:
        return Heartbeat(self, job_id)

    def record(self, job_id: int, step: Step | str, **values: Any) -> None:
        """Write a step (and any fields) in its own transaction, renewing the lease; ``LeaseLost`` if not ours."""
        self._write(job_id, step, values, release=False, also=None)

    def finish(
        self,
        job_id: int,
        step: Step | str,
        *,
        also: Callable[[Session], None] | None = None,
        **values: Any,
    ) -> None:
        """Write a step and give the claim back, with ``also`` (frame state, audit) in the same transaction."""
        self._write(job_id, step, values, release=True, also=also)

    def release(self, job_id: int, **values: Any) -> None:
        """Give the claim back without changing the step."""
        now = now_utc()
        with self.db.write() as s:
            s.execute(
                update(PublishJob)
                .where(PublishJob.id == job_id, PublishJob.claimed_by == self.runner_id)
                .values(claimed_by=None, claimed_until=None, updated_at=now, **values)
                .execution_options(synchronize_session=False)
            )

    def _write(
        self,
        job_id: int,
        step: Step | str,
        values: dict[str, Any],
        *,
        release: bool,
        also: Callable[[Session], None] | None,
    ) -> None:
        now = now_utc()
        claim: dict[str, Any] = (
            {"claimed_by": None, "claimed_until": None} if release else {"claimed_until": now + self.lease}
        )
        step_value = step.value if isinstance(step, Step) else step
        with self.db.write() as s:
            result = s.execute(
                update(PublishJob)
                .where(PublishJob.id == job_id, PublishJob.claimed_by == self.runner_id)
                .values(step=step_value, updated_at=now, **claim, **values)
                .execution_options(synchronize_session=False)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                raise LeaseLost(f"job #{job_id} is no longer claimed by {self.runner_id}")
            if also is not None:
                also(s)
        log.info("Ledger: job #%s step %s%s", job_id, step_value or "(new)",
                 "".join(f" {k}={v}" for k, v in values.items() if k in ("container_id", "media_id", "state")))


class Heartbeat:
    """Renews a claim every third of the lease while the runner works on the job (a context manager)."""

    def __init__(self, ledger: Ledger, job_id: int) -> None:
        self._ledger = ledger
        self._job_id = job_id
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"lease-job-{job_id}", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        interval = max(1.0, self._ledger.lease.total_seconds() / 3)
        while not self._stop.wait(interval):
            try:
                if not self._ledger.renew(self._job_id):
                    return  # lost or given back: the runner's next write finds out (LeaseLost)
            except Exception:  # a busy database: the next beat tries again; the lease has room for two misses
                log.warning("Could not renew the claim on job #%s", self._job_id, exc_info=True)
