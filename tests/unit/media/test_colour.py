"""Colour from HDR phones (issue 21): probe facts, the colour rule, and fixed outputs against FFmpeg's zscale.

The reference for an HDR source is Debian's ``ffmpeg`` (zimg's ``zscale`` linearising at 100 cd/m² reference
white, then ``tonemap=hable:peak=10:desat=0``, i.e. the same Hable curve with a 1000 cd/m² peak; for the PQ
picture the peak its metadata gives, MaxCLL 712 cd/m²), made from the source's first frame. Our output's first frame is compared over the picture area (the pad excluded), both
reduced to the same small size: the mean HSV saturation and the mean luma must be within 15 %. An SDR source's
output must stay within 3 % of the source itself.

Frames are turned into RGB by swscale with ``accurate_rnd+full_chroma_int``: its default YUV→RGB path (what
``VideoFrame.reformat`` uses) rounds chroma differently for a full-range BT.601 source and a limited-range BT.709
output, which alone moved a phone clip's saturation by almost 4 % while the pixels agreed within 0.3 %.
"""

from __future__ import annotations

import shutil
import subprocess
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import av.filter
import pytest
from PIL import Image, ImageStat

from takeover_planner.media import colour
from takeover_planner.media.fix import fix_file
from takeover_planner.media.fix_image import _TRANSPOSE
from takeover_planner.media.fix_types import FixOptions
from takeover_planner.media.geometry import fit_size
from takeover_planner.media.model import MediaInfo
from takeover_planner.media.probe import probe_file
from takeover_planner.media.rules import load_rules

FAST = FixOptions(video_preset="ultrafast")
# Colour checks need no held last picture: a 0.3 s 4K clip is otherwise encoded for 3.25 s at 60 fps.
NO_HOLD = FixOptions(video_preset="ultrafast", duration_range=(0.0, 60.0))
HDR_VIDEOS = ["video/ax_iphone12promax_hevc_hlg.mp4", "video/ax_android14_hevc_hlg.mp4",
              "video/ax_iphone14pro_dolbyvision.MOV"]
# BT.601 limited and full range, untagged, a 4K full-range phone clip, and two BT.709 clips scaled down a lot
# (8K → 1080×608; Apple's 1934×2160 spatial video), which once moved +19 % and +3.6 % in saturation.
SDR_VIDEOS = ["video/ax_bt601_odd_height.mov", "video/ax_h264_aac_baseline.mp4", "video/ax_android_slow_motion.mp4",
              "video/ax_android_portrait_4k60_rot90.mp4", "video/ax_8k_hevc_300ms.mp4",
              "video/ax_apple_spatial_mvhevc.mov"]
PQ_PICTURE = "images/imm_10bit_hdr_p3.avif"
_TONE_MAP = "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:peak={peak}:desat=0"


def _stats(picture: Image.Image, size: tuple[int, int]) -> tuple[float, float]:
    """Mean HSV saturation and mean luma (0–1) of ``picture`` box-reduced to ``size`` (codec noise averaged)."""
    small = picture.convert("RGB").resize(size, Image.Resampling.BOX)
    saturation = ImageStat.Stat(small.convert("HSV").getchannel("S")).mean[0] / 255
    return saturation, ImageStat.Stat(small.convert("L")).mean[0] / 255


def _rgb(frame: Any, matrix: str, full_range: bool) -> Image.Image:
    """A decoded frame as RGB, read with the given matrix and range, rounded accurately (see the docstring)."""
    graph = av.filter.Graph()
    source = graph.add_buffer(width=frame.width, height=frame.height, format=frame.format.name,
                              time_base=Fraction(1, 30))
    scale = graph.add("scale", f"in_color_matrix={matrix}:in_range={'pc' if full_range else 'tv'}"
                               ":flags=bicubic+accurate_rnd+full_chroma_int")
    rgb = graph.add("format", "rgb24")
    sink = graph.add("buffersink")
    source.link_to(scale)
    scale.link_to(rgb)
    rgb.link_to(sink)
    graph.configure()
    graph.push(frame)
    out = graph.pull()
    assert isinstance(out, av.VideoFrame)
    return out.to_image()


def _picture_area(path: Path, info: MediaInfo) -> Image.Image:
    """The first frame (or the picture) of a fixed story without its pad."""
    if path.suffix == ".mp4":
        with av.open(str(path)) as container:
            frame = next(container.decode(video=0))
            story = _rgb(frame, "bt709", full_range=False)
    else:
        story = Image.open(path)
    width, height = fit_size(info.display_width or 1, info.display_height or 1, (1080, 1920),
                             even=path.suffix == ".mp4")
    left, top = (1080 - width) // 2, (1920 - height) // 2
    return story.crop((left + 2, top + 2, left + width - 2, top + height - 2))


