"""Access-token lifetimes: when to refresh, when to warn.

- Instagram Login: a long-lived token lasts 60 days and can be refreshed once it is at least 24 hours old
  (``GET graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token``, no app secret). We refresh
  when it is older than 24 h and expires within 10 days; the token goes in the Authorization header.
- Facebook Login: no refresh endpoint usable from a desktop app (the exchange needs the app secret): we warn.
- The expiry date is shown, and warned about a week ahead, for both.
Only dates are kept in the database; the token itself lives in the keyring.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from takeover_planner.domain.timekeeping import to_oslo
from takeover_planner.errors import ValidationError
from takeover_planner.publishing.errors import GraphError, PublishingError, classify
from takeover_planner.publishing.graph_client import GraphClient

REFRESH_MIN_AGE = dt.timedelta(hours=24)
REFRESH_WINDOW = dt.timedelta(days=10)
WARN_AHEAD = dt.timedelta(days=7)
ASSUMED_LIFETIME = dt.timedelta(days=60)  # a freshly made long-lived token, when no expiry is given


@dataclass(frozen=True)
class TokenDates:
    set_at: dt.datetime | None
    expires_at: dt.datetime | None


def needs_refresh(api_variant: str, dates: TokenDates, now: dt.datetime) -> bool:
    if api_variant != "instagram_login" or dates.set_at is None or dates.expires_at is None:
        return False
    if dates.expires_at <= now:
        return False  # too late: an expired token cannot be refreshed
    return now - dates.set_at >= REFRESH_MIN_AGE and dates.expires_at - now <= REFRESH_WINDOW


@dataclass(frozen=True)
class ExpiryNotice:
    level: str  # "ok" | "warning" | "expired" | "unknown"
    message: str


def expiry_notice(account_name: str, api_variant: str, expires_at: dt.datetime | None,
                  now: dt.datetime) -> ExpiryNotice:
    if expires_at is None:
        return ExpiryNotice("unknown", f"The token for {account_name} has no known expiry date.")
    day = to_oslo(expires_at).strftime("%Y-%m-%d %H:%M")
    if expires_at <= now:
        return ExpiryNotice(
            "expired",
            f"The token for {account_name} expired on {day}. Set a new one: takeover-planner account set-token "
            f"\"{account_name}\".",
        )
    left = expires_at - now
    if left <= WARN_AHEAD:
        days = max(0, left.days)
        if api_variant == "instagram_login":
            hint = ("The app renews it by itself when it publishes or checks the account; if that keeps failing, "
                    "set a new token.")
        else:
            hint = "Facebook Login tokens cannot be renewed by the app: create a new token and set it."
        return ExpiryNotice("warning", f"The token for {account_name} expires on {day} (in {days} day"
                                       f"{'' if days == 1 else 's'}). {hint}")
    return ExpiryNotice("ok", f"The token for {account_name} is valid until {day}.")


_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9._|\-]{20,2048}")


def refresh_instagram_token(graph: GraphClient) -> tuple[str, dt.timedelta]:
    """Ask Instagram for a renewed long-lived token; returns the new token and its lifetime."""
    response = graph.get("refresh_access_token", {"grant_type": "ig_refresh_token"}, versioned=False)
    token = response.data.get("access_token")
    expires_in = response.data.get("expires_in")
    if not isinstance(token, str) or not _TOKEN_SHAPE.fullmatch(token):
        raise GraphError(classify(None, None, 502), http_status=response.status, body=None,
                         operation="refresh token")
    if isinstance(expires_in, bool) or not isinstance(expires_in, int) or not 0 < expires_in <= 10 * 365 * 86400:
        raise PublishingError("Instagram renewed the token but gave no usable lifetime; set the token again.")
    return token, dt.timedelta(seconds=expires_in)


def plausible_token(text: str) -> str:
    """Clean a pasted token; refuse obvious mistakes (empty, spaces inside, far too short)."""
    token = text.strip()
    if not token:
        raise ValidationError("No token was given (the input was empty).")
    if not _TOKEN_SHAPE.fullmatch(token):
        raise ValidationError(
            "That does not look like an access token (expected one line of letters, digits, '.', '-', '_' or '|', "
            "at least 20 characters)."
        )
    return token
