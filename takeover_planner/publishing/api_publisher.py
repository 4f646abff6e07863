"""Publishing through Instagram's Content Publishing API: container → status → media_publish, with the ledger.

Never twice: whenever a job has a container, the container's status is read before anything else.
``PUBLISHED`` means the story is live (we fetch its media id and stop); ``FINISHED`` after a publish request
whose answer was lost is only trusted after a grace period; ``EXPIRED`` or a failed container is replaced.
Never lost: every step is in the ledger before and after each call, every outcome is reported, and a frame
that cannot be published ends as ``failed`` with the reason and what to do.

One run does what can be done now and defers the rest (``next_attempt_at``): a container that is still
processing is looked at again a minute later, a transient error after an exponential backoff with jitter.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.errors import ConflictError, TransitionRefused
from takeover_planner.instagram.errors import (
    HOSTING_ADVICE,
    NEW_CONTAINER_AFTER,
    STOPS_ACCOUNT,
    Classification,
    Family,
    GraphError,
    TransportError,
    classify_container_status,
)
from takeover_planner.instagram.graph_client import GraphClient
from takeover_planner.media.fix_types import FixRefused, TextTooLong
from takeover_planner.publishing.errors import HostingError, PublishingError
from takeover_planner.publishing.frame_gate import FrameGate
from takeover_planner.publishing.hosting import MediaHost, new_hosted_name, upload_resumable, upload_target
from takeover_planner.publishing.ledger import PUBLISH_MAYBE_DONE, JobRow, JobState, LeaseLost, Ledger, Step
from takeover_planner.publishing.publisher import (
    FrameToPublish,
    Method,
    OutcomeKind,
    Publisher,
    PublishOutcome,
)
from takeover_planner.publishing.text_frames import published_media, published_suffix
from takeover_planner.storage.models import PublishJob
from takeover_planner.texts import Text
from takeover_planner.texts.audit import AuditNote, note, note_of
from takeover_planner.texts.instagram import InstagramText
from takeover_planner.texts.publishing import OutcomeText, PublishingText

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]
_ID = re.compile(r"[0-9A-Za-z_\-]{1,64}")


@dataclass(frozen=True)
class Policy:
    poll_interval: dt.timedelta = dt.timedelta(seconds=60)  # Meta: poll about once a minute
    inline_wait_s: float = 20.0  # how long one run waits for a container (images are usually ready at once)
    inline_step_s: float = 2.0
    max_attempts: int = 6  # transient failures before a frame fails for good
    backoff_base: dt.timedelta = dt.timedelta(seconds=30)
    backoff_cap: dt.timedelta = dt.timedelta(minutes=30)
    unknown_grace: dt.timedelta = dt.timedelta(minutes=2)  # after a lost reply to media_publish
    max_containers: int = 3  # each try uses one of the account's 400 containers a day
    max_processing: dt.timedelta = dt.timedelta(minutes=30)  # a container still IN_PROGRESS after this fails
    throttle_pause: dt.timedelta = dt.timedelta(minutes=15)  # when Instagram throttles without saying how long
    quota_pause: dt.timedelta = dt.timedelta(hours=1)  # the quota is a rolling 24 h: look again in an hour
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random = field(default_factory=random.Random)

    def backoff(self, attempt: int) -> dt.timedelta:
        """Exponential backoff with jitter: base·2^(n-1), capped, then a random 50–100 % of it."""
        raw = min(self.backoff_cap.total_seconds(), self.backoff_base.total_seconds() * 2 ** max(0, attempt - 1))
        return dt.timedelta(seconds=raw * (0.5 + 0.5 * self.rng.random()))


@dataclass(frozen=True)
class AccountLink:
    """One Instagram account as the publisher talks to it."""

    account_id: int
    name: str
    api_variant: str  # instagram_login | facebook_login
    ig_user_id: str
    graph: GraphClient
    upload_host: str = "https://rupload.facebook.com"


def _words(text: Text | None) -> str:
    """A text as words in the language in force: outcomes and the ledger keep what a person reads."""
    return str(text) if text is not None else ""


def _note(text: Text | None) -> str:
    """A text for the audit trail: stored as its code, so it reads in the language of whoever looks."""
    return note_of(text) if text is not None else ""


class _AccountPause(Exception):
    def __init__(self, until: dt.datetime, reason: str, advice: str) -> None:
        super().__init__(reason)
        self.until, self.reason, self.advice = until, reason, advice


class _AccountStop(Exception):
    def __init__(self, reason: str, advice: str, family: Family) -> None:
        super().__init__(reason)
        self.reason, self.advice, self.family = reason, advice, family


class ApiPublisher(Publisher):
    method = Method.API

    def __init__(
        self,
        link: AccountLink,
        ledger: Ledger,
        gate: FrameGate,
        db_write: Callable[[], object],
        host: MediaHost | None,
        *,
        clock: Clock = now_utc,
        policy: Policy | None = None,
    ) -> None:
        self.link = link
        self.ledger = ledger
        self.gate = gate
        self._db_write = db_write  # () -> context manager yielding a Session (Database.write)
        self.host = host
        self.clock = clock
        self.policy = policy or Policy()
        self.pause: tuple[dt.datetime, str] | None = None  # the account must wait until then (and why)
        self.stop: tuple[str, str, Family] | None = None  # the account's queue must stop (reason, advice, why)

    # --- the interface ---------------------------------------------------------------------------------

    def publish(self, frames: Sequence[FrameToPublish]) -> list[PublishOutcome]:
        """Publish in order; after a pause or stop the remaining frames of the account wait (and say why).

        ``self.pause`` / ``self.stop`` tell the caller what to record for the account afterwards.
        """
        outcomes: list[PublishOutcome] = []
        for frame in frames:
            if self.stop is not None:
                outcomes.append(self._out(frame, OutcomeKind.STOPPED, self.stop[0], self.stop[1]))
                continue
            if self.pause is not None:
                outcomes.append(self._out(frame, OutcomeKind.PAUSED, self.pause[1],
                                          Text(OutcomeText.ADVICE_RESUMES), retry_at=self.pause[0]))
                continue
            outcomes.append(self._one(frame))
        return outcomes

    # --- one frame -------------------------------------------------------------------------------------

    def _one(self, frame: FrameToPublish) -> PublishOutcome:
        job = self.ledger.ensure_job(frame.frame_id, frame.account_id, Method.API.value, frame.planned_at,
                                     frame.channel)
        if job.state not in (JobState.QUEUED.value, JobState.ACTIVE.value):
            return self._out(frame, OutcomeKind.SKIPPED,
                             Text(OutcomeText.ALREADY_IN_STATE, {"frame": frame.label, "state": job.state}))
        if not self.ledger.claim(job.id):
            return self._out(frame, OutcomeKind.SKIPPED, Text(OutcomeText.OTHER_RUNNER, {"frame": frame.label}))
        try:
            with self.ledger.heartbeat(job.id):
                return self._claimed(frame, job)
        finally:
            self.ledger.release(job.id)

    def _claimed(self, frame: FrameToPublish, job: JobRow) -> PublishOutcome:
        try:
            try:
                job = self.ledger.get(job.id)
                if job.step not in PUBLISH_MAYBE_DONE:
                    problem = self._gate_problem(frame)
                    if problem is not None:
                        return self._cancel(frame, job, problem)
                return self._advance(frame, job)
            except (_Blocked, _FrameFailure, _StatusUnreadable, TransportError, HostingError, GraphError) as exc:
                return self._handle(frame, job.id, exc)
        except _AccountPause as pause:
            self.pause = (pause.until, pause.reason)
            return self._out(frame, OutcomeKind.PAUSED, pause.reason, pause.advice, retry_at=pause.until)
        except _AccountStop as stop:
            self.stop = (stop.reason, stop.advice, stop.family)
            return self._out(frame, OutcomeKind.STOPPED, stop.reason, stop.advice)
        except LeaseLost:
            return self._out(frame, OutcomeKind.SKIPPED, Text(OutcomeText.TAKEN_OVER, {"frame": frame.label}))

    def _handle(self, frame: FrameToPublish, job_id: int, exc: Exception) -> PublishOutcome:
        """Problems that concern this frame only: retry later, or fail with the reason and what to do."""
        job = self.ledger.get(job_id)
        if isinstance(exc, _Blocked):
            return self._out(frame, OutcomeKind.BLOCKED, exc.text, exc.advice)
        if isinstance(exc, _FrameFailure):
            return self._fail(frame, job, exc.classification)
        if isinstance(exc, _StatusUnreadable):
            cause = exc.cause
            if isinstance(cause, GraphError) and cause.family in (Family.UNKNOWN, Family.MEDIA, Family.EXPIRED) \
                    and job.step not in PUBLISH_MAYBE_DONE:
                # The container cannot be read (gone, or refused): nothing was published, so start afresh.
                self._drop_container(job, cause.text)
                return self._retry_later(frame, job, cause.classification.reason, cause.classification)
            return self._retry_later(frame, job, cause.text)
        if isinstance(exc, TransportError):
            return self._retry_later(frame, job, exc.text)
        if isinstance(exc, HostingError):
            if exc.permanent:
                return self._fail(frame, job, Classification(Family.MEDIA, exc.text, HOSTING_ADVICE))
            return self._retry_later(frame, job, exc.text)
        assert isinstance(exc, GraphError)
        found = exc.classification
        if found.family == Family.NOT_READY:
            return self._defer(frame, job, self.clock() + self.policy.poll_interval, found.reason)
        if found.family == Family.EXPIRED:
            if job.container_id:
                self._drop_container(job, found.reason)
            return self._retry_later(frame, job, found.reason, found)
        if found.family == Family.TRANSIENT or found.retry_limit:
            return self._retry_later(frame, job, found.reason, found)
        log.info("Frame #%s failed: %s", frame.frame_id, exc.technical)
        return self._fail(frame, job, found)

    def _gate_problem(self, frame: FrameToPublish) -> Text | None:
        try:
            with self._db_write() as s:  # type: ignore[attr-defined]
                problem = self.gate.problem(s, frame.frame_id, cross_post=frame.cross_post)
                if problem is None:
                    self.gate.schedule(s, frame.frame_id)
                return problem
        except (TransitionRefused, ConflictError) as exc:  # the state machine said no, or the frame just changed
            return exc.text

    def _advance(self, frame: FrameToPublish, job: JobRow) -> PublishOutcome:
        waited_until = time.monotonic() + self.policy.inline_wait_s
        while True:
            job = self.ledger.get(job.id)
            if job.container_id:
                if job.hosted_name is None and job.step in (Step.CONTAINER_CREATED, Step.UPLOAD_REQUESTED) \
                        and self._uses_rupload(frame):
                    self._upload_video(frame, job)
                    continue
                code, status_text = self._read_status(job)
                if code == "PUBLISHED":
                    return self._published(frame, job, media_id=None)
                if code == "FINISHED":
                    if job.step in PUBLISH_MAYBE_DONE and job.publish_requested_at is not None:
                        ready_at = job.publish_requested_at + self.policy.unknown_grace
                        if self.clock() < ready_at:
                            return self._defer(frame, job, ready_at, Text(PublishingText.AWAITING_CONFIRMATION))
                    return self._publish(frame, job)
                if code == "IN_PROGRESS":
                    created = job.container_created_at
                    if created is not None and self.clock() - created > self.policy.max_processing:
                        return self._fail(frame, job, Classification(
                            Family.MEDIA, Text(PublishingText.PROCESSING_TOO_LONG),
                            Text(PublishingText.ADVICE_SMALLER_FILE)))
                    if time.monotonic() < waited_until:
                        self.policy.sleep(self.policy.inline_step_s)
                        continue
                    return self._defer(frame, job, self.clock() + self.policy.poll_interval,
                                       Text(InstagramText.PROCESSING))
                if code == "EXPIRED":
                    self._drop_container(job, Text(PublishingText.CONTAINER_EXPIRED))
                    continue
                if code == "ERROR":
                    found = classify_container_status(status_text)
                    if found.family == Family.THROTTLED or found.family in STOPS_ACCOUNT:
                        # The account's trouble, not the frame's: this container is spent, the frame waits.
                        self._drop_container(job, found.reason)
                        self._account_wide(found)
                    if found.family in (Family.TRANSIENT, Family.EXPIRED) or found.retry_limit:
                        if job.containers_made >= self.policy.max_containers:
                            return self._fail(frame, job, found)
                        self._drop_container(job, found.reason)
                        return self._retry_later(frame, job, found.reason, found)
                    return self._fail(frame, job, found)
                log.warning("Container %s has an unknown status %r", job.container_id, code)
                return self._defer(frame, job, self.clock() + self.policy.poll_interval,
                                   Text(PublishingText.UNKNOWN_STATUS, {"status": code[:30]}))
            if job.containers_made >= self.policy.max_containers:
                return self._fail(frame, job, Classification(
                    Family.MEDIA, Text(PublishingText.GAVE_UP_CONTAINERS), Text(PublishingText.ADVICE_CHECK_OR_HAND)))
            self._create_container(frame, job)

    # --- the steps -------------------------------------------------------------------------------------

    def _call(self, fn: Callable[[], object]) -> object:
        """Run one Graph call; turn account-wide problems into pause/stop, leave the rest to the caller."""
        try:
            result = fn()
        except GraphError as exc:
            self._note_usage()
            if exc.family == Family.THROTTLED or exc.family in STOPS_ACCOUNT:
                self._account_wide(exc.classification, exc)
            raise
        self._note_usage()
        return result

    def _account_wide(self, found: Classification, exc: GraphError | None = None) -> None:
        """Throttling pauses the account; a token, permission, spam or restriction problem stops it."""
        if found.family == Family.THROTTLED:
            default = self.policy.quota_pause if found.quota else self.policy.throttle_pause
            wait = dt.timedelta(seconds=exc.retry_after_s) if exc is not None and exc.retry_after_s else default
            raise _AccountPause(self.clock() + wait, _words(found.reason), _words(found.advice)) from None
        reason = exc.message if exc is not None else _words(found.reason)
        raise _AccountStop(reason, _words(found.advice), found.family) from None

    def _note_usage(self) -> None:
        usage = self.link.graph.last_usage
        if usage.regain_after_s > 0:
            self.pause = (self.clock() + dt.timedelta(seconds=usage.regain_after_s),
                          _words(Text(PublishingText.RATE_HEADERS)))
        elif usage.percent >= 100 and self.pause is None:
            self.pause = (self.clock() + self.policy.throttle_pause, _words(Text(PublishingText.ALLOWANCE_USED)))

    def _read_status(self, job: JobRow) -> tuple[str, str]:
        cid = job.container_id or ""
        try:
            response = self._call(lambda: self.link.graph.get(cid, {"fields": "status_code,status"}))
        except (TransportError, GraphError) as exc:
            raise _StatusUnreadable(exc) from None
        data = response.data  # type: ignore[attr-defined]
        code = str(data.get("status_code") or "").strip().upper()[:20]
        status_text = str(data.get("status") or "")[:300]
        self.ledger.record(job.id, job.step if job.step in PUBLISH_MAYBE_DONE else Step.STATUS_SEEN,
                           status_seen=code, state=JobState.ACTIVE.value)
        return code, status_text

    def _create_container(self, frame: FrameToPublish, job: JobRow) -> None:
        if frame.media_path is None or not frame.media_path.is_file():
            raise _FrameFailure(Classification(
                Family.MEDIA, Text(PublishingText.FILE_MISSING), Text(PublishingText.ADVICE_FILE_MISSING)))
        params = {"media_type": "STORIES"}
        if self._uses_rupload(frame):
            params["upload_type"] = "resumable"
        else:
            params["video_url" if frame.media_kind == "video" else "image_url"] = self._hosted_url(frame, job)
        self._check_quota(job, frame)
        self.ledger.record(job.id, Step.CONTAINER_REQUESTED, containers_made=job.containers_made + 1,
                           state=JobState.ACTIVE.value, status_seen="")
        ig = self.link.ig_user_id
        response = self._call(lambda: self.link.graph.post(f"{ig}/media", params))
        cid = str(response.data.get("id") or "")  # type: ignore[attr-defined]
        if not _ID.fullmatch(cid):
            raise GraphError(classify_container_status(""), http_status=200, body=None, operation="create container")
        uri = response.data.get("uri")  # type: ignore[attr-defined]
        self.ledger.record(job.id, Step.CONTAINER_CREATED, container_id=cid, container_created_at=self.clock(),
                           upload_uri=uri[:500] if isinstance(uri, str) and uri else None)

    def _hosted_url(self, frame: FrameToPublish, job: JobRow) -> str:
        if self.host is None:
            raise _Blocked(PublishingText.NO_MEDIA_HOST, advice=Text(PublishingText.ADVICE_MEDIA_HOST))
        assert frame.media_path is not None
        suffix = published_suffix(frame)
        name = job.hosted_name or new_hosted_name(suffix)
        if job.hosted_name and job.step not in (Step.HOST_REQUESTED, Step.NEW) and self.host.exists(name):
            return self.host.public_url(name)
        self.ledger.record(job.id, Step.HOST_REQUESTED, hosted_name=name, state=JobState.ACTIVE.value)
        try:
            with published_media(frame) as media:  # with its on-screen text burned in
                url = self.host.upload(media, name)
        except (TextTooLong, FixRefused) as exc:
            raise _FrameFailure(Classification(Family.MEDIA, exc.text)) from None
        self.ledger.record(job.id, Step.HOSTED)
        return url

    def _uses_rupload(self, frame: FrameToPublish) -> bool:
        """Video with Facebook Login goes to rupload (no hosting needed) unless a media host is set up."""
        return frame.media_kind == "video" and self.link.api_variant == "facebook_login" and self.host is None

    def _upload_video(self, frame: FrameToPublish, job: JobRow) -> None:
        if frame.media_path is None or not frame.media_path.is_file():
            raise _FrameFailure(Classification(Family.MEDIA, Text(PublishingText.VIDEO_MISSING),
                                               Text(PublishingText.ADVICE_VIDEO_MISSING)))
        self.ledger.record(job.id, Step.UPLOAD_REQUESTED)
        target = upload_target(self.link.graph, job.upload_uri, self.link.upload_host, job.container_id or "")
        try:
            with published_media(frame) as path:  # with its on-screen text burned in
                self._call(lambda: upload_resumable(self.link.graph, target, path))
        except (TextTooLong, FixRefused) as exc:
            raise _FrameFailure(Classification(Family.MEDIA, exc.text)) from None
        self.ledger.record(job.id, Step.UPLOADED)

    def _check_quota(self, job: JobRow, frame: FrameToPublish) -> None:
        ig = self.link.ig_user_id
        try:
            response = self._call(lambda: self.link.graph.get(
                f"{ig}/content_publishing_limit", {"fields": "quota_usage,config"}))
        except (GraphError, TransportError) as exc:
            # Throttling and token problems were raised by _call; anything else only means "quota unknown":
            # Instagram still refuses an over-quota publish itself (code 9), which pauses the account.
            log.warning("Could not read the publishing quota (%s); going ahead", exc.message)
            return
        usage, total = parse_quota(response.data)  # type: ignore[attr-defined]
        if usage is not None and total is not None and usage >= total:
            raise _AccountPause(
                self.clock() + self.policy.quota_pause,
                _words(Text(PublishingText.QUOTA_REACHED, {"usage": usage, "total": total})),
                _words(Text(InstagramText.ADVICE_QUOTA)),
            )

    def _publish(self, frame: FrameToPublish, job: JobRow) -> PublishOutcome:
        if job.step not in PUBLISH_MAYBE_DONE:
            # The plan may have changed while the file was being prepared (slot cancelled or moved).
            problem = self._gate_problem(frame)
            if problem is not None:
                return self._cancel(frame, job, problem)
        self._check_quota(job, frame)
        self.ledger.record(job.id, Step.PUBLISH_REQUESTED, publish_requested_at=self.clock())
        ig, cid = self.link.ig_user_id, job.container_id or ""
        try:
            response = self._call(lambda: self.link.graph.post(f"{ig}/media_publish",
                                                                           {"creation_id": cid}))
        except TransportError as exc:
            return self._unknown(frame, job, exc.text)
        except GraphError as exc:
            if exc.classification.new_container_after_retries and exc.http_status < 500:
                # 24/2207008 is a definite refusal: nothing went out. Retry once or twice, then a new container.
                self.ledger.record(job.id, Step.STATUS_SEEN, publish_requested_at=None)
                return self._retry_later(frame, job, exc.classification.reason, exc.classification)
            if exc.family in (Family.TRANSIENT, Family.UNKNOWN) or exc.http_status >= 500:
                return self._unknown(frame, job, exc.text)
            # A definite refusal: nothing went out. Back to "status seen" so the next run starts afresh.
            self.ledger.record(job.id, Step.STATUS_SEEN, publish_requested_at=None)
            if exc.family == Family.NOT_READY:
                return self._defer(frame, job, self.clock() + self.policy.poll_interval, exc.classification.reason)
            if exc.family == Family.EXPIRED:
                self._drop_container(self.ledger.get(job.id), exc.classification.reason)
                return self._retry_later(frame, job, exc.classification.reason, exc.classification)
            raise
        media_id = str(response.data.get("id") or "")  # type: ignore[attr-defined]
        return self._published(frame, self.ledger.get(job.id), media_id=media_id if _ID.fullmatch(media_id) else None)

    def _unknown(self, frame: FrameToPublish, job: JobRow, why: Text) -> PublishOutcome:
        """The publish may or may not have happened: record it, and read the container next time."""
        at = self.clock() + self.policy.unknown_grace
        self.ledger.record(job.id, Step.PUBLISH_UNKNOWN, next_attempt_at=at, last_error=_words(why),
                           error_family=Family.TRANSIENT.value)
        return self._out(frame, OutcomeKind.DEFERRED, Text(OutcomeText.UNCONFIRMED, {"frame": frame.label, "why": why}),
                         retry_at=at)

    def _published(self, frame: FrameToPublish, job: JobRow, media_id: str | None) -> PublishOutcome:
        if media_id is None:
            media_id = self._find_media_id(job)
        how = note(AuditNote.PUBLISHED_API, media_id=media_id or Text(AuditNote.NOT_READABLE))
        self.ledger.finish(
            job.id, Step.PUBLISHED, state=JobState.PUBLISHED.value, media_id=media_id, published_at=self.clock(),
            published_by="Instagram API", last_error="", advice="", error_family="", next_attempt_at=None,
            also=lambda s: self.gate.mark_published(s, frame.frame_id, how),
        )
        self._remove_hosted(job)
        message = Text(OutcomeText.PUBLISHED_AS, {"frame": frame.label, "media_id": media_id}) if media_id else \
            Text(OutcomeText.PUBLISHED, {"frame": frame.label})
        return self._out(frame, OutcomeKind.PUBLISHED, message, media_id=media_id)

    def _find_media_id(self, job: JobRow) -> str | None:
        """After a lost reply the container says PUBLISHED but not which story it became: look among the
        account's live stories for the one that appeared after our request and is not already ours."""
        ig = self.link.ig_user_id
        try:
            response = self.link.graph.get(f"{ig}/stories", {"fields": "id,timestamp"})
        except (GraphError, TransportError) as exc:
            log.info("Could not list stories to find the media id: %s", exc.message)
            return None
        items = response.data.get("data")
        if not isinstance(items, list):
            return None
        since = (job.publish_requested_at or job.container_created_at or self.clock()) - dt.timedelta(minutes=5)
        with self.ledger.db.session() as s:
            known = set(s.scalars(select(PublishJob.media_id).where(PublishJob.account_id == self.link.account_id,
                                                                   PublishJob.media_id.is_not(None))))
        candidates = []
        for item in items:
            if not isinstance(item, dict):
                continue
            mid, stamp = str(item.get("id") or ""), _parse_meta_time(item.get("timestamp"))
            if _ID.fullmatch(mid) and mid not in known and stamp is not None and stamp >= since:
                candidates.append(mid)
        return candidates[0] if len(candidates) == 1 else None

    def _fail(self, frame: FrameToPublish, job: JobRow, why: Classification) -> PublishOutcome:
        reason = _words(why.reason)
        self.ledger.finish(
            job.id, Step.FAILED, state=JobState.FAILED.value, last_error=reason, advice=_words(why.advice),
            error_family=why.family.value, next_attempt_at=None,
            also=lambda s: self.gate.mark_failed(s, frame.frame_id, _note(why.reason)),
        )
        self._remove_hosted(job)
        return self._out(frame, OutcomeKind.FAILED, Text(OutcomeText.FAILED, {"frame": frame.label, "reason": why.reason}),
                         why.advice)

    def _cancel(self, frame: FrameToPublish, job: JobRow, problem: Text) -> PublishOutcome:
        self.ledger.finish(job.id, Step.CANCELLED, state=JobState.CANCELLED.value, last_error=_words(problem),
                           advice=_words(Text(PublishingText.ADVICE_APPROVE_AGAIN)))
        self._remove_hosted(job)
        return self._out(frame, OutcomeKind.CANCELLED, problem)

    def _defer(self, frame: FrameToPublish, job: JobRow, at: dt.datetime, why: Text) -> PublishOutcome:
        self.ledger.record(job.id, self.ledger.get(job.id).step, next_attempt_at=at)
        return self._out(frame, OutcomeKind.DEFERRED, Text(OutcomeText.WAITING, {"frame": frame.label, "why": why}),
                         retry_at=at)

    def _retry_later(self, frame: FrameToPublish, job: JobRow, why: Text,
                     found: Classification | None = None) -> PublishOutcome:
        current = self.ledger.get(job.id)
        attempts = current.attempts + 1
        limit = min(self.policy.max_attempts, found.retry_limit) if found and found.retry_limit else \
            self.policy.max_attempts
        if attempts >= limit:
            if current.step in PUBLISH_MAYBE_DONE:
                final = Classification(
                    Family.UNCONFIRMED, Text(PublishingText.UNCONFIRMED, {"frame_id": frame.frame_id, "why": why}),
                    Text(PublishingText.ADVICE_UNCONFIRMED))
            elif found is not None and found.family == Family.MEDIA:
                final = found
            else:
                final = Classification(Family.TRANSIENT, Text(PublishingText.KEPT_FAILING, {"why": why}),
                                       Text(PublishingText.ADVICE_LATER_OR_HAND))
            return self._fail(frame, current, final)
        if found is not None and current.container_id and current.step not in PUBLISH_MAYBE_DONE and (
                found.new_container or (found.new_container_after_retries and attempts >= NEW_CONTAINER_AFTER)):
            self._drop_container(current, why)
            current = self.ledger.get(job.id)
        at = self.clock() + self.policy.backoff(attempts)
        self.ledger.record(job.id, current.step, attempts=attempts, next_attempt_at=at, last_error=_words(why),
                           error_family=(found.family.value if found else Family.TRANSIENT.value))
        return self._out(frame, OutcomeKind.DEFERRED,
                         Text(OutcomeText.RETRY_LATER, {"frame": frame.label, "why": why}), retry_at=at)

    def _drop_container(self, job: JobRow, why: Text) -> None:
        log.info("Dropping container %s of job #%s: %s", job.container_id, job.id, why)
        self.ledger.record(job.id, Step.CONTAINER_DROPPED, container_id=None, container_created_at=None,
                           publish_requested_at=None, status_seen="", upload_uri=None)

    def _remove_hosted(self, job: JobRow) -> None:
        name = self.ledger.get(job.id).hosted_name
        if name and self.host is not None:
            try:
                self.host.delete(name)
            except HostingError as exc:
                log.warning("Could not delete a hosted file yet (%s); the next run tries again", exc.message)
                return
            with self._db_write() as s:  # type: ignore[attr-defined]
                row = s.get(PublishJob, job.id)
                if row is not None and row.hosted_name == name and row.state in ("published", "failed", "cancelled"):
                    row.hosted_name = None

    def _out(self, frame: FrameToPublish, kind: OutcomeKind, message: Text | str, advice: Text | str | None = None,
             media_id: str | None = None, retry_at: dt.datetime | None = None) -> PublishOutcome:
        """An outcome in words (``str``: words already made, e.g. an account's stored stop reason)."""
        return PublishOutcome(frame.frame_id, kind, str(message), str(advice or ""), media_id, retry_at,
                              frame.account_id, frame.channel)


