"""Learn a video's facts: PyAV for streams and codecs, our box reader for what FFmpeg does not say.

FFmpeg is told how much it may read (``probesize``) and how long it may take (an interrupt timeout), so a
hostile file ends as a finding, not a hang.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, BinaryIO

import av

from takeover_planner.media import bmff, containers, h264_sps
from takeover_planner.media.colour import PRIMARIES_BY_CODE, TRANSFER_BY_CODE, content_peak
from takeover_planner.media.limits import Deadline, ProbeLimits, ProbeTimeout
from takeover_planner.media.model import (
    PROBLEM_BOMB,
    PROBLEM_TIMEOUT,
    PROBLEM_TRUNCATED,
    PROBLEM_UNREADABLE,
    MediaInfo,
)

_LOCATION_KEYS = ("location", "location-eng", "com.apple.quicktime.location.iso6709")
_FIELD_INTERLACED = {2, 3, 4, 5}  # AVFieldOrder: TT, BB, TB, BT
_FIELD_PROGRESSIVE = 1
# Codecs whose facts were checked to be the same with and without FFmpeg decoding a first picture
# (pixel format, range, transfer, field order, rates; the real corpus and generated H.264 variants).
_SAME_WITHOUT_DECODING = frozenset({"h264", "hevc", "av1", "vp9"})
# AVColorSpace (H.273 matrix_coefficients) → the name FFmpeg's scale filter takes for it.
_MATRIX_BY_CODE = {1: "bt709", 5: "bt601", 6: "bt601", 9: "bt2020", 10: "bt2020"}
_RANGE_BY_CODE = {1: "tv", 2: "pc"}


def probe_video(f: BinaryIO, info: MediaInfo, container: str, limits: ProbeLimits, deadline: Deadline) -> None:
    info.kind = "video"
    info.container = container
    layout: bmff.MovieLayout | None = None
    if container == "bmff":
        try:
            layout = bmff.read_movie_layout(f, info.size_bytes, limits.max_header_bytes, deadline)
        except bmff.BoxError as exc:
            info.problem, info.problem_detail = PROBLEM_UNREADABLE, str(exc)
            return
        except ProbeTimeout as exc:
            info.problem, info.problem_detail = PROBLEM_TIMEOUT, str(exc)
            return
        info.container = "mov" if layout.is_quicktime else "mp4"
        if layout.truncated:
            info.problem, info.problem_detail = PROBLEM_TRUNCATED, "a box reaches past the end of the file"
            return
        if layout.moov_offset is None:
            info.problem, info.problem_detail = PROBLEM_TRUNCATED, "no moov box (the recording was not finished)"
            return
        info.moov_at_front = layout.moov_at_front
        info.edit_list = any(track.edit_cuts for track in layout.tracks)
    elif container == "matroska" and not containers.matroska_complete(f, info.size_bytes):
        info.problem, info.problem_detail = PROBLEM_TRUNCATED, "shorter than its Matroska segment says"
        return
    info.format = info.container
    _probe_streams(info, limits, deadline, layout)


def _probe_streams(info: MediaInfo, limits: ProbeLimits, deadline: Deadline, layout: bmff.MovieLayout | None) -> None:
    # First without decoding a picture (skip_frame): FFmpeg's stream analysis would otherwise decode the
    # first frame, allocating and freeing a full-size picture per file, most of a probe's cost. What that
    # decode would tell (H.264's pixel format, range and VUI transfer) comes from the SPS instead; when it
    # cannot, or the codec is not one checked to report the same facts either way, FFmpeg reads again fully.
    quick = {"probesize": str(limits.probe_bytes), "analyzeduration": "0", "skip_frame": "all"}
    for options in (quick, None):
        try:
            container = av.open(info.path, options=options, timeout=max(0.1, deadline.remaining))
        except (av.FFmpegError, OSError, ValueError, UnicodeDecodeError) as exc:
            info.problem, info.problem_detail = _failure(exc, deadline)
            return
        try:
            picture: _Picture | None = None
            if options is not None:
                picture = _picture_without_decoding(container)
                if picture is None:
                    continue
            _fill(container, info, limits, layout, picture)
            return
        except (av.FFmpegError, ValueError, ZeroDivisionError, OverflowError) as exc:
            info.problem, info.problem_detail = _failure(exc, deadline)
            return
        finally:
            container.close()


@dataclass(frozen=True)
class _Picture:
    """What a decoded picture would say about the stream: its pixel format and colour (H.273 code points)."""

    pixel_format: str
    transfer: int
    primaries: int = 2
    matrix: int = 2
    colour_range: int = 0  # AVColorRange: 1 limited, 2 full, 0 not said


def _picture_without_decoding(container: Any) -> _Picture | None:
    """The picture facts from a container opened with ``skip_frame``, or None to read again fully."""
    video = next(iter(container.streams.video), None)
    if video is None:
        return _Picture("", 0)  # nothing more to learn by reading further
    context = video.codec_context
    codec = str(context.codec.canonical_name or "")
    if codec not in _SAME_WITHOUT_DECODING or not (video.average_rate or video.guessed_rate):
        return None
    transfer = int(context.color_trc or 0)
    primaries, matrix = int(context.color_primaries or 0), int(context.colorspace or 0)
    colour_range = int(context.color_range or 0)
    if codec != "h264":
        return _Picture(str(context.pix_fmt), transfer, primaries, matrix, colour_range) if context.pix_fmt else None
    found = h264_sps.pixel_format_of(bytes(context.extradata or b""), int(context.color_range or 0))
    if found is None:
        return None
    name, sps = found
    if sps.video_signal_type:  # the VUI's range wins over the container's, as when FFmpeg decodes
        colour_range = 2 if sps.full_range else 1
    if sps.colour_description:
        return _Picture(name, sps.transfer, sps.primaries, sps.matrix, colour_range)
    return _Picture(name, transfer, primaries, matrix, colour_range)


def _failure(exc: BaseException, deadline: Deadline) -> tuple[str, str]:
    if deadline.remaining <= 0:
        return PROBLEM_TIMEOUT, f"gave up after {deadline.seconds:g} s"
    text = str(exc) or type(exc).__name__
    return PROBLEM_UNREADABLE, text[:200]


def _fill(container: Any, info: MediaInfo, limits: ProbeLimits, layout: bmff.MovieLayout | None,
          picture: _Picture | None) -> None:
    if info.container in ("", "matroska", "avi", "mpegts", "mpegps"):
        name = str(container.format.name)
        info.container = "webm" if "webm" in name and _is_webm(container) else name.split(",")[0]
        info.format = info.container
    video = next((s for s in container.streams.video if not (s.disposition & av.stream.Disposition.attached_pic)), None)
    if video is None:
        info.problem, info.problem_detail = PROBLEM_UNREADABLE, "no video stream"
        return
    context = video.codec_context
    info.video_codec = str(context.codec.canonical_name or context.name or "")
    info.video_profile = str(context.profile or "")
    info.pixel_format = picture.pixel_format if picture is not None else str(context.pix_fmt or "")
    info.chroma = _chroma(info.pixel_format)
    info.bit_depth = 10 if any(tag in info.pixel_format for tag in ("10", "p010")) else (
        12 if "12" in info.pixel_format else 8)
    info.width, info.height = int(context.width or 0) or None, int(context.height or 0) or None
    if info.width and info.height and info.width * info.height > limits.max_video_pixels:
        info.problem, info.problem_detail = PROBLEM_BOMB, f"declares {info.width}×{info.height} pixels"
        return
    field_order = int(getattr(context, "field_order", 0) or 0)
    info.interlaced = True if field_order in _FIELD_INTERLACED else (False if field_order == _FIELD_PROGRESSIVE else None)
    _colour(info, context, picture, layout)
    info.fps = _frame_rate(video)
    info.duration_s = _duration(container, video)
    info.bit_rate = int(container.bit_rate) if container.bit_rate else (
        int(info.size_bytes * 8 / info.duration_s) if info.duration_s else None)
    orientation = 1
    if layout is not None:
        track = layout.video_track()
        orientation = track.orientation if track is not None else 1
    info.orientation = orientation
    info.rotation, info.mirrored = bmff.ORIENTATION_TURN[orientation]
    if info.width and info.height:
        info.display_width, info.display_height = bmff.display_size(info.width, info.height, orientation)
    audio = next(iter(container.streams.audio), None)
    if audio is not None:
        info.audio_codec = str(audio.codec_context.codec.canonical_name or audio.codec_context.name or "")
        info.audio_sample_rate = int(audio.codec_context.sample_rate or 0) or None
        info.audio_channels = int(audio.codec_context.channels or 0) or None
    metadata = {str(k).lower(): v for k, v in container.metadata.items()}
    info.has_gps = any(metadata.get(key) for key in _LOCATION_KEYS)


def _colour(info: MediaInfo, context: Any, picture: _Picture | None, layout: bmff.MovieLayout | None) -> None:
    """Primaries, transfer, matrix and range as the stream says them (Dolby Vision: its base layer's)."""
    if picture is not None:
        transfer, primaries, matrix = picture.transfer, picture.primaries, picture.matrix
        colour_range = picture.colour_range
    else:
        transfer = int(context.color_trc or 0)
        primaries, matrix = int(context.color_primaries or 0), int(context.colorspace or 0)
        colour_range = int(context.color_range or 0)
    info.colour_transfer = TRANSFER_BY_CODE.get(transfer, "")
    info.colour_primaries = PRIMARIES_BY_CODE.get(primaries, "")
    info.colour_matrix = _MATRIX_BY_CODE.get(matrix, "")
    # A "yuvj" pixel format is FFmpeg's way of saying full range; otherwise the stream's own flag.
    full = info.pixel_format.startswith("yuvj")
    info.colour_range = "pc" if full else _RANGE_BY_CODE.get(colour_range, "")
    if layout is not None:
        track = layout.video_track()
        info.dolby_vision = track is not None and track.dolby_vision
        if track is not None:
            info.dolby_vision_profile = track.dolby_vision_profile
            info.hdr_peak_nits = content_peak(track.max_cll, track.mastering_peak)
    info.hdr = info.colour_transfer in ("hlg", "pq")


def _frame_rate(video: Any) -> float | None:
    """The average rate; but when the nominal rate is within 5 % of it, the nominal one (a short clip's
    average is pulled down by its last frame's duration: 23 fps measures 22.85)."""
    average = float(video.average_rate) if video.average_rate else None
    nominal = float(video.guessed_rate) if video.guessed_rate else None
    if average and nominal and abs(nominal - average) / average <= 0.05:
        return round(nominal, 3)
    chosen = average or nominal
    return round(chosen, 3) if chosen else None


def _duration(container: Any, video: Any) -> float | None:
    if video.duration is not None and video.time_base is not None:
        seconds = float(video.duration * video.time_base)
        if seconds > 0:
            return round(seconds, 3)
    if container.duration:
        return round(container.duration / 1_000_000, 3)
    return None


def _is_webm(container: Any) -> bool:
    doctype = str(container.metadata.get("DOCTYPE", container.metadata.get("doctype", ""))).lower()
    if doctype:
        return doctype == "webm"
    return all(s.codec_context.name in ("vp8", "vp9", "av1", "opus", "vorbis") for s in container.streams)


def _chroma(pix_fmt: str) -> str:
    if pix_fmt.startswith(("yuv420", "yuvj420", "nv12", "nv21", "p010", "p016")):
        return "4:2:0"
    if pix_fmt.startswith(("yuv422", "yuvj422", "nv16", "p210")):
        return "4:2:2"
    if pix_fmt.startswith(("yuv444", "yuvj444", "gbr", "rgb", "bgr", "nv24")):
        return "4:4:4"
    if pix_fmt.startswith(("gray", "yuv400")):
        return "4:0:0"
    return ""
