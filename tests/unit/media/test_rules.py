"""The rule engine: loading (and refusing) rule sets, findings, messages in both languages, verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from takeover_planner.media.model import Finding, Judgement, MediaInfo, verdict_of
from takeover_planner.media.rule_limits import LIMITS
from takeover_planner.media.rules import CHECKS, RuleSetError, load_rules
from takeover_planner.paths import resource
from takeover_planner.texts.media import RuleSetText

STORY = resource("rules", "instagram_story.toml")


def _video(**facts: object) -> MediaInfo:
    base = dict(path="clip.mp4", kind="video", format="mp4", container="mp4", size_bytes=5_000_000,
                width=1080, height=1920, display_width=1080, display_height=1920, video_codec="h264",
                chroma="4:2:0", interlaced=False, fps=30.0, duration_s=10.0, bit_rate=8_000_000,
                audio_codec="aac", audio_sample_rate=48000, audio_channels=2, moov_at_front=True, edit_list=False)
    base.update(facts)
    return MediaInfo(**base)  # type: ignore[arg-type]


def _image(**facts: object) -> MediaInfo:
    base = dict(path="p.jpg", kind="image", format="JPEG", size_bytes=1_000_000, width=1080, height=1920,
                display_width=1080, display_height=1920, mode="RGB")
    base.update(facts)
    return MediaInfo(**base)  # type: ignore[arg-type]


def rule_ids(info: MediaInfo) -> list[str]:
    return [finding.rule for finding in load_rules().evaluate(info)]


def test_the_story_rule_set_loads_with_sources_and_both_languages() -> None:
    rules = load_rules()
    assert rules.name == "Instagram story" and rules.checked
    for rule in rules.rules:
        assert rule.check in CHECKS
        assert rule.source and rule.checked and rule.message_en and rule.message_nb


def test_a_compliant_story_video_and_picture_pass() -> None:
    assert rule_ids(_video()) == []
    assert rule_ids(_image()) == []


@pytest.mark.parametrize(("facts", "rule"), [
    ({"container": "webm"}, "video.container"),
    ({"video_codec": "vp9"}, "video.codec"),
    ({"chroma": "4:2:2"}, "video.chroma"),
    ({"interlaced": True}, "video.progressive"),
    ({"audio_sample_rate": 96000}, "video.audio"),
    ({"audio_channels": 6}, "video.audio"),
    ({"audio_codec": "opus"}, "video.audio"),
    ({"fps": 15.0}, "video.fps"),
    ({"fps": 90.0}, "video.fps"),
    ({"display_width": 2160, "display_height": 3840}, "video.width"),
    ({"display_width": 1080, "display_height": 11000}, "video.aspect"),
    ({"bit_rate": 30_000_000}, "video.bitrate"),
    ({"duration_s": 2.0}, "video.too_short"),
    ({"duration_s": 61.0}, "video.too_long"),
    ({"size_bytes": 150_000_000}, "video.file_size"),
    ({"moov_at_front": False}, "video.moov"),
    ({"edit_list": True}, "video.edit_list"),
])
def test_each_hard_video_rule_is_an_error(facts: dict[str, object], rule: str) -> None:
    findings = load_rules().evaluate(_video(**facts))
    matching = [f for f in findings if f.rule == rule]
    assert matching and matching[0].severity == "error" and matching[0].fixable


def test_fps_tolerance_keeps_a_60_fps_phone_clip() -> None:
    assert "video.fps" not in rule_ids(_video(fps=60.058))
    assert "video.fps" in rule_ids(_video(fps=60.5))


@pytest.mark.parametrize(("facts", "rule", "severity"), [
    ({"format": "PNG"}, "image.format", "error"),
    ({"format": "MPO"}, "image.format", "error"),
    ({"size_bytes": 9 * 1024**2}, "image.file_size", "error"),
    ({"orientation": 6}, "image.orientation", "advice"),
    ({"display_width": 1920, "display_height": 1080}, "image.aspect", "advice"),
    ({"display_width": 720, "display_height": 1280}, "image.resolution", "advice"),
    ({"colour_space": "other", "icc_description": "Display P3"}, "image.colour", "advice"),
    ({"colour_space": "cmyk"}, "image.colour", "advice"),
    ({"has_alpha": True}, "image.transparency", "advice"),
    ({"frame_count": 5}, "image.animation", "advice"),
    ({"hdr": True, "bit_depth": 10}, "image.hdr", "advice"),
    ({"has_gps": True}, "privacy.gps", "advice"),
    ({"extension_format": "PNG"}, "file.extension", "advice"),
])
def test_image_rules(facts: dict[str, object], rule: str, severity: str) -> None:
    findings = [f for f in load_rules().evaluate(_image(**facts)) if f.rule == rule]
    assert findings and findings[0].severity == severity


def test_a_probe_problem_hides_every_other_rule() -> None:
    findings = load_rules().evaluate(_image(problem="truncated", problem_detail="no EOI", format="PNG"))
    assert [f.rule for f in findings] == ["file.truncated"]
    assert not findings[0].fixable
    assert "no EOI" in findings[0].message_en


def test_messages_in_norwegian_use_decimal_commas() -> None:
    finding = next(f for f in load_rules().evaluate(_video(duration_s=2.5)) if f.rule == "video.too_short")
    assert "2.5 s" in finding.message_en
    assert "2,5 s" in finding.message_nb
    assert finding.message("nb") == finding.message_nb
    assert finding.to_json("nb")["message"] == finding.message_nb
    assert finding.to_json()["message"] == finding.message_en


def test_verdict_and_fixable() -> None:
    error = Finding("a", "error", True, "e", "e")
    advice = Finding("b", "advice", True, "a", "a")
    stuck = Finding("c", "error", False, "x", "x")
    assert verdict_of([]) == "ok" and verdict_of([advice]) == "advice" and verdict_of([advice, error]) == "error"
    assert Judgement(MediaInfo("p"), [error, advice]).fixable
    assert not Judgement(MediaInfo("p"), [error, stuck]).fixable
    assert not Judgement(MediaInfo("p"), []).fixable


def test_a_second_rule_set_from_a_file_changes_a_limit(tmp_path: Path) -> None:
    custom = tmp_path / "strict.toml"
    custom.write_text(STORY.read_text(encoding="utf-8").replace("max_bytes = 8388608", "max_bytes = 1000"),
                      encoding="utf-8")
    assert "image.file_size" in [f.rule for f in load_rules(custom).evaluate(_image(size_bytes=2000))]
    assert "image.file_size" not in rule_ids(_image(size_bytes=2000))


@pytest.mark.parametrize(("text", "code"), [
    ("this is = not [toml", RuleSetText.NOT_TOML),
    ("[ruleset]\nname='x'\n", RuleSetText.NO_RULES),
    ("[ruleset]\n[[rule]]\nid='a'\ncheck='nope'\n", RuleSetText.UNKNOWN_CHECK),
    ("[ruleset]\n[[rule]]\nid='a'\ncheck='gps'\nseverity='fatal'\n", RuleSetText.BAD_SEVERITY),
    ("[ruleset]\n[[rule]]\nid='a'\ncheck='gps'\nseverity='advice'\nkinds=['sound']\n", RuleSetText.BAD_KINDS),
    ("[ruleset]\n[[rule]]\nid='a'\ncheck='gps'\nseverity='advice'\nmessage_en='x'\n", RuleSetText.NO_MESSAGES),
])
def test_a_broken_rule_set_is_refused_with_a_clear_message(tmp_path: Path, text: str, code: RuleSetText) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(RuleSetError) as refused:
        load_rules(bad)
    assert refused.value.code == code and refused.value.params["file"] == str(bad)


def test_a_missing_rule_set_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleSetError) as refused:
        load_rules(tmp_path / "none.toml")
    assert refused.value.code == RuleSetText.CANNOT_READ


def test_every_check_declares_its_limits() -> None:
    assert set(LIMITS) == set(CHECKS)


def _with_limits(tmp_path: Path, rule_id: str, old: str, new: str) -> Path:
    """The built-in rule set with one rule's limits line changed (as a comms officer would edit a copy)."""
    text = STORY.read_text(encoding="utf-8")
    start = text.index(f'id = "{rule_id}"')
    at = text.index(old, start)
    custom = tmp_path / "custom.toml"
    custom.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return custom


