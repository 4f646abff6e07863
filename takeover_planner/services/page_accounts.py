"""Facebook Page accounts: what a Page account is, cross-posting an Instagram account to a Page, and checking a
Page token (``account check`` on a Page account).

A Page is an account of its own (``account.platform = facebook_page`` with its ``page_id``), with its own Page
access token, pause and stop. Linking an Instagram account to a Page account (``facebook_page_account_id``)
sends every frame of that Instagram account's takeovers to the Page too; a slot booked directly on a Page account
goes out only there. The publisher keeps one ledger row per frame and channel (``publishing/page_publisher.py``).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

import requests
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from takeover_planner.domain.review import FrameState
from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.errors import ValidationError
from takeover_planner.instagram import tokens, versions
from takeover_planner.instagram.errors import NEEDS_A_PERSON, STOPS_ACCOUNT, GraphError, InstagramError
from takeover_planner.instagram.graph_client import GraphClient, new_session
from takeover_planner.instagram.page_errors import page_error
from takeover_planner.instagram.secrets import SecretStore, token_key
from takeover_planner.publishing.account_state import account_state, set_account_stop
from takeover_planner.publishing.errors import MissingSecret
from takeover_planner.publishing.ledger import FACEBOOK, INSTAGRAM, JobState
from takeover_planner.services import audit
from takeover_planner.services.access import require_planner
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import Account, AccountPublishing, PublishJob, StoryFrame, TakeoverSlot
from takeover_planner.texts.access import ActionText
from takeover_planner.texts.facebook import FacebookText
from takeover_planner.texts.publishing import PublishingText

log = logging.getLogger(__name__)

INSTAGRAM_PLATFORM = "instagram"
FACEBOOK_PAGE = "facebook_page"
PLATFORMS = (INSTAGRAM_PLATFORM, FACEBOOK_PAGE)


def clean_platform(platform: str, page_id: str | None) -> tuple[str, str | None]:
    """The platform and Page id of a new account, checked: a Page needs its id (digits), Instagram has none."""
    platform = (platform or INSTAGRAM_PLATFORM).strip()
    if platform not in PLATFORMS:
        raise ValidationError(FacebookText.BAD_PLATFORM, choices=", ".join(PLATFORMS))
    page = (page_id or "").strip()
    if page and not re.fullmatch(r"[0-9]{1,64}", page):
        raise ValidationError(FacebookText.BAD_PAGE_ID, value=page)
    if platform == FACEBOOK_PAGE and not page:
        raise ValidationError(FacebookText.PAGE_ID_NEEDED)
    return platform, (page or None) if platform == FACEBOOK_PAGE else None


@dataclass(frozen=True)
class PageLinkInfo:
    instagram: str
    page: str | None  # None: no longer cross-posted

    def to_json(self) -> dict[str, object]:
        return {"instagram": self.instagram, "facebook_page": self.page}


def link_page(ctx: AppContext, instagram_ref: int | str, page_ref: int | str) -> PageLinkInfo:
    """Cross-post every frame of ``instagram_ref``'s takeovers to the Page account ``page_ref`` as well."""
    from takeover_planner.services.catalog import find_account

    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.CHANGE_ACCOUNTS)
        account = find_account(s, instagram_ref)
        page = find_account(s, page_ref)
        if account.platform == FACEBOOK_PAGE:
            raise ValidationError(FacebookText.NOT_INSTAGRAM, account=account.name)
        if page.platform != FACEBOOK_PAGE:
            raise ValidationError(FacebookText.NOT_A_PAGE, account=page.name)
        before = {"facebook_page_account_id": account.facebook_page_account_id}
        account.facebook_page_account_id = page.id
        audit.record(s, ctx.actor, "account", account.id, "facebook_page_linked", before=before,
                     after={"facebook_page_account_id": page.id, "facebook_page": page.name})
        return PageLinkInfo(account.name, page.name)


