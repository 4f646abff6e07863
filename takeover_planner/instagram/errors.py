"""What went wrong when talking to Instagram, sorted into the families the publisher acts on.

Meta's error body is ``{"error": {"message", "type", "code", "error_subcode", "error_user_title",
"error_user_msg", "fbtrace_id", "is_transient"?}}``. The code/subcode table below follows
docs/publishing.md (and ../shared/docs/INSTAGRAM.md, which cites Meta's error-code reference):

- transient   retry with backoff (codes 1, 2, 2207001, 2207003, HTTP 5xx, time-outs); 24/2207008: retry once
              or twice, then a new container; -1/2207053 (upload error): a new container, then retry
- not_ready   the container is still being processed: keep polling (9007/2207027)
- throttled   too many calls, or the publishing quota is used up: pause the account until the time given
- token       the token expired or was revoked (190): stop the account's queue, ask for a new token
- permission  the token lacks a permission (10, 200–299): stop the account's queue
- spam        4/2207051, Meta suspects spam: stop the account; a person must appeal (waiting does not help)
- restricted  25/2207050, the account is restricted: stop the account; a person must log in to Instagram
- media       Instagram will not take this file: the frame fails with a plain reason and what to do
- expired     the container is older than 24 h: make a new one
Reasons and advice are ``texts.Text`` (code + parameters), put into words in the reader's language when shown;
none of them ever contains the token. The publisher (``publishing/``) decides what to do on the family.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from typing import Any

from takeover_planner.errors import EnvironmentProblem, EnvReason, TakeoverError
from takeover_planner.texts import Code, Text
from takeover_planner.texts.instagram import InstagramText


class Family(enum.StrEnum):
    TRANSIENT = "transient"
    NOT_READY = "not_ready"
    THROTTLED = "throttled"
    TOKEN = "token"
    PERMISSION = "permission"
    MEDIA = "media"
    EXPIRED = "expired"
    SPAM = "spam"
    RESTRICTED = "restricted"
    UNKNOWN = "unknown"
    UNCONFIRMED = "unconfirmed"  # a publish whose outcome could not be confirmed: never retried blindly


@dataclass(frozen=True)
class Classification:
    family: Family
    reason: Text  # what happened, for a person
    advice: Text | None = None  # what to do about it (None: nothing to tell)
    # media: Meta could not fetch the file, which may be its own outage: retry a few times before failing.
    retry_limit: int = 0
    # 24/2207008: retry the same container once or twice, then make a new one.
    new_container_after_retries: bool = False
    # -1/2207053: this container is spoilt; make a new one and retry.
    new_container: bool = False
    # throttled because the 24-hour publishing quota is used up (not a per-hour call limit).
    quota: bool = False


# Families that stop the whole account until a person acts (a new token, an appeal, a login in the app).
STOPS_ACCOUNT = frozenset({Family.TOKEN, Family.PERMISSION, Family.SPAM, Family.RESTRICTED})
# Of those, the ones a working token does not cure: only a person saying so resumes the account.
NEEDS_A_PERSON = frozenset({Family.SPAM, Family.RESTRICTED})

_TRANSIENT = Text(InstagramText.ADVICE_TRANSIENT)
_TOKEN_ADVICE = Text(InstagramText.ADVICE_TOKEN)
_PERMISSION_ADVICE = Text(InstagramText.ADVICE_PERMISSION)
HOSTING_ADVICE = Text(InstagramText.ADVICE_HOSTING)
_QUOTA_ADVICE = Text(InstagramText.ADVICE_QUOTA)


# (code, subcode) → classification; subcode None matches any subcode of that code.
_MEDIA: dict[int, Classification] = {
    2207004: Classification(Family.MEDIA, Text(InstagramText.TOO_LARGE), Text(InstagramText.ADVICE_SHRINK)),
    2207005: Classification(Family.MEDIA, Text(InstagramText.NOT_JPEG), Text(InstagramText.ADVICE_TO_JPEG)),
    2207026: Classification(Family.MEDIA, Text(InstagramText.VIDEO_FORMAT), Text(InstagramText.ADVICE_VIDEO)),
    2207052: Classification(Family.MEDIA, Text(InstagramText.NO_DOWNLOAD), HOSTING_ADVICE, retry_limit=3),
    2207020: Classification(Family.EXPIRED, Text(InstagramText.CONTAINER_EXPIRED)),
    2207027: Classification(Family.NOT_READY, Text(InstagramText.PROCESSING)),
    2207001: Classification(Family.TRANSIENT, Text(InstagramText.TEMPORARY), _TRANSIENT),
    2207003: Classification(Family.TRANSIENT, Text(InstagramText.SLOW_DOWNLOAD), _TRANSIENT),
    2207008: Classification(Family.TRANSIENT, Text(InstagramText.PREPARE_TROUBLE), _TRANSIENT,
                            new_container_after_retries=True),
    2207053: Classification(Family.TRANSIENT, Text(InstagramText.UPLOAD_UNKNOWN), _TRANSIENT, new_container=True),
    2207051: Classification(Family.SPAM, Text(InstagramText.SPAM), Text(InstagramText.ADVICE_APPEAL)),
    2207050: Classification(Family.RESTRICTED, Text(InstagramText.RESTRICTED), Text(InstagramText.ADVICE_LOG_IN)),
    2207042: Classification(Family.THROTTLED, Text(InstagramText.QUOTA_USED), _QUOTA_ADVICE, quota=True),
}

_BY_CODE: dict[int, Classification] = {
    1: Classification(Family.TRANSIENT, Text(InstagramText.TEMPORARY), _TRANSIENT),
    2: Classification(Family.TRANSIENT, Text(InstagramText.UNAVAILABLE), _TRANSIENT),
    -1: Classification(Family.TRANSIENT, Text(InstagramText.TEMPORARY), _TRANSIENT),
    -2: Classification(Family.TRANSIENT, Text(InstagramText.SLOW_DOWNLOAD), _TRANSIENT),
    24: Classification(Family.TRANSIENT, Text(InstagramText.PREPARE_TROUBLE), _TRANSIENT,
                       new_container_after_retries=True),
    9007: Classification(Family.NOT_READY, Text(InstagramText.PROCESSING)),
    25: Classification(Family.RESTRICTED, Text(InstagramText.RESTRICTED), Text(InstagramText.ADVICE_LOG_IN)),
    9: Classification(Family.THROTTLED, Text(InstagramText.QUOTA_USED), _QUOTA_ADVICE, quota=True),
    190: Classification(Family.TOKEN, Text(InstagramText.TOKEN_REFUSED), _TOKEN_ADVICE),
    10: Classification(Family.PERMISSION, Text(InstagramText.NO_PERMISSION), _PERMISSION_ADVICE),
    36000: _MEDIA[2207004],
    36001: _MEDIA[2207005],
    352: _MEDIA[2207026],
    9004: _MEDIA[2207052],
}
_THROTTLE_CODES = frozenset({4, 17, 32, 613, 341, 80002})
_TOKEN_SUBCODES = {
    463: InstagramText.TOKEN_EXPIRED,
    467: InstagramText.TOKEN_INVALID,
    460: InstagramText.TOKEN_PASSWORD_CHANGED,
    458: InstagramText.APP_REMOVED,
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
            known = _TOKEN_SUBCODES.get(subcode or 0)
            return Classification(Family.TOKEN, Text(known) if known else _BY_CODE[190].reason, _TOKEN_ADVICE)
        if code in _THROTTLE_CODES:
            return Classification(Family.THROTTLED, Text(InstagramText.THROTTLED),
                                  Text(InstagramText.ADVICE_THROTTLED))
        if code in _BY_CODE:
            return _BY_CODE[code]
        if 200 <= code <= 299:
            return _BY_CODE[10]
    if http_status == 429:
        return classify(4)
    if is_transient or (http_status is not None and http_status >= 500):
        return _BY_CODE[1]
    return Classification(Family.UNKNOWN, Text(InstagramText.UNKNOWN), Text(InstagramText.ADVICE_UNKNOWN))


_SUBCODE_IN_TEXT = re.compile(r"(?<![\d-])(22070\d\d)(?!\d)")
_CODE_IN_TEXT = re.compile(r"\bcode[\s:=]{0,3}(-?\d{1,7})(?!\d)", re.IGNORECASE)
_SUBCODE_LABELLED = re.compile(r"\bsub-?code[\s:=]{0,3}(\d{1,9})(?!\d)", re.IGNORECASE)

# A container's status text is free text; Meta writes e.g. "Error: Media upload has failed with error code
# 2207026" or names code and subcode ("code: -1, subcode: 2207053"). Numbers found are only trusted when the
# table knows them.
NEW_CONTAINER_AFTER = 2  # 24/2207008: "retry once or twice", then a new container


def parse_status_codes(status_text: str) -> tuple[int | None, int | None]:
    """(code, subcode) named in a container's ``status`` text; either may be None."""
    text = status_text or ""
    labelled = _SUBCODE_LABELLED.search(text)
    bare = _SUBCODE_IN_TEXT.search(text)
    subcode = int(labelled.group(1)) if labelled else int(bare.group(1)) if bare else None
    code = None
    for match in _CODE_IN_TEXT.finditer(text):
        value = int(match.group(1))
        if value != subcode:
            code = value
            break
    return code, subcode


