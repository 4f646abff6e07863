"""Keeping the SQLite plan safe without being asked: private files, a backup a day, a backup before anything
big, and plain words (with the way back) when the file is damaged.

- ``protect`` runs before the database is opened: a file in the data folder is made (or created) 0600; SQLite
  gives its -wal and -shm files the database file's mode.
- ``daily_backup`` runs after a command or the window opened the database: at most one a day, then pruning.
- ``backup_before`` runs before a package import and ``db copy`` (migrations back up in storage/migrate.py).
- ``explain_damage`` turns "the database is corrupt", once ``PRAGMA quick_check`` confirms it, into a message
  that names the damage, the newest good backup and the command that restores it.
A PostgreSQL database is the server's to back up: all of this leaves it alone.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from takeover_planner.errors import (
    EnvironmentProblem,
    EnvReason,
    NotFoundError,
    TakeoverError,
    ValidationError,
)
from takeover_planner.fileio import PRIVATE_FILE_MODE, make_private_file
from takeover_planner.paths import AppPaths, resolve_db_url, resolve_paths
from takeover_planner.services.context import AppContext
from takeover_planner.storage import backups
from takeover_planner.storage.backups import Backup, DamagedSource
from takeover_planner.storage.database import redact_url, sqlite_file
from takeover_planner.storage.failures import environment_problem
from takeover_planner.texts.install import InstallText

log = logging.getLogger(__name__)


def protect(paths: AppPaths, url: str) -> None:
    """Make the database file private before SQLite opens (or creates) it, if it lives in our data folder."""
    file = sqlite_file(url)
    if file is None or not file.resolve().is_relative_to(paths.data_dir.resolve()):
        return  # a file the user placed elsewhere (a team share) keeps the permissions they gave it
    try:
        # An empty file is a valid empty database; creating it here is what makes it 0600 from the start.
        os.close(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
    except FileExistsError:
        for part in (file, Path(f"{file}-wal"), Path(f"{file}-shm")):
            make_private_file(part)
    except FileNotFoundError:
        return  # its folder is not there: SQLite will say so in its own words when it tries to open it


def _live_file(ctx: AppContext) -> Path | None:
    file = sqlite_file(ctx.db.url)
    return file if file is not None and file.is_file() and file.stat().st_size > 0 else None


def daily_backup(ctx: AppContext, *, now: dt.datetime | None = None) -> Path | None:
    """Today's backup, if none was taken yet today; older ones pruned. A damaged file is said so, plainly."""
    file = _live_file(ctx)
    if file is None or backups.taken_today(ctx.paths.backup_dir, now=now) is not None:
        return None
    try:
        made = _take(ctx.paths, file, backups.DAILY, now)
        backups.prune(ctx.paths.backup_dir)
    except (OSError, EnvironmentProblem) as exc:
        if isinstance(exc, EnvironmentProblem) and exc.reason == EnvReason.CORRUPT:
            raise
        # A full disk or a busy file must not stop today's work; the next open tries again.
        log.warning("No daily backup of %s: %s", file, exc)
        return None
    return made


def backup_before(ctx: AppContext, occasion: str) -> Path | None:
    """A backup before ``occasion`` ("import", "copy"); None for a server database or a file not made yet."""
    file = _live_file(ctx)
    if file is None:
        return None
    made = _take(ctx.paths, file, f"before-{occasion}", None)
    backups.prune(ctx.paths.backup_dir)
    return made


def _take(paths: AppPaths, file: Path, label: str, now: dt.datetime | None) -> Path:
    try:
        return backups.take(file, paths.backup_dir, label, now=now)
    except DamagedSource as exc:
        raise damaged(paths, file, exc.problems) from exc
    except sqlite3.Error as exc:
        problem = environment_problem(exc, str(file))
        if problem is None:
            raise
        raise problem from exc


def damaged(paths: AppPaths, file: Path, problems: list[str], home: str | None = None) -> EnvironmentProblem:
    """The message for a damaged database file: what SQLite found, and the newest good backup with the
    command that restores it."""
    good = backups.newest_good(paths.backup_dir)
    problem = problems[0] if problems else ""
    if good is None:
        return EnvironmentProblem(InstallText.DAMAGED_NO_BACKUP, reason=EnvReason.CORRUPT,
                                  details={"file": str(file), "problems": problems[:20]},
                                  database=str(file), problem=problem, folder=str(paths.backup_dir))
    prefix = f"takeover-planner --home {home} " if home else "takeover-planner "
    return EnvironmentProblem(
        InstallText.DAMAGED, reason=EnvReason.CORRUPT,
        details={"file": str(file), "problems": problems[:20], "backup": str(good.path)},
        database=str(file), problem=problem, backup=good.name, taken=good.taken,
        command=f"{prefix}db restore {good.name}",
    )


