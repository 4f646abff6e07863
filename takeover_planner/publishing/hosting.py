"""Where Instagram fetches media from: Meta downloads ``image_url``/``video_url`` itself, so a file must be
reachable from the internet while it is being published.

``MediaHost`` is the interface; ``WebDavHost`` uploads with HTTP PUT (WebDAV servers, Nextcloud, a plain
PUT-enabled web server) under an unguessable name and reports the public address as the configured public
base + that name. The publisher deletes the file once the frame is published or has failed for good.
For video with Facebook Login no hosting is needed: ``upload_resumable`` pushes the file to rupload.
The hosting password lives in the keyring; it is sent only in the Authorization header (HTTP Basic).
"""

from __future__ import annotations

import logging
import secrets as pysecrets
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import requests

from takeover_planner.errors import ValidationError
from takeover_planner.instagram.errors import GraphError, classify
from takeover_planner.instagram.graph_client import (
    DEFAULT_TIMEOUT,
    GraphClient,
    check_base_url,
    is_meta_host,
    new_session,
)
from takeover_planner.publishing.errors import HostingError
from takeover_planner.texts import Text
from takeover_planner.texts.instagram import InstagramText
from takeover_planner.texts.publishing import PublishingText

log = logging.getLogger(__name__)

CONTENT_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".mp4": "video/mp4", ".mov": "video/quicktime",
                 ".ics": "text/calendar; charset=utf-8"}  # published calendar feeds (export ics --publish)


def new_hosted_name(suffix: str) -> str:
    """An unguessable file name (192 random bits) keeping the extension Meta may look at."""
    suffix = suffix.lower() if suffix.lower() in CONTENT_TYPES else ""
    return f"tp-{pysecrets.token_urlsafe(24)}{suffix}"


class MediaHost(ABC):
    """Puts a file where Instagram can fetch it, and takes it away again."""

    @abstractmethod
    def upload(self, local: Path, name: str) -> str:
        """Upload ``local`` as ``name``; return the public URL. Uploading the same name again replaces it."""

    @abstractmethod
    def public_url(self, name: str) -> str: ...

    @abstractmethod
    def exists(self, name: str) -> bool:
        """Is the file visible at its public URL?"""

    @abstractmethod
    def delete(self, name: str) -> None:
        """Remove the file; a file that is already gone is fine."""

    def check(self) -> str:
        """Upload a tiny file, see it at its public address, delete it. Returns a plain report."""
        import tempfile

        name = new_hosted_name(".txt")
        with tempfile.TemporaryDirectory() as folder:
            probe = Path(folder) / "probe.txt"
            probe.write_text("Takeover Planner hosting check\n", encoding="utf-8")
            url = self.upload(probe, name)
        try:
            if not self.exists(name):
                raise HostingError(PublishingText.HOST_NOT_VISIBLE, url=url)
        finally:
            self.delete(name)
        return str(Text(PublishingText.HOST_CHECKED, {"url": self.public_url("")}))


@dataclass(frozen=True)
class WebDavConfig:
    upload_url: str  # where to PUT, e.g. https://files.example.no/remote.php/dav/files/ig/stories
    public_url: str  # what Instagram fetches, e.g. https://files.example.no/ig/stories
    username: str = ""

    def validated(self) -> WebDavConfig:
        up = check_base_url(self.upload_url, InstagramText.UPLOAD_ADDRESS)
        pub = self.public_url.strip().rstrip("/")
        parts = urlsplit(pub)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
            raise ValidationError(PublishingText.PUBLIC_NOT_HTTP, url=self.public_url)
        if parts.username or parts.password:
            raise ValidationError(PublishingText.PUBLIC_HAS_LOGIN)
        return WebDavConfig(up, pub, self.username.strip())


