"""The rule engine: a TOML rule set (see takeover_planner/resources/rules/instagram_story.toml) judged against MediaInfo.

The rule *data* (limits, severity, messages, sources) lives in the TOML file so that it can change without
a code change; each rule names one of the small *checks* below. A check returns ``None`` when the file
passes, or the values its message needs when it does not.
"""

from __future__ import annotations

import math
import os
import string
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from takeover_planner.errors import ValidationError
from takeover_planner.media.colour import WIDE_GAMUTS
from takeover_planner.media.model import Finding, Judgement, MediaInfo
from takeover_planner.media.rule_limits import as_written, limit_problem
from takeover_planner.media.sniff import same_family
from takeover_planner.paths import resource
from takeover_planner.texts.media import RuleSetText

DEFAULT_RULES = ("rules", "instagram_story.toml")
_SEVERITIES = ("error", "advice")
_KINDS = ("image", "video", "unknown")
_FIXES = ("", "any", "image", "remux", "transcode")
STORY_ASPECT = 9 / 16

Values = dict[str, Any]
Check = Callable[[MediaInfo, dict[str, Any]], Values | None]


class RuleSetError(ValidationError):
    """A rule set file that cannot be used (the message names the file and the rule; ``details`` too)."""


@dataclass(frozen=True)
class Rule:
    id: str
    check: str
    kinds: tuple[str, ...]
    severity: str
    fixable: bool
    fix: str
    limits: dict[str, Any]
    source: str
    checked: str
    message_en: str
    message_nb: str


@dataclass(frozen=True)
class RuleSet:
    name: str
    version: str
    source: str
    checked: str
    rules: tuple[Rule, ...] = field(default_factory=tuple)
    path: str = ""

    def __post_init__(self) -> None:
        # Validating thousands of files: look up each kind's rules once, not per file.
        by_kind = {kind: tuple(rule for rule in self.rules if kind in rule.kinds) for kind in _KINDS}
        object.__setattr__(self, "_by_kind", by_kind)

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def evaluate(self, info: MediaInfo) -> list[Finding]:
        findings = []
        rules: tuple[Rule, ...] = getattr(self, "_by_kind", {}).get(info.kind, ())
        for rule in rules:
            # A file we could not read has only its problem to report; its other facts are unknown.
            if info.problem and rule.check != "problem":
                continue
            values = CHECKS[rule.check](info, rule.limits)
            if values is None:
                continue
            findings.append(Finding(
                rule=rule.id, severity=rule.severity, fixable=rule.fixable,  # type: ignore[arg-type]
                message_en=_render(rule.message_en, values, rule.limits, "en"),
                message_nb=_render(rule.message_nb, values, rule.limits, "nb"),
                fix=rule.fix,
            ))
        if info.problem and not findings:
            # A rule set without a rule for this problem must still not call a broken file fine.
            findings.append(Finding("file.unreadable", "error", False, f"The file cannot be used ({info.problem}).",
                                    f"Filen kan ikke brukes ({info.problem}).", ""))
        return findings

    def judge(self, info: MediaInfo) -> Judgement:
        return Judgement(info, self.evaluate(info))


def load_rules(path: str | os.PathLike[str] | None = None) -> RuleSet:
    """The built-in story rule set, or the one in ``path``; a bad file raises RuleSetError."""
    file = Path(path) if path else resource(*DEFAULT_RULES)
    try:
        stamp = file.stat().st_mtime_ns
    except OSError as exc:
        raise RuleSetError(RuleSetText.CANNOT_READ, file=str(file), reason=exc.strerror or str(exc)) from None
    return _load_cached(str(file), stamp)


@lru_cache(maxsize=8)
def _load_cached(path: str, _stamp: int) -> RuleSet:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleSetError(RuleSetText.CANNOT_READ, file=path, reason=str(exc)) from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleSetError(RuleSetText.NOT_TOML, file=path, error=str(exc)) from None
    head = data.get("ruleset", {})
    raw_rules = data.get("rule", [])
    if not isinstance(head, dict) or not isinstance(raw_rules, list) or not raw_rules:
        raise RuleSetError(RuleSetText.NO_RULES, file=path)
    rules = tuple(_parse_rule(path, index, raw) for index, raw in enumerate(raw_rules, start=1))
    ids = [rule.id for rule in rules]
    duplicates = sorted({rule_id for rule_id in ids if ids.count(rule_id) > 1})
    if duplicates:
        raise RuleSetError(RuleSetText.DUPLICATE_IDS, details={"rules": duplicates}, file=path,
                           rules=", ".join(duplicates))
    return RuleSet(name=str(head.get("name", Path(path).stem)), version=str(head.get("version", "")),
                   source=str(head.get("source", "")), checked=str(head.get("checked", "")), rules=rules, path=path)


