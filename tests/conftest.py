"""Shared fixtures. Tests never touch the real home: every context lives under tmp_path.

``db`` / ``ctx`` run on SQLite always and also on PostgreSQL when TAKEOVER_PLANNER_TEST_PG_URL is set
(each PostgreSQL test gets its own fresh schema, so tests cannot see each other's rows).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from takeover_planner.paths import HOME_ENV, resolve_paths
from takeover_planner.services.context import AppContext
from takeover_planner.settings import Settings
from takeover_planner.storage.database import Database
from takeover_planner.storage.migrate import upgrade

if TYPE_CHECKING:
    import psycopg

PG_ENV = "TAKEOVER_PLANNER_TEST_PG_URL"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HOME-dependent look-ups into a temp folder, so nothing leaks into the developer's home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv(HOME_ENV, str(home / "tp-home"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("TAKEOVER_PLANNER_DB_URL", raising=False)
    monkeypatch.setenv("TAKEOVER_PLANNER_USER", "Test Officer")
    return home


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    """Every test starts with the core speaking English, whatever the machine's locale or an earlier test's
    ``--language nb`` (the language in force is one per process)."""
    from takeover_planner import texts

    texts.set_language(texts.ENGLISH)
    yield
    texts.set_language(texts.ENGLISH)


def backends() -> list[object]:
    params: list[object] = ["sqlite"]
    params.append(pytest.param("postgresql", marks=pytest.mark.postgres))
    return params


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL to a fresh, empty PostgreSQL schema (dropped afterwards); skips when no server is configured."""
    base = os.environ.get(PG_ENV)
    if not base:
        if os.environ.get("TAKEOVER_PLANNER_REQUIRE_PG"):
            pytest.fail(f"{PG_ENV} is not set but TAKEOVER_PLANNER_REQUIRE_PG is: CI must run the PostgreSQL tests")
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server for this run")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    plain = base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
        # Roles are cluster-wide: drop the schema's group roles and the logins a test made (named after them).
        drop_schema_roles(conn, conn.info.dbname, schema)


def drop_schema_roles(conn: psycopg.Connection[Any], database: str, schema: str = "public") -> None:
    """Drop the group roles ``db upgrade`` made for ``database``/``schema``, and logins named after them."""
    from takeover_planner.storage.pg_security import role_prefix

    prefix = role_prefix(database, schema)
    names = [r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)", (prefix,))]
    for name in names:
        conn.execute(f'DROP ROLE "{name}"')


@pytest.fixture(params=backends())
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{(tmp_path / 'test.sqlite3').as_posix()}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def db(db_url: str, tmp_path: Path) -> Iterator[Database]:
    database = Database(db_url)
    upgrade(database, tmp_path / "backups")
    yield database
    database.dispose()


@pytest.fixture
def ctx(db: Database, tmp_path: Path) -> Iterator[AppContext]:
    paths = resolve_paths(tmp_path / "home").ensure()
    context = AppContext(paths=paths, settings=Settings(paths), db=db, actor="Test Officer")
    yield context


@pytest.fixture
def sqlite_ctx(tmp_path: Path) -> Iterator[AppContext]:
    """A context on SQLite only, for tests that do not care about the backend."""
    paths = resolve_paths(tmp_path / "home").ensure()
    database = Database(paths.default_db_url)
    upgrade(database, paths.backup_dir)
    yield AppContext(paths=paths, settings=Settings(paths), db=database, actor="Test Officer")
    database.dispose()


ATSPI_BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
DEBIAN_PYTHON = Path("/usr/bin/python3")


@pytest.fixture
def atspi_tools() -> None:
    """Skips unless Debian's Xvfb, dbus, at-spi2-core and python3-pyatspi are installed (the screen-reader tree
    test); with TAKEOVER_PLANNER_REQUIRE_ATSPI=1 (CI) a missing tool fails the test instead."""
    missing = [tool for tool in ("Xvfb", "dbus-daemon") if shutil.which(tool) is None]
    if not ATSPI_BUS_LAUNCHER.exists():
        missing.append("at-spi2-core")
    if not DEBIAN_PYTHON.exists() or subprocess.run([DEBIAN_PYTHON, "-c", "import pyatspi"],
                                                    capture_output=True, check=False).returncode != 0:
        missing.append("python3-pyatspi")
    if missing:
        if os.environ.get("TAKEOVER_PLANNER_REQUIRE_ATSPI") == "1":
            pytest.fail(f"missing {', '.join(missing)} but TAKEOVER_PLANNER_REQUIRE_ATSPI=1: CI must run this test")
        pytest.skip(f"missing {', '.join(missing)}: no AT-SPI tree to walk")


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the real-media corpus is not at {CORPUS}")
    return CORPUS
