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
from takeover_planner.publishing.errors import GraphError, HostingError, TransportError, classify
from takeover_planner.publishing.graph_client import DEFAULT_TIMEOUT, GraphClient, check_base_url, new_session

log = logging.getLogger(__name__)

CONTENT_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".mp4": "video/mp4", ".mov": "video/quicktime"}


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
                raise HostingError(
                    f"The test file was uploaded but is not visible at {url}. Check the public address setting."
                )
        finally:
            self.delete(name)
        return f"Uploaded, found at the public address and deleted again ({self.public_url('')}…)."


@dataclass(frozen=True)
class WebDavConfig:
    upload_url: str  # where to PUT, e.g. https://files.example.no/remote.php/dav/files/ig/stories
    public_url: str  # what Instagram fetches, e.g. https://files.example.no/ig/stories
    username: str = ""

    def validated(self) -> WebDavConfig:
        up = check_base_url(self.upload_url, "The upload address")
        pub = self.public_url.strip().rstrip("/")
        parts = urlsplit(pub)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
            raise ValidationError(f"The public address '{self.public_url}' is not an http(s) address.")
        if parts.username or parts.password:
            raise ValidationError("The public address must not contain a user name or password.")
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
            raise HostingError(f"Cannot read the file to upload ({exc.strerror or type(exc).__name__}).",
                               permanent=True) from None
        except requests.exceptions.RequestException as exc:
            raise HostingError(f"Could not reach the media host ({type(exc).__name__}); check the network.") from None
        if response.status_code in (401, 403):
            raise HostingError(
                "The media host refused the user name or password. Set them again with 'hosting set'.",
                permanent=True,
            )
        if response.status_code == 507:
            raise HostingError("The media host is full (HTTP 507). Free some space there.", permanent=True)
        if response.status_code not in (200, 201, 204):
            raise HostingError(f"The media host did not accept the upload (HTTP {response.status_code}).")
        log.info("Uploaded a %s of %d bytes to the media host", content_type, size)
        return self.public_url(name)

    def exists(self, name: str) -> bool:
        try:
            response = self.session.head(self.public_url(name), timeout=self.timeout, allow_redirects=True)
        except requests.exceptions.RequestException as exc:
            raise HostingError(
                f"Could not reach the public address of the media host ({type(exc).__name__})."
            ) from None
        return response.status_code == 200

    def delete(self, name: str) -> None:
        try:
            response = self.session.delete(self._upload_target(name), auth=self._auth, timeout=self.timeout,
                                           allow_redirects=False)
        except requests.exceptions.RequestException as exc:
            raise HostingError(f"Could not reach the media host to delete a file ({type(exc).__name__}).") from None
        if response.status_code not in (200, 202, 204, 404, 410):
            raise HostingError(f"The media host did not delete the file (HTTP {response.status_code}).")


# --- video without hosting: Meta's resumable upload (Facebook Login only) ----------------------------


def rupload_url(upload_host: str, version: str, container_id: str) -> str:
    return f"{check_base_url(upload_host, 'The upload host')}/ig-api-upload/{version}/{quote(container_id)}"


def upload_resumable(graph: GraphClient, upload_host: str, container_id: str, local: Path) -> None:
    """Push the whole file to rupload, starting at offset 0 (re-sending from the start is always allowed)."""
    try:
        size = local.stat().st_size
        handle = local.open("rb")
    except OSError as exc:
        raise HostingError(f"Cannot read the video to upload ({exc.strerror or type(exc).__name__}).",
                           permanent=True) from None
    with handle:
        response = graph.post_bytes(
            rupload_url(upload_host, graph.version, container_id), handle,
            {"offset": "0", "file_size": str(size), "Content-Type": "application/octet-stream"},
        )
    data: dict[str, Any] = response.data
    if data.get("success") is False:
        raise GraphError(classify(None, None, 502), http_status=response.status, body=None,
                         operation="POST upload")


__all__ = [
    "MediaHost", "WebDavHost", "WebDavConfig", "new_hosted_name", "upload_resumable", "rupload_url",
    "HostingError", "TransportError",
]
