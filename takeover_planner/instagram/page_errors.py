"""The Page API's errors (Facebook Page stories) in the same families as Instagram's (``instagram.errors``), with
the Page's own words.

The Graph client classifies every error with Meta's shared codes (190 token, 10/200–299 permission, 4/17/32/613
throttling, 1/2/5xx transient). A Page story adds a few codes of its own, and the reasons must name Facebook,
not Instagram, so a stop shows the person which channel it concerns:

- 190 (any subcode)   token       the Page token expired or was revoked: stop the Page account
- 10, 200–299         permission  the token lacks pages_manage_posts / pages_read_engagement / pages_show_list
- 368                 restricted  the Page is blocked from posting for now: a person acts, then ``account resume``
- 4, 17, 32, 613, 80001, HTTP 429  throttled  pause the Page account (Page rate limit: 80001)
- 324, 1366046        media       the picture could not be used (missing or invalid image file)
- 351, 352, 6000, 6001  media / transient  the video could not be used (351/352) or its upload failed (6000/6001)
Anything else keeps the classification the client gave it.
"""

from __future__ import annotations

import dataclasses

from takeover_planner.instagram.errors import Classification, Family, GraphError, InstagramError, classify
from takeover_planner.texts import Text
from takeover_planner.texts.facebook import FacebookText

_TOKEN = Classification(Family.TOKEN, Text(FacebookText.TOKEN_REFUSED), Text(FacebookText.ADVICE_TOKEN))
_TOKEN_EXPIRED = Classification(Family.TOKEN, Text(FacebookText.TOKEN_EXPIRED), Text(FacebookText.ADVICE_TOKEN))
_PERMISSION = Classification(Family.PERMISSION, Text(FacebookText.NO_PERMISSION),
                             Text(FacebookText.ADVICE_PERMISSION))
_BLOCKED = Classification(Family.RESTRICTED, Text(FacebookText.PAGE_BLOCKED), Text(FacebookText.ADVICE_PAGE_BLOCKED))
_IMAGE = Classification(Family.MEDIA, Text(FacebookText.IMAGE_INVALID), Text(FacebookText.ADVICE_IMAGE))
_VIDEO = Classification(Family.MEDIA, Text(FacebookText.VIDEO_INVALID), Text(FacebookText.ADVICE_VIDEO))
_UPLOAD = Classification(Family.TRANSIENT, Text(FacebookText.UPLOAD_TROUBLE), retry_limit=4)

PAGE_CODES: dict[int, Classification] = {
    368: _BLOCKED,
    324: _IMAGE,
    1366046: _IMAGE,
    351: _VIDEO,
    352: _VIDEO,
    6000: _UPLOAD,
    6001: _UPLOAD,
}
PAGE_THROTTLE_CODES = frozenset({80001})


def page_classification(code: int | None, subcode: int | None, http_status: int | None,
                        found: Classification) -> Classification:
    """The Page's view of an error the client classified as ``found``."""
    if code is not None and code in PAGE_CODES:
        return PAGE_CODES[code]
    if subcode is not None and subcode in PAGE_CODES:
        return PAGE_CODES[subcode]
    if code is not None and code in PAGE_THROTTLE_CODES:
        throttled = classify(4)
        return Classification(Family.THROTTLED, Text(FacebookText.THROTTLED), throttled.advice)
    if found.family == Family.TOKEN:
        return _TOKEN_EXPIRED if subcode == 463 else _TOKEN
    if found.family == Family.PERMISSION:
        return _PERMISSION
    if found.family == Family.THROTTLED and not found.quota:
        return Classification(Family.THROTTLED, Text(FacebookText.THROTTLED), found.advice)
    if found.family == Family.TRANSIENT:  # Meta's shared codes 1, 2, 5xx: the same retries, Facebook's words
        return dataclasses.replace(found, reason=Text(FacebookText.TEMPORARY))
    if found.family == Family.UNKNOWN:
        return dataclasses.replace(found, reason=Text(FacebookText.UNKNOWN), advice=Text(FacebookText.ADVICE_UNKNOWN))
    return found


class PageGraphError(GraphError):
    """A Graph error on a Page: the same fields, its message naming Facebook (``Facebook error 190/463``)."""

    def __init__(self, original: GraphError, classification: Classification) -> None:
        self.classification = classification
        self.http_status = original.http_status
        self.body = original.body
        self.retry_after_s = original.retry_after_s
        self.operation = original.operation
        code = original.body.code if original.body else None
        sub = original.body.subcode if original.body else None
        details = {"family": classification.family.value, "http_status": original.http_status, "meta_code": code,
                   "meta_subcode": sub, "channel": "facebook"}
        if code is None:
            InstagramError.__init__(self, FacebookText.GRAPH_HTTP_ERROR, details=details,
                                    reason=classification.reason, http_status=original.http_status)
        else:
            meta_code = f"{code}/{sub}" if sub is not None else str(code)
            InstagramError.__init__(self, FacebookText.GRAPH_ERROR, details=details, reason=classification.reason,
                                    meta_code=meta_code)


def page_error(exc: GraphError) -> GraphError:
    """The same error, classified and worded for a Page (its body, status and retry time kept)."""
    if isinstance(exc, PageGraphError):
        return exc
    code = exc.body.code if exc.body else None
    subcode = exc.body.subcode if exc.body else None
    return PageGraphError(exc, page_classification(code, subcode, exc.http_status, exc.classification))
