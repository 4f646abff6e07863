"""Asking Instagram for a story's insights and an account's follower count, through the
``instagram.GraphClient`` (one session, the token only in the Authorization header, Meta's errors classified).

Two requests per story: the plain metrics, then ``navigation`` with its breakdown (Meta refuses a breakdown
on a request that also names metrics without one). Error 10 with Meta's documented message "(#10) Not
enough viewers for the media to show insights" (fewer than 5 viewers) is an answer, not a failure. Error 10
with any other message is a missing permission (``instagram_business_manage_insights`` /
``instagram_manage_insights``), and "object does not exist" means the story was deleted.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from takeover_planner.insights.metrics import (
    NAVIGATION_BREAKDOWN,
    NAVIGATION_METRIC,
    STORY_METRICS,
    StoryNumbers,
    numbers_from,
    parse_navigation,
    parse_story_metrics,
    whole_number,
)
from takeover_planner.instagram.errors import Family, GraphError, InstagramError
from takeover_planner.instagram.graph_client import GraphClient
from takeover_planner.texts import Text
from takeover_planner.texts.insights import InsightsText
from takeover_planner.texts.instagram import InstagramText

log = logging.getLogger(__name__)

class StoryAnswer(enum.StrEnum):
    NUMBERS = "numbers"
    NOT_ENOUGH_VIEWERS = "not_enough_viewers"
    GONE = "gone"


@dataclass(frozen=True)
class StoryRead:
    answer: StoryAnswer
    numbers: StoryNumbers = StoryNumbers()
    note: Text | None = None  # e.g. the navigation breakdown could not be read


def is_not_enough_viewers(error: GraphError) -> bool:
    body = error.body
    return body is not None and body.code == 10 and "viewers" in body.message.lower()


def _is_gone(error: GraphError) -> bool:
    body = error.body
    return body is not None and body.code == 100 and (body.subcode == 33 or "does not exist" in body.message.lower())


def _valid_media_id(media_id: str) -> str:
    if not media_id or not media_id.isdigit():
        raise InstagramError(InstagramText.NOT_MEDIA_ID, media_id=media_id)
    return media_id


def read_story(graph: GraphClient, media_id: str) -> StoryRead:
    """One read of a published story's insights. Raises ``GraphError`` / ``TransportError`` for real failures
    (token, permission, throttling, network); the caller decides what they mean for the account."""
    path = f"{_valid_media_id(media_id)}/insights"
    try:
        main = graph.get(path, {"metric": ",".join(STORY_METRICS)})
    except GraphError as exc:
        if is_not_enough_viewers(exc):
            return StoryRead(StoryAnswer.NOT_ENOUGH_VIEWERS)
        if _is_gone(exc):
            return StoryRead(StoryAnswer.GONE)
        raise
    metrics = parse_story_metrics(main.data)
    note = None
    try:
        nav = graph.get(path, {"metric": NAVIGATION_METRIC, "breakdown": NAVIGATION_BREAKDOWN})
        navigation = parse_navigation(nav.data)
    except GraphError as exc:
        if exc.family in (Family.TOKEN, Family.THROTTLED) or (exc.family == Family.PERMISSION
                                                               and not is_not_enough_viewers(exc)):
            raise
        # The plain metrics are already in hand: keep them, and say the breakdown is missing.
        log.info("Navigation breakdown for media %s not read: %s", media_id, exc.technical)
        navigation = {}
        note = Text(InsightsText.NO_BREAKDOWN)
    return StoryRead(StoryAnswer.NUMBERS, numbers_from(metrics, navigation), note)


def read_followers(graph: GraphClient, ig_user_id: str) -> int:
    """The account's ``followers_count`` (a field on the IG user; available at any follower count)."""
    if not ig_user_id or not ig_user_id.isdigit():
        raise InstagramError(InstagramText.NOT_USER_ID, ig_user_id=ig_user_id)
    data = graph.get(ig_user_id, {"fields": "followers_count"}).data
    value = whole_number(data.get("followers_count"))
    if value is None:
        raise InstagramError(InstagramText.NO_FOLLOWER_COUNT)
    return value
