"""Publishing use cases for the command line and the window: run the queue, tokens, hosting, hand-off packs.

Nothing here talks HTTP itself; it gathers settings, secrets and database rows and calls ``publishing``.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import secrets as pysecrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import requests
from sqlalchemy import select, update

from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.errors import ValidationError
from takeover_planner.publishing import tokens
from takeover_planner.publishing.api_publisher import Policy, parse_quota
from takeover_planner.publishing.errors import Family, GraphError, MissingSecret, PublishingError
from takeover_planner.publishing.frame_gate import FrameRules
from takeover_planner.publishing.graph_client import GraphClient, check_base_url, new_session
from takeover_planner.publishing.hosting import MediaHost, WebDavConfig, WebDavHost
from takeover_planner.publishing.publisher import Method
from takeover_planner.publishing.queue import (
    MediaPath,
    Progress,
    QueueEnv,
    RunReport,
    account_state,
    run_due,
    set_account_stop,
)
from takeover_planner.publishing.secrets import ENV_BACKEND, SecretStore, hosting_password_key, token_key
from takeover_planner.services import audit
from takeover_planner.services.access import require_planner
from takeover_planner.services.catalog import find_account
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import (
    Account,
    AccountPublishing,
    MediaAsset,
    PublishJob,
)

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4)
def _store_for(backend_choice: str) -> SecretStore:
    return SecretStore()


def secret_store() -> SecretStore:
    """One probed store per process (and per $PYTHON_KEYRING_BACKEND value)."""
    return _store_for(os.environ.get(ENV_BACKEND, ""))


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
    """Never shorter than a few times the longest single call, so a live runner keeps its claim."""
    connect, read = timeouts(ctx)
    return dt.timedelta(seconds=max(ctx.settings.get("publish.claim_seconds"), 3 * (connect + read) + 30))


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
            raise MissingSecret(
                "The media host's password is not in this computer's keyring. Set it again with "
                "'takeover-planner hosting set … --password-stdin'."
            )
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
        http=http,
    )


def publish_due(ctx: AppContext, now: dt.datetime | None = None, progress: Progress | None = None, *,
                env: QueueEnv | None = None) -> RunReport:
    """Publish every frame that is due (approved, with a named approver, planned at or before ``now``)."""
    if now is not None and now.tzinfo is None:
        raise ValidationError("--now needs a time zone, e.g. 2025-05-06T10:00+02:00.")
    return run_due(env or queue_env(ctx), now, progress)


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
        raise ValidationError("That expiry date has already passed.")
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, "set access tokens")
        account = find_account(s, account_ref)
        state = account_state(s, account.id)
        ref = state.token_ref or pysecrets.token_hex(16)
        store.set(token_key(ref), token)
        state.token_ref = ref
        state.token_set_at = now
        state.token_expires_at = expires_at or now + tokens.ASSUMED_LIFETIME
        state.stopped_reason = state.stopped_advice = ""
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
        require_planner(s, ctx.actor, "remove access tokens")
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
    """Ask Instagram who the token belongs to and how much quota is left; learn the user id if missing."""
    store = secrets or secret_store()
    with ctx.db.write() as s:
        account = find_account(s, account_ref)
        state = account_state(s, account.id)
        account_id, name, variant = account.id, account.name, account.api_variant
        host, version, ig_user_id = account.graph_host, account.graph_version, account.ig_user_id
        ref, expires_at = state.token_ref, state.token_expires_at
        dates = tokens.TokenDates(state.token_set_at, state.token_expires_at)
        was_stopped = bool(state.stopped_reason)
    if not ref:
        raise MissingSecret(f"No access token is set for {name}. Set one with: takeover-planner account set-token "
                            f"\"{name}\"")
    token = store.get(token_key(ref))
    if token is None:
        raise MissingSecret(f"The access token for {name} is not in this computer's keyring. Set it here with: "
                            f"takeover-planner account set-token \"{name}\"")
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
            if variant == "instagram_login":
                me = graph.get("me", {"fields": "user_id,username"}).data
                found_id = str(me.get("user_id") or me.get("id") or "")
            else:
                if not ig_user_id:
                    raise ValidationError(
                        f"{name} uses Facebook Login: give its Instagram user id first (account add … --ig-user-id)."
                    )
                me = graph.get(ig_user_id, {"fields": "username,name"}).data
                found_id = str(me.get("id") or ig_user_id)
            username = str(me.get("username") or "")[:120]
            if not found_id.isdigit():
                raise PublishingError("Instagram did not say which account the token belongs to.")
            usage, total = parse_quota(graph.get(f"{found_id}/content_publishing_limit",
                                                 {"fields": "quota_usage,config"}).data)
        except GraphError as exc:
            if exc.family in (Family.TOKEN, Family.PERMISSION):
                set_account_stop(ctx.db, account_id, exc.message, exc.classification.advice)
            raise
    finally:
        session.close()
    with ctx.db.write() as s:
        row = s.get(Account, account_id)
        state = account_state(s, account_id)
        if row is not None and row.ig_user_id != found_id:
            if row.ig_user_id:
                raise ValidationError(
                    f"The token belongs to Instagram user {found_id} (@{username}), but {name} is set up for user "
                    f"{row.ig_user_id}. Set the token of the right account."
                )
            before = {"ig_user_id": row.ig_user_id}
            row.ig_user_id = found_id
            audit.record(s, ctx.actor, "account", account_id, "ig_user_id_learned", before=before,
                         after={"ig_user_id": found_id})
        resumed = False
        if state.stopped_reason:
            state.stopped_reason = state.stopped_advice = ""
            resumed = was_stopped
        paused_until, pause_reason, expires_at = state.paused_until, state.pause_reason, state.token_expires_at
    notice = tokens.expiry_notice(name, variant, expires_at, now_utc())
    return AccountCheck(name, variant, username, found_id, expires_at, notice.message, notice.level, usage, total,
                        paused_until if paused_until and paused_until > now_utc() else None, pause_reason, resumed)


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
                state.stopped_advice if state else "",
            ))
    return out


def set_publish_method(ctx: AppContext, account_ref: int | str, method: str) -> None:
    """'api' (automatic) or 'handoff' (the team posts everything by hand from hand-off packs)."""
    if method not in (Method.API.value, Method.HANDOFF.value):
        raise ValidationError("The publishing method must be 'api' or 'handoff'.")
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, "change how an account publishes")
        account = find_account(s, account_ref)
        state = account_state(s, account.id)
        before = {"method": state.method}
        state.method = method
        audit.record(s, ctx.actor, "account", account.id, "publish_method", before=before, after={"method": method})


def set_upload_host(ctx: AppContext, account_ref: int | str, url: str) -> None:
    checked = check_base_url(url, "The upload host")
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, "change an account's upload host")
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
            raise ValidationError("A password needs a user name (--username).")
        if not password:
            raise ValidationError("The password is empty.")
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
            raise ValidationError("No media host is set up yet: use 'takeover-planner hosting set'.")
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


def frame_statuses(ctx: AppContext, frame_ids: list[int] | None = None) -> dict[int, FramePublishStatus]:
    """queued / publishing / published (with media id) / failed (reason and what to do), per frame."""
    with ctx.db.session() as s:
        query = select(PublishJob)
        if frame_ids is not None:
            query = query.where(PublishJob.frame_id.in_(frame_ids))
        out = {}
        for job in s.scalars(query):
            status = {"queued": "queued", "active": "publishing"}.get(job.state, job.state)
            out[job.frame_id] = FramePublishStatus(
                job.frame_id, status, job.method, job.media_id, job.published_at, job.published_by,
                job.last_error, job.advice, job.next_attempt_at)
        return out


def clear_pause(ctx: AppContext, account_ref: int | str) -> None:
    """Resume an account paused by throttling before its time (e.g. after checking Meta's status page)."""
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, "resume publishing")
        account = find_account(s, account_ref)
        s.execute(update(AccountPublishing).where(
            AccountPublishing.account_id == account.id).values(paused_until=None, pause_reason=""))
