"""Hostile and broken files: truncated at every 10 %, random bytes, flipped bytes, wrong extensions, huge
declared dimensions. The probe must answer with a finding, quickly, without a crash or a memory blow-up."""

from __future__ import annotations

import resource
import struct
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from takeover_planner.media.probe import probe_file
from takeover_planner.media.rules import load_rules
from takeover_planner.media.sniff import sniff
from tests.unit.media.media_factory import jpeg_bytes, write_clip, write_jpeg, write_png

# One probe of a hostile file must finish well inside this (the probe's own budget is 10 s).
PROBE_SECONDS = 3.0
MEMORY_GROWTH_BYTES = 200 * 1024**2

MAGIC = [b"", b"\xff\xd8\xff\xe0", b"\x89PNG\r\n\x1a\n", b"GIF89a", b"RIFF\x00\x10\x00\x00WEBP",
         b"\x00\x00\x00\x18ftypisom", b"\x00\x00\x00\x18ftypheic", b"\x00\x00\x00\x18ftypavif",
         b"\x1a\x45\xdf\xa3", b"II*\x00", b"\x00\x00\x00\x08mdat"]
HOSTILE = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _max_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux


def judge_quickly(path: Path) -> str:
    started = time.monotonic()
    judgement = load_rules().judge(probe_file(path))
    assert time.monotonic() - started < PROBE_SECONDS
    assert judgement.verdict in ("ok", "advice", "error")
    for finding in judgement.findings:
        assert finding.message_en and finding.message_nb
    return judgement.verdict


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("samples")
    made = {
        "jpg": write_jpeg(folder / "a.jpg", 320, 240, orientation=6, gps=True),
        "png": write_png(folder / "a.png", 120, 80, alpha=True),
        "mp4": write_clip(folder / "a.mp4", width=160, height=284, seconds=0.5),
        "late.mp4": write_clip(folder / "b.mp4", width=160, height=284, seconds=0.5, faststart=False),
        "mkv": write_clip(folder / "c.mkv", width=160, height=96, seconds=0.4, audio=False, container="matroska"),
    }
    from PIL import Image

    Image.new("RGB", (50, 40), (9, 90, 200)).save(folder / "a.gif")
    Image.new("RGB", (50, 40), (9, 90, 200)).save(folder / "a.webp", lossless=True)
    made["gif"], made["webp"] = folder / "a.gif", folder / "a.webp"
    return {name: path.read_bytes() for name, path in made.items()}


