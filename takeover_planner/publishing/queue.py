"""The queue: find the frames that are due and hand them to the right publisher, one account at a time.

Used by the in-app timer and by ``takeover-planner publish-due`` alike, and safe to run from several places
at once: each job is claimed by exactly one runner (see ``ledger``). A run never blocks on one frame for
long; whatever is not finished is deferred to a later run.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import requests
from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session, joinedload

from takeover_planner.domain.review import FrameState
from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.errors import TakeoverError
from takeover_planner.publishing import tokens
from takeover_planner.publishing.api_publisher import AccountLink, ApiPublisher, Policy
from takeover_planner.publishing.errors import (
    Family,
    GraphError,
    PublishingError,
    SecretStoreUnavailable,
    TransportError,
)
from takeover_planner.publishing.frame_gate import FrameGate, FrameRules, publish_asset
from takeover_planner.publishing.graph_client import GraphClient, new_session
from takeover_planner.publishing.hosting import HostingError, MediaHost
from takeover_planner.publishing.ledger import (
    FINAL,
    PUBLISH_MAYBE_DONE,
    JobState,
    Ledger,
    Step,
    new_runner_id,
)
from takeover_planner.publishing.publisher import (
    FrameToPublish,
    Method,
    OutcomeKind,
    PublishOutcome,
    choose_method,
)
from takeover_planner.publishing.secrets import SecretStore, token_key
from takeover_planner.storage.database import Database
from takeover_planner.storage.models import (
    Account,
    AccountPublishing,
    MediaAsset,
    PublishJob,
    StoryFrame,
    TakeoverSlot,
)

log = logging.getLogger(__name__)

MediaPath = Callable[[MediaAsset], Path | None]
Progress = Callable[[int, int, PublishOutcome], None]


@dataclass
class QueueEnv:
    """Everything a run needs from the app; the service builds it from the context and settings."""

    db: Database
    actor: str
    secrets: SecretStore
    media_path: MediaPath
    # Built lazily (its password comes from the keyring), on the run's own HTTP session.
    host: Callable[[requests.Session], MediaHost | None]
    rules: FrameRules  # how frames are judged and moved (services.stories)
    policy: Policy = field(default_factory=Policy)
    lease: dt.timedelta = dt.timedelta(minutes=10)
    timeout: tuple[float, float] = (10.0, 60.0)
    http: Callable[[], requests.Session] = new_session
    runner_id: str = field(default_factory=new_runner_id)


@dataclass(frozen=True)
class HandoffDue:
    frame_id: int
    account: str
    department: str
    planned_at: dt.datetime | None
    sticker_kind: str
    reason: str


@dataclass
class RunReport:
    runner_id: str
    now: dt.datetime
    outcomes: list[PublishOutcome] = field(default_factory=list)
    handoff_due: list[HandoffDue] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    waiting: int = 0  # jobs deferred to a later time

    def count(self, kind: OutcomeKind) -> int:
        return sum(1 for o in self.outcomes if o.kind == kind)

    @property
    def failures(self) -> list[PublishOutcome]:
        return [o for o in self.outcomes if o.kind in (OutcomeKind.FAILED, OutcomeKind.STOPPED, OutcomeKind.BLOCKED)]

    def to_json(self) -> dict[str, object]:
        return {
            "runner": self.runner_id,
            "now": self.now.isoformat(),
            "published": self.count(OutcomeKind.PUBLISHED),
            "failed": self.count(OutcomeKind.FAILED),
            "deferred": self.count(OutcomeKind.DEFERRED),
            "waiting": self.waiting,
            "outcomes": [o.to_json() for o in self.outcomes],
            "handoff_due": [
                {"frame_id": h.frame_id, "account": h.account, "department": h.department,
                 "planned_at": h.planned_at.isoformat() if h.planned_at else None, "sticker": h.sticker_kind,
                 "reason": h.reason}
                for h in self.handoff_due
            ],
            "notices": list(self.notices),
        }


def account_state(session: Session, account_id: int) -> AccountPublishing:
    """The account's publishing row, created with defaults the first time it is needed."""
    row = session.get(AccountPublishing, account_id)
    if row is None:
        row = AccountPublishing(account_id=account_id, method=Method.API.value, pause_reason="", stopped_reason="",
                                stopped_advice="")
        session.add(row)
        session.flush()
    return row


def frame_to_publish(frame: StoryFrame, media_path: MediaPath) -> FrameToPublish:
    asset = publish_asset(frame)
    return FrameToPublish(
        frame_id=frame.id, account_id=frame.slot.account_id, account_name=frame.slot.account.name,
        slot_id=frame.slot_id, department=frame.slot.department.name, position=frame.position,
        planned_at=frame.planned_at, media_path=media_path(asset) if asset is not None else None,
        media_kind=asset.kind if asset is not None else "unknown",
        media_suffix=media_suffix(asset) if asset is not None else "", text=frame.text, sticker_kind=frame.sticker_kind,
        sticker_value=frame.sticker_value, credit=frame.credit, notes=frame.notes,
    )


