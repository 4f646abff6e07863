"""fileio and settings: private files below the app's folders, stale temp files swept, no password in settings,
resources found through importlib.resources."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest

from takeover_planner.fileio import (
    atomic_write_bytes,
    atomic_write_text,
    make_private_folder,
    remove_stale_parts,
)
from takeover_planner.paths import resolve_paths, resource, without_password
from takeover_planner.settings import Settings

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")


@posix_only
def test_files_below_a_private_folder_are_private_and_others_keep_the_umask(tmp_path: Path) -> None:
    private = make_private_folder(tmp_path / "data")
    atomic_write_bytes(private / "inner" / "outbox.json", b"[]")
    shared = tmp_path / "exports"
    shared.mkdir(mode=0o755)
    atomic_write_bytes(shared / "plan.csv", b"x")
    assert stat.S_IMODE(private.stat().st_mode) == 0o700
    assert stat.S_IMODE((private / "inner" / "outbox.json").stat().st_mode) == 0o600
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((shared / "plan.csv").stat().st_mode) == 0o666 & ~umask


def test_stale_part_files_go_on_the_next_write_young_ones_and_others_stay(tmp_path: Path) -> None:
    old = [tmp_path / ".plan.csv.k2j3h4.part", tmp_path / ".clip.x7y8.part.mp4"]
    young = tmp_path / ".plan.csv.abcd12.part"
    unrelated = tmp_path / "notes.part"
    for file in (*old, young, unrelated):
        file.write_bytes(b"half")
    two_hours_ago = time.time() - 7200
    for file in (*old, unrelated):
        os.utime(file, (two_hours_ago, two_hours_ago))
    atomic_write_text(tmp_path / "plan.csv", "done")
    assert not any(f.exists() for f in old)
    assert young.exists() and unrelated.exists() and (tmp_path / "plan.csv").read_text() == "done"
    assert remove_stale_parts(tmp_path, now=time.time() + 7200) == [young]


def test_no_url_password_reaches_the_settings_file(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path).ensure()
    settings = Settings.load(paths)
    settings.set("database.url", "postgresql+psycopg://team:hunter2@db:5433/plan?sslmode=require")
    settings.set("hosting.upload_url", "https://uploader:hunter2@dav.example.org/stories/")
    settings.save()
    text = paths.settings_file.read_text(encoding="utf-8")
    assert "hunter2" not in text
    assert json.loads(text)["database.url"] == "postgresql+psycopg://team@db:5433/plan?sslmode=require"


def test_a_password_an_older_version_saved_is_taken_out_of_the_file(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path).ensure()
    paths.settings_file.write_text(json.dumps({"_version": 1, "database.url": "postgresql+psycopg://t:hunter2@db/p"}))
    assert Settings.load(paths).get("database.url") == "postgresql+psycopg://t@db/p"
    assert "hunter2" not in paths.settings_file.read_text(encoding="utf-8")


def test_without_password_leaves_other_urls_alone() -> None:
    assert without_password("sqlite:////data/plan.sqlite3") == "sqlite:////data/plan.sqlite3"
    assert without_password("") == ""
    assert without_password("not a url") == "not a url"


def test_resources_are_inside_the_package() -> None:
    import takeover_planner

    package = Path(takeover_planner.__file__).parent
    for parts in (("rules", "instagram_story.toml"), ("demo", "fjordvik.json"),
                  ("translations", "takeover_planner_nb.qm"), ("icons", "takeover-planner.svg")):
        found = resource(*parts)
        assert found.is_file() and found.is_relative_to(package), found
