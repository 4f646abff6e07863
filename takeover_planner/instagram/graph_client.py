"""The one HTTP client for Instagram's Graph API: a ``requests.Session`` with a User-Agent and a time-out on
every call, the token in the ``Authorization`` header — except for the one call Meta documents with the token
as a query parameter (``refresh_access_token``, see ``get_with_token_in_query``), whose URL is kept out of
urllib3's debug log by a filter for the length of the call.

The token never appears in a URL, a log line or an exception message: it lives in an ``AuthBase`` object
whose ``repr`` hides it (and supplying ``auth`` also stops ``requests`` from replacing the header with .netrc
credentials); requests drops the header itself when a redirect leaves the host; any text that comes back from
the server is scrubbed of the token before it is kept. The token is only ever sent over HTTPS, except to a
loopback address (tests and local proxies).
No automatic retries here: a blind retry of a POST can publish twice. The publisher decides, using the
ledger, what may be repeated.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.auth import AuthBase

from takeover_planner import __version__
from takeover_planner.errors import ValidationError
from takeover_planner.instagram.errors import GraphError, TransportError, classify, parse_error_body
from takeover_planner.texts import Code
from takeover_planner.texts.instagram import InstagramText

log = logging.getLogger(__name__)

USER_AGENT = f"TakeoverPlanner/{__version__} (+publishing; python-requests)"
DEFAULT_TIMEOUT = (10.0, 60.0)  # (connect, read) seconds


class TokenAuth(AuthBase):
    """Adds ``Authorization: <scheme> <token>``; its repr never shows the token."""

    def __init__(self, token: str, scheme: str = "Bearer") -> None:
        if not token or any(c.isspace() for c in token):
            raise ValidationError(InstagramText.TOKEN_BLANK)
        self._token = token
        self._scheme = scheme

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"{self._scheme} {self._token}"
        return request

    def __repr__(self) -> str:
        return f"TokenAuth({self._scheme}, ***)"

    def scrub(self, text: str) -> str:
        return text.replace(self._token, "[token]") if text else text

    def with_scheme(self, scheme: str) -> TokenAuth:
        return TokenAuth(self._token, scheme)

    @property
    def token(self) -> str:
        return self._token


class _NoAuth(AuthBase):
    """No Authorization header (and, being an ``auth``, no .netrc credentials either)."""

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers.pop("Authorization", None)
        return request


_NO_AUTH = _NoAuth()


META_DOMAINS = ("facebook.com", "instagram.com")


def is_meta_host(url: str) -> bool:
    """True for Meta's own servers (graph.facebook.com, graph.instagram.com, rupload.facebook.com, …)."""
    host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in META_DOMAINS)


class _HideSecret(logging.Filter):
    """Replaces a secret in the records of a library logger (urllib3 logs request URLs at debug level)."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self._secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if self._secret in text:
            record.msg, record.args = text.replace(self._secret, "[token]"), None
        return True


def check_base_url(url: str, what: Code = InstagramText.GRAPH_ADDRESS) -> str:
    """Only https, or http to a loopback address: the token must never cross a network in clear text."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise ValidationError(InstagramText.NOT_HTTP, what=what, url=url)
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ValidationError(InstagramText.URL_EXTRAS, what=what)
    if parts.scheme == "http" and not _is_loopback(host):
        raise ValidationError(InstagramText.NEEDS_HTTPS, what=what)
    return url.strip().rstrip("/")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# --- rate-limit headers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Usage:
    """What the rate-limit headers say: the highest percentage used and when access comes back."""

    percent: float = 0.0
    regain_after_s: float = 0.0  # 0: no wait announced

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> Usage:
        percent = 0.0
        regain_minutes = 0.0
        for name in ("x-app-usage", "x-business-use-case-usage", "x-ad-account-usage"):
            raw = _header(headers, name)
            if not raw:
                continue
            try:
                data = json.loads(raw)
            except ValueError:
                log.debug("Unreadable %s header ignored", name)
                continue
            for entry in _usage_entries(data):
                for key in ("call_count", "total_time", "total_cputime", "acc_id_util_pct"):
                    percent = max(percent, _number(entry.get(key)))
                regain_minutes = max(regain_minutes, _number(entry.get("estimated_time_to_regain_access")))
        retry_after = _number(_header(headers, "retry-after"))
        return cls(percent=percent, regain_after_s=max(regain_minutes * 60.0, retry_after))


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return ""


