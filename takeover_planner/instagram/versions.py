"""Graph API versions: which one the app speaks to Meta, and the warning a month before Meta ends it.

The version is a setting (``instagram.graph_version``), used for every account on Meta's own hosts. An account
pointed at another host (a test server) keeps the version stored with the account, which is the one that
server answers.

Meta publishes each version's end of life in the Graph API changelog
(https://developers.facebook.com/docs/graph-api/changelog/versions, read December 2026). A version whose date
Meta has not published yet ("TBD") has no entry and no warning.
"""

from __future__ import annotations

import datetime as dt

from takeover_planner.instagram.graph_client import is_meta_host
from takeover_planner.texts import Text
from takeover_planner.texts.instagram import InstagramText

DEFAULT_VERSION = "v26.0"  # released 29 July 2026: the newest when this was written
WARN_AHEAD = dt.timedelta(days=31)
END_OF_LIFE: dict[str, dt.date] = {
    "v19.0": dt.date(2026, 5, 21),
    "v20.0": dt.date(2026, 9, 24),
    "v21.0": dt.date(2027, 1, 21),
    "v22.0": dt.date(2027, 5, 20),
    "v23.0": dt.date(2027, 10, 8),
    "v24.0": dt.date(2028, 2, 18),
    "v25.0": dt.date(2028, 7, 29),
}


def version_for(setting: str, graph_host: str, account_version: str) -> str:
    """The version to call: the setting on Meta's hosts, the account's own elsewhere (a test server)."""
    if is_meta_host(graph_host):
        return (setting or DEFAULT_VERSION).strip()
    return account_version or setting or DEFAULT_VERSION


def version_notice(version: str, today: dt.date) -> Text | None:
    """A warning from a month before Meta's published end of life of ``version``; None before that."""
    ends = END_OF_LIFE.get(version)
    if ends is None or today < ends - WARN_AHEAD:
        return None
    code = InstagramText.VERSION_ENDED if today >= ends else InstagramText.VERSION_ENDING
    return Text(code, {"version": version, "day": ends})
