"""Backups of the SQLite database file: consistent copies, checked, named by time and occasion, pruned.

- ``take`` copies with SQLite's online backup API (consistent even while another process writes), into a
  private temp file, checks the copy with ``PRAGMA quick_check`` and only then renames it into place: a
  backup in the folder is always a whole, readable database. A damaged source gives ``DamagedSource``.
- Names: ``<stem>-<UTC stamp>-<occasion>.sqlite3``; the occasion is ``daily`` or ``before-…`` (an upgrade,
  an import, a copy, a restore). Older versions wrote ``<stem>-before-<revision>-<stamp>.sqlite3``; those
  are read as upgrade backups.
- ``prune`` keeps the newest daily backup of each of the last 14 days that have one and of each of the last
  8 ISO weeks; of the backups taken before something happened, the 10 newest (the daily rule would throw away
  the copy from before an upgrade as soon as a later one was taken the same day).
- ``restore`` keeps the current file (and its write-ahead log) aside in the backup folder, then puts a copy of
  the backup in its place.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from takeover_planner.domain.timekeeping import to_oslo
from takeover_planner.fileio import (
    fsync_folder,
    make_private_file,
    make_private_folder,
    sweep_once,
)

log = logging.getLogger(__name__)

DAILY = "daily"
KEEP_DAILY = 14
KEEP_WEEKLY = 8
KEEP_OCCASIONS = 10
SUFFIX = ".sqlite3"
_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)(?:\.(?P<n>\d+))?-(?P<label>[a-z][a-z0-9_.-]*)\.sqlite3$")
_OLD_NAME = re.compile(r"^(?P<stem>.+)-before-(?P<revision>.+)-(?P<stamp>\d{8}T\d{6}Z)\.sqlite3$")


_CORRUPT_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB


def _is_damage(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in _CORRUPT_CODES


class DamagedSource(Exception):
    """The database being backed up (or restored from) fails SQLite's own check; ``problems`` says how."""

    def __init__(self, file: Path, problems: list[str]) -> None:
        super().__init__(f"{file}: {'; '.join(problems)}")
        self.file = file
        self.problems = problems


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: dt.datetime  # aware, UTC
    label: str  # "daily", "before-upgrade-0005_insights", "before-import", "before-copy", "before-restore", …

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def daily(self) -> bool:
        return self.label == DAILY


def quick_check(file: Path) -> list[str]:
    """SQLite's ``PRAGMA quick_check`` on ``file``, read-only: [] when it is sound, else what is wrong. An error
    that is not about damage (the file is locked, unreadable) is raised as SQLite's own."""
    conn = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        if not _is_damage(exc):
            raise
        return [str(exc)]
    finally:
        conn.close()
    problems = [str(row[0]) for row in rows]
    return [] if problems == ["ok"] else problems


def parse_name(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if match:
        label = match["label"]
    else:
        match = _OLD_NAME.match(path.name)
        if not match:
            return None
        label = f"before-upgrade-{match['revision']}"
    taken = dt.datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=dt.UTC)
    return Backup(path, taken, label)


def list_backups(backup_dir: Path) -> list[Backup]:
    """Every backup in the folder, newest first."""
    if not backup_dir.is_dir():
        return []
    found = [b for p in backup_dir.glob(f"*{SUFFIX}") if (b := parse_name(p)) is not None and p.is_file()]
    return sorted(found, key=lambda b: (b.taken, b.name), reverse=True)


def _target_name(source: Path, backup_dir: Path, label: str, now: dt.datetime) -> Path:
    stamp = now.astimezone(dt.UTC).strftime(_STAMP)
    target = backup_dir / f"{source.stem}-{stamp}-{label}{SUFFIX}"
    counter = 1
    while target.exists():  # two occasions in the same second
        counter += 1
        target = backup_dir / f"{source.stem}-{stamp}.{counter}-{label}{SUFFIX}"
    return target