_SUFFIXES = {"jpeg": ".jpg", "jpg": ".jpg", "mp4": ".mp4", "mov": ".mov", "quicktime": ".mov", "png": ".png",
             "heif": ".heic", "heic": ".heic", "webp": ".webp"}


def media_suffix(asset: MediaAsset) -> str:
    """The file extension that matches the asset's real format (the store's files have none)."""
    found = _SUFFIXES.get((asset.format or "").strip().lower())
    if found:
        return found
    original = Path(asset.original_name or "").suffix.lower()
    return original if re.fullmatch(r"\.[a-z0-9]{1,5}", original) else ""


def _due_frames(session: Session, now: dt.datetime) -> list[tuple[StoryFrame, PublishJob | None]]:
    """Approved/scheduled frames whose time has come, plus any job that may already have gone out."""
    rows = session.execute(
        select(StoryFrame, PublishJob)
        .outerjoin(PublishJob, PublishJob.frame_id == StoryFrame.id)
        .options(joinedload(StoryFrame.slot).joinedload(TakeoverSlot.account),
                 joinedload(StoryFrame.slot).joinedload(TakeoverSlot.department),
                 joinedload(StoryFrame.original), joinedload(StoryFrame.derivative))
        .where(or_(
            and_(StoryFrame.state.in_((FrameState.APPROVED.value, FrameState.SCHEDULED.value)),
                 StoryFrame.planned_at.is_not(None), StoryFrame.planned_at <= now),
            and_(PublishJob.state == JobState.ACTIVE.value, PublishJob.step.in_(tuple(PUBLISH_MAYBE_DONE))),
        ))
        .order_by(StoryFrame.planned_at, StoryFrame.slot_id, StoryFrame.position, StoryFrame.id)
    ).unique().all()
    return [(frame, job) for frame, job in rows]


def run_due(env: QueueEnv, now: dt.datetime | None = None, progress: Progress | None = None) -> RunReport:
    """Publish what is due at ``now`` (default: the real time). Returns what happened to every frame."""
    clock_now = now or now_utc()
    offset = clock_now - now_utc()

    def clock() -> dt.datetime:
        return now_utc() + offset

    report = RunReport(env.runner_id, clock_now)
    ledger = Ledger(env.db, env.runner_id, env.lease)
    gate = FrameGate(env.actor, env.rules)
    by_account: dict[int, list[FrameToPublish]] = defaultdict(list)
    with env.db.session() as s:
        methods = {row.account_id: row.method for row in s.scalars(select(AccountPublishing))}
        for frame, job in _due_frames(s, clock_now):
            item = frame_to_publish(frame, env.media_path)
            maybe_done = job is not None and job.state == JobState.ACTIVE.value and job.step in PUBLISH_MAYBE_DONE
            if job is not None and job.method == Method.HANDOFF.value and not maybe_done:
                if job.state == JobState.HANDOFF.value:
                    report.handoff_due.append(_handoff_due(item, "in a hand-off pack: post it by hand and mark it"))
                continue
            if not maybe_done and choose_method(item, methods.get(item.account_id, "api")) == Method.HANDOFF:
                why = "has a sticker, which the API cannot publish" if item.sticker_kind else \
                    "the account is set to post by hand"
                report.handoff_due.append(_handoff_due(item, f"{why}: make a hand-off pack"))
                continue
            if job is not None and job.state in FINAL:
                if job.state == JobState.PUBLISHED.value:
                    continue
                _reopen(env.db, job.id)
            elif job is not None and job.next_attempt_at is not None and job.next_attempt_at > clock_now:
                report.waiting += 1
                continue
            by_account[item.account_id].append(item)

    total = sum(len(v) for v in by_account.values())
    done = 0
    session_http = env.http()
    try:
        token_upkeep(env, report, clock, session_http)
        for account_id, frames in by_account.items():
            for outcome in _run_account(env, ledger, gate, account_id, frames, clock, report, session_http):
                done += 1
                report.outcomes.append(outcome)
                _log_outcome(outcome)
                if progress is not None:
                    progress(done, total, outcome)
        _clean_hosted(env, session_http)
    finally:
        session_http.close()
    return report


def _handoff_due(item: FrameToPublish, reason: str) -> HandoffDue:
    return HandoffDue(item.frame_id, item.account_name, item.department, item.planned_at, item.sticker_kind, reason)


