"""Publishing use cases for the command line and the window: run the queue, tokens, hosting, hand-off packs.

Nothing here talks HTTP itself; it gathers settings, secrets and database rows and calls ``publishing``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import secrets as pysecrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import requests
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from takeover_planner.domain.review import FrameState
from takeover_planner.domain.timekeeping import now_utc, to_oslo
from takeover_planner.errors import NotFoundError, TransitionRefused, ValidationError
from takeover_planner.instagram import tokens, versions
from takeover_planner.instagram.errors import NEEDS_A_PERSON, STOPS_ACCOUNT, GraphError, InstagramError
from takeover_planner.instagram.graph_client import GraphClient, check_base_url, is_meta_host, new_session
from takeover_planner.instagram.secrets import (
    SecretStore,
    hosting_password_key,
    token_key,
)
from takeover_planner.publishing import plan
from takeover_planner.publishing.api_publisher import Policy, parse_quota
from takeover_planner.publishing.errors import MissingSecret, PublishingError
from takeover_planner.publishing.frame_gate import FrameRules
from takeover_planner.publishing.hosting import MediaHost, WebDavConfig, WebDavHost
from takeover_planner.publishing.ledger import INSTAGRAM, MAX_LEASE, JobState, Step
from takeover_planner.publishing.publisher import Method
from takeover_planner.publishing.queue import (
    LATE,
    RELEASED_LATE,
    MediaPath,
    Progress,
    QueueEnv,
    RunReport,
    account_state,
    run_due,
    set_account_stop,
)
from takeover_planner.services import audit
from takeover_planner.services.access import require_planner
from takeover_planner.services.catalog import find_account
from takeover_planner.services.context import AppContext
from takeover_planner.services.text_frames_setting import text_frames_choice
from takeover_planner.storage.models import (
    Account,
    AccountPublishing,
    MediaAsset,
    PublishJob,
    StoryFrame,
    TakeoverSlot,
)
from takeover_planner.texts import DateSpan
from takeover_planner.texts.access import ActionText
from takeover_planner.texts.audit import AuditNote, note
from takeover_planner.texts.instagram import InstagramText
from takeover_planner.texts.publishing import PublishingText

log = logging.getLogger(__name__)


def secret_store() -> SecretStore:
    """keyring's store for this process, found when a secret is first asked for: a queue or collector run with
    nothing due never loads keyring's backends (the Secret Service one alone costs 8 MB), and tests that swap the
    backend with ``keyring.set_keyring`` get it from the next store on."""
    return SecretStore()


def timeouts(ctx: AppContext) -> tuple[float, float]:
    return (float(max(1, ctx.settings.get("publish.connect_timeout_seconds"))),
            float(max(1, ctx.settings.get("publish.read_timeout_seconds"))))


def policy(ctx: AppContext) -> Policy:
    wait = float(max(0, ctx.settings.get("publish.inline_wait_seconds")))
    return Policy(
        poll_interval=dt.timedelta(seconds=max(5, ctx.settings.get("publish.poll_seconds"))),
        inline_wait_s=wait,
        inline_step_s=min(2.0, max(0.2, wait / 5)),
        unknown_grace=dt.timedelta(seconds=max(0, ctx.settings.get("publish.unknown_grace_seconds"))),
        max_attempts=max(1, ctx.settings.get("publish.max_attempts")),
    )


def claim_lease(ctx: AppContext) -> dt.timedelta:
    """At most two minutes: a live runner renews its claim while it works (ledger.Heartbeat), so the lease only
    decides how long a runner that died on another machine blocks a frame."""
    return min(MAX_LEASE, dt.timedelta(seconds=max(30, ctx.settings.get("publish.claim_seconds"))))


def late_grace(ctx: AppContext) -> dt.timedelta:
    return dt.timedelta(minutes=max(0, ctx.settings.get("publish.late_grace_minutes")))


def media_file(ctx: AppContext) -> MediaPath:
    """Where an asset's file lies in the media store."""
    from takeover_planner.media.store import MediaStore  # the media store owns the layout

    store = MediaStore(ctx.media_dir)

    def resolve(asset: MediaAsset) -> Path | None:
        return store.path_for(asset.sha256)

    return resolve


