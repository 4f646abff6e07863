"""Noticing other people's changes: PostgreSQL LISTEN/NOTIFY, with polling as the fallback (and for SQLite).

Every change a service makes writes an audit event (``services.audit.record``), so the newest audit event id
is a cheap, reliable "something changed" marker on both backends. On PostgreSQL the same call also sends a
NOTIFY, delivered on commit, so open windows hear about a change at once instead of at the next poll.

``ChangeWatcher`` runs one background thread; it calls ``on_change(marker)`` when the marker moves and
``on_online(bool)`` when the database goes away or comes back. It is Qt-free: the UI wraps the callbacks
in signals.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from takeover_planner.errors import EnvReason
from takeover_planner.storage.database import Database
from takeover_planner.storage.failures import environment_problem
from takeover_planner.storage.models import AuditEvent

log = logging.getLogger(__name__)

CHANNEL = "takeover_planner_changes"
STOP_SLICE_SECONDS = 0.2


def change_marker(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(select(func.coalesce(func.max(AuditEvent.id), 0))).scalar() or 0)


def notify(session: Session, payload: str) -> None:
    """Queue a NOTIFY in the current transaction (PostgreSQL delivers it on commit; SQLite has none)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload[:7000]})


class ChangeWatcher:
    def __init__(
        self,
        db: Database,
        on_change: Callable[[int], None],
        on_online: Callable[[bool], None] | None = None,
        *,
        poll_seconds: float = 2.0,
    ) -> None:
        self._db = db
        self._on_change = on_change
        self._on_online = on_online or (lambda _online: None)
        self._poll = poll_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._marker: int | None = None
        self._online = True
        self._bug_logged = False

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="change-watcher", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if self._db.is_sqlite:
                    self._poll_once()
                    self._stop.wait(self._poll)
                else:
                    self._listen()
            except Exception as exc:
                problem = environment_problem(exc, self._db.display_url)
                if problem is None:
                    # A bug, not the network: keep its traceback (once, not at every poll), and do not tell the
                    # window it is offline.
                    if not self._bug_logged:
                        log.exception("Change watcher failed")
                        self._bug_logged = True
                else:
                    log.info("Change watcher: %s (%s)", problem.reason.value, problem.params.get("problem", ""))
                    # Only a database that does not answer is "offline"; busy or full is a problem of one save.
                    if problem.reason == EnvReason.UNREACHABLE:
                        self._set_online(False)
                self._stop.wait(self._poll)

    def _poll_once(self) -> None:
        marker = change_marker(self._db)
        self._bug_logged = False
        self._set_online(True)
        if self._marker is None:
            self._marker = marker
        elif marker != self._marker:
            self._marker = marker
            self._on_change(marker)

    def _listen(self) -> None:
        import psycopg

        url = make_url(self._db.url)
        conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(conninfo, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            self._poll_once()  # catch what happened while we were not listening
            while not self._stop.is_set():
                # Wake on a NOTIFY or after poll_seconds; either way compare the marker, so a NOTIFY lost
                # while the connection was down is still noticed. Waiting in short slices lets stop() (called
                # when a window closes) return at once instead of after a whole poll interval.
                deadline = time.monotonic() + self._poll
                while not self._stop.is_set() and time.monotonic() < deadline:
                    if next(iter(conn.notifies(timeout=STOP_SLICE_SECONDS, stop_after=1)), None) is not None:
                        break
                if not self._stop.is_set():
                    self._poll_once()

    def _set_online(self, online: bool) -> None:
        if online != self._online:
            self._online = online
            self._on_online(online)
