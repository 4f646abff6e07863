"""The content-addressed store, the thumbnail cache and the two-process importer (no database here)."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest
from PIL import Image

from takeover_planner.errors import ValidationError
from takeover_planner.media.importer import ImportJob, import_many, import_one
from takeover_planner.media.probe import probe_file
from takeover_planner.media.progress import Cancelled, CancelToken
from takeover_planner.media.store import INCOMING, MediaStore, file_sha256
from takeover_planner.media.thumbnails import ThumbnailCache, ThumbnailError, make_thumbnail
from tests.unit.media.media_factory import write_clip, write_jpeg, write_png


def test_a_file_is_stored_once_by_its_sha256(tmp_path: Path) -> None:
    store = MediaStore(tmp_path / "media")
    source = write_jpeg(tmp_path / "a.jpg")
    first = store.add_file(source)
    second = store.add_file(source)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert first.sha256 == second.sha256 == digest
    assert first.created and not second.created
    assert first.path == tmp_path / "media" / digest[:2] / digest
    assert first.path.read_bytes() == source.read_bytes()
    assert not os.stat(first.path).st_mode & stat.S_IWUSR  # never modified after writing
    assert [sha for sha, _ in store.stored()] == [digest]
    assert list((tmp_path / "media" / INCOMING).iterdir()) == []
    assert store.verify(digest)
    assert store.add_bytes(source.read_bytes()).created is False


def test_names_that_are_not_sha256_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        MediaStore(tmp_path).path_for("../../etc/passwd")


def test_a_killed_write_leaves_only_a_temp_file_that_is_reported(tmp_path: Path) -> None:
    store = MediaStore(tmp_path / "media")
    incoming = tmp_path / "media" / INCOMING
    incoming.mkdir(parents=True)
    (incoming / "add-x.part").write_bytes(b"half")
    assert [p.name for p in store.leftovers(older_than_s=-1)] == ["add-x.part"]
    assert list(store.stored()) == []


def test_damage_is_detected_and_quarantined(tmp_path: Path) -> None:
    store = MediaStore(tmp_path / "media")
    stored = store.add_file(write_jpeg(tmp_path / "a.jpg"))
    os.chmod(stored.path, stat.S_IRUSR | stat.S_IWUSR)
    stored.path.write_bytes(b"changed")
    assert not store.verify(stored.sha256)
    moved = store.quarantine(stored.sha256)
    assert moved.read_bytes() == b"changed" and not store.has(stored.sha256)


def test_jpeg_thumbnail_uses_a_reduced_decode(tmp_path: Path) -> None:
    source = write_jpeg(tmp_path / "big.jpg", 3000, 2000, orientation=6)
    info = probe_file(source)
    cache = ThumbnailCache(tmp_path / "thumbs", size=200)
    sha = file_sha256(source)
    path = cache.ensure(source, sha, info)
    with Image.open(path) as thumb:
        assert max(thumb.size) == 200 and thumb.size[1] > thumb.size[0]  # turned upright
    stamp = path.stat().st_mtime_ns
    assert cache.ensure(source, sha, info) == path and path.stat().st_mtime_ns == stamp  # cached
    assert cache.cached(sha) == path


def test_video_thumbnail_is_the_first_frame_and_broken_files_have_none(tmp_path: Path) -> None:
    clip = write_clip(tmp_path / "a.mp4", width=320, height=180, seconds=0.3, audio=False)
    data = make_thumbnail(clip, probe_file(clip), 160)
    assert data[:3] == b"\xff\xd8\xff"
    broken = tmp_path / "broken.png"
    broken.write_bytes(write_png(tmp_path / "ok.png").read_bytes()[:100])
    with pytest.raises(ThumbnailError):
        make_thumbnail(broken, probe_file(broken))


def test_import_many_on_two_processes(tmp_path: Path) -> None:
    files = [write_jpeg(tmp_path / f"p{i}.jpg", 400 + i, 300) for i in range(5)]
    files.append(write_clip(tmp_path / "c.mp4", width=160, height=284, seconds=0.4))
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(files[0].read_bytes()[:200])
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    job = ImportJob(store_root=str(tmp_path / "media"), thumbnail_dir=str(tmp_path / "thumbs"))
    seen: list[float] = []
    results = {Path(r.source).name: r for r in import_many(
        [*files, broken, empty], job, workers=2, progress=lambda f, _m: seen.append(f))}
    assert len(results) == 8 and seen[-1] == 1.0
    for path in files:
        result = results[path.name]
        assert result.stored and result.thumbnail and result.sha256 == file_sha256(path)
        assert result.judgement.verdict in ("ok", "advice", "error")
    assert results["broken.jpg"].stored and not results["broken.jpg"].thumbnail
    assert [f.rule for f in results["broken.jpg"].findings] == ["file.truncated"]
    assert not results["empty.jpg"].stored


def test_import_can_be_cancelled(tmp_path: Path) -> None:
    files = [write_jpeg(tmp_path / f"p{i}.jpg", 300, 200 + i) for i in range(3)]
    token = CancelToken()
    token.cancel()
    job = ImportJob(store_root=str(tmp_path / "media"), thumbnail_dir=str(tmp_path / "thumbs"))
    with pytest.raises(Cancelled):
        list(import_many(files, job, workers=1, cancel=token))
    assert import_one(str(files[0]), job).stored