def media_host(ctx: AppContext, secrets: SecretStore) -> Callable[[requests.Session], MediaHost | None]:
    def build(http: requests.Session) -> MediaHost | None:
        upload = ctx.settings.get("hosting.upload_url")
        public = ctx.settings.get("hosting.public_url")
        if not upload or not public:
            return None
        username = ctx.settings.get("hosting.username")
        password = secrets.get(hosting_password_key(username, upload)) if username else None
        if username and password is None:
            raise MissingSecret(PublishingText.HOSTING_PASSWORD_MISSING)
        return WebDavHost(WebDavConfig(upload, public, username), password, session=http, timeout=timeouts(ctx))

    return build


def frame_rules() -> FrameRules:
    """Frame states change only through the stories service (domain.review plans, the audit trail records)."""
    from takeover_planner.services import stories

    return FrameRules(move=stories.move_frame, facts=stories.frame_facts, note=audit.record)


def queue_env(
    ctx: AppContext,
    *,
    secrets: SecretStore | None = None,
    media_path: MediaPath | None = None,
    http: Callable[[], requests.Session] = new_session,
) -> QueueEnv:
    store = secrets or secret_store()
    return QueueEnv(
        db=ctx.db, actor=ctx.actor, secrets=store, media_path=media_path or media_file(ctx),
        host=media_host(ctx, store), rules=frame_rules(), policy=policy(ctx), lease=claim_lease(ctx), timeout=timeouts(ctx),
        http=http, late_grace=late_grace(ctx), graph_version=ctx.settings.get("instagram.graph_version"),
        text_frames=text_frames_choice(ctx),
    )


def publish_due(ctx: AppContext, now: dt.datetime | None = None, progress: Progress | None = None, *,
                env: QueueEnv | None = None) -> RunReport:
    """Publish every frame that is due (approved, with a named approver, planned at or before ``now``)."""
    if now is not None and now.tzinfo is None:
        raise ValidationError(PublishingText.NOW_NEEDS_ZONE)
    if now is not None:
        refuse_rehearsal_on_meta(ctx, PublishingText.NOW_REFUSED_META)
    return run_due(env or queue_env(ctx), now, progress)


def refuse_rehearsal_on_meta(ctx: AppContext, code: PublishingText) -> None:
    """``--now`` is a rehearsal clock: it must never make a real post (or a real reading) before its time, so
    it is refused while any account with a token talks to Meta's own servers; only a test server accepts it."""
    with ctx.db.session() as s:
        rows = s.execute(select(Account.name, Account.graph_host)
                         .join(AccountPublishing, AccountPublishing.account_id == Account.id)
                         .where(AccountPublishing.token_ref.is_not(None))).all()
    for name, host in rows:
        if is_meta_host(host or ""):
            raise ValidationError(code, details={"account": name, "host": host}, account=name, host=host)


# --- tokens and account checks ----------------------------------------------------------------------


@dataclass(frozen=True)
class TokenInfo:
    account: str
    expires_at: dt.datetime | None
    notice: str
    secure_store: bool