def unlink_page(ctx: AppContext, instagram_ref: int | str) -> PageLinkInfo:
    """Stop cross-posting. Page stories already made stay; a Page job under way is finished by the queue."""
    from takeover_planner.services.catalog import find_account

    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.CHANGE_ACCOUNTS)
        account = find_account(s, instagram_ref)
        before = {"facebook_page_account_id": account.facebook_page_account_id}
        if account.facebook_page_account_id is not None:
            account.facebook_page_account_id = None
            audit.record(s, ctx.actor, "account", account.id, "facebook_page_unlinked", before=before,
                         after={"facebook_page_account_id": None})
        return PageLinkInfo(account.name, None)


@dataclass(frozen=True)
class PageCheck:
    account: str
    page_id: str
    page_name: str
    token_expires_at: dt.datetime | None
    token_notice: str
    token_level: str
    queue_resumed: bool

    def to_json(self) -> dict[str, object]:
        return {"account": self.account, "platform": FACEBOOK_PAGE, "page_id": self.page_id,
                "page_name": self.page_name,
                "token_expires_at": self.token_expires_at.isoformat() if self.token_expires_at else None,
                "token_notice": self.token_notice, "token_level": self.token_level,
                "queue_resumed": self.queue_resumed}


def check_page(ctx: AppContext, account_ref: int | str, *, secrets: SecretStore,
               http: Callable[[], requests.Session] = new_session,
               timeout: tuple[float, float] = (10.0, 60.0)) -> PageCheck:
    """Ask Facebook for the Page's name with the Page token, and the token's expiry where Meta says it
    (``debug_token``); a working token lifts a token stop, as for Instagram."""
    from takeover_planner.services.catalog import find_account

    with ctx.db.write() as s:
        account = find_account(s, account_ref)
        if account.platform != FACEBOOK_PAGE:
            raise ValidationError(FacebookText.NOT_A_PAGE, account=account.name)
        state = account_state(s, account.id)
        account_id, name, page_id, host = account.id, account.name, account.page_id or "", account.graph_host
        version = versions.version_for(ctx.settings.get("instagram.graph_version"), host, account.graph_version)
        ref, was_stopped = state.token_ref, bool(state.stopped_reason)
    if not page_id:
        raise ValidationError(FacebookText.NO_PAGE_ID, account=name)
    if not ref:
        raise MissingSecret(PublishingText.NO_TOKEN, account=name)
    token = secrets.get(token_key(ref))
    if token is None:
        raise MissingSecret(PublishingText.TOKEN_NOT_HERE, account=name)
    session = http()
    try:
        graph = GraphClient(host, version, token, session=session, timeout=timeout)
        try:
            data = graph.get(page_id, {"fields": "id,name"}).data
        except GraphError as exc:
            exc = page_error(exc)
            if exc.family in STOPS_ACCOUNT:
                set_account_stop(ctx.db, account_id, exc.message, str(exc.classification.advice or ""), exc.family)
            raise exc from None
        try:
            learned: tuple[dt.datetime | None] | None = (tokens.debug_expiry(graph),)
        except InstagramError as exc:  # debug_token answers only for a token of one of the app's developers
            log.info("No expiry from debug_token for Page account #%s: %s", account_id, exc.message)
            learned = None
    finally:
        session.close()
    found_id, page_name = str(data.get("id") or ""), str(data.get("name") or "")[:200]
    if found_id != page_id:
        raise ValidationError(FacebookText.WRONG_PAGE, found_id=found_id, name=page_name, account=name,
                              expected_id=page_id)
    with ctx.db.write() as s:
        state = account_state(s, account_id)
        if learned is not None:
            state.token_expires_at = learned[0]
        resumed = False
        if state.stopped_reason and state.stop_family not in NEEDS_A_PERSON:
            state.stopped_reason = state.stopped_advice = state.stop_family = ""
            resumed = was_stopped
        expires_at = state.token_expires_at
    notice = tokens.expiry_notice(name, "facebook_login", expires_at, now_utc())
    return PageCheck(name, page_id, page_name, expires_at, notice.message, notice.level, resumed)


