"""A fake Instagram Graph API and a fake WebDAV media host: real HTTP servers on 127.0.0.1 inside the test
process, following the documented contract (see ../shared/docs/INSTAGRAM.md):

- ``POST /{v}/{ig-user-id}/media`` (media_type=STORIES, image_url | video_url | upload_type=resumable): the
  fake downloads the URL itself, like Meta does, and refuses what Meta refuses (not JPEG, over 8 MiB, not a
  video container, URL unreachable) with Meta's error body.
- ``GET /{v}/{container-id}?fields=status_code,status``: IN_PROGRESS for a while, then FINISHED or ERROR
  (with an error subcode in ``status``); EXPIRED and PUBLISHED too.
- ``POST /{v}/{ig-user-id}/media_publish``: publishes; modes where it publishes but the reply is lost
  (connection dropped), comes too late (time-out) or is a 500.
- ``GET /{v}/{ig-user-id}/content_publishing_limit``, ``/stories``, ``/me``, ``/refresh_access_token``,
  rupload's ``POST /ig-api-upload/{v}/{container-id}``.
- Tokens only count when sent as ``Authorization: Bearer`` (``OAuth`` for rupload), except for
  ``refresh_access_token``, which (as Meta documents) takes ``access_token`` in the query and refuses a header,
  and ``debug_token``, which inspects the ``input_token`` of its query (``debug_expires_at``);
  expired/invalid tokens answer 190. The resumable ``uri`` returned with a container points at this fake
  (``upload_base`` if set), so a client that builds the address itself is caught. Throttling answers code 4
  with ``X-Business-Use-Case-Usage``; every answer has ``X-App-Usage``.
Every request is recorded, so tests can check that the token never appeared in a URL and that no frame was
published twice (publishes are counted per SHA-256 of the media).

Facebook Page stories (Meta's Page Stories API, https://developers.facebook.com/docs/page-stories-api), on the
same server, answering only the Page access token (``page_token``):

- ``POST /{v}/{page-id}/photos`` (multipart, ``published=false``): an unpublished photo (JPEG/PNG, at most
  10 MB); ``published`` other than false is a feed post, which the fake counts in ``feed_posts`` (tests want 0).
- ``POST /{v}/{page-id}/photo_stories`` (``photo_id``) → ``{"success": true, "post_id"}``; a photo used twice
  is refused.
- ``POST /{v}/{page-id}/video_stories``: ``upload_phase=start`` → ``video_id`` + ``upload_url`` (on this
  server, ``/video-upload/{v}/{video-id}``, ``Authorization: OAuth``, ``offset``/``file_size`` headers);
  ``upload_phase=finish`` + ``video_id`` → ``post_id``.
- ``GET /{v}/{page-id}/stories`` → ``data: [{post_id, media_id, media_type, status, creation_time}]``;
  ``GET /{v}/{page-id}`` → the Page's id and name; ``GET /{v}/{video-id}?fields=status`` → the upload phase.
- ``page_story_modes``: ok | drop (made, the reply lost) | 500 (made, then a 500) | 500_nothing (a 500, nothing
  made) for the next story requests.
"""

from __future__ import annotations

import base64
import email.parser
import email.policy
import hashlib
import itertools
import json
import threading
import time
import urllib.error
import urllib.request
from collections import Counter, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

MAX_IMAGE_BYTES = 8 * 1024 * 1024


class _QuietServer(ThreadingHTTPServer):
    """A client that gave up (time-out) is expected here; anything else is kept for the test to see."""

    daemon_threads = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.errors: list[str] = []

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys
        import traceback

        exc = sys.exc_info()[1]
        if isinstance(exc, (BrokenPipeError, ConnectionResetError)):
            return
        self.errors.append("".join(traceback.format_exception(exc)) if exc else "unknown error")


class _Served:
    """A fake answering HTTP on a free port of 127.0.0.1, from a daemon thread: its life cycle and address."""

    _server: _QuietServer | None = None
    _thread: threading.Thread | None = None

    def _serve(self, handler: type[BaseHTTPRequestHandler], name: str) -> None:
        self._server = _QuietServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name=name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def server_errors(self) -> list[str]:
        return list(self._server.errors) if self._server is not None else []