def set_token(ctx: AppContext, account_ref: int | str, token_text: str, *, expires_at: dt.datetime | None = None,
              secrets: SecretStore | None = None) -> TokenInfo:
    """Keep the token in the keyring (never anywhere else) and restart the account's queue."""
    token = tokens.plausible_token(token_text)
    store = secrets or secret_store()
    store.require()
    now = now_utc()
    if expires_at is not None and expires_at <= now:
        raise ValidationError(PublishingText.EXPIRY_PASSED)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.SET_TOKENS)
        account = find_account(s, account_ref)
        state = account_state(s, account.id)
        ref = state.token_ref or pysecrets.token_hex(16)
        store.set(token_key(ref), token)
        state.token_ref = ref
        state.token_set_at = now
        # A pasted Instagram Login token's age is unknown: its real expiry is learned when it is renewed a day
        # from now. A Facebook Login token cannot be renewed from here, so the usual lifetime is assumed.
        state.token_expires_at = expires_at or (
            None if account.api_variant == "instagram_login" else now + tokens.ASSUMED_LIFETIME)
        if state.stop_family not in NEEDS_A_PERSON:  # a new token cures a token stop, not a spam appeal
            state.stopped_reason = state.stopped_advice = state.stop_family = ""
        state.paused_until = None
        state.pause_reason = ""
        audit.record(s, ctx.actor, "account", account.id, "token_set",
                     after={"expires_at": state.token_expires_at})
        name, variant, expiry = account.name, account.api_variant, state.token_expires_at
    notice = tokens.expiry_notice(name, variant, expiry, now)
    return TokenInfo(name, expiry, notice.message, store.is_real_keyring)


def remove_token(ctx: AppContext, account_ref: int | str, *, secrets: SecretStore | None = None) -> bool:
    store = secrets or secret_store()
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.REMOVE_TOKENS)
        account = find_account(s, account_ref)
        state = account_state(s, account.id)
        removed = store.delete(token_key(state.token_ref)) if state.token_ref else False
        state.token_set_at = state.token_expires_at = None
        audit.record(s, ctx.actor, "account", account.id, "token_removed")
    return removed


@dataclass(frozen=True)
class AccountCheck:
    account: str
    api_variant: str
    username: str
    ig_user_id: str
    token_expires_at: dt.datetime | None
    token_notice: str
    token_level: str
    quota_usage: int | None
    quota_total: int | None
    paused_until: dt.datetime | None
    pause_reason: str
    queue_resumed: bool

    def to_json(self) -> dict[str, object]:
        return {k: (v.isoformat() if isinstance(v, dt.datetime) else v) for k, v in self.__dict__.items()}


