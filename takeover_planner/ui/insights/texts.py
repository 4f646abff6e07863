"""Translated words for the insights core's plain values: metric names, collection states, goal states."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import QLocale

from takeover_planner.insights.schedule import Collection
from takeover_planner.insights.trend import GoalProgress, GoalState
from takeover_planner.ui.i18n import date_text


def metric_name(metric: str) -> str:
    names = {
        "reach": Q.translate("InsightsTexts", "Reach"),
        "views": Q.translate("InsightsTexts", "Views"),
        "replies": Q.translate("InsightsTexts", "Replies"),
        "shares": Q.translate("InsightsTexts", "Shares"),
        "follows": Q.translate("InsightsTexts", "Follows"),
        "profile_visits": Q.translate("InsightsTexts", "Profile visits"),
        "total_interactions": Q.translate("InsightsTexts", "Interactions"),
        "taps_forward": Q.translate("InsightsTexts", "Taps forward"),
        "taps_back": Q.translate("InsightsTexts", "Taps back"),
        "exits": Q.translate("InsightsTexts", "Exits"),
        "swipes_forward": Q.translate("InsightsTexts", "Swipes forward"),
    }
    return names.get(metric, metric)


def collection_name(status: Collection) -> str:
    names = {
        Collection.NOT_PUBLISHED: Q.translate("InsightsTexts", "Not published"),
        Collection.BY_HAND: Q.translate("InsightsTexts", "Posted by hand: no insights"),
        Collection.WAITING: Q.translate("InsightsTexts", "Waiting for the first read"),
        Collection.COLLECTING: Q.translate("InsightsTexts", "Collecting"),
        Collection.FINAL: Q.translate("InsightsTexts", "Final"),
        Collection.PARTIAL: Q.translate("InsightsTexts", "Last read before the end"),
        Collection.NOT_ENOUGH_VIEWERS: Q.translate("InsightsTexts", "Fewer than 5 viewers"),
        Collection.NOT_COLLECTED: Q.translate("InsightsTexts", "Not collected"),
        Collection.GONE: Q.translate("InsightsTexts", "Story deleted"),
    }
    return names[status]


def number(value: float | None, decimals: int = 0, *, signed: bool = False) -> str:
    """A number in the current locale (12 345 / 12,345); "–" when unknown."""
    if value is None:
        return "–"
    text = QLocale().toString(float(value), "f", decimals)
    if signed and value > 0:
        text = "+" + text
    return text


def percent(share: float | None) -> str:
    if share is None:
        return "–"
    text = QLocale().toString(share * 100, "f", 0)
    # Norwegian writes a space before the per cent sign, English does not.
    return text + ("\u00a0%" if QLocale().language() == QLocale.Language.NorwegianBokmal else "%")


def goal_sentence(progress: GoalProgress) -> str:
    """What the dashboard says about a goal, in one or two sentences."""
    p = progress
    pace = number(p.trend.per_day, 1, signed=True) if p.trend else "–"
    if p.state == GoalState.REACHED and p.reached_on is not None:
        return Q.translate("InsightsTexts", "Goal reached on %1! Time to set a new one.").replace(
            "%1", date_text(p.reached_on))
    if p.state == GoalState.ON_TRACK and p.projected is not None:
        return Q.translate("InsightsTexts", "On track: at the current pace (%1 a day) the goal is reached "
                                            "around %2.").replace("%1", pace).replace("%2", date_text(p.projected))
    if p.state == GoalState.BEHIND and p.projected is not None:
        return Q.translate("InsightsTexts", "Behind: at the current pace (%1 a day) the goal is reached around "
                                            "%2, after its date. It needs %3 a day.").replace("%1", pace).replace(
            "%2", date_text(p.projected)).replace("%3", number(p.needed_per_day, 1))
    if p.state == GoalState.STALLED:
        return Q.translate("InsightsTexts", "Followers are not growing (%1 a day): at this pace the goal is "
                                            "never reached.").replace("%1", pace)
    if p.state == GoalState.MISSED:
        return Q.translate("InsightsTexts", "The goal's date has passed without reaching it. Set a new goal.")
    if p.state == GoalState.NO_TREND:
        return Q.translate("InsightsTexts", "Not enough follower readings for a trend yet: the app reads the "
                                            "count every few hours.")
    return Q.translate("InsightsTexts", "No follower count has been read yet.")
