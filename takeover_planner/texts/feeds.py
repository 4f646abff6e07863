"""Messages of publishing the calendar feeds to the media host (``export ics --publish``)."""

from __future__ import annotations

from takeover_planner.texts.codes import Code


class FeedText(Code):
    NO_HOST = (
        "feeds.no_host",
        "No media host is set up to publish the calendars to: set one with 'takeover-planner hosting set'.",
        "Ingen mediavert er satt opp å publisere kalenderne til. Sett opp en med «takeover-planner hosting set».",
    )
    OUT_OR_PUBLISH = ("feeds.out_or_publish", "Give --out, --publish or both.",
                      "Oppgi --out, --publish eller begge.")