def _ffmpeg_reference(source: Path, info: MediaInfo, out: Path, transfer: str, peak_nits: float = 1000) -> Image.Image:
    """``peak_nits``: the source's peak, which tonemap takes relative to zscale's 100 cd/m² reference white."""
    tone_map = _TONE_MAP.format(peak=f"{peak_nits / 100:g}")
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", str(source), "-frames:v", "1",
                    "-vf", f"scale=1080:-2,{tone_map},zscale=t={transfer},format=gbrp", str(out)], check=True)
    picture = Image.open(out)
    # FFmpeg 5.1 applies neither a video's display matrix nor (for a still) anything to undo: turn it upright.
    return picture.transpose(_TRANSPOSE[info.orientation]) if info.kind == "video" and info.orientation in _TRANSPOSE \
        else picture


def _close(ours: tuple[float, float], reference: tuple[float, float], tolerance: float) -> None:
    for mine, theirs, what in zip(ours, reference, ("saturation", "luma"), strict=True):
        assert abs(mine - theirs) <= tolerance * theirs, (what, round(mine, 4), round(theirs, 4))


@pytest.fixture(scope="module")
def zscale() -> None:
    if shutil.which("ffmpeg") is None:
        pytest.skip("Debian's ffmpeg is not installed (.ci/run installs it)")
    filters = subprocess.run(["ffmpeg", "-hide_banner", "-filters"], capture_output=True, text=True).stdout
    if " zscale " not in filters:
        pytest.skip("this ffmpeg has no zscale")


# --- fast: the colour maths, the probe and the rule ---------------------------------------------------------

def test_sdr_bt709_passes_through_the_table_unchanged() -> None:
    spec = colour.spec_for("bt709", "srgb", "srgb")
    assert not spec.needs_lut
    for pixel in ((0.0, 0.0, 0.0), (1.0, 1.0, 1.0), (0.2, 0.5, 0.8)):
        assert all(abs(a - b) < 1e-6 for a, b in zip(colour.to_sdr(pixel, spec), pixel, strict=True))


def test_hdr_peak_becomes_white_and_reference_white_stays_below_it() -> None:
    hlg = colour.spec_for("bt2020", "hlg", "bt709")
    assert colour.to_sdr((1.0, 1.0, 1.0), hlg) == pytest.approx((1.0, 1.0, 1.0), abs=1e-3)
    pq = colour.spec_for("p3", "pq", "srgb")
    white = colour.to_sdr((0.508, 0.508, 0.508), pq)  # PQ 0.508 ≈ 100 cd/m²
    assert 0.3 < white[0] < 0.9 and white[0] == pytest.approx(white[2], abs=1e-3)


def test_a_wide_gamut_red_is_clipped_into_bt709_not_wrapped() -> None:
    red = colour.to_sdr((1.0, 0.0, 0.0), colour.spec_for("bt2020", "sdr", "bt709"))
    assert red[0] == pytest.approx(1.0) and red[1] == 0.0 and red[2] == 0.0


def _plane_means(frame: av.VideoFrame) -> list[float]:
    return [ImageStat.Stat(Image.frombytes("L", (plane.line_size, plane.height), bytes(plane))
                           .crop((0, 0, plane.width, plane.height))).mean[0] for plane in frame.planes]


def test_the_fix_graph_declares_the_frames_matrix_so_scaling_keeps_the_colours() -> None:
    """A BT.709 frame scaled by a graph fed through ``frame_source`` keeps its YUV values; through PyAV's bare
    ``add_buffer`` (matrix and range "unspecified") swscale converted it to BT.601 on the way."""
    from takeover_planner.media.fix_video import frame_source

    frame = av.VideoFrame(640, 360, "yuv420p")
    for plane, value in zip(frame.planes, (120, 90, 170), strict=True):
        plane.update(bytes([value]) * (plane.line_size * plane.height))
    frame.colorspace, frame.color_range = 1, 1  # BT.709, limited range
    graph = av.filter.Graph()
    source = frame_source(graph, frame, Fraction(1, 30))
    scale, sink = graph.add("scale", "320:180"), graph.add("buffersink")
    source.link_to(scale)
    scale.link_to(sink)
    graph.configure()
    graph.push(frame)
    out = graph.pull()
    assert isinstance(out, av.VideoFrame)
    assert _plane_means(out) == pytest.approx([120, 90, 170], abs=0.5)


def test_probe_reads_video_colour_and_dolby_vision(corpus: Path) -> None:
    hlg = probe_file(corpus / "video/ax_android14_hevc_hlg.mp4")
    assert (hlg.colour_primaries, hlg.colour_transfer, hlg.colour_matrix, hlg.colour_range) == (
        "bt2020", "hlg", "bt2020", "tv")
    assert hlg.hdr and not hlg.dolby_vision
    dolby = probe_file(corpus / "video/ax_iphone14pro_dolbyvision.MOV")
    assert dolby.dolby_vision and dolby.colour_transfer == "hlg"
    full = probe_file(corpus / "video/ax_android_slow_motion.mp4")
    assert (full.colour_matrix, full.colour_range, full.hdr) == ("bt601", "pc", False)


