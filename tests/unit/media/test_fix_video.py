"""The video fix: remux when only the container is wrong, else H.264/AAC re-encode with hold, split, fps clamp,
rotation applied; progress and cancellation. Small generated clips keep it fast."""

from __future__ import annotations

from pathlib import Path

import av
import pytest
from PIL import Image

from takeover_planner.media.fix import fix_file
from takeover_planner.media.fix_types import FixedFile, FixOptions
from takeover_planner.media.probe import probe_file
from takeover_planner.media.progress import Cancelled, CancelToken
from takeover_planner.media.rules import load_rules
from tests.unit.media.media_factory import write_clip

SMALL = FixOptions(video_preset="ultrafast", target=(216, 384))


def _fix(path: Path, out: Path, options: FixOptions = SMALL, **kwargs: object) -> list[FixedFile]:
    return fix_file(path, out, load_rules().judge(probe_file(path)), options, **kwargs)  # type: ignore[arg-type]


def _errors(path: Path) -> list[str]:
    return [f.rule for f in load_rules().evaluate(probe_file(path)) if f.severity == "error"]


def _packets(path: Path) -> int:
    with av.open(str(path)) as container:
        return sum(1 for packet in container.demux(container.streams.video[0]) if packet.dts is not None)


def test_a_clip_wrong_only_in_its_container_is_remuxed(tmp_path: Path) -> None:
    source = write_clip(tmp_path / "late.mov", width=320, height=568, seconds=3.4, faststart=False, container="mov")
    assert _errors(source) == ["video.moov"]
    fixed = _fix(source, tmp_path / "out")
    assert [item.recipe["method"] for item in fixed] == ["remux"]
    out = fixed[0].path
    info = probe_file(out)
    assert (info.container, info.moov_at_front, info.edit_list) == ("mp4", True, False)
    assert (info.width, info.height, info.video_codec) == (320, 568, "h264")
    assert _packets(out) == _packets(source)  # the same coded pictures: nothing re-encoded
    assert _errors(out) == []


def test_remux_keeps_the_display_rotation(tmp_path: Path) -> None:
    source = write_clip(tmp_path / "turned.mp4", width=568, height=320, seconds=3.4, faststart=False, rotation=-90)
    before = probe_file(source)
    assert (before.display_width, before.display_height) == (320, 568)
    fixed = _fix(source, tmp_path / "out")
    assert fixed[0].recipe["method"] == "remux"
    after = probe_file(fixed[0].path)
    assert (after.orientation, after.display_width, after.display_height) == (before.orientation, 320, 568)


def test_a_short_slow_clip_is_held_and_sped_up_to_the_limits(tmp_path: Path) -> None:
    source = write_clip(tmp_path / "short.mp4", width=320, height=180, seconds=1.0, fps=12, audio_rate=44100)
    assert {"video.too_short", "video.fps"} <= set(_errors(source))
    fixed = _fix(source, tmp_path / "out")
    assert len(fixed) == 1 and fixed[0].recipe["method"] == "transcode"
    info = probe_file(fixed[0].path)
    assert info.duration_s is not None and info.duration_s >= 3.0
    assert info.fps is not None and 23 <= info.fps <= 60
    assert (info.video_codec, info.pixel_format, info.audio_codec, info.audio_sample_rate, info.audio_channels) == (
        "h264", "yuv420p", "aac", 48000, 2)
    assert (info.width, info.height, info.moov_at_front, info.edit_list) == (216, 384, True, False)
    assert _errors(fixed[0].path) == []


def test_a_fast_clip_is_clamped_to_60_fps(tmp_path: Path) -> None:
    source = write_clip(tmp_path / "fast.mp4", width=160, height=284, seconds=3.2, fps=90, audio=False)
    assert "video.fps" in _errors(source)
    info = probe_file(_fix(source, tmp_path / "out")[0].path)
    assert info.fps is not None and 59 <= info.fps <= 60.1


def test_a_long_clip_is_split_into_parts(tmp_path: Path) -> None:
    source = write_clip(tmp_path / "long.mp4", width=160, height=284, seconds=10.0, fps=24)
    options = FixOptions(video_preset="ultrafast", target=(216, 384), duration_range=(3.0, 4.0), reencode=True)
    fixed = _fix(source, tmp_path / "out", options)
    assert [item.recipe["part"] for item in fixed] == [1, 2, 3]
    durations = []
    for item in fixed:
        info = probe_file(item.path)
        assert info.duration_s is not None and 3.0 <= info.duration_s <= 4.0
        assert info.audio_codec == "aac"
        assert _errors(item.path) == []
        durations.append(info.duration_s)
    assert sum(durations) == pytest.approx(10.0, abs=0.3)
    assert {item.path.name for item in fixed} == {"long.story.part1.mp4", "long.story.part2.mp4", "long.story.part3.mp4"}


@pytest.mark.parametrize("rotation", [90, -90, 180])
def test_rotation_is_applied_to_the_pixels(tmp_path: Path, rotation: int) -> None:
    stored_w, stored_h = (384, 216) if rotation in (90, -90) else (216, 384)
    source = write_clip(tmp_path / "turned.mp4", width=stored_w, height=stored_h, seconds=0.5, audio=False,
                        rotation=rotation)
    info = probe_file(source)
    with av.open(str(source)) as container:
        first = next(container.decode(video=0)).to_image()
    turns = {6: Image.Transpose.ROTATE_270, 8: Image.Transpose.ROTATE_90, 3: Image.Transpose.ROTATE_180}
    expected = first.transpose(turns[info.orientation]).resize((216, 384))
    fixed = _fix(source, tmp_path / "out", FixOptions(video_preset="ultrafast", target=(216, 384), mode="crop"))
    with av.open(str(fixed[0].path)) as container:
        got = next(container.decode(video=0)).to_image()
    assert got.size == (216, 384)
    for x, y in ((20, 20), (196, 20), (20, 364)):
        want, have = expected.getpixel((x, y)), got.getpixel((x, y))
        assert isinstance(want, tuple) and isinstance(have, tuple)
        assert max(abs(a - b) for a, b in zip(want, have, strict=False)) < 60, (x, y, want, have)


def test_cancelling_leaves_no_file(tmp_path: Path) -> None:
    source = write_clip(tmp_path / "a.mp4", width=160, height=284, seconds=2.0, fps=30)
    token = CancelToken()

    def progress(fraction: float, _message: str) -> None:
        if fraction > 0.1:
            token.cancel()

    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        _fix(source, out, progress=progress, cancel=token)
    assert not out.exists() or list(out.iterdir()) == []


def test_progress_runs_from_zero_to_one(tmp_path: Path) -> None:
    source = write_clip(tmp_path / "a.mp4", width=160, height=284, seconds=1.0)
    seen: list[float] = []
    _fix(source, tmp_path / "out", progress=lambda fraction, _m: seen.append(fraction))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


def test_pad_mode_output_validates(tmp_path: Path) -> None:
    source = write_clip(tmp_path / "wide.webm", width=320, height=180, seconds=0.5, codec="libvpx-vp9",
                        audio=False, container="webm")
    assert {"video.container", "video.codec"} <= set(_errors(source))
    fixed = _fix(source, tmp_path / "out", FixOptions(video_preset="ultrafast", mode="pad"))
    info = probe_file(fixed[0].path)
    assert (info.display_width, info.display_height, info.container) == (1080, 1920, "mp4")
    assert _errors(fixed[0].path) == []