def _copy_checked(source: Path, target: Path) -> None:
    """A consistent, checked, private copy of the database ``source`` at ``target`` (replaced atomically)."""
    # A unique, private (0600) temp file: two processes may back up the same database in the same second.
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(temp)
            try:
                src.backup(dst)
                problems = [str(r[0]) for r in dst.execute("PRAGMA quick_check").fetchall()]
            finally:
                dst.close()
        except sqlite3.DatabaseError as exc:
            if not _is_damage(exc):
                raise  # busy, locked, disk full: the world, not the file (storage/failures.py says which)
            raise DamagedSource(source, [str(exc)]) from exc
        finally:
            src.close()
        if problems != ["ok"]:
            raise DamagedSource(source, problems)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
        fsync_folder(target.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def take(source: Path, backup_dir: Path, label: str, *, now: dt.datetime | None = None) -> Path:
    """Back ``source`` up into ``backup_dir`` (made private); returns the new file."""
    make_private_folder(backup_dir)
    sweep_once(backup_dir)
    target = _target_name(source, backup_dir, label, now or dt.datetime.now(dt.UTC))
    _copy_checked(source, target)
    log.info("Backed up %s to %s", source, target)
    return target


def taken_today(backup_dir: Path, *, now: dt.datetime | None = None) -> Backup | None:
    """Today's daily backup (today in Oslo), if there is one."""
    today = to_oslo(now or dt.datetime.now(dt.UTC)).date()
    return next((b for b in list_backups(backup_dir) if b.daily and to_oslo(b.taken).date() == today), None)


def prune(backup_dir: Path) -> list[Path]:
    """Delete the backups the keeping rules no longer need; returns what was deleted."""
    backups = list_backups(backup_dir)
    keep: set[Path] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    for backup in (b for b in backups if b.daily):  # newest first: the first of each day/week is its newest
        local = to_oslo(backup.taken).date()
        week = local.isocalendar()[:2]
        if local not in days and len(days) < KEEP_DAILY:
            days.add(local)
            keep.add(backup.path)
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            keep.add(backup.path)
    keep.update(b.path for b in [b for b in backups if not b.daily][:KEEP_OCCASIONS])
    removed = []
    for backup in backups:
        if backup.path not in keep:
            with contextlib.suppress(FileNotFoundError):
                backup.path.unlink()
                removed.append(backup.path)
    if removed:
        log.info("Pruned %d old backup(s) from %s", len(removed), backup_dir)
    return removed


def newest_good(backup_dir: Path) -> Backup | None:
    """The newest backup that passes SQLite's check (taking one checks it, but a disk can still fail later)."""
    for backup in list_backups(backup_dir):
        try:
            if not quick_check(backup.path):
                return backup
        except sqlite3.Error as exc:
            log.warning("Cannot check backup %s: %s", backup.path, exc)
    return None


def restore(backup: Path, database: Path, backup_dir: Path, *, now: dt.datetime | None = None) -> Path | None:
    """Put a copy of ``backup`` in place of ``database``; returns where the replaced file was kept, if any.

    The replaced file is moved (not copied: it may be damaged beyond copying) into the backup folder together
    with its write-ahead log, so that it opens with everything it had committed."""
    problems = quick_check(backup)
    if problems:
        raise DamagedSource(backup, problems)
    moment = now or dt.datetime.now(dt.UTC)
    make_private_folder(backup_dir)
    kept: Path | None = None
    if database.exists():
        kept = _target_name(database, backup_dir, "replaced", moment)
        os.replace(database, kept)
        make_private_file(kept)
        wal = Path(f"{database}-wal")
        if wal.exists():
            os.replace(wal, Path(f"{kept}-wal"))
        with contextlib.suppress(FileNotFoundError):
            Path(f"{database}-shm").unlink()  # shared memory of the file moved away; SQLite rebuilds it
    _copy_checked(backup, database)
    log.info("Restored %s from %s (the replaced file is %s)", database, backup, kept)
    return kept
