"""What each check accepts in a rule's ``limits`` table, and the check of one rule's limits against that.

A check reads its limits with defaults (``limits.get("max", 60.0)``), so a misspelt key ("maxx") or a limit
of the wrong type would not fail: the rule would quietly keep its default and the comms officer's change would
have no effect. Loading a rule set therefore refuses any key a check does not know and any value of the wrong
type, naming the key.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from takeover_planner.texts import Text
from takeover_planner.texts.media import RuleSetText


class LimitKind(enum.Enum):
    WHOLE = "whole"  # an integer (TOML 1080)
    NUMBER = "number"  # an integer or a decimal (TOML 23 or 0.1)
    NAMES = "names"  # a list of strings (TOML ["mp4", "mov"])
    CHOICE = "choice"  # one of ``choices``


@dataclass(frozen=True)
class Limit:
    kind: LimitKind
    choices: tuple[str, ...] = ()

    def accepts(self, value: Any) -> bool:
        if isinstance(value, bool):  # TOML true/false is never a number here (bool is an int in Python)
            return False
        if self.kind is LimitKind.WHOLE:
            return isinstance(value, int)
        if self.kind is LimitKind.NUMBER:
            return isinstance(value, (int, float))
        if self.kind is LimitKind.NAMES:
            return isinstance(value, list) and all(isinstance(item, str) for item in value)
        return value in self.choices

    def expected(self) -> Text:
        if self.kind is LimitKind.CHOICE:
            return Text(RuleSetText.ONE_OF, {"choices": ", ".join(self.choices)})
        return Text({LimitKind.WHOLE: RuleSetText.A_WHOLE_NUMBER, LimitKind.NUMBER: RuleSetText.A_NUMBER,
                     LimitKind.NAMES: RuleSetText.A_LIST_OF_NAMES}[self.kind])


WHOLE = Limit(LimitKind.WHOLE)
NUMBER = Limit(LimitKind.NUMBER)
NAMES = Limit(LimitKind.NAMES)

# Check name (rules.CHECKS) → the limits it reads. A test keeps the two tables in step.
LIMITS: dict[str, dict[str, Limit]] = {
    "problem": {"problems": NAMES},
    "extension_mismatch": {},
    "image_format": {"allowed": NAMES},
    "max_file_size": {"max_bytes": WHOLE, "unit": Limit(LimitKind.CHOICE, ("MB", "MiB"))},
    "orientation": {},
    "aspect_9_16": {"tolerance": NUMBER},
    "min_resolution": {"width": WHOLE, "height": WHOLE},
    "colour_space": {},
    "transparency": {},
    "animation": {},
    "hdr": {},
    "gps": {},
    "video_container": {"allowed": NAMES},
    "video_codec": {"allowed": NAMES},
    "chroma": {"allowed": NAMES},
    "progressive": {},
    "audio": {"codecs": NAMES, "max_sample_rate": WHOLE, "max_channels": WHOLE},
    "frame_rate": {"min": NUMBER, "max": NUMBER, "tolerance": NUMBER},
    "max_width": {"max": WHOLE},
    "aspect_range": {"min": NUMBER, "max": NUMBER},
    "max_bitrate": {"max": WHOLE},
    "min_duration": {"min": NUMBER},
    "max_duration": {"max": NUMBER},
    "moov_front": {},
    "edit_list": {},
}


@dataclass(frozen=True)
class LimitProblem:
    """The first thing wrong with a rule's limits: a message code and its parameters (beside file and rule)."""

    code: RuleSetText
    params: dict[str, Any]


def limit_problem(check: str, limits: Mapping[str, Any]) -> LimitProblem | None:
    """None when every key of ``limits`` is one ``check`` reads, with a value of the right type."""
    known = LIMITS[check]
    for key in sorted(limits):
        spec = known.get(key)
        if spec is None:
            if not known:
                return LimitProblem(RuleSetText.NO_LIMITS, {"key": key, "check": check})
            return LimitProblem(RuleSetText.UNKNOWN_LIMIT, {"key": key, "check": check,
                                                            "known": ", ".join(sorted(known))})
        value = limits[key]
        if not spec.accepts(value):
            return LimitProblem(RuleSetText.LIMIT_TYPE, {"key": key, "value": as_written(value),
                                                         "expected": spec.expected()})
    return None


def as_written(value: Any) -> str:
    """A TOML value about as it stands in the file ("1080", true, ["mp4"]): JSON spells these the same way."""
    return json.dumps(value, ensure_ascii=False, default=str)[:60]
