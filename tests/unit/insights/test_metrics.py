"""Reading Instagram's insights answers: both value shapes, the navigation breakdown, hostile input."""

from __future__ import annotations

from typing import Any

import pytest

from takeover_planner.insights.metrics import (
    StoryNumbers,
    numbers_from,
    parse_navigation,
    parse_story_metrics,
    whole_number,
)


def test_plain_metrics_in_either_shape() -> None:
    payload = {"data": [
        {"name": "reach", "period": "lifetime", "values": [{"value": 412}], "id": "1/insights/reach/lifetime"},
        {"name": "views", "total_value": {"value": 530}},
        {"name": "replies", "values": [{"value": 0}]},
    ]}
    assert parse_story_metrics(payload) == {"reach": 412, "views": 530, "replies": 0}


def test_missing_metrics_stay_missing_not_zero() -> None:
    numbers = numbers_from(parse_story_metrics({"data": [{"name": "reach", "values": [{"value": 7}]}]}), {})
    assert numbers.reach == 7 and numbers.views is None and numbers.exits is None
    assert not numbers.empty and StoryNumbers().empty


def test_the_navigation_breakdown() -> None:
    payload = {"data": [{"name": "navigation", "period": "lifetime", "total_value": {"value": 90, "breakdowns": [
        {"dimension_keys": ["story_navigation_action_type"], "results": [
            {"dimension_values": ["tap_forward"], "value": 50},
            {"dimension_values": ["TAP_BACK"], "value": 5},
            {"dimension_values": ["tap_exit"], "value": 30},
            {"dimension_values": ["swipe_forward"], "value": 5},
            {"dimension_values": ["automatic_forward"], "value": 99},
        ]}]}}]}
    assert parse_navigation(payload) == {"taps_forward": 50, "taps_back": 5, "exits": 30, "swipes_forward": 5}


@pytest.mark.parametrize("payload", [
    None, [], "x", {"data": "x"}, {"data": [None, 3, {"name": 5}]},
    {"data": [{"name": "reach", "values": [{"value": "12"}]}]},
    {"data": [{"name": "reach", "values": [{"value": True}]}]},
    {"data": [{"name": "reach", "values": [{"value": -3}]}]},
    {"data": [{"name": "reach", "values": [{"value": 10**15}]}]},
    {"data": [{"name": "reach", "values": []}]},
    {"data": [{"name": "impressions", "values": [{"value": 3}]}]},
    {"data": [{"name": "navigation", "total_value": {"breakdowns": [{"results": [{"dimension_values": [],
                                                                                   "value": 3}]}]}}]},
    {"data": [{"name": "navigation", "total_value": {"breakdowns": "x"}}]},
])
def test_hostile_answers_give_no_numbers(payload: Any) -> None:
    assert parse_story_metrics(payload) == {}
    assert parse_navigation(payload) == {}


def test_whole_numbers() -> None:
    assert whole_number(3) == 3 and whole_number(3.0) == 3
    assert whole_number(3.5) is None and whole_number(None) is None and whole_number(False) is None


def test_newer_answers_win_but_do_not_erase_older_numbers() -> None:
    older = StoryNumbers(reach=10, exits=4)
    newer = StoryNumbers(reach=12)
    assert newer.merged_over(older) == StoryNumbers(reach=12, exits=4)
