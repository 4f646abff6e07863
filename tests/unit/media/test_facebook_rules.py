"""The Facebook Page story profile: loads with Meta's source and the date it was read, judges what the Page
judges differently from Instagram, and a cross-posted file is checked against both (``--for both``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from takeover_planner.cli import main
from takeover_planner.media.model import MediaInfo
from takeover_planner.media.rule_profiles import combined, facebook_rules, for_channel
from takeover_planner.media.rules import CHECKS, load_rules
from tests.unit.media.media_factory import write_clip, write_png


def _video(**facts: object) -> MediaInfo:
    base = dict(path="clip.mp4", kind="video", format="mp4", container="mp4", size_bytes=5_000_000,
                width=1080, height=1920, display_width=1080, display_height=1920, video_codec="h264",
                chroma="4:2:0", interlaced=False, fps=30.0, duration_s=10.0, bit_rate=8_000_000,
                audio_codec="aac", audio_sample_rate=48000, audio_channels=2, moov_at_front=True, edit_list=False)
    base.update(facts)
    return MediaInfo(**base)  # type: ignore[arg-type]


def _image(**facts: object) -> MediaInfo:
    base = dict(path="p.png", kind="image", format="PNG", size_bytes=1_000_000, width=1080, height=1920,
                display_width=1080, display_height=1920, mode="RGB")
    base.update(facts)
    return MediaInfo(**base)  # type: ignore[arg-type]


def _errors(rules: object, info: MediaInfo) -> list[str]:
    return [f.rule for f in rules.evaluate(info) if f.severity == "error"]  # type: ignore[attr-defined]


def test_the_facebook_profile_loads_with_metas_source_and_the_date_checked() -> None:
    rules = facebook_rules()
    assert rules.name == "Facebook Page story" and rules.checked == "2026-12-06"
    assert "page-stories-api" in rules.source
    for rule in rules.rules:
        assert rule.check in CHECKS and rule.source and rule.checked and rule.message_en and rule.message_nb
    assert "page-stories-api" in rules.rule("video.min_resolution").source


def test_the_page_judges_differently_from_instagram() -> None:
    instagram, page = load_rules(), facebook_rules()
    png = _image()
    assert "image.format" in _errors(instagram, png) and "image.format" not in _errors(page, png)
    big = _image(format="JPEG", size_bytes=9_000_000)  # over Instagram's 8 MiB, under the Page's 10 MB
    assert "image.file_size" in _errors(instagram, big) and _errors(page, big) == []
    small = _video(display_width=480, display_height=854, width=480, height=854)
    assert "video.min_resolution" in _errors(page, small) and _errors(instagram, small) == []
    mov = _video(container="mov", format="mov")
    assert "video.container" in _errors(page, mov) and _errors(instagram, mov) == []


def test_a_cross_posted_file_is_checked_against_both() -> None:
    both = combined(load_rules(), facebook_rules())
    assert _errors(both, _video()) == []
    assert _errors(both, _video(container="mov", format="mov")) == ["facebook.video.container"]
    assert _errors(both, _image()) == ["image.format"]
    assert set(_errors(both, _video(fps=23.0))) == {"facebook.video.fps"}
    # The Page's rules that judge as Instagram's are not asked twice.
    assert not any(r.id == "facebook.video.moov" for r in both.rules)
    assert for_channel(load_rules(), "instagram") is load_rules()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_validate_for_facebook_and_for_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    png = write_png(tmp_path / "story.png", 1080, 1920)
    code, out = run(capsys, "validate", "--json", str(png))
    assert code == 1 and "image.format" in [f["rule"] for f in json.loads(out)["files"][0]["findings"]]
    code, out = run(capsys, "validate", "--json", "--for", "facebook", str(png))
    assert code == 0, out
    code, out = run(capsys, "validate", "--json", "--for", "both", str(png))
    assert code == 1
    clip = write_clip(tmp_path / "small.mp4", width=320, height=568)
    code, out = run(capsys, "validate", "--json", "--for", "both", str(clip))
    rules = [f["rule"] for f in json.loads(out)["files"][0]["findings"]]
    assert code == 1 and "facebook.video.min_resolution" in rules