def check_account(ctx: AppContext, account_ref: int | str, *, secrets: SecretStore | None = None,
                  http: Callable[[], requests.Session] = new_session) -> AccountCheck:
    """Ask Instagram who the token belongs to and how much quota is left; learn the user id if missing.
    A Facebook Page account is asked for its Page's name instead (``page_accounts.check_page``)."""
    store = secrets or secret_store()
    page_check = _check_if_page(ctx, account_ref, store, http)
    if page_check is not None:
        return page_check
    with ctx.db.write() as s:
        account = find_account(s, account_ref)
        state = account_state(s, account.id)
        account_id, name, variant = account.id, account.name, account.api_variant
        host, ig_user_id = account.graph_host, account.ig_user_id
        version = versions.version_for(ctx.settings.get("instagram.graph_version"), host, account.graph_version)
        ref, expires_at = state.token_ref, state.token_expires_at
        dates = tokens.TokenDates(state.token_set_at, state.token_expires_at)
        was_stopped = bool(state.stopped_reason)
    if not ref:
        raise MissingSecret(PublishingText.NO_TOKEN, account=name)
    token = store.get(token_key(ref))
    if token is None:
        raise MissingSecret(PublishingText.TOKEN_NOT_HERE, account=name)
    session = http()
    try:
        graph = GraphClient(host, version, token, session=session, timeout=timeouts(ctx))
        now = now_utc()
        try:
            if tokens.needs_refresh(variant, dates, now):
                from takeover_planner.publishing.queue import refresh_token

                env = queue_env(ctx, secrets=store, http=http)
                refresh_token(env, account_id, graph)
                token = store.get(token_key(ref)) or token
                graph = GraphClient(host, version, token, session=session, timeout=timeouts(ctx))
            learned = _debug_expiry(graph, account_id) if variant == "facebook_login" else None
            if variant == "instagram_login":
                me = graph.get("me", {"fields": "user_id,username"}).data
                found_id = str(me.get("user_id") or me.get("id") or "")
            else:
                if not ig_user_id:
                    raise ValidationError(PublishingText.NEEDS_IG_USER_ID, account=name)
                me = graph.get(ig_user_id, {"fields": "username,name"}).data
                found_id = str(me.get("id") or ig_user_id)
            username = str(me.get("username") or "")[:120]
            if not found_id.isdigit():
                raise PublishingError(PublishingText.OWNER_UNKNOWN)
            usage, total = parse_quota(graph.get(f"{found_id}/content_publishing_limit",
                                                 {"fields": "quota_usage,config"}).data)
        except GraphError as exc:
            if exc.family in STOPS_ACCOUNT:
                set_account_stop(ctx.db, account_id, exc.message, str(exc.classification.advice or ""), exc.family)
            raise
    finally:
        session.close()
    with ctx.db.write() as s:
        row = s.get(Account, account_id)
        state = account_state(s, account_id)
        if learned is not None:
            state.token_expires_at = learned[0]
        if row is not None and row.ig_user_id != found_id:
            if row.ig_user_id:
                raise ValidationError(PublishingText.WRONG_ACCOUNT, found_id=found_id, username=username,
                                      account=name, expected_id=row.ig_user_id)
            before = {"ig_user_id": row.ig_user_id}
            row.ig_user_id = found_id
            audit.record(s, ctx.actor, "account", account_id, "ig_user_id_learned", before=before,
                         after={"ig_user_id": found_id})
        resumed = False
        if state.stopped_reason and state.stop_family not in NEEDS_A_PERSON:
            state.stopped_reason = state.stopped_advice = state.stop_family = ""
            resumed = was_stopped
        paused_until, pause_reason, expires_at = state.paused_until, state.pause_reason, state.token_expires_at
    notice = tokens.expiry_notice(name, variant, expires_at, now_utc())
    return AccountCheck(name, variant, username, found_id, expires_at, notice.message, notice.level, usage, total,
                        paused_until if paused_until and paused_until > now_utc() else None, pause_reason, resumed)


def _check_if_page(ctx: AppContext, account_ref: int | str, store: SecretStore,
                   http: Callable[[], requests.Session]) -> AccountCheck | None:
    from takeover_planner.services import page_accounts

    with ctx.db.session() as s:
        if find_account(s, account_ref).platform != page_accounts.FACEBOOK_PAGE:
            return None
    found = page_accounts.check_page(ctx, account_ref, secrets=store, http=http, timeout=timeouts(ctx))
    with ctx.db.session() as s:
        state = s.get(AccountPublishing, find_account(s, account_ref).id)
        paused_until, pause_reason = (state.paused_until, state.pause_reason) if state else (None, "")
    return AccountCheck(found.account, page_accounts.FACEBOOK_PAGE, found.page_name, found.page_id,
                        found.token_expires_at, found.token_notice, found.token_level, None, None,
                        paused_until if paused_until and paused_until > now_utc() else None, pause_reason,
                        found.queue_resumed)


def _debug_expiry(graph: GraphClient, account_id: int) -> tuple[dt.datetime | None] | None:
    """Facebook Login: the token's real expiry, as a 1-tuple (its value None: never expires); None if Meta
    would not say (``debug_token`` answers only for a token of one of the app's developers)."""
    try:
        return (tokens.debug_expiry(graph),)
    except InstagramError as exc:
        log.info("No expiry from debug_token for account #%s: %s", account_id, exc.message)
        return None


@dataclass(frozen=True)
class AccountPublishingInfo:
    account_id: int
    account: str
    method: str
    token_set: bool
    token_expires_at: dt.datetime | None
    token_notice: str
    token_level: str
    paused_until: dt.datetime | None
    pause_reason: str
    stopped_reason: str
    stopped_advice: str
    stop_family: str = ""  # token | permission | spam | restricted: spam and restricted wait for a person
    platform: str = "instagram"  # instagram | facebook_page