class _Blocked(PublishingError):
    """A setup problem on this computer: nothing was tried."""

    def __init__(self, code: PublishingText, *, advice: Text) -> None:
        super().__init__(code)
        self.advice = advice


class _FrameFailure(Exception):
    def __init__(self, classification: Classification) -> None:
        super().__init__(classification.family.value)
        self.classification = classification


class _StatusUnreadable(Exception):
    def __init__(self, cause: GraphError | TransportError) -> None:
        super().__init__(cause.code.key)
        self.cause = cause


def parse_quota(data: object) -> tuple[int | None, int | None]:
    """``{"data": [{"quota_usage": 2, "config": {"quota_total": 50, "quota_duration": 86400}}]}``."""
    if not isinstance(data, dict):
        return None, None
    items = data.get("data")
    entry = items[0] if isinstance(items, list) and items and isinstance(items[0], dict) else data
    usage = entry.get("quota_usage")
    config = entry.get("config") if isinstance(entry.get("config"), dict) else {}
    total = config.get("quota_total") if isinstance(config, dict) else None

    def as_count(value: object) -> int | None:
        return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 100_000 else None

    return as_count(usage), as_count(total)


def _parse_meta_time(value: object) -> dt.datetime | None:
    """Meta writes '2024-05-01T10:00:00+0000'."""
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.strptime(value.strip(), "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        try:
            parsed = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    return parsed if parsed.tzinfo is not None else None


__all__ = ["ApiPublisher", "AccountLink", "Policy", "parse_quota", "Session"]