@pytest.mark.parametrize(("rule_id", "old", "new", "code", "key"), [
    # A misspelt key would otherwise leave the check on its default: the change would silently do nothing.
    ("video.too_long", "limits = { max = 60.0 }", "limits = { maxx = 30.0 }", RuleSetText.UNKNOWN_LIMIT, "maxx"),
    ("video.audio", "max_channels = 2", "max_chanels = 1", RuleSetText.UNKNOWN_LIMIT, "max_chanels"),
    ("image.format", "limits = { allowed = [\"JPEG\"] }", "limits = { alowed = [\"JPEG\"] }",
     RuleSetText.UNKNOWN_LIMIT, "alowed"),
    ("image.format", "limits = { allowed = [\"JPEG\"] }", "limits = { allowed = \"JPEG\" }",
     RuleSetText.LIMIT_TYPE, "allowed"),
    ("image.resolution", "width = 1080", "width = \"1080\"", RuleSetText.LIMIT_TYPE, "width"),
    ("image.resolution", "width = 1080", "width = 1080.5", RuleSetText.LIMIT_TYPE, "width"),
    ("video.fps", "min = 23", "min = true", RuleSetText.LIMIT_TYPE, "min"),
    ("image.file_size", "unit = \"MiB\"", "unit = \"KB\"", RuleSetText.LIMIT_TYPE, "unit"),
])
def test_a_wrong_limit_is_refused_naming_its_key(tmp_path: Path, rule_id: str, old: str, new: str,
                                                 code: RuleSetText, key: str) -> None:
    with pytest.raises(RuleSetError) as refused:
        load_rules(_with_limits(tmp_path, rule_id, old, new))
    assert refused.value.code == code
    assert refused.value.params["key"] == key and refused.value.params["rule"] == rule_id
    assert refused.value.details == {"rule": rule_id}


def test_a_limit_on_a_check_without_limits_is_refused(tmp_path: Path) -> None:
    text = STORY.read_text(encoding="utf-8").replace('check = "gps"\n', 'check = "gps"\nlimits = { max = 1 }\n')
    custom = tmp_path / "custom.toml"
    custom.write_text(text, encoding="utf-8")
    with pytest.raises(RuleSetError) as refused:
        load_rules(custom)
    assert refused.value.code == RuleSetText.NO_LIMITS and refused.value.params["key"] == "max"


def test_a_number_limit_takes_whole_numbers_too(tmp_path: Path) -> None:
    rules = load_rules(_with_limits(tmp_path, "video.too_long", "limits = { max = 60.0 }", "limits = { max = 30 }"))
    assert rules.rule("video.too_long").limits == {"max": 30}