def publishing_overview(ctx: AppContext) -> list[AccountPublishingInfo]:
    """Per account: token expiry (with the warning a week ahead), pauses and stops — for the window."""
    now = now_utc()
    out = []
    with ctx.db.session() as s:
        for account in s.scalars(select(Account).order_by(Account.name)):
            state = s.get(AccountPublishing, account.id)
            expires = state.token_expires_at if state else None
            notice = tokens.expiry_notice(account.name, account.api_variant, expires, now)
            out.append(AccountPublishingInfo(
                account.id, account.name, state.method if state else Method.API.value, bool(state and state.token_ref),
                expires, notice.message, notice.level,
                state.paused_until if state and state.paused_until and state.paused_until > now else None,
                state.pause_reason if state else "", state.stopped_reason if state else "",
                state.stopped_advice if state else "", state.stop_family if state else "", account.platform,
            ))
    return out


def set_publish_method(ctx: AppContext, account_ref: int | str, method: str) -> None:
    """'api' (automatic) or 'handoff' (the team posts everything by hand from hand-off packs)."""
    if method not in (Method.API.value, Method.HANDOFF.value):
        raise ValidationError(PublishingText.BAD_METHOD)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.CHANGE_PUBLISH_MODE)
        account = find_account(s, account_ref)
        state = account_state(s, account.id)
        before = {"method": state.method}
        state.method = method
        audit.record(s, ctx.actor, "account", account.id, "publish_method", before=before, after={"method": method})


def set_upload_host(ctx: AppContext, account_ref: int | str, url: str) -> None:
    checked = check_base_url(url, InstagramText.UPLOAD_HOST)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.CHANGE_UPLOAD_HOST)
        account = find_account(s, account_ref)
        account_state(s, account.id).upload_host = checked


# --- hosting ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HostingInfo:
    upload_url: str
    public_url: str
    username: str
    password_stored: bool


def set_hosting(ctx: AppContext, upload_url: str, public_url: str, username: str = "",
                password: str | None = None, *, secrets: SecretStore | None = None) -> HostingInfo:
    config = WebDavConfig(upload_url, public_url, username).validated()
    store = secrets or secret_store()
    if password is not None:
        if not config.username:
            raise ValidationError(PublishingText.PASSWORD_NEEDS_USER)
        if not password:
            raise ValidationError(PublishingText.PASSWORD_EMPTY)
        store.set(hosting_password_key(config.username, config.upload_url), password)
    ctx.settings.set("hosting.upload_url", config.upload_url)
    ctx.settings.set("hosting.public_url", config.public_url)
    ctx.settings.set("hosting.username", config.username)
    ctx.settings.save()
    return hosting_info(ctx, secrets=store)


def hosting_info(ctx: AppContext, *, secrets: SecretStore | None = None) -> HostingInfo:
    upload, public = ctx.settings.get("hosting.upload_url"), ctx.settings.get("hosting.public_url")
    username = ctx.settings.get("hosting.username")
    stored = False
    if upload and username:
        store = secrets or secret_store()
        stored = store.status().usable and store.get(hosting_password_key(username, upload)) is not None
    return HostingInfo(upload, public, username, stored)


def check_hosting(ctx: AppContext, *, secrets: SecretStore | None = None) -> str:
    with new_session() as http:
        host = media_host(ctx, secrets or secret_store())(http)
        if host is None:
            raise ValidationError(PublishingText.NO_HOSTING)
        return host.check()


# --- status for the window --------------------------------------------------------------------------