@dataclass
class Failure:
    """One scripted error answer."""

    code: int
    subcode: int | None = None
    http_status: int = 400
    message: str = "An error occurred"
    headers: dict[str, str] = field(default_factory=dict)
    is_transient: bool | None = None


@dataclass
class Container:
    id: str
    user_id: str
    kind: str  # image | video
    resumable: bool
    sha256: str = ""
    size: int = 0
    content: bytes = b""  # the fetched media itself, for tests that look at the published picture
    status: str = "IN_PROGRESS"
    error_subcode: int | None = None
    status_text: str = ""  # the ERROR status text Meta would give (default: one naming the subcode)
    polls_left: int = 0
    uploaded: bool = False
    media_id: str | None = None


@dataclass
class Published:
    media_id: str
    container_id: str
    sha256: str
    timestamp: float


@dataclass
class PageMedia:
    """An unpublished Page photo or a started Page video upload."""

    id: str
    kind: str  # photo | video
    sha256: str = ""
    uploaded: bool = False
    used: bool = False


@dataclass
class PageStory:
    post_id: str
    media_id: str
    kind: str
    sha256: str
    timestamp: float


@dataclass
class Seen:
    method: str
    path: str
    query: str
    authorization: str
    body: bytes


class FakeInstagram(_Served):
    def __init__(self, token: str = "IGAAtest-" + "x" * 40, ig_user_id: str = "17841400000000001",
                 username: str = "oslo_kommune", version: str = "v25.0") -> None:
        self.version = version
        self.ig_user_id = ig_user_id
        self.username = username
        self.tokens: dict[str, str] = {token: "ok"}  # token → ok | expired | invalid
        self.token = token
        self.lock = threading.RLock()
        self.containers: dict[str, Container] = {}
        self.published: list[Published] = []
        self.requests: list[Seen] = []
        self.failures: dict[str, deque[Failure]] = {}
        self.publish_modes: deque[str] = deque()  # ok | drop | slow | 500 | 500_no_publish
        self.container_errors: deque[int] = deque()  # subcodes for the next containers' ERROR status
        self.processing_polls = 0  # status reads a new container stays IN_PROGRESS
        self.quota_total = 100
        self.slow_seconds = 3.0
        self.answer_delay_s = 0.0  # a slow server: every answer waits this long, or until answer_now()
        self._answer_now = threading.Event()
        self.hold_endpoint = ""  # e.g. "publish": that call waits (up to hold_seconds) for answer_now()
        self.hold_seconds = 60.0
        self.held = threading.Event()  # set when a call reached the hold
        self.app_usage_percent = 5
        self.refresh_lifetime_s = 60 * 86400
        self.now: float | None = None  # simulated epoch seconds for publishing and insights; None: real time
        self.debug_expires_at: float | None = None  # debug_token's expires_at (0: never); None: refused
        self.upload_base = ""  # where the resumable ``uri`` points (default: this fake)
        self.container_status_texts: deque[str] = deque()  # status texts for the next containers' ERROR status
        self._ids = itertools.count(17_900_000_000_000_001)
        # --- a Facebook Page on the same server ---
        self.page_id = "104000000000001"
        self.page_name = "Fjordvik kommune"
        self.page_token = "EAAGpage-" + "z" * 40
        self.page_tokens: dict[str, str] = {self.page_token: "ok"}  # apart from ``tokens``: page token → state
        self.page_media: dict[str, PageMedia] = {}
        self.page_stories: list[PageStory] = []
        self.page_story_modes: deque[str] = deque()  # ok | drop | 500
        self.feed_posts = 0  # photos uploaded as published (a feed post): must stay 0

    # --- life cycle ----------------------------------------------------------------------------------

    def start(self) -> FakeInstagram:
        fake = self

        class Handler(_Handler):
            owner = fake

        self._serve(Handler, "fake-graph")
        return self

    # --- scripting -----------------------------------------------------------------------------------

    def fail_next(self, endpoint: str, failure: Failure, times: int = 1) -> None:
        """endpoint: media | status | publish | quota | stories | me | refresh | upload | any"""
        with self.lock:
            self.failures.setdefault(endpoint, deque()).extend([failure] * times)

    def throttle_next(self, times: int = 1, code: int = 4, regain_minutes: int = 15) -> None:
        header = json.dumps({self.ig_user_id: [{"type": "instagram", "call_count": 100, "total_cputime": 40,
                                                "total_time": 60, "estimated_time_to_regain_access": regain_minutes}]})
        self.fail_next("any", Failure(code, None, 400, "Application request limit reached",
                                      {"X-Business-Use-Case-Usage": header}), times)

    def answer_now(self) -> None:
        """End the ``answer_delay_s`` wait of the requests under way and to come."""
        self._answer_now.set()

    def expire_token(self, token: str | None = None, how: str = "expired") -> None:
        with self.lock:
            if token is not None and token in self.page_tokens:
                self.page_tokens[token] = how
            else:
                self.tokens[token or self.token] = how

    def expire_containers(self) -> None:
        with self.lock:
            for c in self.containers.values():
                if c.status in ("IN_PROGRESS", "FINISHED"):
                    c.status = "EXPIRED"

    def use_quota(self, count: int) -> None:
        with self.lock:
            for _ in range(count):
                self.published.append(Published(str(next(self._ids)), "outside", f"outside-{_}", self.clock()))

    # --- what happened -------------------------------------------------------------------------------

    def page_story_counts(self) -> Counter[str]:
        """Page stories made, per SHA-256 of the media."""
        with self.lock:
            return Counter(p.sha256 for p in self.page_stories)

    def publish_counts(self) -> Counter[str]:
        with self.lock:
            return Counter(p.sha256 for p in self.published if p.container_id != "outside")

    def tokens_in_urls(self) -> list[str]:
        with self.lock:
            secrets = list(self.tokens) + list(self.page_tokens)
            # refresh_access_token takes the token in its query, as Meta documents: the one exception.
            # … and debug_token inspects the token named in its query.
            return [f"{r.method} {r.path}?{r.query}" for r in self.requests
                    if r.path not in ("/refresh_access_token", f"/{self.version}/debug_token")
                    and any(t in r.path or t in r.query for t in secrets)]

    def quota_usage(self) -> int:
        cutoff = self.clock() - 86400
        return sum(1 for p in self.published if p.timestamp >= cutoff)

    def new_id(self) -> str:
        return str(next(self._ids))

    def clock(self) -> float:
        """The fake's time: ``now`` when a test simulates one (a rehearsal clock), else the real time."""
        return self.now if self.now is not None else time.time()


