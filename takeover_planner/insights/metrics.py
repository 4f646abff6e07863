"""The story metrics the app keeps, and how Instagram's insights answers are read.

``GET /{media-id}/insights?metric=reach,views,…`` answers ``{"data": [{"name": "reach", "values": [{"value": 12}]
…}]}`` (newer versions put the number in ``total_value.value``; both are read). ``navigation`` must be asked
for on its own with ``breakdown=story_navigation_action_type`` (a metric without breakdowns in the same request
makes the whole request fail); its numbers sit in ``total_value.breakdowns[].results[]`` as
``{"dimension_values": ["tap_forward"], "value": 40}``.

Meta says a metric that is not available is left out of the answer instead of reported as 0, so a missing
number stays ``None`` here, never 0. Answers are outside input: anything that is not a plain non-negative
whole number is ignored (and logged), never guessed.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

log = logging.getLogger(__name__)

# Asked for in one request (none of them takes a breakdown). ``impressions`` is deprecated for stories.
STORY_METRICS: tuple[str, ...] = (
    "reach", "views", "replies", "shares", "follows", "profile_visits", "total_interactions",
)
NAVIGATION_METRIC = "navigation"
NAVIGATION_BREAKDOWN = "story_navigation_action_type"
# Instagram's breakdown values (upper or lower case in Meta's pages) → our column names.
NAVIGATION_ACTIONS: dict[str, str] = {
    "tap_forward": "taps_forward",
    "tap_back": "taps_back",
    "tap_exit": "exits",
    "swipe_forward": "swipes_forward",
}
_LARGEST = 10**12  # no story has a trillion viewers: a bigger number is a broken answer


@dataclass(frozen=True)
class StoryNumbers:
    """One frame's insights; ``None`` = Instagram gave no number (not zero)."""

    reach: int | None = None
    views: int | None = None
    replies: int | None = None
    shares: int | None = None
    follows: int | None = None
    profile_visits: int | None = None
    total_interactions: int | None = None
    taps_forward: int | None = None
    taps_back: int | None = None
    exits: int | None = None
    swipes_forward: int | None = None

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def as_dict(self) -> dict[str, int | None]:
        return {name: getattr(self, name) for name in self.names()}

    @property
    def empty(self) -> bool:
        return all(value is None for value in self.as_dict().values())

    def merged_over(self, older: StoryNumbers) -> StoryNumbers:
        """The newest answer wins; a metric the newest answer left out keeps its older value."""
        return replace(older, **{k: v for k, v in self.as_dict().items() if v is not None})


def whole_number(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            return None
    return value if 0 <= value < _LARGEST else None


def _metric_value(item: Mapping[str, Any]) -> int | None:
    total = item.get("total_value")
    if isinstance(total, Mapping) and "value" in total:
        return whole_number(total.get("value"))
    values = item.get("values")
    if isinstance(values, list) and values and isinstance(values[-1], Mapping):
        return whole_number(values[-1].get("value"))
    return None


def _items(payload: Any) -> list[Mapping[str, Any]]:
    data = payload.get("data") if isinstance(payload, Mapping) else None
    if not isinstance(data, list):
        return []
    return [item for item in data if isinstance(item, Mapping)]


def parse_story_metrics(payload: Any) -> dict[str, int]:
    """The plain metrics of an insights answer; unknown names and unreadable numbers are left out."""
    found: dict[str, int] = {}
    for item in _items(payload):
        name = item.get("name")
        if name not in STORY_METRICS:
            continue
        value = _metric_value(item)
        if value is None:
            log.info("Insights answer: unreadable value for %s ignored", name)
            continue
        found[str(name)] = value
    return found


def parse_navigation(payload: Any) -> dict[str, int]:
    """tap forward / tap back / exit / swipe forward from the ``navigation`` breakdown."""
    found: dict[str, int] = {}
    for item in _items(payload):
        if item.get("name") != NAVIGATION_METRIC:
            continue
        total = item.get("total_value")
        breakdowns = total.get("breakdowns") if isinstance(total, Mapping) else None
        if not isinstance(breakdowns, list):
            continue
        for breakdown in breakdowns:
            results = breakdown.get("results") if isinstance(breakdown, Mapping) else None
            if not isinstance(results, list):
                continue
            for result in results:
                if not isinstance(result, Mapping):
                    continue
                dims = result.get("dimension_values")
                if not isinstance(dims, list) or not dims or not isinstance(dims[0], str):
                    continue
                column = NAVIGATION_ACTIONS.get(dims[0].strip().lower())
                value = whole_number(result.get("value"))
                if column is not None and value is not None:
                    found[column] = value
    return found


def numbers_from(metrics: Mapping[str, int], navigation: Mapping[str, int]) -> StoryNumbers:
    return StoryNumbers(**{k: v for k, v in {**metrics, **navigation}.items() if k in StoryNumbers.names()})
