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
from sqlalchemy import and_, case, func, or_, select, update
from sqlalchemy.orm import Session, aliased, joinedload, object_session

from takeover_planner.domain.review import FrameState
from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.errors import TakeoverError
from takeover_planner.instagram import tokens, versions
from takeover_planner.instagram.errors import (
    STOPS_ACCOUNT,
    Family,
    GraphError,
    InstagramError,
    SecretStoreUnavailable,
)
from takeover_planner.instagram.graph_client import GraphClient, new_session
from takeover_planner.instagram.secrets import SecretStore, token_key
from takeover_planner.publishing.account_state import account_state, set_account_pause, set_account_stop
from takeover_planner.publishing.api_publisher import AccountLink, ApiPublisher, Policy
from takeover_planner.publishing.errors import HostingError, PublishingError
from takeover_planner.publishing.frame_gate import LIVE_SLOT_STATES, FrameGate, FrameRules, publish_asset
from takeover_planner.publishing.hosting import MediaHost
from takeover_planner.publishing.ledger import (
    CLAIMABLE,
    FACEBOOK,
    FINAL,
    INSTAGRAM,
    PUBLISH_MAYBE_DONE,
    JobState,
    Ledger,
    Step,
    new_runner_id,
)
from takeover_planner.publishing.page_publisher import PageLink, PagePublisher
from takeover_planner.publishing.publisher import (
    FrameToPublish,
    Method,
    OutcomeKind,
    PublishOutcome,
    choose_method,
)
from takeover_planner.publishing.text_frames import BURN, text_goes_by_hand
from takeover_planner.storage.database import Database
from takeover_planner.storage.models import (
    Account,
    AccountPublishing,
    MediaAsset,
    PublishJob,
    StoryFrame,
    TakeoverSlot,
)
from takeover_planner.texts import Text
from takeover_planner.texts.facebook import FacebookText
from takeover_planner.texts.publishing import OutcomeText, PublishingText

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
    lease: dt.timedelta = dt.timedelta(minutes=2)
    # A frame more than this late is held for a person to decide (post now, re-time or drop).
    late_grace: dt.timedelta = dt.timedelta(hours=2)
    graph_version: str = versions.DEFAULT_VERSION  # the setting; used on Meta's hosts
    text_frames: str = BURN  # the publish.text_frames setting: burn the text in, or hand such frames off
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


LATE = "late"  # the hold reason of a frame more than the grace period late
RELEASED_LATE = "released_late"  # a person said: post it although it is late


@dataclass(frozen=True)
class HeldFrame:
    """A frame the queue will not post until a person decides (``reason``: ``late``)."""

    frame_id: int
    account: str
    department: str
    planned_at: dt.datetime | None
    reason: str
    message: str  # in the language in force when the report was made
    channel: str = INSTAGRAM

    def to_json(self) -> dict[str, object]:
        return {"frame_id": self.frame_id, "channel": self.channel, "account": self.account,
                "department": self.department,
                "planned_at": self.planned_at.isoformat() if self.planned_at else None, "reason": self.reason,
                "message": self.message}


@dataclass
class RunReport:
    runner_id: str
    now: dt.datetime
    outcomes: list[PublishOutcome] = field(default_factory=list)
    handoff_due: list[HandoffDue] = field(default_factory=list)
    held: list[HeldFrame] = field(default_factory=list)
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
            "held": [h.to_json() for h in self.held],
            "notices": list(self.notices),
        }


FACEBOOK_PAGE = "facebook_page"  # account.platform of a Facebook Page account


def own_channel(account: Account) -> str:
    """The channel an account's own slots go out on."""
    return FACEBOOK if account.platform == FACEBOOK_PAGE else INSTAGRAM


