"""One insights collection run: read the insights of every story whose read is due, and each account's follower
count when due; record what came back. The window's background collector and ``takeover-planner insights
collect`` (Task Scheduler / cron) both run this, through ``insights_service.collect``.

What to collect when is decided here, from the publish ledger and ``insights.schedule``; reading Instagram is
``insights.graph_reader`` and writing the rows ``insights.recording``.

- Stories come from the publish ledger: jobs that are published, with a media id, inside their 24-hour window.
  Frames posted by hand have no media id and are never asked about. Sample (demo) rows are never sent anywhere.
- Per account, in order: followers (if due), then each due story. A token Instagram refuses stops the
  account's queue exactly as the publisher does (one token serves both); a missing insights permission,
  throttling or a dead network ends this account's run with a plain explanation, and the next run tries again.
- Two runners at once (the window and cron) are harmless: a read is an idempotent overwrite with newer numbers.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import requests
from sqlalchemy import func, select

from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.insights import schedule
from takeover_planner.insights.graph_reader import StoryAnswer, read_followers, read_story
from takeover_planner.insights.recording import StoryKey, record_failure, record_read
from takeover_planner.instagram import versions
from takeover_planner.instagram.errors import (
    Family,
    GraphError,
    InstagramError,
    SecretStoreUnavailable,
    TransportError,
)
from takeover_planner.instagram.graph_client import GraphClient, new_session
from takeover_planner.instagram.secrets import SecretStore, token_key
from takeover_planner.publishing.account_state import set_account_stop
from takeover_planner.publishing.ledger import INSTAGRAM, JobState
from takeover_planner.storage.database import Database
from takeover_planner.storage.models import (
    Account,
    AccountPublishing,
    FollowerCount,
    PublishJob,
    StoryInsight,
)
from takeover_planner.texts import Code, Text
from takeover_planner.texts.insights import InsightsText
from takeover_planner.texts.instagram import InstagramText

log = logging.getLogger(__name__)

MISSED_LOOKBACK = dt.timedelta(days=7)  # windows that closed unread this recently are reported by each run


@dataclass
class CollectEnv:
    db: Database
    secrets: SecretStore
    http: Callable[[], requests.Session] = new_session
    timeout: tuple[float, float] = (10.0, 60.0)
    graph_version: str = versions.DEFAULT_VERSION  # the setting; used on Meta's hosts


@dataclass
class AccountRun:
    account_id: int
    account: str
    followers: int | None = None
    stories_read: int = 0
    not_enough_viewers: int = 0
    gone: int = 0
    problem: str = ""  # in the language in force when the run was made
    advice: str = ""

    def to_json(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class MissedFrame:
    frame_id: int
    account: str
    published_at: dt.datetime


@dataclass
class CollectReport:
    now: dt.datetime
    accounts: list[AccountRun] = field(default_factory=list)
    missed: list[MissedFrame] = field(default_factory=list)
    next_due_at: dt.datetime | None = None

    @property
    def stories_read(self) -> int:
        return sum(a.stories_read for a in self.accounts)

    @property
    def followers_read(self) -> int:
        return sum(1 for a in self.accounts if a.followers is not None)

    @property
    def problems(self) -> list[AccountRun]:
        return [a for a in self.accounts if a.problem]

    def to_json(self) -> dict[str, object]:
        return {
            "now": self.now.isoformat(),
            "stories_read": self.stories_read,
            "followers_read": self.followers_read,
            "accounts": [a.to_json() for a in self.accounts],
            "missed": [{"frame_id": m.frame_id, "account": m.account, "published_at": m.published_at.isoformat()}
                       for m in self.missed],
            "next_due_at": self.next_due_at.isoformat() if self.next_due_at else None,
        }


@dataclass(frozen=True)
class _Story:
    key: StoryKey
    last_attempt_at: dt.datetime | None
    gone: bool

    @property
    def account_id(self) -> int:
        return self.key.account_id

    @property
    def published_at(self) -> dt.datetime:
        return self.key.published_at


@dataclass(frozen=True)
class _Account:
    id: int
    name: str
    ig_user_id: str | None
    host: str
    version: str
    token_ref: str | None
    stopped: str
    stopped_advice: str
    followers_read_at: dt.datetime | None


def _open_stories(db: Database, now: dt.datetime) -> list[_Story]:
    """Published API stories whose window overlaps ``now`` (sample rows have no ledger entry)."""
    with db.session() as s:
        rows = s.execute(
            select(PublishJob.frame_id, PublishJob.account_id, PublishJob.media_id, PublishJob.published_at,
                   StoryInsight.last_attempt_at, StoryInsight.gone)
            .outerjoin(StoryInsight, StoryInsight.frame_id == PublishJob.frame_id)
            .where(PublishJob.state == JobState.PUBLISHED.value, PublishJob.media_id.is_not(None),
                   PublishJob.channel == INSTAGRAM,  # Page stories have no Instagram insights
                   PublishJob.published_at.is_not(None), PublishJob.published_at > now - schedule.WINDOW,
                   PublishJob.published_at <= now)
            .order_by(PublishJob.published_at, PublishJob.frame_id)
        ).all()
    return [_Story(StoryKey(r[0], r[1], str(r[2]), r[3]), r[4], bool(r[5])) for r in rows if r[3] is not None]


def _accounts(db: Database, graph_version: str) -> dict[int, _Account]:
    with db.session() as s:
        last_read: dict[int, dt.datetime | None] = {
            row[0]: row[1] for row in s.execute(
                select(FollowerCount.account_id, func.max(FollowerCount.read_at))
                .where(FollowerCount.sample.is_(False)).group_by(FollowerCount.account_id))}
        rows = s.execute(select(Account, AccountPublishing)
                         .outerjoin(AccountPublishing, AccountPublishing.account_id == Account.id)
                         .order_by(Account.name)).all()
        return {
            a.id: _Account(a.id, a.name, a.ig_user_id, a.graph_host,
                           versions.version_for(graph_version, a.graph_host, a.graph_version),
                           p.token_ref if p else None, p.stopped_reason if p else "",
                           p.stopped_advice if p else "", last_read.get(a.id))
            for a, p in rows
        }


def missed_frames(db: Database, now: dt.datetime) -> list[MissedFrame]:
    """API stories whose window closed (in the last week) without a single read that brought numbers."""
    with db.session() as s:
        rows = s.execute(
            select(PublishJob.frame_id, Account.name, PublishJob.published_at, StoryInsight.last_read_at,
                   StoryInsight.not_enough_viewers, StoryInsight.gone)
            .join(Account, Account.id == PublishJob.account_id)
            .outerjoin(StoryInsight, StoryInsight.frame_id == PublishJob.frame_id)
            .where(PublishJob.state == JobState.PUBLISHED.value, PublishJob.media_id.is_not(None),
                   PublishJob.channel == INSTAGRAM,
                   PublishJob.published_at <= now - schedule.WINDOW,
                   PublishJob.published_at > now - schedule.WINDOW - MISSED_LOOKBACK)
            .order_by(PublishJob.published_at)
        ).all()
    return [MissedFrame(r[0], r[1], r[2]) for r in rows
            if r[2] is not None and r[3] is None and not r[4] and not r[5]]


def collect(env: CollectEnv, now: dt.datetime | None = None) -> CollectReport:
    """Read whatever is due at ``now`` (default: the real time)."""
    moment = now or now_utc()
    report = CollectReport(moment)
    stories = _open_stories(env.db, moment)
    accounts = _accounts(env.db, env.graph_version)
    due_by_account: dict[int, list[_Story]] = {}
    for story in stories:
        if not story.gone and schedule.read_due(story.published_at, story.last_attempt_at, moment):
            due_by_account.setdefault(story.account_id, []).append(story)
    session = None
    try:
        for account in accounts.values():
            due = due_by_account.get(account.id, [])
            ready = bool(account.token_ref and account.ig_user_id)
            followers_due = ready and schedule.followers_due(account.followers_read_at, moment)
            if not due and not followers_due:
                continue
            if session is None:
                session = env.http()
            report.accounts.append(_run_account(env, account, due, followers_due, moment, session))
    finally:
        if session is not None:
            session.close()
    report.missed = missed_frames(env.db, moment)
    report.next_due_at = _next_due(env, moment)
    return report


def _say(code: Code, **params: object) -> str:
    """A run's problems and advice are words for a person (the window and the command line show them as
    they are), in the language in force."""
    return str(Text(code, params))


def _run_account(env: CollectEnv, account: _Account, due: list[_Story], followers_due: bool,
                 now: dt.datetime, http: requests.Session) -> AccountRun:
    run = AccountRun(account.id, account.name)
    if account.stopped:
        run.problem = _say(InsightsText.STOPPED, account=account.name, reason=account.stopped)
        run.advice = account.stopped_advice
        return run
    if not account.token_ref or not account.ig_user_id:
        run.problem = _say(InsightsText.NOT_SET_UP, account=account.name)
        run.advice = _say(InsightsText.ADVICE_SET_TOKEN, account=account.name)
        return run
    try:
        token = env.secrets.get(token_key(account.token_ref))
    except SecretStoreUnavailable as exc:
        run.problem = exc.message
        return run
    if token is None:
        run.problem = _say(InsightsText.TOKEN_NOT_HERE, account=account.name)
        run.advice = _say(InsightsText.ADVICE_SET_HERE, account=account.name)
        return run
    try:
        graph = GraphClient(account.host, account.version, token, session=http, timeout=env.timeout)
        if followers_due:
            count = read_followers(graph, str(account.ig_user_id))
            with env.db.write() as s:
                s.add(FollowerCount(account_id=account.id, read_at=now, followers=count))
            run.followers = count
        for story in due:
            try:
                read = read_story(graph, story.key.media_id)
            except GraphError as exc:
                if exc.family in (Family.TOKEN, Family.PERMISSION, Family.THROTTLED):
                    raise
                record_failure(env.db, story.key, exc.message)
                continue
            record_read(env.db, story.key, read, now)
            if read.answer == StoryAnswer.NUMBERS:
                run.stories_read += 1
            elif read.answer == StoryAnswer.NOT_ENOUGH_VIEWERS:
                run.not_enough_viewers += 1
            else:
                run.gone += 1
    except GraphError as exc:
        if exc.family in (Family.TOKEN, Family.SPAM, Family.RESTRICTED):
            advice = str(exc.classification.advice or "")
            set_account_stop(env.db, account.id, exc.message, advice, exc.family)
            run.problem, run.advice = exc.message, advice
        elif exc.family == Family.PERMISSION:
            run.problem = _say(InsightsText.NO_PERMISSION, account=account.name, reason=exc.text)
            run.advice = _say(InsightsText.ADVICE_PERMISSION)
        elif exc.family == Family.THROTTLED:
            run.problem = _say(InstagramText.THROTTLED)
            run.advice = _say(InsightsText.ADVICE_NEXT_RUN)
        else:
            run.problem = exc.message
            run.advice = _say(InsightsText.ADVICE_NEXT_RUN_LOG)
    except TransportError as exc:
        run.problem = exc.message
        run.advice = _say(InsightsText.ADVICE_RETRY)
    except InstagramError as exc:  # an id or a count that makes no sense
        run.problem = exc.message
    if run.problem:
        log.warning("Insights for %s: %s", account.name, run.problem)
    return run


def _next_due(env: CollectEnv, now: dt.datetime) -> dt.datetime | None:
    moments = []
    for story in _open_stories(env.db, now):
        if story.gone:
            continue
        moment = schedule.next_read_at(story.published_at, story.last_attempt_at, now)
        if moment is not None:
            moments.append(moment)
    for account in _accounts(env.db, env.graph_version).values():
        if account.token_ref and account.ig_user_id and not account.stopped:
            last = account.followers_read_at
            moments.append(now if last is None else max(now, last + schedule.FOLLOWERS_EVERY))
    return min(moments) if moments else None
