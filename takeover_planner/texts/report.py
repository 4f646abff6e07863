"""The takeover report's words (PDF and CSV), and how it writes numbers, shares and days in each language.

The window shows the same ideas with its own ``tr()`` texts; these are for the files read outside the app.
Shared headings (account, department, campaign, days, frames, page, made) are in ``words.Word``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from takeover_planner.texts.codes import Code
from takeover_planner.texts.wording import Words

NO_BREAK_SPACE = "\u00a0"  # keeps "12 345" and "40 %" on one line


class ReportText(Code):
    TITLE = ("report.title", "Takeover report", "Rapport for overtakelsen")
    SAMPLE_NOTE = ("report.sample_note", "Sample data (demo) — not real figures.",
                   "Eksempeldata (demo) – ikke virkelige tall.")
    SAMPLE = ("report.sample", "Sample data", "Eksempeldata")  # a column: the row is sample data
    FRAME = ("report.frame", "Frame", "Storybilde")
    PUBLISHED = ("report.published", "Published", "Publisert")
    DAY = ("report.day", "Day", "Dag")
    READ_AT = ("report.read_at", "Read at", "Lest")
    INSIGHTS = ("report.insights", "Insights", "Innsikt")  # the column with each frame's collection state
    KEY_FIGURES = ("report.key_figures", "Key figures", "Nøkkeltall")
    FRAMES_COLLECTED = ("report.frames_collected", "{collected} of {published} frames collected",
                        "{collected} av {published} storybilder samlet inn")
    VIEWERS_FIRST = ("report.viewers_first", "Viewers of the first frame", "Seere av første storybilde")
    STAYED = ("report.stayed", "Stayed to the last frame", "Så helt til siste storybilde")
    STAYED_DAY = ("report.stayed_day", "{day}: {last} of {first} ({share})", "{day}: {last} av {first} ({share})")
    FOLLOWS_STORY = ("report.follows_story", "Follows from the story", "Nye følgere fra storyen")
    FOLLOWERS_DURING = (
        "report.followers_during",
        "Followers during the takeover: {change} over {days} days ({per_day} a day)",
        "Følgere under overtakelsen: {change} på {days} dager ({per_day} per dag)",
    )
    FOLLOWERS_BEFORE = ("report.followers_before", "In the {days} days before: {per_day} a day",
                        "De {days} dagene før: {per_day} per dag")
    FOLLOWERS_CHANGE = ("report.followers_change", "Followers during the takeover", "Følgere under overtakelsen")
    PER_DAY_VS_BEFORE = ("report.per_day_vs_before", "{during} a day (before: {before})",
                         "{during} per dag (før: {before})")
    NOT_KNOWN = ("report.not_known", "not known", "ukjent")
    NOT_ENOUGH_HISTORY = ("report.not_enough_history", "not enough history", "for lite historikk")
    REACH_VIEWS_CHART = ("report.reach_views_chart", "Reach and views per frame",
                         "Rekkevidde og visninger per storybilde")
    EXITS_REPLIES_CHART = ("report.exits_replies_chart", "Exits and replies per frame",
                           "Avslutninger og svar per storybilde")
    PER_FRAME = ("report.per_frame", "Per frame", "Per storybilde")
    COMPARISON = ("report.comparison", "Comparison of takeovers", "Sammenligning av overtakelser")
    BY_DEPARTMENT = ("report.by_department", "By department", "Per enhet")
    BY_CAMPAIGN = ("report.by_campaign", "By campaign", "Per kampanje")
    TAKEOVERS = ("report.takeovers", "Takeovers", "Overtakelser")
    AVG_REACH = ("report.avg_reach", "Avg. reach per frame", "Snitt rekkevidde per bilde")
    AVG_VIEWS = ("report.avg_views", "Avg. views per frame", "Snitt visninger per bilde")
    AVG_STAYED = ("report.avg_stayed", "Stayed to last frame", "Så til siste bilde")
    FOLLOWERS_PER_DAY = ("report.followers_per_day", "Followers a day (takeover)", "Følgere per dag (overtakelse)")
    BEFORE_PER_DAY = ("report.before_per_day", "Followers a day (before)", "Følgere per dag (før)")
    HOURS_AFTER = ("report.hours_after", "{hours} h after posting", "{hours} t etter publisering")
    NO_FRAMES = ("report.no_frames", "No frames of this takeover were published.",
                 "Ingen storybilder fra denne overtakelsen er publisert.")


class MetricName(Code):
    """Instagram's story metrics; member names are ``StoryNumbers`` field names in capitals."""

    REACH = ("report.metric_reach", "Reach", "Rekkevidde")
    VIEWS = ("report.metric_views", "Views", "Visninger")
    REPLIES = ("report.metric_replies", "Replies", "Svar")
    SHARES = ("report.metric_shares", "Shares", "Delinger")
    FOLLOWS = ("report.metric_follows", "Follows", "Nye følgere")
    PROFILE_VISITS = ("report.metric_profile_visits", "Profile visits", "Profilbesøk")
    TOTAL_INTERACTIONS = ("report.metric_total_interactions", "Interactions", "Interaksjoner")
    TAPS_FORWARD = ("report.metric_taps_forward", "Taps forward", "Trykk fram")
    TAPS_BACK = ("report.metric_taps_back", "Taps back", "Trykk tilbake")
    EXITS = ("report.metric_exits", "Exits", "Avslutninger")
    SWIPES_FORWARD = ("report.metric_swipes_forward", "Swipes forward", "Sveip videre")