# --- per channel, for the window and `story list` ---------------------------------------------------------


UNFINISHED = (JobState.QUEUED.value, JobState.ACTIVE.value, JobState.HELD.value)


@dataclass(frozen=True)
class ChannelState:
    """One frame's job on one channel: its state and, when it is not simply going well, why."""

    frame_id: int
    channel: str  # instagram | facebook
    account: str
    status: str  # queued | publishing | published | failed | handoff | cancelled | held | stopped (its account is)
    media_id: str | None
    reason: str
    advice: str
    published_at: dt.datetime | None = None

    def to_json(self) -> dict[str, object]:
        return {"channel": self.channel, "account": self.account, "status": self.status, "media_id": self.media_id,
                "reason": self.reason, "advice": self.advice,
                "published_at": self.published_at.isoformat() if self.published_at else None}


def channel_states(ctx: AppContext, frame_ids: list[int]) -> dict[int, list[ChannelState]]:
    """Each frame's jobs per channel (Instagram first), for the review screen, the status window and
    ``story list --json``."""
    out: dict[int, list[ChannelState]] = {}
    if not frame_ids:
        return out
    with ctx.db.session() as s:
        rows = s.execute(select(PublishJob, Account.name, AccountPublishing)
                         .join(Account, Account.id == PublishJob.account_id)
                         .outerjoin(AccountPublishing, AccountPublishing.account_id == PublishJob.account_id)
                         .where(PublishJob.frame_id.in_(frame_ids))
                         .order_by(PublishJob.frame_id, PublishJob.channel != INSTAGRAM, PublishJob.id)).all()
        for job, account, publishing in rows:
            status = {JobState.QUEUED.value: "queued", JobState.ACTIVE.value: "publishing"}.get(job.state, job.state)
            reason, advice = job.last_error, job.advice
            if publishing is not None and publishing.stopped_reason and job.state in UNFINISHED:
                # The channel's account is stopped (an expired Page token): the job waits for a person.
                status, reason, advice = "stopped", publishing.stopped_reason, publishing.stopped_advice
            out.setdefault(job.frame_id, []).append(ChannelState(
                job.frame_id, job.channel, account, status, job.media_id, reason, advice, job.published_at))
        _stopped_pages(s, [f for f in frame_ids if not any(c.channel != INSTAGRAM for c in out.get(f, []))], out)
    return out


_GOING_OUT = (FrameState.APPROVED.value, FrameState.SCHEDULED.value, FrameState.PUBLISHED.value)


def _stopped_pages(s: Session, frame_ids: list[int], out: dict[int, list[ChannelState]]) -> None:
    """A stopped Page makes no jobs: a released or published frame cross-posted to it says "stopped" there too,
    with the stop's reason, instead of nothing."""
    if not frame_ids:
        return
    page = aliased(Account)
    rows = s.execute(select(StoryFrame.id, page.name, AccountPublishing)
                     .join(TakeoverSlot, TakeoverSlot.id == StoryFrame.slot_id)
                     .join(Account, Account.id == TakeoverSlot.account_id)
                     .join(page, page.id == Account.facebook_page_account_id)
                     .join(AccountPublishing, AccountPublishing.account_id == page.id)
                     .where(StoryFrame.id.in_(frame_ids), AccountPublishing.stopped_reason != "",
                            StoryFrame.state.in_(_GOING_OUT))
                     .order_by(StoryFrame.id)).all()
    for frame_id, name, publishing in rows:
        out.setdefault(frame_id, []).append(ChannelState(frame_id, FACEBOOK, name, "stopped", None,
                                                         publishing.stopped_reason, publishing.stopped_advice))


__all__ = ["PLATFORMS", "FACEBOOK_PAGE", "clean_platform", "link_page", "unlink_page", "check_page", "PageCheck",
           "PageLinkInfo", "ChannelState", "channel_states"]
