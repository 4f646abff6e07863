"""Bring the database to the schema this code expects, at start-up or by `takeover-planner db upgrade`.

- A fresh database is created from the migrations.
- An older one is backed up first (SQLite: a consistent copy through sqlite3's backup API) and upgraded.
- One from a newer version of the app is refused: we do not know what it holds.
Reading the current revision needs no Alembic import, which keeps start-up fast.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, text

from takeover_planner.errors import DatabaseTooNew, EnvironmentProblem, EnvReason
from takeover_planner.storage import backups, pg_security
from takeover_planner.storage.database import Database, sqlite_file
from takeover_planner.storage.failures import database_text, translate_db_errors
from takeover_planner.texts.storage import StorageText

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Every revision this code knows, oldest first. tests/storage/test_migrations.py checks it against Alembic.
KNOWN_REVISIONS: tuple[str, ...] = ("0001_planning", "0002_stories", "0003_team", "0004_publishing",
                                       "0005_insights", "0006_drop_booking_lock", "0007_database_roles",
                                       "0008_publish_plan", "0009_department_note",
                                       "0010_facebook_pages")
HEAD_REVISION = KNOWN_REVISIONS[-1]
# From this revision on, a PostgreSQL database carries the roles, grants and policies of ``pg_security``.
SECURED_FROM = "0007_database_roles"


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


def foreign_database(db: Database) -> EnvironmentProblem:
    """The refusal for a database that holds tables that are not ours (we never write beside them)."""
    return EnvironmentProblem(StorageText.FOREIGN, reason=EnvReason.FOREIGN, url=db.display_url)


def backup_sqlite(db: Database, backup_dir: Path, label: str) -> Path | None:
    """A checked copy of the SQLite file before upgrading from revision ``label`` (storage/backups.py)."""
    source = sqlite_file(db.url)
    if source is None or not source.exists():
        return None
    try:
        return backups.take(source, backup_dir, f"before-upgrade-{label}")
    except backups.DamagedSource as exc:
        # Never upgrade a damaged file: the migration would carry the damage into every later backup.
        raise EnvironmentProblem(StorageText.CORRUPT, reason=EnvReason.CORRUPT,
                                 database=database_text(db.display_url),
                                 problem=exc.problems[0] if exc.problems else "") from exc


def upgrade(db: Database, backup_dir: Path, *, target: str = HEAD_REVISION) -> tuple[SchemaStatus, Path | None]:
    """Upgrade to ``target``; returns the status before and the backup made (if any)."""
    status = schema_status(db)
    if status.too_new:
        raise DatabaseTooNew(StorageText.TOO_NEW, revision=status.current, head=status.head)
    if status.foreign:
        raise foreign_database(db)
    if status.current == target:
        return status, None
    with translate_db_errors(db.display_url):
        backup = backup_sqlite(db, backup_dir, status.current) if status.current is not None else None
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
                if not sqlite and KNOWN_REVISIONS.index(target) >= KNOWN_REVISIONS.index(SECURED_FROM):
                    # After every upgrade, so that tables and columns added by later migrations get their
                    # grants and policies too; in the same transaction, so a schema never exists without them.
                    pg_security.install(conn)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        # Rolls the whole upgrade back: better the old schema than a database with dangling rows.
                        raise EnvironmentProblem(StorageText.UPGRADE_WOULD_BREAK, reason=EnvReason.CORRUPT,
                                                 rows=len(broken))
        finally:
            if sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]


def security_status(db: Database) -> pg_security.SecurityStatus | None:
    """On PostgreSQL, whether the roles, grants, policies and audit trigger are in place; None on SQLite."""
    if db.is_sqlite:
        return None
    with translate_db_errors(db.display_url), db.engine.connect() as conn:
        return pg_security.status(conn)


def secure(db: Database) -> pg_security.SecurityStatus | None:
    """``db upgrade`` on PostgreSQL: (re)install the roles, grants and policies (idempotent) when this login
    owns the tables; another login's upgrade leaves them as they are and reports them."""
    status = security_status(db)
    if status is None or status.installed:
        return status
    with translate_db_errors(db.display_url), db.engine.begin() as conn:
        if pg_security.whoami_is_owner(conn):
            pg_security.install(conn)
    return security_status(db)