def classify_container_status(status_text: str) -> Classification:
    """A container in ERROR carries Meta's code and/or subcode in its ``status`` text."""
    code, subcode = parse_status_codes(status_text)
    if code is not None or subcode is not None:
        found = classify(code, subcode)
        if found.family is not Family.UNKNOWN:
            return found
    return Classification(Family.MEDIA, Text(InstagramText.CANNOT_PREPARE), Text(InstagramText.ADVICE_RECHECK))


# --- exceptions ------------------------------------------------------------------------------------


class InstagramError(TakeoverError):
    """Base of everything this package raises about Instagram; the message never holds a secret."""


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


class GraphError(InstagramError):
    """Instagram answered with an error. ``classification`` says what to do about it.

    The message is the classification's reason with Meta's code (or the HTTP status); Meta's own words are
    kept in ``body`` for the log (``technical``), not shown: they are English and often cryptic.
    """

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
        details = {"family": classification.family.value, "http_status": http_status, "meta_code": code,
                   "meta_subcode": sub}
        if code is None:
            super().__init__(InstagramText.GRAPH_HTTP_ERROR, details=details, reason=classification.reason,
                             http_status=http_status)
        else:
            meta_code = f"{code}/{sub}" if sub is not None else str(code)
            super().__init__(InstagramText.GRAPH_ERROR, details=details, reason=classification.reason,
                             meta_code=meta_code)

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


class TransportError(InstagramError):
    """No answer: a time-out or a dropped connection. For a POST the request may still have taken effect."""

    def __init__(self, code: InstagramText, *, may_have_been_received: bool, operation: str = "",
                 **params: Any) -> None:
        super().__init__(code, details={"may_have_been_received": may_have_been_received}, **params)
        self.may_have_been_received = may_have_been_received
        self.operation = operation


class SecretStoreUnavailable(EnvironmentProblem):
    """No usable OS keyring: publishing stops with a plain explanation of how to get one (reason no_keyring)."""

    def __init__(self, code: Code, /, *, details: dict[str, Any] | None = None, **params: Any) -> None:
        super().__init__(code, reason=EnvReason.NO_KEYRING, details=details, **params)
