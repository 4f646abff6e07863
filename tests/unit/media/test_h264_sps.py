"""The H.264 SPS reader stands in for FFmpeg's first-picture decode while probing: it must give the same
facts FFmpeg's decoder gives (pixel format, range, transfer), fall back when unsure, and never crash."""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from takeover_planner.media import h264_sps, probe_video
from takeover_planner.media.probe import probe_file
from tests.unit.media.media_factory import gradient_image

VARIANTS = [
    ("mp4", "yuv420p", ""),
    ("mp4", "yuvj420p", ""),
    ("mov", "yuv422p", ""),
    ("mkv", "yuv420p10le", ""),
    ("mp4", "yuv422p10le", ""),
    ("mp4", "yuv444p", ""),  # FFmpeg decodes (the reader does not name 4:4:4)
    ("mp4", "yuv420p", "fullrange=on:colorprim=bt2020:transfer=arib-std-b67:colormatrix=bt2020nc"),
    ("mp4", "yuv420p", "transfer=smpte2084:cqm=jvt"),
    ("mp4", "yuv420p", "interlaced=1:bframes=2"),
    ("ts", "yuv420p", "videoformat=pal:overscan=show:sar=4/3"),
]


def _write(path: Path, pix_fmt: str, x264_params: str) -> Path:
    with av.open(str(path), "w") as out:
        video: Any = out.add_stream("libx264", rate=25)
        video.width, video.height, video.pix_fmt = 64, 96, pix_fmt
        video.options = {"preset": "ultrafast", **({"x264-params": x264_params} if x264_params else {})}
        picture = av.VideoFrame.from_image(gradient_image(64, 96)).reformat(format=pix_fmt)
        for index in range(5):
            picture.pts, picture.time_base = index, Fraction(1, 25)
            for packet in video.encode(picture):
                out.mux(packet)
        for packet in video.encode(None):
            out.mux(packet)
    return path


@pytest.mark.parametrize(("suffix", "pix_fmt", "params"), VARIANTS)
def test_probe_without_decoding_learns_what_decoding_learns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          suffix: str, pix_fmt: str, params: str) -> None:
    clip = _write(tmp_path / f"clip.{suffix}", pix_fmt, params)
    quick = dataclasses.asdict(probe_file(clip))
    monkeypatch.setattr(probe_video, "_SAME_WITHOUT_DECODING", frozenset())  # always let FFmpeg decode
    decoded = dataclasses.asdict(probe_file(clip))
    assert quick == decoded
    assert decoded["pixel_format"] and not decoded["problem"]


def test_the_reader_names_what_ffmpeg_names(tmp_path: Path) -> None:
    clip = _write(tmp_path / "hlg.mp4", "yuv420p", "fullrange=on:transfer=arib-std-b67")
    with av.open(str(clip), options={"skip_frame": "all"}) as container:
        context = container.streams.video[0].codec_context
        found = h264_sps.pixel_format_of(bytes(context.extradata), int(context.color_range))
    assert found is not None
    name, sps = found
    assert name == "yuvj420p"
    assert (sps.chroma_format_idc, sps.bit_depth, sps.full_range, sps.transfer) == (1, 8, True, 18)


def test_no_sps_or_an_unnamed_format_falls_back() -> None:
    assert h264_sps.pixel_format_of(b"", 0) is None
    assert h264_sps.pixel_format_of(b"\x01\x64\x00\x1f\xff\xe0", 0) is None  # avcC without an SPS
    four_four_four = h264_sps.SpsFacts(3, 8, False, False, False, 2, 2)
    assert h264_sps.pixel_format(four_four_four, 0) is None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64), st.sampled_from([b"\x01\x64\x00\x1f\xff\xe1", b"\x00\x00\x01", b""]))
def test_hostile_extradata_never_raises(body: bytes, prefix: bytes) -> None:
    data = prefix + (len(body).to_bytes(2, "big") if prefix.startswith(b"\x01") else b"") + b"\x67" + body
    found = h264_sps.pixel_format_of(data, 0)
    assert found is None or found[0] in ("yuv420p", "yuvj420p", "yuv422p", "yuvj422p", "yuv420p10le", "yuv422p10le")
