from __future__ import annotations

from pathlib import Path

import pytest

from takeover_planner.fileio import atomic_write_text
from takeover_planner.paths import resolve_db_url, resolve_paths
from takeover_planner.settings import Settings


def test_home_option_beats_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TAKEOVER_PLANNER_HOME", str(tmp_path / "env"))
    assert resolve_paths(tmp_path / "opt").data_dir == (tmp_path / "opt" / "data").resolve()
    assert resolve_paths().data_dir == (tmp_path / "env" / "data").resolve()


def test_db_url_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = resolve_paths(tmp_path).ensure()
    assert resolve_db_url(paths).endswith("/data/takeover-planner.sqlite3")
    settings = Settings.load(paths)
    settings.set("database.url", "postgresql+psycopg://team@db/plan")
    settings.save()
    assert resolve_db_url(paths) == "postgresql+psycopg://team@db/plan"
    monkeypatch.setenv("TAKEOVER_PLANNER_DB_URL", "sqlite:///env.sqlite3")
    assert resolve_db_url(paths) == "sqlite:///env.sqlite3"
    assert resolve_db_url(paths, "sqlite:///cli.sqlite3") == "sqlite:///cli.sqlite3"


def test_damaged_settings_fall_back_to_defaults(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path).ensure()
    atomic_write_text(paths.settings_file, "{not json")
    assert Settings.load(paths).get("ui.language") == "system"


def test_atomic_write_leaves_the_old_file_on_failure(tmp_path: Path) -> None:
    from takeover_planner.fileio import atomic_write

    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_write(target, "w", encoding="utf-8") as handle:
        handle.write("half")
        raise RuntimeError("crash")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_atomic_write_gives_the_usual_file_mode(tmp_path: Path) -> None:
    import os

    from takeover_planner.fileio import atomic_write_bytes

    if os.name != "posix":
        pytest.skip("POSIX file modes")
    old = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "export.csv", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "export.csv").stat().st_mode & 0o777 == 0o644