def _parse_rule(path: str, index: int, raw: Any) -> Rule:
    if not isinstance(raw, dict):
        raise RuleSetError(RuleSetText.NOT_A_TABLE, details={"rule": index}, index=index, file=path)
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleSetError(RuleSetText.NO_ID, details={"rule": index}, index=index, file=path)

    def refuse(code: RuleSetText, **params: Any) -> RuleSetError:
        return RuleSetError(code, details={"rule": rule_id}, rule=rule_id, file=path, **params)

    check = raw.get("check")
    if check not in CHECKS:
        raise refuse(RuleSetText.UNKNOWN_CHECK, check=str(check), known=", ".join(sorted(CHECKS)))
    severity = raw.get("severity")
    if severity not in _SEVERITIES:
        raise refuse(RuleSetText.BAD_SEVERITY)
    kinds = raw.get("kinds", ["image", "video"])
    if not isinstance(kinds, list) or not kinds or any(kind not in _KINDS for kind in kinds):
        raise refuse(RuleSetText.BAD_KINDS, kinds=as_written(kinds))
    fixable = raw.get("fixable", False)
    fix = raw.get("fix", "")
    if not isinstance(fixable, bool) or fix not in _FIXES:
        raise refuse(RuleSetText.BAD_FIX, fixes=", ".join(_FIXES[1:]))
    limits = raw.get("limits", {})
    if not isinstance(limits, dict):
        raise refuse(RuleSetText.LIMITS_NOT_TABLE)
    wrong = limit_problem(str(check), limits)
    if wrong is not None:
        raise refuse(wrong.code, **wrong.params)
    messages = (raw.get("message_en"), raw.get("message_nb"))
    if not all(isinstance(text, str) and text.strip() for text in messages):
        raise refuse(RuleSetText.NO_MESSAGES)
    return Rule(id=rule_id, check=str(check), kinds=tuple(kinds), severity=str(severity), fixable=fixable,
                fix=str(fix), limits=limits, source=str(raw.get("source", "")), checked=str(raw.get("checked", "")),
                message_en=str(messages[0]), message_nb=str(messages[1]))


def _render(template: str, values: Values, limits: dict[str, Any], language: str) -> str:
    fields = _fields(template)
    if not fields:
        return template.strip()
    merged = {key: _format(values[key] if key in values else limits[key], language)
              for key in fields if key in values or key in limits}
    return template.format_map(_Blank(merged)).strip()


@lru_cache(maxsize=256)
def _fields(template: str) -> tuple[str, ...]:
    """The {placeholders} a message uses (parsed once per message, not once per file)."""
    return tuple(name for _text, name, _spec, _conv in string.Formatter().parse(template) if name)


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def _format(value: Any, language: str) -> str:
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, float):
        text = f"{value:.3f}".rstrip("0").rstrip(".") if not value.is_integer() else str(int(value))
        return text.replace(".", ",") if language == "nb" else text
    if isinstance(value, list):
        return ", ".join(_format(item, language) for item in value)
    return str(value)


# --- checks ----------------------------------------------------------------------------------------------

