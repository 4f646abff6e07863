"""What went wrong when talking to Instagram, sorted into the families the publisher acts on.

Meta's error body is ``{"error": {"message", "type", "code", "error_subcode", "error_user_title",
"error_user_msg", "fbtrace_id", "is_transient"?}}``. The code/subcode table below follows
docs/publishing.md (and ../shared/docs/INSTAGRAM.md, which cites Meta's error-code reference):

- transient   retry with backoff (codes 1, 2, 2207001, 2207003, 2207008, HTTP 5xx, time-outs)
- not_ready   the container is still being processed: keep polling (9007/2207027)
- throttled   too many calls, or the publishing quota is used up: pause the account until the time given
- token       the token expired or was revoked (190): stop the account's queue, ask for a new token
- permission  the token lacks a permission (10, 200–299): stop the account's queue
- media       Instagram will not take this file: the frame fails with a plain reason and what to do
- expired     the container is older than 24 h: make a new one
Every message here is plain language for a comms officer; none of them ever contains the token.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from typing import Any

from takeover_planner.errors import EnvironmentProblem, TakeoverError


class Family(enum.StrEnum):
    TRANSIENT = "transient"
    NOT_READY = "not_ready"
    THROTTLED = "throttled"
    TOKEN = "token"
    PERMISSION = "permission"
    MEDIA = "media"
    EXPIRED = "expired"
    UNKNOWN = "unknown"
    UNCONFIRMED = "unconfirmed"  # a publish whose outcome could not be confirmed: never retried blindly


@dataclass(frozen=True)
class Classification:
    family: Family
    reason: str
    advice: str = ""
    # media: Meta could not fetch the file, which may be its own outage: retry a few times before failing.
    retry_limit: int = 0
    # 24/2207008: retry the same container once or twice, then make a new one.
    new_container_after_retries: bool = False
    # throttled because the 24-hour publishing quota is used up (not a per-hour call limit).
    quota: bool = False


_TRANSIENT_ADVICE = "Nothing to do: the app tries again by itself, waiting longer each time."
_TOKEN_ADVICE = (
    "Create a new long-lived token for this account (Meta's App Dashboard or Business Suite) and give it to the "
    "app with 'takeover-planner account set-token NAME' or Accounts → Set token. Publishing for this account "
    "resumes when a working token is set."
)
_PERMISSION_ADVICE = (
    "Create a new token that includes the publishing permission (Instagram Login: "
    "instagram_business_basic and instagram_business_content_publish; Facebook Login: instagram_basic, "
    "instagram_content_publish and pages_read_engagement), then set it again for this account."
)
HOSTING_ADVICE = (
    "Check that the media host's public address opens from outside the office network "
    "('takeover-planner hosting test'). If it does, Instagram may be having trouble: the frame can be "
    "scheduled again later, or posted by hand from the hand-off pack."
)

# (code, subcode) → classification; subcode None matches any subcode of that code.
_MEDIA: dict[int, Classification] = {
    2207004: Classification(
        Family.MEDIA,
        "The picture is larger than Instagram's limit of 8 MB for stories.",
        "Open the frame, apply the media check's fix (it makes a smaller JPEG copy), approve the fixed copy "
        "and schedule the frame again.",
    ),
    2207005: Classification(
        Family.MEDIA,
        "Instagram accepts only JPEG pictures for stories, and this file is in another format.",
        "Apply the media check's fix (it converts the picture to JPEG), approve the fixed copy and schedule "
        "the frame again.",
    ),
    2207026: Classification(
        Family.MEDIA,
        "Instagram does not accept this video's format.",
        "Stories need MP4 or MOV with H.264 or HEVC video and AAC sound, 3–60 seconds, at most 1920 pixels "
        "wide. Apply the media check's fix for the video, approve the fixed copy and schedule it again.",
    ),
    2207052: Classification(
        Family.MEDIA,
        "Instagram could not download the file from the media host.",
        HOSTING_ADVICE,
        retry_limit=3,
    ),
    2207020: Classification(Family.EXPIRED, "The prepared story (container) expired before it was published."),
    2207027: Classification(Family.NOT_READY, "Instagram is still processing the file."),
    2207001: Classification(Family.TRANSIENT, "Instagram had a temporary problem on its side.", _TRANSIENT_ADVICE),
    2207003: Classification(
        Family.TRANSIENT, "Instagram took too long to download the file.", _TRANSIENT_ADVICE
    ),
    2207008: Classification(
        Family.TRANSIENT,
        "Instagram had a temporary problem preparing the story.",
        _TRANSIENT_ADVICE,
        new_container_after_retries=True,
    ),
    2207042: Classification(
        Family.THROTTLED,
        "The account has used up its Instagram publishing quota for the last 24 hours.",
        "Publishing resumes by itself when the quota frees up. Post urgent frames by hand.",
        quota=True,
    ),
}

_BY_CODE: dict[int, Classification] = {
    1: Classification(Family.TRANSIENT, "Instagram had a temporary problem on its side.", _TRANSIENT_ADVICE),
    2: Classification(Family.TRANSIENT, "Instagram's service was briefly unavailable.", _TRANSIENT_ADVICE),
    -1: Classification(Family.TRANSIENT, "Instagram had a temporary problem on its side.", _TRANSIENT_ADVICE),
    -2: Classification(Family.TRANSIENT, "Instagram took too long to download the file.", _TRANSIENT_ADVICE),
    24: Classification(
        Family.TRANSIENT,
        "Instagram had a temporary problem preparing the story.",
        _TRANSIENT_ADVICE,
        new_container_after_retries=True,
    ),
    9007: Classification(Family.NOT_READY, "Instagram is still processing the file."),
    9: Classification(
        Family.THROTTLED,
        "The account has used up its Instagram publishing quota for the last 24 hours.",
        "Publishing resumes by itself when the quota frees up. Post urgent frames by hand.",
        quota=True,
    ),
    190: Classification(
        Family.TOKEN, "Instagram no longer accepts this account's access token.", _TOKEN_ADVICE
    ),
    10: Classification(
        Family.PERMISSION, "The access token lacks a permission Instagram needs for publishing.", _PERMISSION_ADVICE
    ),
    36000: _MEDIA[2207004],
    36001: _MEDIA[2207005],
    352: _MEDIA[2207026],
    9004: _MEDIA[2207052],
}
_THROTTLE_CODES = frozenset({4, 17, 32, 613, 341, 80002})
_TOKEN_SUBCODES = {
    463: "Instagram says this account's access token has expired.",
    467: "Instagram says this account's access token is not valid.",
    460: "The access token stopped working because the Instagram or Facebook password was changed.",
    458: "The app's access for this account was removed.",
}


def classify(
    code: int | None,
    subcode: int | None = None,
    http_status: int | None = None,
    is_transient: bool | None = None,
) -> Classification:
    """Sort an error (from an error body, a container status or an HTTP status) into its family."""
    if subcode is not None and subcode in _MEDIA:
        return _MEDIA[subcode]
    if code is not None:
        if code == 190:
            reason = _TOKEN_SUBCODES.get(subcode or 0, _BY_CODE[190].reason)
            return Classification(Family.TOKEN, reason, _TOKEN_ADVICE)
        if code in _THROTTLE_CODES:
            return Classification(
                Family.THROTTLED,
                "Instagram is limiting how many requests the app may make just now.",
                "Nothing to do: publishing for this account resumes by itself at the time Instagram gives.",
            )
        if code in _BY_CODE:
            return _BY_CODE[code]
        if 200 <= code <= 299:
            return _BY_CODE[10]
    if http_status == 429:
        return classify(4)
    if is_transient or (http_status is not None and http_status >= 500):
        return _BY_CODE[1]
    return Classification(
        Family.UNKNOWN,
        "Instagram refused the request with an error the app does not know.",
        "The technical details are in the log file. Try scheduling the frame again; if it fails again, post it "
        "by hand from the hand-off pack.",
    )


_SUBCODE_IN_TEXT = re.compile(r"\b(22070\d\d)\b")


def classify_container_status(status_text: str) -> Classification:
    """A container in ERROR carries an error subcode in its ``status`` field (e.g. "Error: … 2207026")."""
    match = _SUBCODE_IN_TEXT.search(status_text or "")
    if match:
        found = classify(None, int(match.group(1)))
        if found.family is not Family.UNKNOWN:
            return found
    return Classification(
        Family.MEDIA,
        "Instagram could not prepare this file for a story.",
        "Run the media check on the frame again and apply its fixes; if the check finds nothing, try a freshly "
        "exported copy of the picture or video, or post the frame by hand.",
    )


# --- exceptions ------------------------------------------------------------------------------------


class PublishingError(TakeoverError):
    """Base of everything the publisher raises; the message is plain language and never holds a secret."""


@dataclass
class MetaErrorBody:
    message: str = ""
    type: str = ""
    code: int | None = None
    subcode: int | None = None
    user_title: str = ""
    user_msg: str = ""
    fbtrace_id: str = ""
    is_transient: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def parse_error_body(payload: Any) -> MetaErrorBody | None:
    """Read Meta's error object defensively: the body is outside input and may be anything."""
    if not isinstance(payload, dict) or not isinstance(payload.get("error"), dict):
        return None
    err = payload["error"]

    def as_int(value: Any) -> int | None:
        if isinstance(value, bool):
            return None
        if isinstance(value, int):
            return value
        if isinstance(value, str) and re.fullmatch(r"-?\d{1,9}", value.strip()):
            return int(value)
        return None

    def as_text(value: Any, limit: int = 500) -> str:
        return value[:limit] if isinstance(value, str) else ""

    transient = err.get("is_transient")
    return MetaErrorBody(
        message=as_text(err.get("message")),
        type=as_text(err.get("type"), 100),
        code=as_int(err.get("code")),
        subcode=as_int(err.get("error_subcode")),
        user_title=as_text(err.get("error_user_title"), 200),
        user_msg=as_text(err.get("error_user_msg")),
        fbtrace_id=as_text(err.get("fbtrace_id"), 100),
        is_transient=transient if isinstance(transient, bool) else None,
    )


