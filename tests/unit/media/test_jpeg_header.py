"""The lean JPEG header reader gives exactly the facts the Pillow path gives, and steps aside when unsure."""

from __future__ import annotations

from pathlib import Path

import pytest

from takeover_planner.media import probe_image
from takeover_planner.media.jpeg_header import HEADER_BYTES, read_jpeg_header
from takeover_planner.media.probe import probe_file
from tests.unit.media.media_factory import jpeg_bytes, write_jpeg

FIELDS = ("format", "mode", "width", "height", "display_width", "display_height", "orientation", "rotation",
          "mirrored", "has_gps", "colour_space", "icc_description", "has_alpha", "frame_count", "problem")


def _both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, object], dict[str, object]]:
    fast = probe_file(path)
    with monkeypatch.context() as patch:
        patch.setattr(probe_image, "read_jpeg_header", lambda _data: None)
        slow = probe_file(path)
    return ({name: getattr(fast, name) for name in FIELDS}, {name: getattr(slow, name) for name in FIELDS})


def test_same_facts_as_pillow_on_every_corpus_jpeg(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(corpus.glob("images/*.jp*g")) + sorted(corpus.glob("images/*.mpo"))
    assert len(files) > 25
    fast_path_used = 0
    for path in files:
        fast, slow = _both(path, monkeypatch)
        assert fast == slow, path.name
        fast_path_used += read_jpeg_header(path.read_bytes()[:HEADER_BYTES]) is not None
    assert fast_path_used >= 25  # the common camera JPEGs take the fast path


@pytest.mark.parametrize(("orientation", "gps"), [(1, False), (6, True), (8, False), (3, True)])
def test_same_facts_as_pillow_on_generated_jpegs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 orientation: int, gps: bool) -> None:
    fast, slow = _both(write_jpeg(tmp_path / "a.jpg", 640, 480, orientation=orientation, gps=gps), monkeypatch)
    assert fast == slow
    assert fast["orientation"] == orientation and fast["has_gps"] == gps


def test_unusual_headers_fall_back_to_pillow() -> None:
    plain = jpeg_bytes()
    assert read_jpeg_header(plain) is not None
    assert read_jpeg_header(plain[:40]) is None  # header cut short
    assert read_jpeg_header(b"\x89PNG") is None
    sos = plain.index(b"\xff\xda")
    mpf = b"\xff\xe2\x00\x08MPF\x00\x00\x00"
    assert read_jpeg_header(plain[:2] + mpf + plain[2:]) is None  # multi-picture: Pillow decides
    assert read_jpeg_header(plain[:sos] + b"\x00" + plain[sos:]) is None  # garbage between markers
