"""The media service with a real database: import, dedupe, fix into derivative rows, and the store check
that keeps files and rows consistent after a kill at any point (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from takeover_planner.cli import main
from takeover_planner.errors import NotFoundError, ValidationError
from takeover_planner.media.fix_types import FixOptions
from takeover_planner.media.store import INCOMING, MediaStore
from takeover_planner.services import media_service
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import AuditEvent, MediaAsset
from tests.unit.media.media_factory import write_clip, write_jpeg, write_png


def test_import_file_creates_one_row_per_content(ctx: AppContext, tmp_path: Path) -> None:
    source = write_jpeg(tmp_path / "Stand på torget.jpg", 1200, 1600, orientation=6, gps=True)
    first = media_service.import_file(ctx, source)
    assert first.created and first.asset is not None
    asset = first.asset
    assert (asset.kind, asset.format, asset.original_name) == ("image", "JPEG", "Stand på torget.jpg")
    assert (asset.display_width, asset.display_height) == (1600, 1200)
    assert {f.rule for f in first.findings} >= {"image.orientation", "privacy.gps"}
    assert media_service.asset_path(ctx, asset).read_bytes() == source.read_bytes()
    assert first.thumbnail is not None and first.thumbnail.is_file()
    again = media_service.import_file(ctx, tmp_path / "Stand på torget.jpg", original_name="copy.jpg")
    assert not again.created and again.asset is not None and again.asset.id == asset.id
    stored = media_service.get_asset(ctx, asset.id)
    assert [f["rule"] for f in stored.findings or []] == [f.rule for f in first.findings]
    with ctx.db.session() as session:
        assert session.scalars(select(AuditEvent).where(AuditEvent.entity_type == "media_asset")).all()


def test_fix_asset_makes_a_derivative_row_next_to_the_original(ctx: AppContext, tmp_path: Path) -> None:
    original = media_service.import_file(ctx, write_png(tmp_path / "plakat.png", 800, 600, alpha=True)).asset
    assert original is not None
    result = media_service.fix_asset(ctx, original.id, "crop")
    derivative = result.asset
    assert derivative.derived_from_id == original.id and derivative.format == "JPEG"
    assert derivative.original_name == "plakat.story.jpg"
    assert derivative.recipe is not None and derivative.recipe["source_sha256"] == original.sha256
    assert derivative.recipe["mode"] == "crop"
    assert derivative.findings == []  # "ok": nothing to say about it
    assert media_service.asset_path(ctx, original).is_file()  # the original is untouched
    again = media_service.fix_asset(ctx, original.id, "crop")
    assert again.asset.id == derivative.id  # the same bytes are the same asset
    assert list((ctx.media_dir / ".work").iterdir()) == []


def test_fix_asset_for_a_video_and_refusals(ctx: AppContext, tmp_path: Path) -> None:
    clip = media_service.import_file(ctx, write_clip(tmp_path / "kort.mp4", width=320, height=180, seconds=0.5)).asset
    assert clip is not None
    result = media_service.fix_asset(ctx, clip.id, "pad", options=FixOptions(video_preset="ultrafast"))
    assert result.asset.kind == "video" and result.asset.duration_s is not None and result.asset.duration_s >= 3
    assert not [f for f in result.asset.findings or [] if f["severity"] == "error"]
    with pytest.raises(ValidationError):
        media_service.fix_asset(ctx, clip.id, "stretch")
    with pytest.raises(NotFoundError):
        media_service.fix_asset(ctx, 999_999)


def _old(path: Path) -> None:
    past = time.time() - 2 * media_service.ORPHAN_GRACE_S
    os.utime(path, (past, past))


def test_check_finds_and_repairs_what_a_kill_leaves(ctx: AppContext, tmp_path: Path) -> None:
    kept = media_service.import_file(ctx, write_jpeg(tmp_path / "kept.jpg")).asset
    assert kept is not None
    assert media_service.check_media(ctx).clean
    store = MediaStore(ctx.media_dir)
    # Killed after the file was stored, before its row was written: an orphan.
    orphan = store.add_file(write_jpeg(tmp_path / "orphan.jpg", 500, 500))
    fresh = store.add_file(write_jpeg(tmp_path / "fresh.jpg", 510, 500))  # maybe another machine's import
    _old(orphan.path)
    # Killed half-way through a copy: a temp file.
    leftover = ctx.media_dir / INCOMING / "add-dead.part"
    leftover.write_bytes(b"partial")
    _old(leftover)
    report = media_service.check_media(ctx)
    assert report.orphans == [orphan.sha256] and report.leftovers == [str(leftover)]
    assert not report.clean and report.missing == [] and report.damaged == []
    repaired = media_service.check_media(ctx, repair=True)
    assert len(repaired.repaired) == 2 and repaired.clean
    assert not orphan.path.exists() and not leftover.exists() and fresh.path.exists()
    assert media_service.asset_path(ctx, kept).is_file()


def test_check_reports_missing_and_damaged_files(ctx: AppContext, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    gone = media_service.import_file(ctx, write_jpeg(tmp_path / "gone.jpg", 300, 300)).asset
    hurt = media_service.import_file(ctx, write_jpeg(tmp_path / "hurt.jpg", 310, 300)).asset
    assert gone is not None and hurt is not None
    store = MediaStore(ctx.media_dir)
    store.remove(gone.sha256)
    path = store.path_for(hurt.sha256)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    path.write_bytes(b"bit rot")
    report = media_service.check_media(ctx, repair=True)
    assert report.missing == [gone.sha256] and report.damaged == [hurt.sha256]
    assert not report.clean
    with ctx.db.session() as session:
        assert len(session.scalars(select(MediaAsset)).all()) == 2  # rows are never deleted by a check


def test_media_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path / "tp")
    assert main(["--home", home, "media", "check"]) == 0
    assert "agree" in capsys.readouterr().out
    assert main(["--home", home, "media", "check", "--json", "--repair"]) == 0
    assert '"clean": true' in capsys.readouterr().out
