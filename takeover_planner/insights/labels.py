"""The takeover report's words in English and Norwegian Bokmål (terms from GLOSSARY.md).

Exported reports (PDF, CSV) are read outside the app, so, like the calendar exports, they carry their own
small vocabulary instead of the window's Qt translations. The window uses ``tr()`` for the same ideas.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from takeover_planner.insights.schedule import Collection


@dataclass(frozen=True)
class ReportLabels:
    language: str
    title: str  # "Takeover report"
    sample_note: str
    sample: str  # column title: the row is sample data
    account: str
    department: str
    campaign: str
    days: str
    frame: str
    frames: str
    published: str
    day: str
    read_at: str
    status: str
    metrics: dict[str, str]
    statuses: dict[Collection, str]
    key_figures: str
    frames_collected: str  # "{collected} of {published} frames collected"
    viewers_first: str
    stayed: str
    stayed_day: str  # "{day}: {last} of {first} ({share})"
    follows_story: str
    followers_during: str  # "{change} over {days} days ({per_day} a day)"
    followers_before: str  # "{per_day} a day in the {days} days before"
    followers_change: str  # tile title: the net change over the takeover
    per_day_vs_before: str  # "{during} a day (before: {before})"
    not_known: str
    not_enough_history: str
    reach_views_chart: str
    exits_replies_chart: str
    per_frame: str
    comparison: str
    by_department: str
    by_campaign: str
    takeovers: str
    avg_reach: str
    avg_views: str
    avg_stayed: str
    followers_per_day: str
    before_per_day: str
    generated: str
    page: str  # "Page {page} of {pages}"
    hours_after: str  # "{hours} h after posting"
    no_frames: str
    months: tuple[str, ...]
    months_short: tuple[str, ...]


ENGLISH = ReportLabels(
    language="en",
    title="Takeover report",
    sample_note="Sample data (demo) — not real figures.",
    sample="Sample data",
    account="Account",
    department="Department",
    campaign="Campaign",
    days="Days",
    frame="Frame",
    frames="Frames",
    published="Published",
    day="Day",
    read_at="Read at",
    status="Insights",
    metrics={
        "reach": "Reach", "views": "Views", "replies": "Replies", "shares": "Shares", "follows": "Follows",
        "profile_visits": "Profile visits", "total_interactions": "Interactions", "taps_forward": "Taps forward",
        "taps_back": "Taps back", "exits": "Exits", "swipes_forward": "Swipes forward",
    },
    statuses={
        Collection.NOT_PUBLISHED: "not published",
        Collection.BY_HAND: "posted by hand: no insights",
        Collection.WAITING: "waiting for the first read",
        Collection.COLLECTING: "collecting",
        Collection.FINAL: "final",
        Collection.PARTIAL: "last read before the end",
        Collection.NOT_ENOUGH_VIEWERS: "fewer than 5 viewers",
        Collection.NOT_COLLECTED: "not collected",
        Collection.GONE: "story deleted",
    },
    key_figures="Key figures",
    frames_collected="{collected} of {published} frames collected",
    viewers_first="Viewers of the first frame",
    stayed="Stayed to the last frame",
    stayed_day="{day}: {last} of {first} ({share})",
    follows_story="Follows from the story",
    followers_during="Followers during the takeover: {change} over {days} days ({per_day} a day)",
    followers_before="In the {days} days before: {per_day} a day",
    followers_change="Followers during the takeover",
    per_day_vs_before="{during} a day (before: {before})",
    not_known="not known",
    not_enough_history="not enough history",
    reach_views_chart="Reach and views per frame",
    exits_replies_chart="Exits and replies per frame",
    per_frame="Per frame",
    comparison="Comparison of takeovers",
    by_department="By department",
    by_campaign="By campaign",
    takeovers="Takeovers",
    avg_reach="Avg. reach per frame",
    avg_views="Avg. views per frame",
    avg_stayed="Stayed to last frame",
    followers_per_day="Followers a day (takeover)",
    before_per_day="Followers a day (before)",
    generated="Made {when}",
    page="Page {page} of {pages}",
    hours_after="{hours} h after posting",
    no_frames="No frames of this takeover were published.",
    months=("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"),
    months_short=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
)

BOKMAAL = ReportLabels(
    language="nb",
    title="Rapport for overtakelsen",
    sample_note="Eksempeldata (demo) – ikke virkelige tall.",
    sample="Eksempeldata",
    account="Konto",
    department="Enhet",
    campaign="Kampanje",
    days="Dager",
    frame="Storybilde",
    frames="Storybilder",
    published="Publisert",
    day="Dag",
    read_at="Lest",
    status="Innsikt",
    metrics={
        "reach": "Rekkevidde", "views": "Visninger", "replies": "Svar", "shares": "Delinger",
        "follows": "Nye følgere", "profile_visits": "Profilbesøk", "total_interactions": "Interaksjoner",
        "taps_forward": "Trykk fram", "taps_back": "Trykk tilbake", "exits": "Avslutninger",
        "swipes_forward": "Sveip videre",
    },
    statuses={
        Collection.NOT_PUBLISHED: "ikke publisert",
        Collection.BY_HAND: "publisert manuelt: ingen innsikt",
        Collection.WAITING: "venter på første avlesning",
        Collection.COLLECTING: "samles inn",
        Collection.FINAL: "endelig",
        Collection.PARTIAL: "sist lest før slutten",
        Collection.NOT_ENOUGH_VIEWERS: "færre enn 5 seere",
        Collection.NOT_COLLECTED: "ikke samlet inn",
        Collection.GONE: "storyen er slettet",
    },
    key_figures="Nøkkeltall",
    frames_collected="{collected} av {published} storybilder samlet inn",
    viewers_first="Seere av første storybilde",
    stayed="Så helt til siste storybilde",
    stayed_day="{day}: {last} av {first} ({share})",
    follows_story="Nye følgere fra storyen",
    followers_during="Følgere under overtakelsen: {change} på {days} dager ({per_day} per dag)",
    followers_before="De {days} dagene før: {per_day} per dag",
    followers_change="Følgere under overtakelsen",
    per_day_vs_before="{during} per dag (før: {before})",
    not_known="ukjent",
    not_enough_history="for lite historikk",
    reach_views_chart="Rekkevidde og visninger per storybilde",
    exits_replies_chart="Avslutninger og svar per storybilde",
    per_frame="Per storybilde",
    comparison="Sammenligning av overtakelser",
    by_department="Per enhet",
    by_campaign="Per kampanje",
    takeovers="Overtakelser",
    avg_reach="Snitt rekkevidde per bilde",
    avg_views="Snitt visninger per bilde",
    avg_stayed="Så til siste bilde",
    followers_per_day="Følgere per dag (overtakelse)",
    before_per_day="Følgere per dag (før)",
    generated="Laget {when}",
    page="Side {page} av {pages}",
    hours_after="{hours} t etter publisering",
    no_frames="Ingen storybilder fra denne overtakelsen er publisert.",
    months=("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
            "november", "desember"),
    months_short=("jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des."),
)


def report_labels(language: str) -> ReportLabels:
    return BOKMAAL if language.startswith(("nb", "no")) else ENGLISH


def number_text(value: float | None, labels: ReportLabels, *, decimals: int = 0, signed: bool = False) -> str:
    """12 345 / 12,345 and 1,5 / 1.5; "not known" for None."""
    if value is None:
        return labels.not_known
    text = f"{value:+,.{decimals}f}" if signed else f"{value:,.{decimals}f}"
    if labels.language == "nb":
        text = text.replace(",", "\u00a0").replace(".", ",").replace("-", "−")
    return text


def percent_text(share: float | None, labels: ReportLabels) -> str:
    if share is None:
        return labels.not_known
    text = f"{share * 100:.0f}"
    return f"{text}\u00a0%" if labels.language == "nb" else f"{text}%"


def day_text(day: dt.date, labels: ReportLabels) -> str:
    """"6 May 2025" / "6. mai 2025"."""
    month = labels.months[day.month - 1]
    if labels.language == "nb":
        return f"{day.day}. {month} {day.year}"
    return f"{day.day} {month} {day.year}"


def short_day_text(day: dt.date, labels: ReportLabels) -> str:
    """"6 May" / "6. mai": the year is in the report's heading."""
    month = labels.months_short[day.month - 1]
    return f"{day.day}. {month}" if labels.language == "nb" else f"{day.day} {month}"