def frame_to_publish(frame: StoryFrame, media_path: MediaPath, *, page: Account | None = None) -> FrameToPublish:
    """The frame as its own account's channel sees it, or (``page``) as a cross-post to that Page account."""
    asset = publish_asset(frame)
    account = page if page is not None else frame.slot.account
    linked = None
    if page is None and account.facebook_page_account_id is not None:
        session = object_session(frame)
        linked = session.get(Account, account.facebook_page_account_id) if session is not None else None
    return FrameToPublish(
        frame_id=frame.id, account_id=account.id, account_name=account.name,
        slot_id=frame.slot_id, department=frame.slot.department.name, position=frame.position,
        planned_at=frame.planned_at, media_path=media_path(asset) if asset is not None else None,
        media_kind=asset.kind if asset is not None else "unknown",
        media_suffix=media_suffix(asset) if asset is not None else "", text=frame.text, sticker_kind=frame.sticker_kind,
        sticker_value=frame.sticker_value, credit=frame.credit, notes=frame.notes,
        channel=FACEBOOK if page is not None else own_channel(account), cross_post=page is not None,
        facebook_page=linked.name if linked is not None else "",
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
    """Approved/scheduled frames of live slots whose time has come, plus any job that may already have gone out
    — each with its job on its own account's channel (Instagram, or Facebook for a slot on a Page account).

    Frames of a requested, cancelled or completed slot are not due at all (the gate refuses them too, should
    the slot change between this query and the claim).
    """
    channel = case((Account.platform == FACEBOOK_PAGE, FACEBOOK), else_=INSTAGRAM)
    rows = session.execute(
        select(StoryFrame, PublishJob)
        .join(TakeoverSlot, TakeoverSlot.id == StoryFrame.slot_id)
        .join(Account, Account.id == TakeoverSlot.account_id)
        .outerjoin(PublishJob, and_(PublishJob.frame_id == StoryFrame.id, PublishJob.channel == channel))
        .options(joinedload(StoryFrame.slot).joinedload(TakeoverSlot.account),
                 joinedload(StoryFrame.slot).joinedload(TakeoverSlot.department),
                 joinedload(StoryFrame.original), joinedload(StoryFrame.derivative))
        .where(or_(
            and_(StoryFrame.state.in_((FrameState.APPROVED.value, FrameState.SCHEDULED.value)),
                 TakeoverSlot.status.in_(tuple(LIVE_SLOT_STATES)),
                 StoryFrame.planned_at.is_not(None), StoryFrame.planned_at <= now),
            and_(PublishJob.state == JobState.ACTIVE.value, PublishJob.step.in_(tuple(PUBLISH_MAYBE_DONE))),
        ))
        .order_by(StoryFrame.planned_at, StoryFrame.slot_id, StoryFrame.position, StoryFrame.id)
    ).unique().all()
    return [(frame, job) for frame, job in rows]


_RELEASED_STATES = (FrameState.APPROVED.value, FrameState.SCHEDULED.value)
_SETTLED_ON_INSTAGRAM = (FrameState.PUBLISHED.value, FrameState.FAILED.value)


def _cross_posts(session: Session, now: dt.datetime, grace: dt.timedelta
                 ) -> list[tuple[StoryFrame, PublishJob | None, Account]]:
    """Frames of Instagram accounts linked to a Facebook Page that are due on the Page: released (or already
    published or failed on Instagram, which does not stop the Page) and without a finished Page job, plus any
    Page job that may already have gone out (even after the link was undone: it is confirmed on its Page).
    Each with its Facebook job and the Page account (the job's own, else the linked one).

    A frame already settled on Instagram and more than the grace period late gets no new Page job: linking a
    Page later does not post an old takeover there (nor hold every old frame for a person)."""
    page = aliased(Account)
    maybe_out = and_(PublishJob.state == JobState.ACTIVE.value, PublishJob.step.in_(tuple(PUBLISH_MAYBE_DONE)))
    rows = session.execute(
        select(StoryFrame, PublishJob, page)
        .join(TakeoverSlot, TakeoverSlot.id == StoryFrame.slot_id)
        .join(Account, Account.id == TakeoverSlot.account_id)
        .outerjoin(PublishJob, and_(PublishJob.frame_id == StoryFrame.id, PublishJob.channel == FACEBOOK))
        .join(page, page.id == func.coalesce(PublishJob.account_id, Account.facebook_page_account_id))
        .options(joinedload(StoryFrame.slot).joinedload(TakeoverSlot.account),
                 joinedload(StoryFrame.slot).joinedload(TakeoverSlot.department),
                 joinedload(StoryFrame.original), joinedload(StoryFrame.derivative))
        .where(Account.platform != FACEBOOK_PAGE, page.platform == FACEBOOK_PAGE)
        .where(or_(
            and_(Account.facebook_page_account_id.is_not(None), TakeoverSlot.status.in_(tuple(LIVE_SLOT_STATES)),
                 StoryFrame.planned_at.is_not(None), StoryFrame.planned_at <= now,
                 or_(StoryFrame.state.in_(_RELEASED_STATES),
                     and_(StoryFrame.state.in_(_SETTLED_ON_INSTAGRAM),
                          or_(and_(PublishJob.id.is_(None), StoryFrame.planned_at >= now - grace),
                              PublishJob.state.in_((*CLAIMABLE, JobState.HELD.value)))))),
            maybe_out,
        ))
        .order_by(StoryFrame.planned_at, StoryFrame.slot_id, StoryFrame.position, StoryFrame.id)
    ).unique().all()
    return [(frame, job, page_account) for frame, job, page_account in rows]


def _cross_post_finished(frame: StoryFrame, job: PublishJob | None) -> bool:
    """A Page job that is over for good: published, or failed/cancelled while the frame was not released again
    (a person re-approving the frame after a fix releases it again; a frame still scheduled does not)."""
    if job is None or job.state not in FINAL:
        return False
    if job.state == JobState.PUBLISHED.value:
        return True
    if job.state == JobState.CANCELLED.value:
        return frame.state not in _RELEASED_STATES
    return frame.state != FrameState.APPROVED.value


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
        due: list[tuple[FrameToPublish, PublishJob | None]] = [
            (frame_to_publish(frame, env.media_path), job) for frame, job in _due_frames(s, clock_now)]
        due += [(frame_to_publish(frame, env.media_path, page=page), job)
                for frame, job, page in _cross_posts(s, clock_now, env.late_grace)
                if not _cross_post_finished(frame, job)]
        for item, job in due:
            maybe_done = job is not None and job.state == JobState.ACTIVE.value and job.step in PUBLISH_MAYBE_DONE
            if job is not None and job.method == Method.HANDOFF.value and not maybe_done:
                if job.state == JobState.HANDOFF.value and not item.cross_post:
                    report.handoff_due.append(_handoff_due(item, str(Text(OutcomeText.IN_PACK))))
                continue
            by_hand = choose_method(item, methods.get(item.account_id, "api")) == Method.HANDOFF
            if not maybe_done and (by_hand or text_goes_by_hand(item, env.text_frames)):
                why = OutcomeText.HAS_STICKER if item.sticker_kind else \
                    OutcomeText.ACCOUNT_BY_HAND if by_hand else OutcomeText.HAS_TEXT
                if not item.cross_post:  # the hand-off pack lists the frame once, for both channels
                    report.handoff_due.append(_handoff_due(item, str(Text(why))))
                continue
            if job is not None and job.state == JobState.HELD.value:
                report.held.append(_held(item, job.error_family or LATE))
                continue
            if job is not None and job.state in FINAL:
                if job.state == JobState.PUBLISHED.value:
                    continue
                # Reopened: queued afresh, or (a publish that may have gone out) read before anything else.
                maybe_done = maybe_done or (job.error_family == Family.UNCONFIRMED.value and bool(job.container_id))
                _reopen(env.db, job.id)
                job = None
            if not maybe_done and _is_late(item, job, clock_now, env.late_grace):
                _hold(env.db, ledger, item, env.late_grace)
                report.held.append(_held(item, LATE))
                continue
            if job is not None and job.next_attempt_at is not None and job.next_attempt_at > clock_now:
                report.waiting += 1
                continue
            by_account[item.account_id].append(item)

    total = sum(len(v) for v in by_account.values())
    done = 0
    session_http = env.http()
    try:
        token_upkeep(env, report, clock, session_http)
        _stop_notices(env, report)
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


def _is_late(item: FrameToPublish, job: PublishJob | None, now: dt.datetime, grace: dt.timedelta) -> bool:
    """More than the grace period late and not started: a person decides (a started job is finished)."""
    if item.planned_at is None or now - item.planned_at <= grace:
        return False
    if job is None:
        return True
    not_started = job.state == JobState.QUEUED.value and job.step == Step.NEW.value and job.claimed_by is None
    return not_started and job.error_family != RELEASED_LATE


def _hold(db: Database, ledger: Ledger, item: FrameToPublish, grace: dt.timedelta) -> None:
    """Hold the frame's job with the reason "late" (created if missing; only a job that has not started)."""
    job = ledger.ensure_job(item.frame_id, item.account_id, Method.API.value, item.planned_at, item.channel)
    message = Text(PublishingText.LATE_HELD, {"frame_id": item.frame_id, "moment": item.planned_at,
                                              "minutes": int(grace.total_seconds() // 60)})
    with db.write() as s:
        s.execute(update(PublishJob)
                  .where(PublishJob.id == job.id, PublishJob.state == JobState.QUEUED.value,
                         PublishJob.step == Step.NEW.value, PublishJob.claimed_by.is_(None))
                  .values(state=JobState.HELD.value, step=Step.HELD.value, error_family=LATE,
                          last_error=str(message),
                          advice=str(Text(PublishingText.ADVICE_LATE, {"frame_id": item.frame_id})))
                  .execution_options(synchronize_session=False))
    log.warning("Frame #%s held: planned for %s, now late", item.frame_id, item.planned_at)


def _held(item: FrameToPublish, reason: str) -> HeldFrame:
    message = Text(OutcomeText.HELD_LATE, {"frame": item.label, "moment": item.planned_at})
    return HeldFrame(item.frame_id, item.account_name, item.department, item.planned_at, reason, str(message),
                     item.channel)


def _stop_notices(env: QueueEnv, report: RunReport) -> None:
    """A stopped account says so on every run, due frames or not, until a person acts."""
    with env.db.session() as s:
        rows = s.execute(select(Account.name, AccountPublishing.stopped_reason, AccountPublishing.stopped_advice)
                         .join(AccountPublishing, AccountPublishing.account_id == Account.id)
                         .where(AccountPublishing.stopped_reason != "")).all()
    for name, reason, advice in rows:
        notice = str(Text(OutcomeText.STOPPED_FOR, {"account": name, "reason": reason}))
        report.notices.append(f"{notice} {advice}".strip())


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
            row.upload_uri = None
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
    def all_(kind: OutcomeKind, message: Text, advice: Text | str = "", retry_at: dt.datetime | None = None
             ) -> list[PublishOutcome]:
        return [PublishOutcome(f.frame_id, kind, str(message), str(advice), retry_at=retry_at, account_id=account_id,
                               channel=f.channel) for f in frames]

    with env.db.write() as s:
        account = s.get(Account, account_id)
        if account is None:
            return all_(OutcomeKind.BLOCKED, Text(OutcomeText.ACCOUNT_GONE, {"account_id": account_id}))
        state = account_state(s, account_id)
        name, variant, ig_user_id = account.name, account.api_variant, account.ig_user_id
        graph_host = account.graph_host
        version = versions.version_for(env.graph_version, account.graph_host, account.graph_version)
        stopped, stopped_advice = state.stopped_reason, state.stopped_advice
        paused_until, pause_reason = state.paused_until, state.pause_reason
        token_ref, upload_host = state.token_ref, state.upload_host
        is_page, page_id = account.platform == FACEBOOK_PAGE, account.page_id
    if stopped:
        return all_(OutcomeKind.STOPPED, Text(OutcomeText.STOPPED_FOR, {"account": name, "reason": stopped}),
                    stopped_advice)
    if paused_until is not None and paused_until > clock():
        return all_(OutcomeKind.PAUSED, Text(OutcomeText.PAUSED_FOR, {"account": name, "reason": pause_reason}),
                    Text(OutcomeText.ADVICE_RESUMES_ITSELF), retry_at=paused_until)
    if not token_ref:
        return all_(OutcomeKind.BLOCKED, Text(OutcomeText.NO_TOKEN, {"account": name}),
                    Text(OutcomeText.ADVICE_SET_ONE, {"account": name}))
    if is_page and not page_id:
        return all_(OutcomeKind.BLOCKED, Text(FacebookText.NO_PAGE_ID, {"account": name}),
                    Text(FacebookText.ADVICE_PAGE_ID))
    if not is_page and not ig_user_id:
        return all_(OutcomeKind.BLOCKED, Text(OutcomeText.NO_IG_USER_ID, {"account": name}),
                    Text(OutcomeText.ADVICE_CHECK, {"account": name}))
    try:
        token = env.secrets.get(token_key(token_ref))
    except SecretStoreUnavailable as exc:
        return all_(OutcomeKind.BLOCKED, exc.text)
    if token is None:
        return all_(OutcomeKind.BLOCKED, Text(OutcomeText.TOKEN_NOT_HERE, {"account": name}),
                    Text(OutcomeText.ADVICE_SET_HERE, {"account": name}))
    try:
        graph = GraphClient(graph_host, version, token, session=http, timeout=env.timeout)
    except TakeoverError as exc:  # e.g. a graph host that is not https
        return all_(OutcomeKind.BLOCKED, Text(OutcomeText.ACCOUNT_PROBLEM, {"account": name, "problem": exc.text}))
    publisher: ApiPublisher
    if is_page:  # a Page takes the files itself: no media host
        publisher = PagePublisher(PageLink(account_id, name, page_id or "", graph), ledger, gate, env.db.write,
                                  clock=clock, policy=env.policy)
    else:
        try:
            host = env.host(http)
        except (PublishingError, HostingError, SecretStoreUnavailable) as exc:
            return all_(OutcomeKind.BLOCKED, exc.text)
        link = AccountLink(account_id, name, variant, ig_user_id or "", graph, upload_host)
        publisher = ApiPublisher(link, ledger, gate, env.db.write, host, clock=clock, policy=env.policy)
    outcomes = publisher.publish(frames)
    if publisher.stop is not None:
        reason, advice, family = publisher.stop
        set_account_stop(env.db, account_id, reason, advice, family)
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
        accounts = [(a.id, a.name, a.api_variant, a.graph_host,
                     versions.version_for(env.graph_version, a.graph_host, a.graph_version), p.token_ref,
                     tokens.TokenDates(p.token_set_at, p.token_expires_at), bool(p.stopped_reason),
                     p.paused_until is not None and p.paused_until > clock()) for a, p in rows]
    warned: set[str] = set()
    for account_id, name, variant, host, version, ref, dates, stopped, paused in accounts:
        ending = versions.version_notice(version, now_utc().date())
        if ending is not None and version not in warned:
            warned.add(version)
            report.notices.append(str(ending))
        if not stopped and not paused and tokens.needs_refresh(variant, dates, now_utc()):
            try:
                token = env.secrets.get(token_key(ref or ""))
                if token is not None:
                    graph = GraphClient(host, version, token, session=http, timeout=env.timeout)
                    refresh_token(env, account_id, graph, clock)
            except TakeoverError as exc:  # keyring trouble, an address that is not https
                report.notices.append(str(Text(OutcomeText.NOT_RENEWED, {"account": name, "problem": exc.text})))
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
        reason, advice = str(exc.classification.reason), str(exc.classification.advice or "")
        if exc.family in STOPS_ACCOUNT:
            set_account_stop(env.db, account_id, exc.message, advice, exc.family)
            return exc.message, advice
        if exc.family == Family.THROTTLED:
            wait = dt.timedelta(seconds=exc.retry_after_s or 900)
            set_account_pause(env.db, account_id, clock() + wait, reason)
            return reason, advice
        log.warning("Token refresh failed for account #%s: %s", account_id, exc.message)
        return None
    except InstagramError as exc:  # no answer, or an answer without a usable lifetime
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