def _usage_entries(data: Any) -> list[dict[str, Any]]:
    """X-App-Usage is one object; X-Business-Use-Case-Usage maps ids to lists of objects."""
    if not isinstance(data, dict):
        return []
    if any(k in data for k in ("call_count", "total_time", "total_cputime", "estimated_time_to_regain_access")):
        return [data]
    found: list[dict[str, Any]] = []
    for value in data.values():
        items = value if isinstance(value, list) else [value]
        found.extend(item for item in items if isinstance(item, dict))
    return found


def _number(value: Any) -> float:
    if isinstance(value, bool):
        return 0.0
    if isinstance(value, (int, float)) and math.isfinite(value):
        return max(0.0, float(value))
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return 0.0
        return max(0.0, number) if math.isfinite(number) else 0.0
    return 0.0


# --- the client --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GraphResponse:
    status: int
    data: dict[str, Any]
    usage: Usage


class GraphClient:
    """Calls ``{base_url}/{version}/{path}``; ``base_url`` and ``version`` are per-account settings."""

    def __init__(
        self,
        base_url: str,
        version: str,
        token: str,
        *,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    ) -> None:
        self.base_url = check_base_url(base_url)
        if not version or "/" in version or not version.strip():
            raise ValidationError(InstagramText.BAD_VERSION, version=version)
        self.version = version.strip()
        self._auth = TokenAuth(token)
        self.timeout = timeout
        self.session = session or new_session()
        self.last_usage = Usage()

    def __repr__(self) -> str:
        return f"GraphClient({self.base_url}, {self.version})"

    def url(self, path: str, *, versioned: bool = True) -> str:
        path = path.lstrip("/")
        return f"{self.base_url}/{self.version}/{path}" if versioned else f"{self.base_url}/{path}"

    def get(self, path: str, params: Mapping[str, str] | None = None, *, versioned: bool = True) -> GraphResponse:
        return self._send("GET", self.url(path, versioned=versioned), params=params, operation=f"GET {path}")

    def get_with_token_in_query(self, path: str, params: Mapping[str, str], *, versioned: bool = True,
                                name: str = "access_token") -> GraphResponse:
        """A GET that carries the token as a query parameter, where Meta documents it so: ``access_token`` for
        ``refresh_access_token`` (then without an Authorization header), ``input_token`` for ``debug_token``
        (the token inspects itself, so the header stays). The URL never reaches a log or an exception."""
        query = {**params, name: self._auth.token}
        urllib3_log = logging.getLogger("urllib3.connectionpool")
        hide = _HideSecret(self._auth.token)
        urllib3_log.addFilter(hide)
        try:
            return self._send("GET", self.url(path, versioned=versioned), params=params, query=query,
                              auth=_NO_AUTH if name == "access_token" else None, operation=f"GET {path}")
        finally:
            urllib3_log.removeFilter(hide)

    def post(self, path: str, data: Mapping[str, str] | None = None) -> GraphResponse:
        return self._send("POST", self.url(path), data=data, operation=f"POST {path}")

    def post_file(self, path: str, data: Mapping[str, str], field: str, filename: str, handle: Any,
                  content_type: str) -> GraphResponse:
        """A multipart/form-data POST with one file part (a Page's ``photos`` upload takes the picture so)."""
        return self._send("POST", self.url(path), data=data, files={field: (filename, handle, content_type)},
                          operation=f"POST {path}")

    def post_bytes(self, url: str, body: Any, headers: Mapping[str, str], *, scheme: str = "OAuth") -> GraphResponse:
        """Send a file body to another Meta host (rupload) with the same token and rules."""
        check_base_url(url, InstagramText.UPLOAD_ADDRESS)
        return self._send("POST", url, body=body, extra_headers=headers, auth=self._auth.with_scheme(scheme),
                          operation="POST upload")

    def scrub(self, text: str) -> str:
        return self._auth.scrub(text)

    def _send(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        data: Mapping[str, str] | None = None,
        body: Any = None,
        extra_headers: Mapping[str, str] | None = None,
        auth: AuthBase | None = None,
        operation: str,
        query: Mapping[str, str] | None = None,
        files: Mapping[str, tuple[str, Any, str]] | None = None,
    ) -> GraphResponse:
        for value in list((params or {}).values()) + list((data or {}).values()):
            if self._auth.scrub(str(value)) != str(value):
                raise ValidationError(InstagramText.TOKEN_AS_PARAMETER)
        try:
            response = self.session.request(
                method, url, params=query if query is not None else params,
                data=body if body is not None else data, files=files,
                headers=dict(extra_headers or {}), auth=auth or self._auth, timeout=self.timeout,
                allow_redirects=False,
            )
        except requests.exceptions.ConnectTimeout:
            raise TransportError(InstagramText.CONNECT_TIMEOUT, may_have_been_received=False, operation=operation,
                                 server=self.base_url) from None
        except requests.exceptions.Timeout:
            raise TransportError(InstagramText.READ_TIMEOUT, may_have_been_received=method != "GET",
                                 operation=operation, server=self.base_url) from None
        except requests.exceptions.ConnectionError as exc:
            refused = _never_connected(exc)
            raise TransportError(
                InstagramText.CONNECTION_REFUSED if refused else InstagramText.CONNECTION_DROPPED,
                may_have_been_received=not refused and method != "GET", operation=operation, server=self.base_url,
            ) from None
        except requests.exceptions.RequestException as exc:
            raise TransportError(InstagramText.REQUEST_FAILED, may_have_been_received=method != "GET",
                                 operation=operation, server=self.base_url, kind=type(exc).__name__) from None
        usage = Usage.from_headers(response.headers)
        self.last_usage = usage
        if usage.percent >= 80:
            log.warning("Instagram rate-limit usage at %.0f%% (%s)", usage.percent, operation)
        payload = self._json(response)
        if 200 <= response.status_code < 300 and isinstance(payload, dict) and "error" not in payload:
            return GraphResponse(response.status_code, payload, usage)
        body_info = parse_error_body(payload)
        if body_info is not None:
            body_info.message = self._auth.scrub(body_info.message)
            body_info.user_msg = self._auth.scrub(body_info.user_msg)
            body_info.user_title = self._auth.scrub(body_info.user_title)
        if 200 <= response.status_code < 300 and body_info is None:
            # A 2xx that is not a JSON object: treat like a server fault (we cannot know what happened).
            classification = classify(None, None, 502)
        else:
            classification = classify(
                body_info.code if body_info else None,
                body_info.subcode if body_info else None,
                response.status_code,
                body_info.is_transient if body_info else None,
            )
        error = GraphError(classification, http_status=response.status_code, body=body_info,
                           retry_after_s=usage.regain_after_s or None, operation=operation)
        log.info("%s failed: %s", operation, error.technical)
        raise error

    @staticmethod
    def _json(response: requests.Response) -> Any:
        if not response.content:
            return None
        try:
            return response.json()
        except ValueError:
            return None


def _never_connected(exc: requests.exceptions.ConnectionError) -> bool:
    """True when the connection was never made (refused, no route, DNS): the request cannot have arrived."""
    inner: Any = exc.args[0] if exc.args else None
    reason = getattr(inner, "reason", inner)
    return type(reason).__name__ in ("NewConnectionError", "NameResolutionError")


def new_session() -> requests.Session:
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    session.headers["Accept"] = "application/json"
    return session