def _reopen(db: Database, job_id: int) -> None:
    """A failed or cancelled frame was approved/scheduled again: give it a fresh start (but never lose a
    container that may have gone out — that one is read first)."""
    with db.write() as s:
        row = s.get(PublishJob, job_id)
        if row is None or row.state not in (JobState.FAILED.value, JobState.CANCELLED.value) or row.claimed_by:
            return
        unconfirmed = row.error_family == Family.UNCONFIRMED.value and bool(row.container_id)
        row.state = JobState.ACTIVE.value if unconfirmed else JobState.QUEUED.value
        row.step = Step.PUBLISH_UNKNOWN.value if unconfirmed else Step.NEW.value
        if not unconfirmed:
            row.container_id = None
            row.container_created_at = None
            row.publish_requested_at = None
            row.containers_made = 0
        row.attempts = 0
        row.next_attempt_at = None
        row.last_error = row.advice = row.error_family = ""
        log.info("Ledger: job #%s reopened for frame #%s", row.id, row.frame_id)


def _run_account(
    env: QueueEnv,
    ledger: Ledger,
    gate: FrameGate,
    account_id: int,
    frames: list[FrameToPublish],
    clock: Callable[[], dt.datetime],
    report: RunReport,
    http: requests.Session,
) -> list[PublishOutcome]:
    def all_(kind: OutcomeKind, message: str, advice: str = "", retry_at: dt.datetime | None = None
             ) -> list[PublishOutcome]:
        return [PublishOutcome(f.frame_id, kind, message, advice, retry_at=retry_at, account_id=account_id)
                for f in frames]

    with env.db.write() as s:
        account = s.get(Account, account_id)
        if account is None:
            return all_(OutcomeKind.BLOCKED, f"Account #{account_id} no longer exists.")
        state = account_state(s, account_id)
        name, variant, ig_user_id = account.name, account.api_variant, account.ig_user_id
        graph_host, version = account.graph_host, account.graph_version
        stopped, stopped_advice = state.stopped_reason, state.stopped_advice
        paused_until, pause_reason = state.paused_until, state.pause_reason
        token_ref, upload_host = state.token_ref, state.upload_host
    if stopped:
        return all_(OutcomeKind.STOPPED, f"Publishing for {name} is stopped: {stopped}", stopped_advice)
    if paused_until is not None and paused_until > clock():
        return all_(OutcomeKind.PAUSED, f"Publishing for {name} is paused: {pause_reason}",
                    "Nothing to do: it resumes by itself.", retry_at=paused_until)
    if not token_ref:
        return all_(OutcomeKind.BLOCKED, f"No access token is set for {name}.",
                    f"Set one with: takeover-planner account set-token \"{name}\"")
    if not ig_user_id:
        return all_(OutcomeKind.BLOCKED, f"The Instagram user id of {name} is not known yet.",
                    f"Run: takeover-planner account check \"{name}\" (it reads the id from Instagram)")
    try:
        token = env.secrets.get(token_key(token_ref))
    except SecretStoreUnavailable as exc:
        return all_(OutcomeKind.BLOCKED, exc.message)
    if token is None:
        return all_(OutcomeKind.BLOCKED, f"The access token for {name} is not in this computer's keyring.",
                    f"Set it here with: takeover-planner account set-token \"{name}\"")
    try:
        graph = GraphClient(graph_host, version, token, session=http, timeout=env.timeout)
    except TakeoverError as exc:  # e.g. a graph host that is not https
        return all_(OutcomeKind.BLOCKED, f"{name}: {exc.message}")
    try:
        host = env.host(http)
    except (PublishingError, HostingError, SecretStoreUnavailable) as exc:
        return all_(OutcomeKind.BLOCKED, exc.message)
    link = AccountLink(account_id, name, variant, ig_user_id, graph, upload_host)
    publisher = ApiPublisher(link, ledger, gate, env.db.write, host, clock=clock, policy=env.policy)
    outcomes = publisher.publish(frames)
    if publisher.stop is not None:
        set_account_stop(env.db, account_id, *publisher.stop)
    elif publisher.pause is not None:
        set_account_pause(env.db, account_id, *publisher.pause)
    return outcomes