class CollectionName(Code):
    """What the report can say about a frame's insights; member names are ``Collection`` values in capitals."""

    NOT_PUBLISHED = ("report.collection_not_published", "not published", "ikke publisert")
    BY_HAND = ("report.collection_by_hand", "posted by hand: no insights", "publisert manuelt: ingen innsikt")
    WAITING = ("report.collection_waiting", "waiting for the first read", "venter på første avlesning")
    COLLECTING = ("report.collection_collecting", "collecting", "samles inn")
    FINAL = ("report.collection_final", "final", "endelig")
    PARTIAL = ("report.collection_partial", "last read before the end", "sist lest før slutten")
    NOT_ENOUGH_VIEWERS = ("report.collection_not_enough_viewers", "fewer than 5 viewers", "færre enn 5 seere")
    NOT_COLLECTED = ("report.collection_not_collected", "not collected", "ikke samlet inn")
    GONE = ("report.collection_gone", "story deleted", "storyen er slettet")


@dataclass(frozen=True)
class ReportWords(Words):
    def metric(self, name: str) -> str:
        return self(MetricName[name.upper()])

    def collection(self, state: str) -> str:
        """A frame's ``Collection`` state as words."""
        return self(CollectionName[str(state).upper()])

    def number(self, value: float | None, *, decimals: int = 0, signed: bool = False) -> str:
        """12 345 / 12,345 and 1,5 / 1.5 (Bokmål: a true minus sign); "not known" for None."""
        if value is None:
            return self(ReportText.NOT_KNOWN)
        shown = f"{value:+,.{decimals}f}" if signed else f"{value:,.{decimals}f}"
        if self.bokmaal:
            shown = shown.replace(",", NO_BREAK_SPACE).replace(".", ",").replace("-", "−")
        return shown

    def percent(self, share: float | None) -> str:
        if share is None:
            return self(ReportText.NOT_KNOWN)
        shown = f"{share * 100:.0f}"
        return f"{shown}{NO_BREAK_SPACE}%" if self.bokmaal else f"{shown}%"

    def short_day(self, day: dt.date) -> str:
        """"6 May" / "6. mai": the year is in the report's heading."""
        month = self.month_short(day.month)
        return f"{day.day}. {month}" if self.bokmaal else f"{day.day} {month}"
