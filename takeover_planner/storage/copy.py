"""Copy a whole plan from one database to another (SQLite → a team's PostgreSQL), and prove it arrived.

The target must be empty: no tables at all, or our schema at the current revision with no rows. The schema
is created by the same migrations, the rows are copied table by table in foreign-key order inside one
transaction, PostgreSQL's id sequences are moved past the copied ids, and then both sides are compared
table by table by row count and a SHA-256 over every row in primary-key order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from takeover_planner.errors import EnvironmentProblem, EnvReason, ValidationError
from takeover_planner.storage.database import Database
from takeover_planner.storage.failures import database_text, environment_problem, translate_db_errors
from takeover_planner.storage.migrate import schema_status, upgrade
from takeover_planner.storage.models import Base
from takeover_planner.texts.storage import StorageText

log = logging.getLogger(__name__)

BATCH = 2000


@dataclass(frozen=True)
class TableCheck:
    table: str
    source_rows: int
    target_rows: int
    source_sha256: str
    target_sha256: str

    @property
    def equal(self) -> bool:
        return self.source_rows == self.target_rows and self.source_sha256 == self.target_sha256


@dataclass(frozen=True)
class CopyReport:
    tables: tuple[TableCheck, ...]

    @property
    def equal(self) -> bool:
        return all(t.equal for t in self.tables)

    @property
    def rows(self) -> int:
        return sum(t.target_rows for t in self.tables)


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _is_empty(db: Database) -> bool:
    status = schema_status(db)
    if status.foreign or status.too_new:
        return False
    if status.current is None:
        return True
    if not status.up_to_date:
        return False
    with db.engine.connect() as conn:
        return all(conn.execute(select(func.count()).select_from(t)).scalar() == 0 for t in _tables())


def copy_database(
    source: Database,
    target: Database,
    backup_dir: Path,
    *,
    progress: Callable[[str, int], None] | None = None,
) -> CopyReport:
    if source.url == target.url:
        raise ValidationError(StorageText.COPY_SAME)
    if not schema_status(source).up_to_date:
        upgrade(source, backup_dir)
    if not _is_empty(target):
        raise ValidationError(StorageText.COPY_TARGET_NOT_EMPTY, url=target.display_url)
    upgrade(target, backup_dir)
    # The target is the one across the network: a failure mid-copy is most likely there (and rolls it all back).
    with translate_db_errors(target.display_url), source.engine.connect() as src, target.engine.begin() as dst:
        for table in _tables():
            copied = _copy_table(src, dst, table)
            if progress:
                progress(table.name, copied)
        if dst.dialect.name == "postgresql":
            _advance_sequences(dst)
    return compare(source, target)


def _copy_table(src: Connection, dst: Connection, table: Table) -> int:
    order = list(table.primary_key.columns)
    result = src.execution_options(stream_results=True).execute(select(table).order_by(*order))
    copied = 0
    while True:
        rows = result.fetchmany(BATCH)
        if not rows:
            break
        dst.execute(insert(table), [dict(row._mapping) for row in rows])
        copied += len(rows)
    return copied


def _advance_sequences(conn: Connection) -> None:
    for table in _tables():
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
            continue
        sequence = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": pk[0].name}).scalar()
        if sequence:
            conn.execute(
                text(f"SELECT setval(:s, COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)"),
                {"s": sequence},
            )


def compare(source: Database, target: Database) -> CopyReport:
    checks = []
    with source.engine.connect() as src, target.engine.connect() as dst:
        for table in _tables():
            s_rows, s_hash = _fingerprint(src, table)
            t_rows, t_hash = _fingerprint(dst, table)
            checks.append(TableCheck(table.name, s_rows, t_rows, s_hash, t_hash))
    return CopyReport(tuple(checks))


def _fingerprint(conn: Connection, table: Table) -> tuple[int, str]:
    digest = hashlib.sha256()
    count = 0
    columns = sorted(c.name for c in table.columns)
    for row in conn.execute(select(table).order_by(*table.primary_key.columns)):
        mapping = row._mapping
        digest.update(json.dumps([_canonical(mapping[c]) for c in columns], sort_keys=True).encode())
        count += 1
    return count, digest.hexdigest()


def _canonical(value: Any) -> Any:
    """The same value reads back a little differently on each backend; compare meanings, not representations."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(round(value, 9))
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True)
    return value


def ensure_reachable(db: Database) -> None:
    """Connect once; a failure is an ``EnvironmentProblem`` whatever the driver said (a connection that cannot
    even be made is, for the person, a database that does not answer)."""
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        problem = environment_problem(exc, db.display_url)
        if problem is None:
            log.info("Connecting to %s failed in an unrecognised way", db.display_url, exc_info=True)
            problem = EnvironmentProblem(StorageText.UNREACHABLE, reason=EnvReason.UNREACHABLE,
                                         database=database_text(db.display_url), problem=type(exc).__name__)
        raise problem from None
