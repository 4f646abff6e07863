"""Keeping the data safe from the first day: private files, automatic backups and their pruning, a damaged
database named as damaged with the way back, `db restore`, and no database password in any file."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from takeover_planner.cli import main
from takeover_planner.paths import resolve_paths
from takeover_planner.services import safekeeping
from takeover_planner.services.context import open_context
from takeover_planner.storage import backups
from takeover_planner.texts.install import InstallText
from tests.fakes.keyrings import MemoryKeyring, choose_keyring

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _run(home: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["--home", str(home), "--json", *args])
    out, err = capsys.readouterr()
    text = out.strip() or err.strip()
    return code, json.loads(text) if text else {}


def _demo_with_backup(home: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The demo plan, and a backup of it taken "tomorrow" (the first open of a day backs up)."""
    assert _run(home, capsys, "demo")[0] == 0
    ctx = open_context(str(home))
    try:
        tomorrow = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
        made = safekeeping.daily_backup(ctx, now=tomorrow)
        assert made is not None
        assert safekeeping.daily_backup(ctx, now=tomorrow) is None  # at most one a day
    finally:
        ctx.close()
    return made


@posix_only
def test_data_config_logs_and_backups_are_private(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "tp"
    share = tmp_path / "share"
    share.mkdir(mode=0o775)
    os.chmod(share, 0o775)
    assert _run(home, capsys, "demo")[0] == 0
    paths = resolve_paths(home)
    ctx = open_context(str(home))
    try:
        ctx.settings.set("media.folder", str(share))
        ctx.settings.save()
        with ctx.db.write() as s:  # keeps the write-ahead log and its index around while we look
            s.execute(text("UPDATE takeover_slot SET notes = 'x' WHERE id = 1"))
            database = paths.data_dir / "takeover-planner.sqlite3"
            for companion in (Path(f"{database}-wal"), Path(f"{database}-shm")):
                if companion.exists():
                    assert _mode(companion) == 0o600, companion
    finally:
        ctx.close()
    for folder in (paths.data_dir, paths.config_dir, paths.log_dir, paths.cache_dir, paths.backup_dir):
        assert _mode(folder) == 0o700, folder
    files = [paths.data_dir / "takeover-planner.sqlite3", paths.settings_file, paths.log_file,
             *paths.backup_dir.iterdir()]
    for file in files:
        assert _mode(file) == 0o600, file
    assert _mode(share) == 0o775  # the team's media share keeps its own permissions


@pytest.mark.parametrize("damage", ["cut_short", "flipped_bytes"])
def test_a_damaged_database_is_named_with_its_backup_and_db_restore_brings_the_plan_back(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str) -> None:
    home = tmp_path / "tp"
    backup = _demo_with_backup(home, capsys)
    database = resolve_paths(home).data_dir / "takeover-planner.sqlite3"
    slots_before = _run(home, capsys, "slot", "list")[1]
    if damage == "cut_short":
        os.truncate(database, database.stat().st_size // 2)
    else:
        with open(database, "r+b") as handle:
            handle.seek(100)  # the first table page's header, just after the file header
            handle.write(b"\xff" * 8)

    for command in (["db", "status"], ["slot", "list"]):
        code, refusal = _run(home, capsys, *command)
        assert code == 6
        assert refusal["code"] == InstallText.DAMAGED.key
        assert refusal["reason"] == "corrupt"
        assert refusal["params"]["backup"] == backup.name
        assert refusal["params"]["command"] == f"takeover-planner --home {home} db restore {backup.name}"

    listed = _run(home, capsys, "db", "backups")[1]
    assert backup.name in [b["name"] for b in listed["backups"]]
    code, restored = _run(home, capsys, "db", "restore", backup.name)
    assert code == 0
    assert Path(restored["kept_aside"]).is_file()  # the damaged file was kept, not deleted
    assert _run(home, capsys, "slot", "list")[1] == slots_before


def test_db_status_names_damage_in_a_page_it_does_not_otherwise_read(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Bytes flipped in the middle of the file, in the slots table: the schema query behind `db status` never reads
    that page, so only the whole-file check finds it. The person who looks there must be told."""
    import sqlite3

    home = tmp_path / "tp"
    backup = _demo_with_backup(home, capsys)
    database = resolve_paths(home).data_dir / "takeover-planner.sqlite3"
    conn = sqlite3.connect(database)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'takeover_slot'").fetchone()[0]
    conn.close()
    assert root > 2  # in the middle, not the file's first pages
    with open(database, "r+b") as handle:
        handle.seek((root - 1) * page_size)  # the page's b-tree header
        handle.write(b"\xff" * 8)

    code, refusal = _run(home, capsys, "db", "status")
    assert code == 6 and refusal["code"] == InstallText.DAMAGED.key
    assert refusal["params"]["backup"] == backup.name
    assert refusal["params"]["command"] == f"takeover-planner --home {home} db restore {backup.name}"
    code = main(["--home", str(home), "--language", "nb", "db", "status"])
    assert code == 6 and "er skadet" in capsys.readouterr().err


def test_without_a_backup_the_message_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "tp"
    assert _run(home, capsys, "demo")[0] == 0
    paths = resolve_paths(home)
    for old in paths.backup_dir.iterdir():
        old.unlink()
    database = paths.data_dir / "takeover-planner.sqlite3"
    os.truncate(database, database.stat().st_size // 3)
    code, refusal = _run(home, capsys, "account", "list")
    assert code == 6 and refusal["code"] == InstallText.DAMAGED_NO_BACKUP.key
    assert "damaged" in refusal["error"]  # the one rendered text this file reads: it says what happened


def test_restoring_an_unknown_or_damaged_backup_changes_nothing(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "tp"
    backup = _demo_with_backup(home, capsys)
    code, refusal = _run(home, capsys, "db", "restore", "no-such-backup.sqlite3")
    assert code == 5 and refusal["code"] == InstallText.NO_SUCH_BACKUP.key
    os.truncate(backup, 1000)
    code, refusal = _run(home, capsys, "db", "restore", backup.name)
    assert code == 2 and refusal["code"] == InstallText.BACKUP_DAMAGED.key
    assert _run(home, capsys, "slot", "list")[0] == 0


def _tiny_database(path: Path) -> Path:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return path


def test_backups_are_pruned_to_14_daily_8_weekly_and_10_occasions(tmp_path: Path) -> None:
    source = _tiny_database(tmp_path / "plan.sqlite3")
    folder = tmp_path / "backups"
    start = dt.datetime(2027, 1, 1, 9, 0, tzinfo=dt.UTC)
    for day in range(70):  # ten weeks of a backup every day, two on some days
        backups.take(source, folder, backups.DAILY, now=start + dt.timedelta(days=day))
        if day % 5 == 0:
            backups.take(source, folder, backups.DAILY, now=start + dt.timedelta(days=day, hours=3))
    for n in range(12):
        backups.take(source, folder, "before-import", now=start + dt.timedelta(days=n, hours=5))
    backups.prune(folder)

    kept = backups.list_backups(folder)
    daily = [b for b in kept if b.daily]
    days = sorted({b.taken.date() for b in daily}, reverse=True)
    newest_day = (start + dt.timedelta(days=69)).date()
    assert days[:14] == [newest_day - dt.timedelta(days=n) for n in range(14)]
    assert len(daily) == len(days)  # one per day: the newest of that day
    assert all(b.taken.hour in (12, 9) for b in daily)
    weeks = {b.taken.date().isocalendar()[:2] for b in daily}
    assert len(weeks) == 8
    assert len([b for b in kept if b.label == "before-import"]) == 10
    assert all(_mode(b.path) == 0o600 for b in kept) or os.name != "posix"


@pytest.mark.postgres
def test_db_connect_with_a_password_in_the_url_leaves_it_in_no_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], pg_url: str, request: pytest.FixtureRequest,
        monkeypatch: pytest.MonkeyPatch) -> None:
    choose_keyring(request, monkeypatch, MemoryKeyring())
    MemoryKeyring.store.clear()
    secret = "Sekret-9f3a-plaintext"
    url = make_url(pg_url)._replace(password=secret).render_as_string(hide_password=False)
    home = tmp_path / "tp"
    code, result = _run(home, capsys, "db", "connect", url)
    assert code == 0 and result["password_stored"] is True
    assert secret in MemoryKeyring.store.values()
    assert json.loads(resolve_paths(home).settings_file.read_text())["database.url"]
    for file in (p for p in home.rglob("*") if p.is_file()):
        assert secret.encode() not in file.read_bytes(), file


def test_db_connect_without_a_keyring_refuses_before_touching_anything(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from keyring.backends import fail

    choose_keyring(request, monkeypatch, fail.Keyring())
    secret = "Sekret-no-keyring"
    home = tmp_path / "tp"
    # Nothing listens on this port: had the database been tried first, the refusal would be "unreachable".
    code = main(["--home", str(home), "db", "connect", f"postgresql+psycopg://kari:{secret}@127.0.0.1:9/plan"])
    err = capsys.readouterr().err
    assert code == 6 and "database password cannot be kept" in err and "publishing" not in err, err
    assert secret not in err
    settings = resolve_paths(home).settings_file
    assert not settings.exists() or "database.url" not in json.loads(settings.read_text())
    for file in (p for p in home.rglob("*") if p.is_file()):
        assert secret.encode() not in file.read_bytes(), file