class WebDavHost(MediaHost):
    def __init__(
        self,
        config: WebDavConfig,
        password: str | None,
        *,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    ) -> None:
        self.config = config.validated()
        self._auth: tuple[str, str] | None = (self.config.username, password or "") if self.config.username else None
        self.session = session or new_session()
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"WebDavHost({self.config.upload_url})"

    def _upload_target(self, name: str) -> str:
        return f"{self.config.upload_url}/{quote(name)}"

    def public_url(self, name: str) -> str:
        return f"{self.config.public_url}/{quote(name)}"

    def upload(self, local: Path, name: str) -> str:
        content_type = CONTENT_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")
        try:
            size = local.stat().st_size
            with local.open("rb") as handle:
                response = self.session.put(
                    self._upload_target(name), data=handle, auth=self._auth, timeout=self.timeout,
                    headers={"Content-Type": content_type, "Content-Length": str(size)}, allow_redirects=False,
                )
        except OSError as exc:
            raise HostingError(PublishingText.CANNOT_READ_UPLOAD, permanent=True,
                               reason=exc.strerror or type(exc).__name__) from None
        except requests.exceptions.RequestException as exc:
            raise HostingError(PublishingText.HOST_UNREACHABLE, kind=type(exc).__name__) from None
        if response.status_code in (401, 403):
            raise HostingError(PublishingText.HOST_LOGIN_REFUSED, permanent=True)
        if response.status_code == 507:
            raise HostingError(PublishingText.HOST_FULL, permanent=True)
        if response.status_code not in (200, 201, 204):
            raise HostingError(PublishingText.HOST_REFUSED_UPLOAD, http_status=response.status_code)
        log.info("Uploaded a %s of %d bytes to the media host", content_type, size)
        return self.public_url(name)

    def exists(self, name: str) -> bool:
        try:
            response = self.session.head(self.public_url(name), timeout=self.timeout, allow_redirects=True)
        except requests.exceptions.RequestException as exc:
            raise HostingError(PublishingText.HOST_PUBLIC_UNREACHABLE, kind=type(exc).__name__) from None
        return response.status_code == 200

    def delete(self, name: str) -> None:
        try:
            response = self.session.delete(self._upload_target(name), auth=self._auth, timeout=self.timeout,
                                           allow_redirects=False)
        except requests.exceptions.RequestException as exc:
            raise HostingError(PublishingText.HOST_DELETE_UNREACHABLE, kind=type(exc).__name__) from None
        if response.status_code not in (200, 202, 204, 404, 410):
            raise HostingError(PublishingText.HOST_DELETE_REFUSED, http_status=response.status_code)


# --- video without hosting: Meta's resumable upload (Facebook Login only) ----------------------------


def rupload_url(upload_host: str, version: str, container_id: str) -> str:
    return f"{check_base_url(upload_host, InstagramText.UPLOAD_HOST)}/ig-api-upload/{version}/{quote(container_id)}"


def upload_target(graph: GraphClient, uri: str | None, upload_host: str, container_id: str) -> str:
    """Where the video goes: the ``uri`` Meta returned with the container, if it is one we may send the token
    to (a Meta host, or the Graph host itself when that is a test server); else rupload's documented address."""
    if uri:
        checked = check_base_url(uri, InstagramText.UPLOAD_ADDRESS)
        same_host = urlsplit(checked).netloc == urlsplit(graph.base_url).netloc
        if is_meta_host(checked) or same_host:
            return checked
    return rupload_url(upload_host, graph.version, container_id)


def upload_resumable(graph: GraphClient, target: str, local: Path) -> None:
    """Push the whole file to ``target``, starting at offset 0 (re-sending from the start is always allowed)."""
    try:
        size = local.stat().st_size
        handle = local.open("rb")
    except OSError as exc:
        raise HostingError(PublishingText.CANNOT_READ_VIDEO, permanent=True,
                           reason=exc.strerror or type(exc).__name__) from None
    with handle:
        response = graph.post_bytes(
            target, handle,
            {"offset": "0", "file_size": str(size), "Content-Type": "application/octet-stream"},
        )
    data: dict[str, Any] = response.data
    if data.get("success") is False:
        raise GraphError(classify(None, None, 502), http_status=response.status, body=None,
                         operation="POST upload")


__all__ = [
    "MediaHost", "WebDavHost", "WebDavConfig", "new_hosted_name", "upload_resumable", "upload_target", "rupload_url",
    "HostingError",
]
