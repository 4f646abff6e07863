from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from takeover_planner.errors import DatabaseTooNew, EnvironmentProblem, EnvReason
from takeover_planner.storage import migrate
from takeover_planner.storage.database import Database
from takeover_planner.storage.models import Base
from takeover_planner.texts.storage import StorageText


def test_known_revisions_match_alembic_history() -> None:
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    assert script.get_heads() == [migrate.HEAD_REVISION], "one head, and the code knows it"
    chain = [rev.revision for rev in script.walk_revisions()][::-1]
    assert tuple(chain) == migrate.KNOWN_REVISIONS


def test_migrations_create_exactly_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_sqlite_runs_wal_with_foreign_keys(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    db.dispose()


def test_upgrading_an_older_database_keeps_data_and_a_backup(db_url: str, tmp_path: Path) -> None:
    db = Database(db_url)
    migrate.upgrade(db, tmp_path / "backups", target="0001_planning")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO account (name, handle, api_variant, graph_host, graph_version, booking_lock, "
                          "version, created_at, updated_at) VALUES ('Old', 'old', 'instagram_login', 'h', 'v1', 0, 1, "
                          "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
        # Rows that refer to the account: a migration that rebuilds the table (SQLite batch mode) must keep them.
        conn.execute(text("INSERT INTO department (name, color, notes, archived, version, created_at, updated_at) "
                          "VALUES ('Biblioteket', '#2f6fde', '', false, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
        conn.execute(text("INSERT INTO takeover_slot (account_id, department_id, start_date, end_date, status, "
                          "cancel_reason, notes, news_url, version, created_at, updated_at) SELECT a.id, d.id, "
                          "'2027-03-01', '2027-03-02', 'confirmed', '', '', '', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP "
                          "FROM account a, department d"))
    before, backup = migrate.upgrade(db, tmp_path / "backups")
    assert before.current == "0001_planning"
    assert migrate.schema_status(db).up_to_date
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM account")).scalar() == "Old"
        assert conn.execute(text("SELECT count(*) FROM takeover_slot s JOIN account a ON a.id = s.account_id")
                            ).scalar() == 1
        assert "story_frame" in conn.dialect.get_table_names(conn)
    if db.is_sqlite:
        assert backup is not None and backup.exists()
        with sqlite3.connect(backup) as old:
            assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001_planning",)
            assert old.execute("SELECT name FROM account").fetchone() == ("Old",)
    db.dispose()


def test_a_newer_database_is_refused_and_left_alone(db: Database, tmp_path: Path) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    with pytest.raises(DatabaseTooNew) as refused:
        migrate.upgrade(db, tmp_path / "backups")
    assert (refused.value.code, refused.value.reason) == (StorageText.TOO_NEW, EnvReason.TOO_NEW)
    assert refused.value.params == {"revision": "9999_from_the_future", "head": migrate.HEAD_REVISION}
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_from_the_future"
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    with pytest.raises(EnvironmentProblem) as refused:
        migrate.upgrade(db, tmp_path / "backups")
    assert (refused.value.code, refused.value.reason) == (StorageText.FOREIGN, EnvReason.FOREIGN)
    db.dispose()