def test_probe_reads_nclx_and_notes_gain_maps(corpus: Path) -> None:
    avif = probe_file(corpus / PQ_PICTURE)
    assert (avif.colour_primaries, avif.colour_transfer, avif.hdr) == ("p3", "pq", True)
    iphone = probe_file(corpus / "heic/es_iphone13promax.HEIC")
    assert iphone.gain_map == "heif_aux" and not iphone.hdr  # its base image is SDR Display P3 (an ICC profile)


def test_an_ultra_hdr_jpeg_is_noted_and_its_base_image_is_sdr(tmp_path: Path) -> None:
    path = tmp_path / "ultrahdr.jpg"
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description xmlns:hdrgm="http://ns.adobe.com/hdr-gain-map/"' \
          b' hdrgm:Version="1.0"/></x:xmpmeta>'
    Image.new("RGB", (64, 64), (120, 90, 60)).save(path, "JPEG", xmp=xmp)
    info = probe_file(path)
    assert info.gain_map == "ultrahdr" and not info.hdr
    assert "image.hdr" not in {f.rule for f in load_rules().judge(info).findings}


def test_the_colour_rule_names_what_will_be_converted(corpus: Path) -> None:
    rules = load_rules()
    video = {f.rule: f for f in rules.judge(probe_file(corpus / "video/ax_iphone14pro_dolbyvision.MOV")).findings}
    assert video["video.hdr"].severity == "advice" and video["video.hdr"].fixable
    assert "Dolby Vision (HLG base layer), BT.2020" in video["video.hdr"].message_en  # the one rendered-text check
    picture = {f.rule for f in rules.judge(probe_file(corpus / PQ_PICTURE)).findings}
    assert "image.hdr" in picture
    sdr = {f.rule for f in rules.judge(probe_file(corpus / "video/ax_h264_aac_baseline.mp4")).findings}
    assert "video.hdr" not in sdr


def test_fixed_videos_and_pictures_get_the_same_file_mode(corpus: Path, tmp_path: Path) -> None:
    rules = load_rules()
    modes = set()
    for name in ("video/ax_bt601_odd_height.mov", "images/irs_lossless.webp"):
        source = corpus / name
        for fixed in fix_file(source, tmp_path, rules.judge(probe_file(source)), FAST):
            modes.add(fixed.path.stat().st_mode & 0o777)
    assert len(modes) == 1 and modes != {0o600}, modes


# --- slow: real HDR files fixed and compared with FFmpeg's zscale -------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("name", HDR_VIDEOS)
def test_hdr_video_is_tone_mapped_like_zscale_and_tagged_bt709(corpus: Path, tmp_path: Path, zscale: None,
                                                              name: str) -> None:
    source = corpus / name
    info = probe_file(source)
    fixed = fix_file(source, tmp_path, load_rules().judge(info), FAST)
    for item in fixed:
        with av.open(str(item.path)) as container:
            context = container.streams.video[0].codec_context
            assert (context.color_primaries, context.color_trc, context.colorspace, context.color_range) == (1, 1, 1, 1)
        assert b"colrnclx" in item.path.read_bytes()[:1 << 20]  # the container says it too
    ours = _picture_area(fixed[0].path, info)
    size = (48, max(1, round(ours.height * 48 / ours.width)))
    reference = _ffmpeg_reference(source, info, tmp_path / "reference.png", "bt709")
    _close(_stats(ours, size), _stats(reference, size), 0.15)


@pytest.mark.slow
def test_pq_picture_is_tone_mapped_like_zscale(corpus: Path, tmp_path: Path, zscale: None) -> None:
    source = corpus / PQ_PICTURE
    info = probe_file(source)
    fixed = fix_file(source, tmp_path, load_rules().judge(info), FAST)[0]
    after = load_rules().judge(probe_file(fixed.path))
    assert after.verdict == "ok"
    ours = _picture_area(fixed.path, info)
    size = (48, max(1, round(ours.height * 48 / ours.width)))
    assert info.hdr_peak_nits == 712  # its clli box's MaxCLL: the peak the tone mapping uses instead of 1000
    reference = _ffmpeg_reference(source, info, tmp_path / "reference.png", "iec61966-2-1", info.hdr_peak_nits)
    _close(_stats(ours, size), _stats(reference, size), 0.15)


@pytest.mark.slow
@pytest.mark.parametrize("name", SDR_VIDEOS)
def test_sdr_video_keeps_its_look(corpus: Path, tmp_path: Path, name: str) -> None:
    source = corpus / name
    info = probe_file(source)
    fixed = fix_file(source, tmp_path, load_rules().judge(info), NO_HOLD)
    ours = _picture_area(fixed[0].path, info)
    with av.open(str(source)) as container:
        frame = next(container.decode(video=0))
        matrix = "bt601" if info.colour_matrix == "bt601" or (not info.colour_matrix and (info.height or 0) < 720) \
            else "bt709"
        original = _rgb(frame, matrix, full_range=info.colour_range == "pc")
    if info.orientation in _TRANSPOSE:
        original = original.transpose(_TRANSPOSE[info.orientation])
    size = (48, max(1, round(ours.height * 48 / ours.width)))
    _close(_stats(ours, size), _stats(original, size), 0.03)