@dataclass(frozen=True)
class FramePublishStatus:
    frame_id: int
    status: str  # not_queued | queued | publishing | published | failed | handoff | cancelled
    method: str
    media_id: str | None
    published_at: dt.datetime | None
    published_by: str
    reason: str
    advice: str
    next_attempt_at: dt.datetime | None
    hold_reason: str = ""  # "late" while the frame waits for a person
    channel: str = INSTAGRAM  # instagram | facebook: the job this status describes
    # Every channel's status, Instagram's first (a cross-posted frame has two); this one is the first.
    channels: tuple[FramePublishStatus, ...] = ()


def frame_statuses(ctx: AppContext, frame_ids: list[int] | None = None) -> dict[int, FramePublishStatus]:
    """queued / publishing / published (with media id) / failed (reason and what to do), per frame — the
    Instagram job's (or the Page's, for a slot on a Page account), with every channel's in ``channels``."""
    with ctx.db.session() as s:
        query = select(PublishJob).order_by(PublishJob.frame_id, PublishJob.channel != INSTAGRAM, PublishJob.id)
        if frame_ids is not None:
            query = query.where(PublishJob.frame_id.in_(frame_ids))
        per_frame: dict[int, list[FramePublishStatus]] = {}
        for job in s.scalars(query):
            # held: waits for a person; the reason (``late``) is in ``hold_reason``.
            status = {"queued": "queued", "active": "publishing"}.get(job.state, job.state)
            per_frame.setdefault(job.frame_id, []).append(FramePublishStatus(
                job.frame_id, status, job.method, job.media_id, job.published_at, job.published_by,
                job.last_error, job.advice, job.next_attempt_at,
                job.error_family if job.state == JobState.HELD.value else "", job.channel))
        return {frame_id: dataclasses.replace(found[0], channels=tuple(found))
                for frame_id, found in per_frame.items()}


def clear_pause(ctx: AppContext, account_ref: int | str) -> bool:
    """Resume an account: end a throttling pause early, and lift a stop a person has acted on (an appeal went
    through, someone logged in to Instagram). Returns whether a stop was lifted; the audit trail says who."""
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.RESUME_PUBLISHING)
        account = find_account(s, account_ref)
        state = account_state(s, account.id)
        lifted = bool(state.stopped_reason)
        before = {"stopped_reason": state.stopped_reason, "stop_family": state.stop_family}
        s.execute(update(AccountPublishing).where(AccountPublishing.account_id == account.id).values(
            paused_until=None, pause_reason="", stopped_reason="", stopped_advice="", stop_family=""))
        if lifted:
            audit.record(s, ctx.actor, "account", account.id, "publishing_resumed", before=before,
                         comment=note(AuditNote.STOP_ACTED_ON))
        return lifted


# --- late frames: a person decides -------------------------------------------------------------------------


@dataclass(frozen=True)
class HeldInfo:
    frame_id: int
    slot_id: int
    department: str
    planned_at: dt.datetime | None
    reason: str  # "late"
    message: str


def held_frames(ctx: AppContext) -> list[HeldInfo]:
    """Frames the queue holds for a person (late), oldest first."""
    with ctx.db.session() as s:
        rows = s.execute(select(PublishJob, StoryFrame).join(StoryFrame, StoryFrame.id == PublishJob.frame_id)
                         .where(PublishJob.state == JobState.HELD.value,  # and still released by the team
                                StoryFrame.state.in_((FrameState.APPROVED.value, FrameState.SCHEDULED.value)))
                         .order_by(StoryFrame.planned_at, StoryFrame.id)).all()
        return [HeldInfo(f.id, f.slot_id, f.slot.department.name, f.planned_at, j.error_family or LATE, j.last_error)
                for j, f in rows]


