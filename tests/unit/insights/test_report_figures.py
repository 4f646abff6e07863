"""The takeover report's figures, from hand-made frames whose right answers are worked out here."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from takeover_planner.insights.report import by_campaign, by_department, compare, follower_change
from takeover_planner.insights.schedule import Collection
from tests.unit.insights.report_fixtures import DAY1, DAY2, frame, two_day_report


def test_totals_cover_only_frames_with_numbers() -> None:
    report = two_day_report()
    assert report.published == 6 and report.collected == 5
    assert report.totals["reach"] == 400 + 330 + 300 + 500 + 250
    assert report.totals["replies"] == 3 + 1 + 0 + 5 + 2
    assert report.totals["follows"] == 13
    assert report.totals["taps_forward"] == 200
    assert report.totals["shares"] is None, "no frame had it: unknown, not zero"
    missing = next(f for f in report.frames if f.status == Collection.NOT_COLLECTED)
    assert missing.value("reach") is None


def test_viewers_who_stayed_to_the_last_frame_per_day() -> None:
    report = two_day_report()
    first, second = report.retention
    assert (first.day, first.frames, first.first_reach, first.last_reach) == (DAY1, 3, 400, 300)
    assert first.share == pytest.approx(0.75)
    assert (second.first_reach, second.last_reach) == (500, 250)
    assert second.share == pytest.approx(0.5)
    assert report.stayed == pytest.approx((300 + 250) / (400 + 500))


def test_stayed_is_unknown_when_the_first_or_last_frame_was_not_collected() -> None:
    frames = [frame(1, DAY1, 9, Collection.NOT_COLLECTED), frame(2, DAY1, 10, reach=80)]
    report = dataclasses.replace(two_day_report(), frames=frames)
    from takeover_planner.insights.report import retention_by_day

    (day,) = retention_by_day(report.frames)
    assert day.first_reach is None and day.share is None
    single = retention_by_day([frame(1, DAY1, 9, reach=50)])
    assert single[0].share is None, "one frame has no 'last frame' to stay to"


def test_follows_during_the_takeover_against_the_weeks_before() -> None:
    change = two_day_report().followers
    # 28 days before: 1000 … 1084 (+3 a day); the day before the takeover 1084; the last day 1124.
    assert change.before_days == 28 and change.before_per_day == pytest.approx(3.0)
    assert change.during == 1124 - 1084 and change.during_days == 2
    assert change.during_per_day == pytest.approx(20.0)


def test_follower_change_says_unknown_without_readings() -> None:
    assert follower_change([], DAY1, DAY2).during is None
    only_during = follower_change([(DAY1, 10), (DAY2, 12)], DAY1, DAY2)
    assert only_during.during is None and only_during.before_per_day is None
    short_history = follower_change([(DAY1 - dt.timedelta(days=3), 5), (DAY1 - dt.timedelta(days=1), 8),
                                     (DAY2, 20)], DAY1, DAY2)
    assert short_history.during == 12 and short_history.before_per_day is None, "three days is not 'the weeks before'"
    running = follower_change([(DAY1 - dt.timedelta(days=1), 8), (DAY1, 11)], DAY1, DAY2 + dt.timedelta(days=3))
    assert running.during == 3 and running.during_days == 1


def test_comparison_across_departments_and_campaigns() -> None:
    library = two_day_report()
    fire = dataclasses.replace(
        two_day_report(), slot_id=8, department="Brannvesenet", department_color="#c2415d", campaign=None,
        frames=[frame(1, DAY1, 9, reach=900, views=1000, replies=9)])
    from takeover_planner.insights.report import retention_by_day, totals

    fire = dataclasses.replace(fire, retention=retention_by_day(fire.frames), totals=totals(fire.frames))
    departments = compare([library, fire], by_department)
    assert [g.name for g in departments] == ["Brannvesenet", "Biblioteket"], "best average reach first"
    lib = departments[1]
    assert lib.takeovers == 1 and lib.frames == 6 and lib.collected == 5
    assert lib.avg_reach == pytest.approx(1780 / 5)
    assert lib.stayed == pytest.approx((0.75 + 0.5) / 2)
    assert lib.replies == 11 and lib.follows == 13
    assert lib.followers_per_day == pytest.approx(20.0) and lib.before_per_day == pytest.approx(3.0)
    campaigns = compare([library, fire], by_campaign)
    assert [g.name for g in campaigns] == ["Leseuka"], "takeovers outside a campaign are left out"