class _Handler(BaseHTTPRequestHandler):
    owner: FakeInstagram
    server_version = "FakeGraph/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        return

    # --- plumbing ------------------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        fake = self.owner
        with fake.lock:
            fake.requests.append(Seen(method, parts.path, parts.query, self.headers.get("Authorization", ""), body))
        if fake.answer_delay_s:
            fake._answer_now.wait(fake.answer_delay_s)
        params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        if method == "POST" and self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            params.update({k: v[-1] for k, v in parse_qs(body.decode("utf-8", "replace")).items()})
        segments = [s for s in parts.path.split("/") if s]
        if segments and segments[0] == "ig-api-upload":
            self._upload(segments, body)
            return
        if segments and segments[0] == "video-upload":
            self._page_video_upload(segments, body)
            return
        if segments and segments[0] == "refresh_access_token":
            endpoint, segments = "refresh", []
        else:
            if not segments or segments[0] != fake.version:
                self._error(Failure(100, None, 400, f"Unknown path or version {parts.path}"))
                return
            segments = segments[1:]
            endpoint = self._endpoint(method, segments)
        if method == "POST" and self.headers.get("Content-Type", "").startswith("multipart/form-data"):
            params.update(_form_fields(self.headers.get("Content-Type", ""), body))
        if endpoint == "refresh":
            token_problem = self._query_token_problem(params)
        else:
            token_problem = self._token_problem("Bearer")
            endpoint = self._page_endpoint(method, segments, endpoint)
            if token_problem is None and endpoint.startswith("page_"):
                token_problem = self._page_token_problem()
        if token_problem is not None:
            self._error(token_problem)
            return
        with fake.lock:
            for key in (endpoint, "any"):
                queue = fake.failures.get(key)
                if queue:
                    self._error(queue.popleft())
                    return
        handler = getattr(self, f"_ep_{endpoint}", None)
        if handler is None:
            self._error(Failure(100, None, 400, f"Unsupported request {method} {parts.path}"))
            return
        if fake.hold_endpoint == endpoint:  # a call that hangs until answer_now(): a runner killed mid-call
            fake.held.set()
            fake._answer_now.wait(fake.hold_seconds)
        handler(segments, params)

    @staticmethod
    def _endpoint(method: str, segments: list[str]) -> str:
        if method == "POST" and len(segments) == 2 and segments[1] == "media":
            return "media"
        if method == "POST" and len(segments) == 2 and segments[1] == "media_publish":
            return "publish"
        if method == "GET" and len(segments) == 2 and segments[1] == "content_publishing_limit":
            return "quota"
        if method == "GET" and len(segments) == 2 and segments[1] == "stories":
            return "stories"
        if method == "GET" and segments == ["me"]:
            return "me"
        if method == "GET" and segments == ["debug_token"]:
            return "debug"
        if method == "GET" and len(segments) == 1:
            return "node"
        return "unknown"

    def _page_endpoint(self, method: str, segments: list[str], endpoint: str) -> str:
        fake = self.owner
        if segments and segments[0] == fake.page_id:
            if method == "POST" and segments[1:] == ["photos"]:
                return "page_photos"
            if method == "POST" and segments[1:] == ["photo_stories"]:
                return "page_photo_story"
            if method == "POST" and segments[1:] == ["video_stories"]:
                return "page_video_story"
            if method == "GET" and segments[1:] == ["stories"]:
                return "page_stories"
            if method == "GET" and len(segments) == 1:
                return "page_node"
        if method == "GET" and len(segments) == 1 and segments[0] in fake.page_media:
            return "page_video_status"
        return endpoint

    def _page_token_problem(self) -> Failure | None:
        """Page endpoints answer the Page access token only (a user or Instagram token lacks the Page's rights)."""
        token = self.headers.get("Authorization", "").partition(" ")[2].strip()
        if token != self.owner.page_token and self.owner.tokens.get(token) == "ok":
            return Failure(200, None, 403, "(#200) The Page access token is required for this request")
        return None

    def _query_token_problem(self, params: dict[str, str]) -> Failure | None:
        if self.headers.get("Authorization"):
            return Failure(100, None, 400, "refresh_access_token takes the token as the access_token parameter")
        return self._state_problem(params.get("access_token", ""))

    def _token_problem(self, scheme: str) -> Failure | None:
        header = self.headers.get("Authorization", "")
        if not header.startswith(scheme + " "):
            return Failure(190, None, 400, "An active access token must be used to query information.")
        return self._state_problem(header[len(scheme) + 1:].strip())

    def _state_problem(self, token: str) -> Failure | None:
        state = self.owner.tokens.get(token) or self.owner.page_tokens.get(token)
        if state is None or state == "invalid":
            return Failure(190, 467, 401, "Invalid OAuth access token - Cannot parse access token")
        if state == "expired":
            return Failure(190, 463, 401, "Error validating access token: Session has expired")
        if state == "password":
            return Failure(190, 460, 401, "Error validating access token: the user changed their password")
        return None

    def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        usage = {"call_count": self.owner.app_usage_percent, "total_cputime": 1, "total_time": 1}
        self.send_header("X-App-Usage", json.dumps(usage))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def _error(self, f: Failure) -> None:
        error: dict[str, Any] = {"message": f.message, "type": "OAuthException" if f.code == 190 else "IGApiException",
                                 "code": f.code, "fbtrace_id": "AfakeTrace" + self.owner.new_id()[-6:]}
        if f.subcode is not None:
            error["error_subcode"] = f.subcode
            error["error_user_title"] = "Fake error"
            error["error_user_msg"] = f.message
        if f.is_transient is not None:
            error["is_transient"] = f.is_transient
        self._send(f.http_status, {"error": error}, f.headers)

    # --- endpoints -----------------------------------------------------------------------------------

    def _ep_media(self, segments: list[str], params: dict[str, str]) -> None:
        fake = self.owner
        if segments[0] != fake.ig_user_id:
            self._error(Failure(100, 33, 400, "Unsupported post request. Object does not exist"))
            return
        if params.get("media_type") != "STORIES":
            self._error(Failure(100, None, 400, "media_type must be STORIES for this test server"))
            return
        resumable = params.get("upload_type") == "resumable"
        url = params.get("image_url") or params.get("video_url") or ""
        kind = "video" if ("video_url" in params or resumable) else "image"
        container = Container(fake.new_id(), segments[0], kind, resumable, polls_left=fake.processing_polls)
        if not resumable:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback test server
                    content = response.read()
            except (urllib.error.URLError, OSError, ValueError):
                self._error(Failure(9004, 2207052, 400, "The media could not be fetched from this URI"))
                return
            problem = _media_problem(kind, content)
            if problem is not None:
                self._error(problem)
                return
            container.sha256 = hashlib.sha256(content).hexdigest()
            container.size = len(content)
            container.content = content
            container.uploaded = True
        with fake.lock:
            if fake.container_errors:
                container.error_subcode = fake.container_errors.popleft()
            if fake.container_status_texts:
                container.status_text = fake.container_status_texts.popleft()
                container.error_subcode = container.error_subcode or 0
            fake.containers[container.id] = container
        payload: dict[str, Any] = {"id": container.id}
        if resumable:
            payload["uri"] = f"{fake.upload_base or fake.base_url}/ig-api-upload/{fake.version}/{container.id}"
        self._send(200, payload)

    def _ep_node(self, segments: list[str], params: dict[str, str]) -> None:
        fake = self.owner
        node = segments[0]
        if node == fake.ig_user_id:
            self._send(200, {"id": node, "username": fake.username, "name": "Fake Kommune"})
            return
        with fake.lock:
            container = fake.containers.get(node)
            if container is None:
                self._error(Failure(100, 33, 400, "Unsupported get request. Object does not exist"))
                return
            if container.status == "IN_PROGRESS" and container.uploaded:
                if container.polls_left > 0:
                    container.polls_left -= 1
                elif container.error_subcode is not None:
                    container.status = "ERROR"
                else:
                    container.status = "FINISHED"
            payload: dict[str, Any] = {"id": container.id, "status_code": container.status}
            if container.status == "ERROR":
                payload["status"] = container.status_text or \
                    f"Error: Media upload has failed with error code {container.error_subcode}"
            elif container.status == "FINISHED":
                payload["status"] = "Finished: Media has been uploaded and it is ready to be published."
            else:
                payload["status"] = container.status.title()
        self._send(200, payload)

    def _ep_publish(self, segments: list[str], params: dict[str, str]) -> None:
        fake = self.owner
        cid = params.get("creation_id", "")
        with fake.lock:
            container = fake.containers.get(cid)
            mode = fake.publish_modes.popleft() if fake.publish_modes else "ok"
            failing_before_publish = mode == "500_no_publish"  # the 500 itself is sent below
            if failing_before_publish:
                media_id = ""
            elif container is None:
                self._error(Failure(100, 33, 400, "Object with ID does not exist"))
                return
            elif container.status == "EXPIRED":
                self._error(Failure(-2, 2207020, 400, "The media you are trying to publish has expired"))
                return
            elif container.status in ("IN_PROGRESS", "ERROR"):
                self._error(Failure(9007, 2207027, 400, "Media ID is not available"))
                return
            elif fake.quota_usage() >= fake.quota_total:
                self._error(Failure(9, 2207042, 400, "You reached maximum number of posts that is allowed"))
                return
            else:
                # A second publish of the same container is counted too: that is what the tests look for.
                media_id = fake.new_id()
                container.status = "PUBLISHED"
                container.media_id = media_id
                fake.published.append(Published(media_id, cid, container.sha256, fake.clock()))
        if mode == "drop":
            self.close_connection = True
            return  # published, but the reply never comes
        if mode == "slow":
            time.sleep(fake.slow_seconds)
        if mode in ("500", "500_no_publish"):
            self._error(Failure(2, None, 500, "Service temporarily unavailable", is_transient=True))
            return
        self._send(200, {"id": media_id})

    def _ep_quota(self, segments: list[str], params: dict[str, str]) -> None:
        fake = self.owner
        with fake.lock:
            usage = fake.quota_usage()
        self._send(200, {"data": [{"quota_usage": usage,
                                   "config": {"quota_total": fake.quota_total, "quota_duration": 86400}}]})

    def _ep_stories(self, segments: list[str], params: dict[str, str]) -> None:
        fake = self.owner
        cutoff = fake.clock() - 86400
        with fake.lock:
            items = [{"id": p.media_id, "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime(p.timestamp))}
                     for p in fake.published if p.timestamp >= cutoff and p.container_id != "outside"]
        self._send(200, {"data": list(reversed(items))})

    def _ep_me(self, segments: list[str], params: dict[str, str]) -> None:
        fake = self.owner
        self._send(200, {"user_id": fake.ig_user_id, "id": fake.ig_user_id, "username": fake.username})

    def _ep_debug(self, segments: list[str], params: dict[str, str]) -> None:
        fake = self.owner
        token = params.get("input_token", "")
        inspected = fake.tokens.get(token) or fake.page_tokens.get(token)
        if fake.debug_expires_at is None:
            self._error(Failure(100, None, 400, "(#100) You must provide an app access token, or a user access "
                                                "token that is an owner or developer of the app"))
            return
        self._send(200, {"data": {"type": "USER", "is_valid": inspected == "ok",
                                  "expires_at": int(fake.debug_expires_at), "scopes": ["instagram_basic"]}})

    def _ep_refresh(self, segments: list[str], params: dict[str, str]) -> None:
        fake = self.owner
        if params.get("grant_type") != "ig_refresh_token":
            self._error(Failure(100, None, 400, "grant_type must be ig_refresh_token"))
            return
        new = "IGAArefreshed-" + base64.urlsafe_b64encode(fake.new_id().encode()).decode().rstrip("=") + "y" * 30
        with fake.lock:
            fake.tokens[new] = "ok"
        self._send(200, {"access_token": new, "token_type": "bearer", "expires_in": fake.refresh_lifetime_s})

    # --- Facebook Page stories ------------------------------------------------------------------------

    def _ep_page_node(self, segments: list[str], params: dict[str, str]) -> None:
        self._send(200, {"id": self.owner.page_id, "name": self.owner.page_name})

    def _ep_page_photos(self, segments: list[str], params: dict[str, str]) -> None:
        fake = self.owner
        if params.get("published", "true").lower() != "false":
            with fake.lock:
                fake.feed_posts += 1
        content = params.get("source", "").encode("latin-1")
        if not content:
            self._error(Failure(324, None, 400, "(#324) Requires upload file"))
            return
        if not (content.startswith(b"\xff\xd8\xff") or content.startswith(b"\x89PNG")):
            self._error(Failure(324, None, 400, "(#324) Missing or invalid image file"))
            return
        if len(content) > 10 * 1024 * 1024:
            self._error(Failure(324, None, 400, "(#324) The image is too large"))
            return
        media = PageMedia(fake.new_id(), "photo", hashlib.sha256(content).hexdigest(), uploaded=True)
        with fake.lock:
            fake.page_media[media.id] = media
        self._send(200, {"id": media.id})

    def _ep_page_photo_story(self, segments: list[str], params: dict[str, str]) -> None:
        self._make_page_story(params.get("photo_id", ""), "photo")

    def _ep_page_video_story(self, segments: list[str], params: dict[str, str]) -> None:
        fake = self.owner
        phase = params.get("upload_phase", "")
        if phase == "start":
            media = PageMedia(fake.new_id(), "video")
            with fake.lock:
                fake.page_media[media.id] = media
            self._send(200, {"video_id": media.id,
                             "upload_url": f"{fake.base_url}/video-upload/{fake.version}/{media.id}"})
            return
        if phase == "finish":
            self._make_page_story(params.get("video_id", ""), "video")
            return
        self._error(Failure(100, None, 400, "(#100) upload_phase must be start or finish"))

    def _make_page_story(self, media_id: str, kind: str) -> None:
        fake = self.owner
        with fake.lock:
            media = fake.page_media.get(media_id)
            mode = fake.page_story_modes.popleft() if fake.page_story_modes else "ok"
            if media is None or media.kind != kind:
                self._error(Failure(100, 33, 400, "Unsupported post request. Object does not exist"))
                return
            if not media.uploaded:
                self._error(Failure(6000, None, 400, "There was a problem uploading your video file"))
                return
            if media.used:
                self._error(Failure(100, None, 400, "(#100) This media has already been used in a story"))
                return
            if mode == "500_nothing":  # a 500 before anything was made
                self._error(Failure(2, None, 500, "Service temporarily unavailable", is_transient=True))
                return
            media.used = True
            story = PageStory(f"{fake.page_id}_{fake.new_id()}", media_id, kind, media.sha256, fake.clock())
            fake.page_stories.append(story)
        if mode == "drop":
            self.close_connection = True
            return
        if mode == "500":
            self._error(Failure(2, None, 500, "Service temporarily unavailable", is_transient=True))
            return
        self._send(200, {"success": True, "post_id": story.post_id})

    def _ep_page_stories(self, segments: list[str], params: dict[str, str]) -> None:
        fake = self.owner
        with fake.lock:
            items = [{"post_id": p.post_id, "media_id": p.media_id, "media_type": p.kind, "status": "PUBLISHED",
                      "creation_time": str(int(p.timestamp))} for p in fake.page_stories]
        self._send(200, {"data": list(reversed(items))})

    def _ep_page_video_status(self, segments: list[str], params: dict[str, str]) -> None:
        fake = self.owner
        with fake.lock:
            media = fake.page_media[segments[0]]
            uploading = "complete" if media.uploaded else "not_started"
        self._send(200, {"id": media.id, "status": {"video_status": "upload_complete" if media.uploaded else
                                                    "uploading", "uploading_phase": {"status": uploading}}})

    def _page_video_upload(self, segments: list[str], body: bytes) -> None:
        fake = self.owner
        problem = self._token_problem("OAuth") or self._page_token_problem()
        if problem is not None:
            self._error(problem)
            return
        with fake.lock:
            queue = fake.failures.get("page_upload")
            if queue:
                self._error(queue.popleft())
                return
            media = fake.page_media.get(segments[-1]) if len(segments) == 3 else None
        if media is None or media.kind != "video":
            self._error(Failure(100, 33, 400, "No video upload session with this id"))
            return
        if self.headers.get("offset") != "0" or self.headers.get("file_size") != str(len(body)):
            self._error(Failure(100, None, 400, "offset/file_size headers do not match the body"))
            return
        if _media_problem("video", body) is not None:
            self._error(Failure(351, None, 400, "(#351) There was a problem with your video file"))
            return
        with fake.lock:
            media.sha256 = hashlib.sha256(body).hexdigest()
            media.uploaded = True
        self._send(200, {"success": True})

    def _upload(self, segments: list[str], body: bytes) -> None:
        fake = self.owner
        problem = self._token_problem("OAuth")
        if problem is not None:
            self._error(problem)
            return
        with fake.lock:
            queue = fake.failures.get("upload")
            if queue:
                self._error(queue.popleft())
                return
        cid = segments[-1] if len(segments) == 3 else ""
        with fake.lock:
            container = fake.containers.get(cid)
        if container is None or not container.resumable:
            self._error(Failure(100, 33, 400, "No resumable upload session for this container"))
            return
        if self.headers.get("offset") != "0" or self.headers.get("file_size") != str(len(body)):
            self._error(Failure(100, None, 400, "offset/file_size headers do not match the body"))
            return
        problem = _media_problem("video", body)
        with fake.lock:
            container.sha256 = hashlib.sha256(body).hexdigest()
            container.size = len(body)
            container.uploaded = True
            if problem is not None:
                container.error_subcode = problem.subcode
        self._send(200, {"success": True, "message": "Upload successful."})


def _form_fields(content_type: str, body: bytes) -> dict[str, str]:
    """The fields of a multipart/form-data body; a file part's value is its bytes as latin-1 text, its file
    name under ``<name>.filename``."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
    fields: dict[str, str] = {}
    for part in message.iter_parts():  # type: ignore[attr-defined]
        name = part.get_param("name", header="content-disposition")
        if not name:
            continue
        payload = part.get_payload(decode=True) or b""
        if not isinstance(payload, bytes):
            continue
        filename = part.get_filename()
        if filename:
            fields[f"{name}.filename"] = filename
        fields[str(name)] = payload.decode("latin-1")
    return fields


def _media_problem(kind: str, content: bytes) -> Failure | None:
    if kind == "image":
        if not content.startswith(b"\xff\xd8\xff"):
            return Failure(36001, 2207005, 400, "The image format is not supported")
        if len(content) > MAX_IMAGE_BYTES:
            return Failure(36000, 2207004, 400, "The image is too large")
        return None
    if content[4:8] != b"ftyp":
        return Failure(352, 2207026, 400, "The video format is not supported")
    return None


# --- a fake WebDAV / HTTP PUT media host --------------------------------------------------------------


class FakeWebDav(_Served):
    """PUT/DELETE under /dav/ (HTTP Basic), the same files readable under /public/."""

    def __init__(self, username: str = "ig-upload", password: str = "hosting-secret-" + "p" * 20) -> None:
        self.username = username
        self.password = password
        self.files: dict[str, bytes] = {}
        self.deleted: list[str] = []
        self.put_failures: deque[int] = deque()
        self.public_hidden = False
        self.requests: list[Seen] = []
        self.lock = threading.RLock()

    def start(self) -> FakeWebDav:
        owner = self

        class Handler(_DavHandler):
            dav = owner

        self._serve(Handler, "fake-dav")
        return self

    @property
    def upload_url(self) -> str:
        return self.base_url + "/dav"

    @property
    def public_url(self) -> str:
        return self.base_url + "/public"


class _DavHandler(BaseHTTPRequestHandler):
    dav: FakeWebDav

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _name(self, prefix: str) -> str | None:
        path = urlsplit(self.path).path
        if not path.startswith(prefix + "/"):
            return None
        name = path[len(prefix) + 1:]
        return name if name and "/" not in name else None

    def _authorised(self) -> bool:
        expected = "Basic " + base64.b64encode(f"{self.dav.username}:{self.dav.password}".encode()).decode()
        return self.headers.get("Authorization") == expected

    def _reply(self, status: int, body: bytes = b"", content_type: str = "text/plain") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _record(self, body: bytes = b"") -> None:
        parts = urlsplit(self.path)
        with self.dav.lock:
            self.dav.requests.append(Seen(self.command, parts.path, parts.query,
                                          self.headers.get("Authorization", ""), body))

    def do_PUT(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self._record()
        name = self._name("/dav")
        if name is None:
            self._reply(404)
            return
        if not self._authorised():
            self._reply(401)
            return
        with self.dav.lock:
            if self.dav.put_failures:
                self._reply(self.dav.put_failures.popleft())
                return
            existed = name in self.dav.files
            self.dav.files[name] = body
        self._reply(204 if existed else 201)

    def do_DELETE(self) -> None:
        self._record()
        name = self._name("/dav")
        if name is None or not self._authorised():
            self._reply(401 if name else 404)
            return
        with self.dav.lock:
            found = self.dav.files.pop(name, None)
            self.dav.deleted.append(name)
        self._reply(204 if found is not None else 404)

    def do_GET(self) -> None:
        self._record()
        name = self._name("/public")
        with self.dav.lock:
            content = self.dav.files.get(name or "") if not self.dav.public_hidden else None
        if content is None:
            self._reply(404)
            return
        self._reply(200, content, "application/octet-stream")

    do_HEAD = do_GET