def _held_job(s: Session, frame_id: int) -> tuple[PublishJob, StoryFrame]:
    frame = s.get(StoryFrame, frame_id)
    if frame is None:
        raise NotFoundError(PublishingText.NO_FRAME, frame_id=frame_id)
    # One held job per channel (a cross-posted frame is late on Instagram and on the Page): the person's
    # decision is for the frame, so it goes to every held job; the one returned is Instagram's if there is one.
    held = list(s.scalars(select(PublishJob).where(PublishJob.frame_id == frame_id,
                                                   PublishJob.state == JobState.HELD.value)
                          .order_by(PublishJob.channel != INSTAGRAM)))
    if not held:
        raise TransitionRefused(PublishingText.NOT_HELD, frame_id=frame_id)
    return held[0], frame


def _other_held(s: Session, job: PublishJob) -> list[PublishJob]:
    return list(s.scalars(select(PublishJob).where(PublishJob.frame_id == job.frame_id, PublishJob.id != job.id,
                                                   PublishJob.state == JobState.HELD.value)))


def post_late(ctx: AppContext, frame_id: int) -> None:
    """A person says: post it now although it is late (the next run takes it, the plan's gates still apply)."""
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.RESUME_PUBLISHING)
        first, frame = _held_job(s, frame_id)
        for job in [first, *_other_held(s, first)]:
            job.state, job.step, job.error_family = JobState.QUEUED.value, Step.NEW.value, RELEASED_LATE
            job.last_error = job.advice = ""
            job.next_attempt_at = None
        audit.record(s, ctx.actor, "story_frame", frame.id, "late_post_now",
                     comment=note(AuditNote.PLANNED_FOR, planned_at=frame.planned_at) if frame.planned_at else "")


def retime_late(ctx: AppContext, frame_id: int, at: dt.datetime) -> None:
    """A person gives the late frame a new time inside its slot; it then goes out like any other."""
    if at.tzinfo is None:
        raise ValidationError(PublishingText.TIME_NEEDS_ZONE)
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.RESUME_PUBLISHING)
        job, frame = _held_job(s, frame_id)
        slot = s.get(TakeoverSlot, frame.slot_id)
        assert slot is not None
        if not slot.start_date <= to_oslo(at).date() <= slot.end_date:
            raise ValidationError(PublishingText.OUTSIDE_SLOT, frame_id=frame.id, moment=at,
                                  dates=DateSpan(slot.start_date, slot.end_date))
        before = {"planned_at": frame.planned_at}
        frame.planned_at = at
        for held in [job, *_other_held(s, job)]:
            held.state, held.step, held.error_family, held.due_at = JobState.QUEUED.value, Step.NEW.value, "", at
            held.last_error = held.advice = ""
        audit.record(s, ctx.actor, "story_frame", frame.id, "late_retimed", before=before, after={"planned_at": at})


def drop_late(ctx: AppContext, frame_id: int) -> None:
    """A person says: do not post it. The frame is withdrawn (it can come back as a draft), the job cancelled."""
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.RESUME_PUBLISHING)
        job, frame = _held_job(s, frame_id)
        for held in [job, *_other_held(s, job)]:
            # The hold's words ("… is held: it is late") would outlive the decision in the frame's status.
            held.state, held.step = JobState.CANCELLED.value, Step.CANCELLED.value
            held.last_error = held.advice = ""
        from takeover_planner.services import stories

        stories.move_frame(s, frame, FrameState.WITHDRAWN, ctx.actor, note(AuditNote.LATE_DROPPED_BY_PERSON))
        audit.record(s, ctx.actor, "story_frame", frame.id, "late_dropped")


# --- the plan moves: slots cancelled or moved (called inside the booking service's transaction) -------------


def follow_slot_cancelled(session: Session, slot: TakeoverSlot, actor: str) -> int:
    """Take the slot's unpublished frames off the queue; returns how many."""
    return len(plan.withdraw_slot(session, slot, actor, frame_rules()))


def follow_slot_moved(session: Session, slot: TakeoverSlot, days: int, actor: str) -> plan.ShiftResult:
    """Move the slot's unpublished frames by ``days``; those that fall outside go back to review."""
    return plan.shift_slot(session, slot, days, actor, frame_rules())