def refuse_if_damaged(ctx: AppContext, home: str | None) -> None:
    """Check the whole SQLite file (``PRAGMA quick_check``, a fraction of a second for a plan) and raise the
    damaged message if it is not sound. For `db status`: an ordinary command only notices damage in the pages
    it happens to read. A file that is busy or unreadable is not called damaged here."""
    file = _live_file(ctx)
    if file is None:
        return
    try:
        problems = backups.quick_check(file)
    except sqlite3.Error:
        log.warning("No quick_check of %s", file, exc_info=True)
        return
    if problems:
        raise damaged(ctx.paths, file, problems, home)


def explain_damage(exc: TakeoverError, home: str | None, db_url: str | None) -> TakeoverError:
    """``exc`` itself, unless it says the database is corrupt and SQLite's own check of the file agrees: then
    the message that names the damage and the way back. Needs no open database (it may not open)."""
    if not isinstance(exc, EnvironmentProblem) or exc.reason != EnvReason.CORRUPT:
        return exc
    if exc.code in (InstallText.DAMAGED, InstallText.DAMAGED_NO_BACKUP):
        return exc
    try:
        paths = resolve_paths(home)
        file = sqlite_file(resolve_db_url(paths, db_url))
        if file is None or not file.is_file():
            return exc
        problems = backups.quick_check(file)
        if not problems:
            return exc  # e.g. an upgrade refused for dangling rows: the file itself is sound
        better = damaged(paths, file, problems, home)
    except (OSError, ValueError, sqlite3.Error):
        log.warning("Could not look into the damaged database", exc_info=True)
        return exc  # the plain "damaged" message still stands
    better.__cause__ = exc
    return better


@dataclass(frozen=True)
class BackupList:
    folder: Path
    database: str  # the file's URL, for the heading
    backups: list[Backup]


def _sqlite_target(paths: AppPaths, db_url: str | None) -> tuple[str, Path]:
    url = resolve_db_url(paths, db_url)
    file = sqlite_file(url)
    if file is None:
        raise ValidationError(InstallText.NOT_A_FILE, database=redact_url(url))
    return url, file


def list_backups(home: str | None, db_url: str | None) -> BackupList:
    """The backups of this computer's database file, newest first (opens nothing, so it works on a damaged
    database too)."""
    paths = resolve_paths(home)
    url, _ = _sqlite_target(paths, db_url)
    return BackupList(paths.backup_dir, redact_url(url), backups.list_backups(paths.backup_dir))


@dataclass(frozen=True)
class Restored:
    database: Path
    backup: Backup
    kept_aside: Path | None


def restore(home: str | None, db_url: str | None, name: str) -> Restored:
    """Put the backup called ``name`` (or at the path ``name``) in place of the database file; the current file
    is kept aside in the backup folder first. Close the window (and other commands) on this file before."""
    paths = resolve_paths(home).ensure()
    _, file = _sqlite_target(paths, db_url)
    chosen = next((b for b in backups.list_backups(paths.backup_dir) if b.name == name), None)
    if chosen is None and Path(name).is_file():
        candidate = Path(name)
        chosen = backups.parse_name(candidate) or Backup(candidate, dt.datetime.fromtimestamp(
            candidate.stat().st_mtime, dt.UTC), "outside")
    if chosen is None:
        raise NotFoundError(InstallText.NO_SUCH_BACKUP, name=name, folder=str(paths.backup_dir))
    try:
        kept = backups.restore(chosen.path, file, paths.backup_dir)
    except DamagedSource as exc:
        raise ValidationError(InstallText.BACKUP_DAMAGED, name=chosen.name,
                              problem=exc.problems[0] if exc.problems else "") from exc
    except sqlite3.Error as exc:
        problem = environment_problem(exc, str(file))
        if problem is None:
            raise
        raise problem from exc
    log.info("Restored %s from backup %s", file, chosen.path)
    return Restored(file, chosen, kept)
