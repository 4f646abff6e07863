"""Facebook Page stories through the Graph API, with the same ledger and guarantees as Instagram's publisher.

Meta's Page Stories API (https://developers.facebook.com/docs/page-stories-api):

- a picture: ``POST /{page-id}/photos`` with ``published=false`` and the file as a multipart upload (an unpublished
  photo, never a feed post), then ``POST /{page-id}/photo_stories`` with its ``photo_id``;
- a video: ``POST /{page-id}/video_stories`` with ``upload_phase=start`` (→ ``video_id``, ``upload_url``), the
  bytes to ``upload_url`` (``offset``/``file_size`` headers, ``Authorization: OAuth``), then ``upload_phase=finish``
  with the ``video_id``;
- both answer with a ``post_id``; ``GET /{page-id}/stories`` lists the Page's stories with their ``media_id``.

The ledger steps are Instagram's, read for a Page: ``container_requested → container_created`` is the unpublished
photo or the started video (its id in ``container_id``, the upload address in ``upload_uri``), ``upload_requested
→ uploaded`` the video's bytes, ``publish_requested`` the story request. Never twice: a job whose story request
may have gone out (``publish_requested`` / ``publish_unknown``) first reads ``GET /{page-id}/stories`` and takes
the story whose ``media_id`` is its photo or video; only when it is not there after the grace period is the
request made again. A video upload that was cut off is first asked how far it got (``GET /{video-id}?fields=
status``). No media host is needed: files go straight to Meta.

A cross-posted frame (an Instagram account's frame, linked Page) keeps its own state on Instagram's job: this
channel never moves the frame, it writes its outcome in its own ledger row and the audit trail.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.instagram.errors import Classification, Family, GraphError, TransportError
from takeover_planner.instagram.graph_client import GraphClient, check_base_url, is_meta_host
from takeover_planner.instagram.page_errors import page_error
from takeover_planner.media.fix_types import FixRefused, TextTooLong
from takeover_planner.publishing.api_publisher import (
    _ID,
    AccountLink,
    ApiPublisher,
    Clock,
    Policy,
    _AccountPause,
    _AccountStop,
    _FrameFailure,
    _StatusUnreadable,
    _words,
)
from takeover_planner.publishing.frame_gate import FrameGate
from takeover_planner.publishing.ledger import PUBLISH_MAYBE_DONE, JobRow, JobState, Ledger, Step
from takeover_planner.publishing.publisher import FrameToPublish, OutcomeKind, PublishOutcome
from takeover_planner.publishing.text_frames import published_media, published_suffix
from takeover_planner.texts import Text
from takeover_planner.texts.audit import AuditNote, note, note_of
from takeover_planner.texts.facebook import FacebookText
from takeover_planner.texts.instagram import InstagramText
from takeover_planner.texts.publishing import OutcomeText, PublishingText

log = logging.getLogger(__name__)

RUPLOAD = "https://rupload.facebook.com"
_CONTENT_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}


@dataclass(frozen=True)
class PageLink:
    """One Facebook Page as the publisher talks to it (the Page access token is inside ``graph``)."""

    account_id: int
    name: str
    page_id: str
    graph: GraphClient


def video_upload_address(graph: GraphClient, upload_url: str | None, video_id: str) -> str:
    """Where the video's bytes go: the ``upload_url`` Meta returned when the upload started, if it is one the
    token may be sent to (a Meta host, or the Graph host itself on a test server); else rupload's documented
    ``/video-upload/{version}/{video-id}``."""
    if upload_url:
        checked = check_base_url(upload_url, InstagramText.UPLOAD_ADDRESS)
        if is_meta_host(checked) or urlsplit(checked).netloc == urlsplit(graph.base_url).netloc:
            return checked
    return f"{RUPLOAD}/video-upload/{graph.version}/{quote(video_id)}"


def find_story(items: object, media_id: str) -> str | None:
    """The ``post_id`` of the story made from ``media_id`` among ``GET /{page-id}/stories``'s items (the media
    id itself if Meta gave no post id); None if it is not there."""
    if not isinstance(items, list) or not media_id:
        return None
    for item in items:
        if isinstance(item, dict) and str(item.get("media_id") or "") == media_id:
            post_id = str(item.get("post_id") or "")
            return post_id if _ID.fullmatch(post_id) else media_id
    return None


class PagePublisher(ApiPublisher):
    """Publishes frames as stories on one Facebook Page (see the module's docstring)."""

    def __init__(
        self,
        page: PageLink,
        ledger: Ledger,
        gate: FrameGate,
        db_write: Callable[[], object],
        *,
        clock: Clock = now_utc,
        policy: Policy | None = None,
    ) -> None:
        super().__init__(AccountLink(page.account_id, page.name, "facebook_page", page.page_id, page.graph),
                         ledger, gate, db_write, None, clock=clock, policy=policy)
        self.page = page

    # --- Meta's answers, in the Page's words --------------------------------------------------------------

    def _call(self, fn: Callable[[], object]) -> object:
        def as_page() -> object:
            try:
                return fn()
            except GraphError as exc:
                raise page_error(exc) from None

        return super()._call(as_page)

    # --- one frame -----------------------------------------------------------------------------------------

    def _advance(self, frame: FrameToPublish, job: JobRow) -> PublishOutcome:
        job = self.ledger.get(job.id)
        if job.step in PUBLISH_MAYBE_DONE:
            post_id = self._story_made(job)
            if post_id is not None:
                return self._published(frame, job, media_id=post_id)
            if job.publish_requested_at is not None:
                ready_at = job.publish_requested_at + self.policy.unknown_grace
                if self.clock() < ready_at:
                    return self._defer(frame, job, ready_at, Text(PublishingText.AWAITING_CONFIRMATION))
            # Not among the Page's stories after the grace period: the request made nothing. Ask again, a few
            # times at most: a story that never shows up (the Page's story list not answering as documented)
            # must end with a person looking, not with a request every run.
            if job.attempts + 1 >= self.policy.max_attempts:
                return self._fail(frame, job, Classification(
                    Family.UNCONFIRMED, Text(FacebookText.NEVER_CONFIRMED, {"frame_id": frame.frame_id,
                                                                            "why": Text(FacebookText.NOT_IN_STORIES)}),
                    Text(FacebookText.ADVICE_NEVER_CONFIRMED)))
            self.ledger.record(job.id, Step.STATUS_SEEN, publish_requested_at=None, status_seen="NOT_IN_STORIES",
                               attempts=job.attempts + 1)
            job = self.ledger.get(job.id)
        if not job.container_id:
            if job.containers_made >= self.policy.max_containers:
                return self._fail(frame, job, Classification(
                    Family.MEDIA, Text(PublishingText.GAVE_UP_CONTAINERS), Text(PublishingText.ADVICE_CHECK_OR_HAND)))
            if frame.media_kind == "video":
                self._start_video(frame, job)
            else:
                self._upload_photo(frame, job)
            job = self.ledger.get(job.id)
        if frame.media_kind == "video" and job.step in (Step.CONTAINER_CREATED.value, Step.UPLOAD_REQUESTED.value):
            self._upload_video(frame, job)
            job = self.ledger.get(job.id)
        return self._make_story(frame, job)

    def _require_file(self, frame: FrameToPublish) -> None:
        if frame.media_path is None or not frame.media_path.is_file():
            raise _FrameFailure(Classification(
                Family.MEDIA, Text(PublishingText.FILE_MISSING), Text(PublishingText.ADVICE_FILE_MISSING)))

    def _upload_photo(self, frame: FrameToPublish, job: JobRow) -> None:
        """The picture as an unpublished Page photo (multipart upload; never a feed post)."""
        self._require_file(frame)
        self.ledger.record(job.id, Step.CONTAINER_REQUESTED, containers_made=job.containers_made + 1,
                           state=JobState.ACTIVE.value, status_seen="")
        page, graph = self.page.page_id, self.page.graph
        suffix = published_suffix(frame).lower()
        content_type = _CONTENT_TYPES.get(suffix, "application/octet-stream")
        try:
            with published_media(frame) as picture, picture.open("rb") as handle:  # on-screen text burned in
                response: Any = self._call(lambda: graph.post_file(
                    f"{page}/photos", {"published": "false"}, "source", f"frame-{frame.frame_id}{suffix}",
                    handle, content_type))
        except (TextTooLong, FixRefused) as exc:
            raise _FrameFailure(Classification(Family.MEDIA, exc.text)) from None
        except OSError as exc:
            raise _FrameFailure(Classification(
                Family.MEDIA, Text(PublishingText.FILE_MISSING), Text(PublishingText.ADVICE_FILE_MISSING))) from exc
        photo_id = str(response.data.get("id") or "")
        if not _ID.fullmatch(photo_id):
            raise GraphError(Classification(Family.TRANSIENT, Text(FacebookText.NO_STORY_ID)), http_status=200,
                             body=None, operation="POST photos")
        self.ledger.record(job.id, Step.CONTAINER_CREATED, container_id=photo_id, container_created_at=self.clock())

    def _start_video(self, frame: FrameToPublish, job: JobRow) -> None:
        self._require_file(frame)
        self.ledger.record(job.id, Step.CONTAINER_REQUESTED, containers_made=job.containers_made + 1,
                           state=JobState.ACTIVE.value, status_seen="")
        page, graph = self.page.page_id, self.page.graph
        response: Any = self._call(lambda: graph.post(f"{page}/video_stories", {"upload_phase": "start"}))
        video_id = str(response.data.get("video_id") or "")
        upload_url = response.data.get("upload_url")
        if not _ID.fullmatch(video_id):
            raise GraphError(Classification(Family.TRANSIENT, Text(FacebookText.NO_STORY_ID)), http_status=200,
                             body=None, operation="POST video_stories start")
        self.ledger.record(job.id, Step.CONTAINER_CREATED, container_id=video_id, container_created_at=self.clock(),
                           upload_uri=upload_url[:500] if isinstance(upload_url, str) and upload_url else None)

    def _upload_video(self, frame: FrameToPublish, job: JobRow) -> None:
        """The video's bytes to the upload address; a cut-off upload is first asked how far it got."""
        self._require_file(frame)
        video_id = job.container_id or ""
        if job.step == Step.UPLOAD_REQUESTED.value and self._upload_complete(video_id):
            self.ledger.record(job.id, Step.UPLOADED)
            return
        self.ledger.record(job.id, Step.UPLOAD_REQUESTED)
        graph = self.page.graph
        target = video_upload_address(graph, job.upload_uri, video_id)
        from takeover_planner.publishing.hosting import upload_resumable

        try:
            with published_media(frame) as path:  # with its on-screen text burned in
                self._call(lambda: upload_resumable(graph, target, path))
        except (TextTooLong, FixRefused) as exc:
            raise _FrameFailure(Classification(Family.MEDIA, exc.text)) from None
        self.ledger.record(job.id, Step.UPLOADED)

    def _upload_complete(self, video_id: str) -> bool:
        """``GET /{video-id}?fields=status``: did the bytes all arrive (``uploading_phase.status: complete``)?"""
        try:
            response: Any = self._call(lambda: self.page.graph.get(video_id, {"fields": "status"}))
        except (GraphError, TransportError) as exc:
            log.info("Could not read the upload state of video %s (%s); uploading again", video_id, exc.message)
            return False
        status = response.data.get("status")
        phase = status.get("uploading_phase") if isinstance(status, dict) else None
        return isinstance(phase, dict) and str(phase.get("status") or "").lower() == "complete"

    def _make_story(self, frame: FrameToPublish, job: JobRow) -> PublishOutcome:
        problem = self._gate_problem(frame)  # the plan may have changed while the file was uploaded
        if problem is not None:
            return self._cancel(frame, job, problem)
        page, graph, media_id = self.page.page_id, self.page.graph, job.container_id or ""
        self.ledger.record(job.id, Step.PUBLISH_REQUESTED, publish_requested_at=self.clock())
        try:
            if frame.media_kind == "video":
                response: Any = self._call(lambda: graph.post(
                    f"{page}/video_stories", {"upload_phase": "finish", "video_id": media_id}))
            else:
                response = self._call(lambda: graph.post(f"{page}/photo_stories", {"photo_id": media_id}))
        except TransportError as exc:
            return self._unknown(frame, job, exc.text)
        except (_AccountPause, _AccountStop):
            # A definite refusal for the whole Page (throttled, token): nothing was made.
            self.ledger.record(job.id, Step.STATUS_SEEN, publish_requested_at=None)
            raise
        except GraphError as exc:
            if exc.family in (Family.TRANSIENT, Family.UNKNOWN) or exc.http_status >= 500:
                return self._unknown(frame, job, exc.text)
            self.ledger.record(job.id, Step.STATUS_SEEN, publish_requested_at=None)  # refused: nothing went out
            raise
        post_id = str(response.data.get("post_id") or response.data.get("id") or "")
        return self._published(frame, self.ledger.get(job.id), media_id=post_id if _ID.fullmatch(post_id) else None)

    def _story_made(self, job: JobRow) -> str | None:
        """After a lost reply or a crash: the story made from this job's photo or video, if the Page has it."""
        try:
            response: Any = self._call(lambda: self.page.graph.get(
                f"{self.page.page_id}/stories", {"fields": "post_id,media_id,media_type,status,creation_time"}))
        except (GraphError, TransportError) as exc:
            raise _StatusUnreadable(exc) from None
        return find_story(response.data.get("data"), job.container_id or "")

    # --- outcomes ------------------------------------------------------------------------------------------

    def _published(self, frame: FrameToPublish, job: JobRow, media_id: str | None) -> PublishOutcome:
        post_id = media_id
        if post_id is None:
            try:
                post_id = self._story_made(job)
            except _StatusUnreadable:
                post_id = None  # it is made; only its id could not be read
        how = note(AuditNote.PUBLISHED_FACEBOOK, page=self.page.name, post_id=post_id or Text(AuditNote.NOT_READABLE))

        def also(s: Any) -> None:
            if frame.cross_post:
                self.gate.note(s, frame.frame_id, "published_on_facebook", how)
            else:
                self.gate.mark_published(s, frame.frame_id, how)

        self.ledger.finish(
            job.id, Step.PUBLISHED, state=JobState.PUBLISHED.value, media_id=post_id, published_at=self.clock(),
            published_by="Facebook Page API", last_error="", advice="", error_family="", next_attempt_at=None,
            also=also,
        )
        message = Text(FacebookText.PUBLISHED_ON_PAGE, {"frame": frame.label, "post_id": post_id}) if post_id else \
            Text(FacebookText.PUBLISHED_ON_PAGE_NO_ID, {"frame": frame.label})
        return self._out(frame, OutcomeKind.PUBLISHED, message, media_id=post_id)

    def _fail(self, frame: FrameToPublish, job: JobRow, why: Classification) -> PublishOutcome:
        if not frame.cross_post:
            return super()._fail(frame, job, why)
        reason = _words(why.reason)
        self.ledger.finish(
            job.id, Step.FAILED, state=JobState.FAILED.value, last_error=reason, advice=_words(why.advice),
            error_family=why.family.value, next_attempt_at=None,
            also=lambda s: self.gate.note(s, frame.frame_id, "facebook_failed",
                                          note_of(why.reason) if why.reason is not None else ""),
        )
        return self._out(frame, OutcomeKind.FAILED,
                         Text(OutcomeText.FAILED, {"frame": frame.label, "reason": why.reason}), why.advice)

    def _unknown(self, frame: FrameToPublish, job: JobRow, why: Text) -> PublishOutcome:
        """The story request may or may not have made a story: record it, read the Page's stories next time."""
        at = self.clock() + self.policy.unknown_grace
        self.ledger.record(job.id, Step.PUBLISH_UNKNOWN, next_attempt_at=at, last_error=_words(why),
                           error_family=Family.TRANSIENT.value)
        return self._out(frame, OutcomeKind.DEFERRED,
                         Text(FacebookText.UNCONFIRMED, {"frame": frame.label, "why": why}), retry_at=at)

    def _check_quota(self, job: JobRow, frame: FrameToPublish) -> None:
        return  # Page stories have no published publishing quota; throttling answers pause the Page instead


__all__ = ["PagePublisher", "PageLink", "find_story", "video_upload_address"]
