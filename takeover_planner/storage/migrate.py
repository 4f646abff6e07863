"""Bring the database to the schema this code expects, at start-up or by `takeover-planner db upgrade`.

- A fresh database is created from the migrations.
- An older one is backed up first (SQLite: a consistent copy through sqlite3's backup API) and upgraded.
- One from a newer version of the app is refused: we do not know what it holds.
Reading the current revision needs no Alembic import, which keeps start-up fast.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, text

from takeover_planner.errors import DatabaseTooNew, EnvironmentProblem
from takeover_planner.storage.database import Database, sqlite_file, translate_db_errors

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Every revision this code knows, oldest first. tests/storage/test_migrations.py checks it against Alembic.
KNOWN_REVISIONS: tuple[str, ...] = ("0001_planning", "0002_stories", "0003_team", "0004_publishing",
                                       "0005_insights", "0006_drop_booking_lock")
HEAD_REVISION = KNOWN_REVISIONS[-1]


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None
    head: str
    pending: tuple[str, ...]
    too_new: bool
    foreign: bool  # has tables but is not a Takeover Planner database

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def schema_status(db: Database) -> SchemaStatus:
    with translate_db_errors(db.display_url), db.engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
        current: str | None = None
        if "alembic_version" in names:
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    foreign = current is None and bool(names - {"alembic_version"})
    too_new = current is not None and current not in KNOWN_REVISIONS
    if current is None:
        pending = KNOWN_REVISIONS
    elif too_new:
        pending = ()
    else:
        pending = KNOWN_REVISIONS[KNOWN_REVISIONS.index(current) + 1 :]
    return SchemaStatus(current, HEAD_REVISION, pending, too_new, foreign)


def backup_sqlite(db: Database, backup_dir: Path, label: str) -> Path | None:
    """Copy the SQLite file with the online backup API (safe while others have it open)."""
    source = sqlite_file(db.url)
    if source is None or not source.exists():
        return None
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{source.stem}-before-{label}-{stamp}.sqlite3"
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    log.info("Backed up %s to %s", source, target)
    return target


def upgrade(db: Database, backup_dir: Path, *, target: str = HEAD_REVISION) -> tuple[SchemaStatus, Path | None]:
    """Upgrade to ``target``; returns the status before and the backup made (if any)."""
    status = schema_status(db)
    if status.too_new:
        raise DatabaseTooNew(
            f"This database was made by a newer version of Takeover Planner (schema {status.current}); "
            f"this version knows up to {status.head}. Update the app, or open another database."
        )
    if status.foreign:
        raise EnvironmentProblem(
            f"{db.display_url} already holds tables that are not Takeover Planner's. Choose an empty database."
        )
    if status.current == target:
        return status, None
    backup = backup_sqlite(db, backup_dir, status.current) if status.current is not None else None
    with translate_db_errors(db.display_url):
        _run_alembic(db, target)
    return status, backup


def _run_alembic(db: Database, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db.engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # Batch mode rebuilds a table by copying it and dropping the old one; with foreign keys enforced that
            # drop fails as soon as other rows refer to the table. SQLite only honours this pragma outside a
            # transaction, so it goes straight to the driver before SQLAlchemy begins one.
            conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, target)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        # Rolls the whole upgrade back: better the old schema than a database with dangling rows.
                        raise EnvironmentProblem(
                            f"Upgrading the database would leave {len(broken)} row(s) pointing at nothing; "
                            "nothing was changed. The backup in the backups folder is untouched."
                        )
        finally:
            if sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]
