"""HDR metadata the colour pipeline reads (issue 21): PQ's peak from HDR10 static metadata, Dolby Vision's
profile (profile 5 refused with its own message), and thumbnails in the colours the fix gives."""

from __future__ import annotations

import io
import struct
from fractions import Fraction
from pathlib import Path

import av
import pytest
from PIL import Image, ImageStat

from takeover_planner.media import bmff, colour
from takeover_planner.media.fix import fix_file
from takeover_planner.media.fix_types import FixOptions, FixRefused
from takeover_planner.media.probe import probe_file
from takeover_planner.media.rules import load_rules
from takeover_planner.media.thumbnails import make_thumbnail
from takeover_planner.media.video_colour import frame_peak
from takeover_planner.texts.media import MediaText
from tests.unit.media.test_colour import _picture_area

NO_HOLD = FixOptions(video_preset="ultrafast", duration_range=(0.0, 60.0))


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _stats(picture: Image.Image) -> tuple[float, float]:
    small = picture.convert("RGB").resize((48, max(1, round(picture.height * 48 / picture.width))),
                                          Image.Resampling.BOX)
    return (ImageStat.Stat(small.convert("HSV").getchannel("S")).mean[0] / 255,
            ImageStat.Stat(small.convert("L")).mean[0] / 255)


# --- the peak: MaxCLL first, then the mastering display, else 1000 cd/m² ----------------------------------

def test_the_peak_is_maxcll_then_the_mastering_display_and_placeholders_are_passed_over() -> None:
    assert colour.content_peak(712, 4000) == 712
    assert colour.content_peak(0, 4000) == 4000
    assert colour.content_peak(50, 0) == 0  # below reference white: a mistake, not a peak
    assert colour.content_peak(0, 0) == 0
    assert colour.spec_for("bt2020", "pq", "bt709", 0).peak_nits == colour.PQ_PEAK_NITS
    assert colour.spec_for("bt2020", "pq", "bt709", 4000).peak_nits == 4000
    assert colour.spec_for("bt2020", "hlg", "bt709", 4000).peak_nits == colour.HLG_PEAK_NITS  # display-relative


def test_a_lower_peak_gives_a_brighter_picture() -> None:
    grey = (0.58, 0.58, 0.58)  # PQ ≈ 200 cd/m²
    bright = colour.to_sdr(grey, colour.spec_for("bt2020", "pq", "bt709", 712))
    dim = colour.to_sdr(grey, colour.spec_for("bt2020", "pq", "bt709", 4000))
    assert bright[0] > dim[0] + 0.02


def test_the_sample_entry_gives_dolby_vision_profile_and_hdr10_metadata() -> None:
    dvvc = _box(b"dvvC", bytes([1, 0, (5 << 1) | 0, (6 << 3) | 0b101, 0]) + bytes(19))
    clli = _box(b"clli", struct.pack(">HH", 1200, 400))
    mdcv = _box(b"mdcv", bytes(16) + struct.pack(">II", 40_000_000, 50))
    entry = _box(b"hvc1", bytes(78) + _box(b"hvcC", bytes(23)) + dvvc + clli + mdcv)
    track = bmff.TrackInfo()
    bmff._sample_entry_colour(bytes(8) + entry, track)
    assert (track.dolby_vision, track.dolby_vision_profile, track.max_cll, track.mastering_peak) == (
        True, 5, 1200, 4000.0)
    # QuickTime's own boxes: full boxes (version and flags), SmDm's luminance in 24.8 fixed point.
    quicktime = _box(b"CoLL", bytes(4) + struct.pack(">HH", 900, 300)) + _box(
        b"SmDm", bytes(4) + bytes(16) + struct.pack(">II", 1000 << 8, 1))
    track = bmff.TrackInfo()
    bmff._sample_entry_colour(bytes(8) + _box(b"hvc1", bytes(78) + quicktime), track)
    assert (track.dolby_vision, track.max_cll, track.mastering_peak) == (False, 900, 1000.0)


def _pq_clip(path: Path, max_cll: int) -> Path:
    """A tiny HEVC PQ clip whose peak is said only in the stream's SEI (no box in the MP4)."""
    with av.open(str(path), "w") as out:
        video = out.add_stream("libx265", rate=30)
        video.width, video.height, video.pix_fmt = 64, 64, "yuv420p10le"
        context = video.codec_context
        context.color_primaries, context.color_trc, context.colorspace, context.color_range = 9, 16, 9, 1
        video.options = {"preset": "ultrafast", "x265-params": (
            "log-level=error:hdr10=1:master-display=G(13250,34500)B(7500,3000)R(34000,16000)WP(15635,16450)"
            f"L(40000000,50):max-cll={max_cll},300")}
        frame = av.VideoFrame(64, 64, "yuv420p10le")
        for index in range(3):
            frame.pts, frame.time_base = index, Fraction(1, 30)
            for packet in video.encode(frame):
                out.mux(packet)
        for packet in video.encode(None):
            out.mux(packet)
    return path


def test_a_pq_clip_is_tone_mapped_for_the_peak_its_stream_says(tmp_path: Path) -> None:
    if "libx265" not in av.codecs_available:
        pytest.skip("this PyAV has no x265 encoder")
    source = _pq_clip(tmp_path / "pq.mp4", max_cll=712)
    with av.open(str(source)) as container:
        assert frame_peak(next(container.decode(video=0))) == 712
    info = probe_file(source)
    assert info.colour_transfer == "pq" and info.hdr_peak_nits == 0  # nothing in the container
    fixed = fix_file(source, tmp_path, load_rules().judge(info), NO_HOLD)
    assert any("peak 712 cd/m²" in step for step in fixed[0].recipe["steps"])


def test_dolby_vision_profile_5_is_refused_with_its_own_message(corpus: Path, tmp_path: Path) -> None:
    data = bytearray((corpus / "video/ax_iphone14pro_dolbyvision.MOV").read_bytes())
    at = data.index(b"dvvC") + 4
    data[at + 2] = (5 << 1) | (data[at + 2] & 1)  # profile 8 → 5 (IPT-PQ-c2, no compatible base layer)
    source = tmp_path / "profile5.mov"
    source.write_bytes(bytes(data))
    info = probe_file(source)
    assert info.dolby_vision and info.dolby_vision_profile == 5
    with pytest.raises(FixRefused) as refused:
        fix_file(source, tmp_path / "out", load_rules().judge(info), FixOptions(video_preset="ultrafast"))
    assert refused.value.code == MediaText.DOLBY_VISION_ONLY and refused.value.params["profile"] == 5
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_iphone_dolby_vision_is_profile_8_and_converted(corpus: Path) -> None:
    assert probe_file(corpus / "video/ax_iphone14pro_dolbyvision.MOV").dolby_vision_profile == 8


# --- thumbnails and previews show the colours the fix gives -------------------------------------------------

@pytest.mark.parametrize("name", ["video/ax_android14_hevc_hlg.mp4", "images/imm_10bit_hdr_p3.avif",
                                  "video/ax_8k_hevc_300ms.mp4"])
def test_a_thumbnail_has_the_fixed_storys_colours(corpus: Path, tmp_path: Path, name: str) -> None:
    source = corpus / name
    info = probe_file(source)
    thumbnail = Image.open(io.BytesIO(make_thumbnail(source, info, 320)))
    story = _picture_area(fix_file(source, tmp_path, load_rules().judge(info), NO_HOLD)[0].path, info)
    ours, fix = _stats(thumbnail), _stats(story)
    for mine, theirs in zip(ours, fix, strict=True):
        assert mine == pytest.approx(theirs, rel=0.05)