def _problem(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    if info.problem and info.problem in limits.get("problems", ()):
        return {"detail": info.problem_detail or info.problem, "format": info.format}
    return None


def _extension_mismatch(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    found = info.format or info.container
    if same_family(info.extension_format, found):
        return None
    return {"claimed": info.extension_format, "format": found}


def _image_format(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    return None if info.format in limits.get("allowed", ("JPEG",)) else {"format": info.format, "value": info.format}


def _max_file_size(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    maximum = int(limits.get("max_bytes", 0))
    if not maximum or info.size_bytes <= maximum:
        return None
    unit = 1_000_000 if limits.get("unit") == "MB" else 1024**2
    return {"value": round(info.size_bytes / unit, 1), "limit": round(maximum / unit, 1)}


def _orientation(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    return {"value": info.orientation} if info.orientation != 1 else None


def _displayed(info: MediaInfo) -> tuple[int, int] | None:
    if info.display_width and info.display_height:
        return info.display_width, info.display_height
    return None


def _aspect_9_16(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    size = _displayed(info)
    if size is None:
        return None
    tolerance = float(limits.get("tolerance", 0.01))
    if abs(size[0] / size[1] - STORY_ASPECT) / STORY_ASPECT <= tolerance:
        return None
    return {"width": size[0], "height": size[1]}


def _min_resolution(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    size = _displayed(info)
    if size is None or (size[0] >= int(limits.get("width", 1080)) and size[1] >= int(limits.get("height", 1920))):
        return None
    return {"width": size[0], "height": size[1]}


def _colour_space(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    if info.colour_space == "cmyk":
        return {"detail": "CMYK"}
    if info.colour_space == "other":
        return {"detail": info.icc_description or "?"}
    return None


def _transparency(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    return {} if info.has_alpha else None


def _animation(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    return {"value": info.frame_count} if info.frame_count > 1 else None


def _hdr(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    """HDR (HLG, PQ) or wide-gamut colours said by tags (nclx, video VUI); an ICC profile is image.colour's."""
    wide = info.colour_primaries in WIDE_GAMUTS and not info.icc_description
    if not info.hdr and not wide:
        return None
    return {"detail": colour_words(info)}


def colour_words(info: MediaInfo) -> str:
    """"HLG, BT.2020", "Dolby Vision (HLG base layer), BT.2020", "PQ, Display P3": names, the same in any language."""
    gamut = {"bt2020": "BT.2020", "p3": "Display P3", "bt709": "BT.709"}.get(info.colour_primaries, "")
    curve = {"hlg": "HLG", "pq": "PQ"}.get(info.colour_transfer, "")
    if info.dolby_vision:
        curve = f"Dolby Vision ({curve} base layer)" if curve else "Dolby Vision"
    return ", ".join(part for part in (curve, gamut) if part) or "HDR"


def _gps(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    return {} if info.has_gps else None


def _video_container(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    allowed = limits.get("allowed", ("mp4", "mov"))
    return None if info.container in allowed else {"format": info.container, "value": info.container}


def _video_codec(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    allowed = limits.get("allowed", ("h264", "hevc"))
    return None if info.video_codec in allowed else {"value": info.video_codec or "?"}


def _chroma(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    if not info.chroma or info.chroma in limits.get("allowed", ("4:2:0",)):
        return None
    return {"value": info.chroma}


def _progressive(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    return {} if info.interlaced else None


def _audio(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    if not info.audio_codec:
        return None  # a silent clip is fine
    rate, channels = info.audio_sample_rate or 0, info.audio_channels or 0
    if (info.audio_codec in limits.get("codecs", ("aac",)) and rate <= int(limits.get("max_sample_rate", 48000))
            and 1 <= channels <= int(limits.get("max_channels", 2))):
        return None
    return {"detail": f"{info.audio_codec} {rate} Hz {channels} ch"}


def _frame_rate(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    if info.fps is None:
        return None
    low, high, slack = float(limits.get("min", 23)), float(limits.get("max", 60)), float(limits.get("tolerance", 0))
    if low - slack <= info.fps <= high + slack:
        return None
    return {"value": round(info.fps, 2)}


def _max_width(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    size = _displayed(info)
    if size is None or size[0] <= int(limits.get("max", 1920)):
        return None
    return {"width": size[0], "height": size[1]}


def _aspect_range(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    size = _displayed(info)
    if size is None:
        return None
    ratio = size[0] / size[1]
    if float(limits.get("min", 0.1)) <= ratio <= float(limits.get("max", 10.0)):
        return None
    return {"width": size[0], "height": size[1], "value": round(ratio, 3)}


def _max_bitrate(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    maximum = int(limits.get("max", 25_000_000))
    if info.bit_rate is None or info.bit_rate <= maximum:
        return None
    return {"value": round(info.bit_rate / 1e6, 1), "limit": round(maximum / 1e6, 1)}


def _min_duration(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    if info.duration_s is None or info.duration_s >= float(limits.get("min", 3.0)):
        return None
    return {"value": round(info.duration_s, 2)}


def _max_duration(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    maximum = float(limits.get("max", 60.0))
    if info.duration_s is None or info.duration_s <= maximum:
        return None
    return {"value": round(info.duration_s, 1), "detail": math.ceil(info.duration_s / maximum)}


def _moov_front(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    return {} if info.moov_at_front is False else None


def _edit_list(info: MediaInfo, limits: dict[str, Any]) -> Values | None:
    return {} if info.edit_list else None


CHECKS: dict[str, Check] = {
    "problem": _problem,
    "extension_mismatch": _extension_mismatch,
    "image_format": _image_format,
    "max_file_size": _max_file_size,
    "orientation": _orientation,
    "aspect_9_16": _aspect_9_16,
    "min_resolution": _min_resolution,
    "colour_space": _colour_space,
    "transparency": _transparency,
    "animation": _animation,
    "hdr": _hdr,
    "gps": _gps,
    "video_container": _video_container,
    "video_codec": _video_codec,
    "chroma": _chroma,
    "progressive": _progressive,
    "audio": _audio,
    "frame_rate": _frame_rate,
    "max_width": _max_width,
    "aspect_range": _aspect_range,
    "max_bitrate": _max_bitrate,
    "min_duration": _min_duration,
    "max_duration": _max_duration,
    "moov_front": _moov_front,
    "edit_list": _edit_list,
}