def token_upkeep(env: QueueEnv, report: RunReport, clock: Callable[[], dt.datetime],
                 http: requests.Session) -> None:
    """For every account with a token: warn a week before it expires, renew Instagram Login tokens in time.

    Token dates are facts of the real world, judged by the real clock whatever ``--now`` says; this runs
    even when nothing is due, so a token does not lapse during a quiet month.
    """
    with env.db.session() as s:
        rows = s.execute(select(Account, AccountPublishing)
                         .join(AccountPublishing, AccountPublishing.account_id == Account.id)
                         .where(AccountPublishing.token_ref.is_not(None))).all()
        accounts = [(a.id, a.name, a.api_variant, a.graph_host, a.graph_version, p.token_ref,
                     tokens.TokenDates(p.token_set_at, p.token_expires_at), bool(p.stopped_reason),
                     p.paused_until is not None and p.paused_until > clock()) for a, p in rows]
    for account_id, name, variant, host, version, ref, dates, stopped, paused in accounts:
        if not stopped and not paused and tokens.needs_refresh(variant, dates, now_utc()):
            try:
                token = env.secrets.get(token_key(ref or ""))
                if token is not None:
                    graph = GraphClient(host, version, token, session=http, timeout=env.timeout)
                    refresh_token(env, account_id, graph, clock)
            except TakeoverError as exc:  # keyring trouble, an address that is not https
                report.notices.append(f"The token for {name} could not be renewed: {exc.message}")
            with env.db.session() as s:
                state = s.get(AccountPublishing, account_id)
                if state is not None:
                    dates = tokens.TokenDates(state.token_set_at, state.token_expires_at)
        notice = tokens.expiry_notice(name, variant, dates.expires_at, now_utc())
        if notice.level in ("warning", "expired"):
            report.notices.append(notice.message)


def refresh_token(env: QueueEnv, account_id: int, graph: GraphClient,
                  clock: Callable[[], dt.datetime] = now_utc) -> tuple[str, str] | None:
    """Renew an Instagram Login token; returns (reason, advice) if the account had to stop or pause."""
    try:
        new_token, lifetime = tokens.refresh_instagram_token(graph)
    except GraphError as exc:
        if exc.family in (Family.TOKEN, Family.PERMISSION):
            set_account_stop(env.db, account_id, exc.message, exc.classification.advice)
            return exc.message, exc.classification.advice
        if exc.family == Family.THROTTLED:
            wait = dt.timedelta(seconds=exc.retry_after_s or 900)
            set_account_pause(env.db, account_id, clock() + wait, exc.classification.reason)
            return exc.classification.reason, exc.classification.advice
        log.warning("Token refresh failed for account #%s: %s", account_id, exc.message)
        return None
    except (TransportError, PublishingError) as exc:
        log.warning("Token refresh failed for account #%s: %s", account_id, exc.message)
        return None
    with env.db.session() as s:
        state = s.get(AccountPublishing, account_id)
        token_ref = state.token_ref if state is not None else None
    if not token_ref:
        return None
    try:
        env.secrets.set(token_key(token_ref), new_token)
    except SecretStoreUnavailable as exc:
        log.warning("Renewed token for account #%s could not be saved: %s", account_id, exc.message)
        return None
    with env.db.write() as s:
        state = account_state(s, account_id)
        state.token_set_at = now_utc()
        state.token_expires_at = now_utc() + lifetime
    log.info("Access token for account #%s renewed", account_id)
    return None


def set_account_pause(db: Database, account_id: int, until: dt.datetime, reason: str) -> None:
    with db.write() as s:
        state = account_state(s, account_id)
        if state.paused_until is None or state.paused_until < until:
            state.paused_until = until
            state.pause_reason = reason
    log.warning("Publishing for account #%s paused until %s: %s", account_id, until.isoformat(), reason)


def set_account_stop(db: Database, account_id: int, reason: str, advice: str) -> None:
    with db.write() as s:
        state = account_state(s, account_id)
        state.stopped_reason = reason
        state.stopped_advice = advice
    log.warning("Publishing for account #%s stopped: %s", account_id, reason)


def _clean_hosted(env: QueueEnv, http: requests.Session) -> None:
    """Delete hosted files of finished jobs whose deletion failed earlier."""
    with env.db.session() as s:
        leftovers = s.execute(
            select(PublishJob.id, PublishJob.hosted_name)
            .where(PublishJob.state.in_(FINAL), PublishJob.hosted_name.is_not(None))
        ).all()
    if not leftovers:
        return
    try:
        host = env.host(http)
    except (PublishingError, HostingError, SecretStoreUnavailable) as exc:
        log.warning("Cannot clean up hosted files: %s", exc.message)
        return
    if host is None:
        return
    for job_id, name in leftovers:
        if not name:
            continue
        try:
            host.delete(name)
        except HostingError as exc:
            log.warning("Hosted file of job #%s not deleted yet: %s", job_id, exc.message)
            continue
        with env.db.write() as s:
            s.execute(update(PublishJob).where(PublishJob.id == job_id, PublishJob.hosted_name == name)
                      .values(hosted_name=None).execution_options(synchronize_session=False))


def _log_outcome(outcome: PublishOutcome) -> None:
    level = logging.WARNING if outcome.kind in (OutcomeKind.FAILED, OutcomeKind.STOPPED) else logging.INFO
    log.log(level, "Frame #%s: %s — %s", outcome.frame_id, outcome.kind.value, outcome.message)