@pytest.mark.parametrize("name", ["jpg", "png", "mp4", "late.mp4", "gif", "webp", "mkv"])
def test_every_10_percent_truncation_is_refused(samples: dict[str, bytes], tmp_path: Path, name: str) -> None:
    data = samples[name]
    whole = tmp_path / f"whole.{name}"
    whole.write_bytes(data)
    assert probe_file(whole).problem == ""
    for tenth in range(10):
        cut = tmp_path / f"cut{tenth}.{name}"
        cut.write_bytes(data[: len(data) * tenth // 10])
        assert judge_quickly(cut) == "error", f"{name} cut at {tenth * 10} %"
        assert probe_file(cut).problem, f"{name} cut at {tenth * 10} % passed as a whole file"


def test_truncated_corpus_heic_at_every_10_percent(corpus: Path, tmp_path: Path) -> None:
    data = (corpus / "heic" / "ph_iphone8plus_arrow.heic").read_bytes()
    for tenth in range(10):
        cut = tmp_path / f"cut{tenth}.heic"
        cut.write_bytes(data[: len(data) * tenth // 10])
        assert judge_quickly(cut) == "error", f"cut at {tenth * 10} %"
        assert probe_file(cut).problem, f"cut at {tenth * 10} % passed as a whole file"


@HOSTILE
@given(prefix=st.sampled_from(MAGIC), body=st.binary(max_size=3000), suffix=st.sampled_from(
    [".jpg", ".png", ".mp4", ".mov", ".heic", ".gif", ".txt", ""]))
def test_random_bytes_never_crash(tmp_path: Path, prefix: bytes, body: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(prefix + body)
    before = _max_rss()
    judge_quickly(path)
    assert _max_rss() - before < MEMORY_GROWTH_BYTES


@HOSTILE
@given(data=st.data())
def test_flipped_bytes_in_real_files_never_crash(samples: dict[str, bytes], tmp_path: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(samples)))
    blob = bytearray(samples[name])
    for _ in range(data.draw(st.integers(1, 12))):
        position = data.draw(st.integers(0, len(blob) - 1))
        blob[position] = data.draw(st.integers(0, 255))
    path = tmp_path / f"flipped.{name}"
    path.write_bytes(bytes(blob))
    judge_quickly(path)


@pytest.mark.parametrize(("content", "suffix", "kind", "fmt"), [
    ("png", ".jpg", "image", "PNG"), ("jpg", ".png", "image", "JPEG"), ("mp4", ".jpg", "video", "mp4"),
    ("jpg", ".mp4", "image", "JPEG"), ("mkv", ".mp4", "video", "matroska"),
])
def test_wrong_extension_is_judged_by_content(samples: dict[str, bytes], tmp_path: Path, content: str,
                                              suffix: str, kind: str, fmt: str) -> None:
    path = tmp_path / f"misnamed{suffix}"
    path.write_bytes(samples[content])
    info = probe_file(path)
    assert (info.kind, info.format) == (kind, fmt)
    assert "file.extension" in [f.rule for f in load_rules().evaluate(info)]


def test_text_file_named_jpg_is_not_media(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("Dear comms team, here are the pictures\n", encoding="utf-8")
    judgement = load_rules().judge(probe_file(path))
    assert [f.rule for f in judgement.findings] == ["file.not_media"]


def test_zero_byte_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    assert [f.rule for f in load_rules().evaluate(probe_file(empty))] == ["file.empty"]
    assert [f.rule for f in load_rules().evaluate(probe_file(tmp_path / "gone.mp4"))] == ["file.missing"]
    assert [f.rule for f in load_rules().evaluate(probe_file(tmp_path))] == ["file.not_media"]


def _png_declaring(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def _jpeg_declaring(width: int, height: int) -> bytes:
    data = bytearray(jpeg_bytes())
    at = data.index(b"\xff\xc0")
    struct.pack_into(">HH", data, at + 5, height, width)
    return bytes(data)


def _gif_declaring(width: int, height: int) -> bytes:
    return b"GIF89a" + struct.pack("<HHBBB", width, height, 0, 0, 0) + b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"


def _webp_declaring(width: int, height: int) -> bytes:
    vp8x = b"VP8X" + struct.pack("<I", 10) + b"\x00\x00\x00\x00" + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    body = b"WEBP" + vp8x
    return b"RIFF" + struct.pack("<I", len(body)) + body


@pytest.mark.parametrize(("make", "suffix"), [(_png_declaring, ".png"), (_jpeg_declaring, ".jpg"),
                                              (_gif_declaring, ".gif"), (_webp_declaring, ".webp")])
def test_huge_declared_dimensions_are_refused_as_bombs(tmp_path: Path, make: object, suffix: str) -> None:
    path = tmp_path / f"bomb{suffix}"
    path.write_bytes(make(16383, 16383) if suffix == ".webp" else make(65000, 65000))  # type: ignore[operator]
    before = _max_rss()
    judgement = load_rules().judge(probe_file(path))
    assert judgement.verdict == "error" and not judgement.fixable
    assert [f.rule for f in judgement.findings] in (["file.bomb"], ["file.unreadable"])
    assert _max_rss() - before < MEMORY_GROWTH_BYTES


def test_huge_heif_item_is_a_bomb(corpus: Path, tmp_path: Path) -> None:
    data = bytearray((corpus / "heic" / "ph_xiaomi.heic").read_bytes())
    at = data.index(b"ispe")
    while at != -1:
        struct.pack_into(">II", data, at + 8, 60000, 60000)
        at = data.find(b"ispe", at + 4)
    path = tmp_path / "huge.heic"
    path.write_bytes(bytes(data))
    assert [f.rule for f in load_rules().evaluate(probe_file(path))] == ["file.bomb"]


@pytest.mark.parametrize(("head", "kind", "container"), [
    (b"\xff\xd8\xff\xe1", "image", "JPEG"), (b"\x89PNG\r\n\x1a\n", "image", "PNG"), (b"GIF87a", "image", "GIF"),
    (b"\x00\x00\x00\x1cftypheic\x00\x00\x00\x00mif1heic", "image", "HEIF"),
    (b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1avif", "image", "AVIF"),
    (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ", "video", "bmff"),
    (b"\x00\x00\x00\x08wide", "video", "bmff"), (b"\x1a\x45\xdf\xa3", "video", "matroska"),
    (b"hello world", "unknown", ""),
])
def test_sniff(head: bytes, kind: str, container: str) -> None:
    found = sniff(head)
    assert (found.kind, found.container) == (kind, container)