class GraphError(PublishingError):
    """Instagram answered with an error. ``classification`` says what to do about it."""

    def __init__(
        self,
        classification: Classification,
        *,
        http_status: int,
        body: MetaErrorBody | None,
        retry_after_s: float | None = None,
        operation: str = "",
    ) -> None:
        self.classification = classification
        self.http_status = http_status
        self.body = body
        self.retry_after_s = retry_after_s
        self.operation = operation
        code = body.code if body else None
        sub = body.subcode if body else None
        tag = f"Instagram error {code}" + (f"/{sub}" if sub is not None else "") if code is not None else f"HTTP {http_status}"
        super().__init__(f"{classification.reason} ({tag})")

    @property
    def family(self) -> Family:
        return self.classification.family

    @property
    def technical(self) -> str:
        """Meta's own words, for the log (already stripped of any secret by the client)."""
        if self.body is None:
            return f"HTTP {self.http_status} without an error body"
        return (
            f"HTTP {self.http_status} code={self.body.code} subcode={self.body.subcode} type={self.body.type} "
            f"message={self.body.message!r} fbtrace_id={self.body.fbtrace_id}"
        )


class TransportError(PublishingError):
    """No answer: a time-out or a dropped connection. For a POST the request may still have taken effect."""

    def __init__(self, message: str, *, may_have_been_received: bool, operation: str = "") -> None:
        super().__init__(message)
        self.may_have_been_received = may_have_been_received
        self.operation = operation


class HostingError(PublishingError):
    """The media host did not take, show or delete a file."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class SecretStoreUnavailable(EnvironmentProblem):
    """No usable OS keyring: publishing stops with a plain explanation of how to get one."""


class MissingSecret(PublishingError):
    """A token or password that the keyring should hold is not there."""
