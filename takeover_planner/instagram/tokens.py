"""Access-token lifetimes: when to refresh, when to warn.

- Instagram Login: a long-lived token lasts 60 days and can be refreshed once it is at least 24 hours old
  (``GET graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token&access_token=…``, no app
  secret; the token goes in the query as Meta documents it, kept out of every log). We refresh any token
  older than 24 h that is within its last 20 days, and learn the real expiry from the answer's
  ``expires_in``. A pasted token's age is unknown (it may already be weeks old), so its expiry is not
  guessed: it is renewed as soon as it has been with us for 24 hours, which tells us the real date.
- Facebook Login: no refresh endpoint usable from a desktop app (the exchange needs the app secret): we warn.
  Its real expiry is read with ``debug_token`` (``account check``), which Meta answers for a token of one of
  the app's developers; otherwise the expiry given with ``--expires``, or 60 days, stands.
- The expiry date is shown, and warned about a week ahead, for both.
Only dates are kept in the database; the token itself lives in the keyring.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from takeover_planner.errors import ValidationError
from takeover_planner.instagram.errors import GraphError, InstagramError, classify
from takeover_planner.instagram.graph_client import GraphClient
from takeover_planner.texts import Text
from takeover_planner.texts.instagram import InstagramText

REFRESH_MIN_AGE = dt.timedelta(hours=24)
REFRESH_WINDOW = dt.timedelta(days=20)
WARN_AHEAD = dt.timedelta(days=7)
ASSUMED_LIFETIME = dt.timedelta(days=60)  # a freshly made long-lived token, when no expiry is given


@dataclass(frozen=True)
class TokenDates:
    set_at: dt.datetime | None
    expires_at: dt.datetime | None


def needs_refresh(api_variant: str, dates: TokenDates, now: dt.datetime) -> bool:
    if api_variant != "instagram_login" or dates.set_at is None:
        return False
    if dates.expires_at is None:
        return now - dates.set_at >= REFRESH_MIN_AGE  # the real expiry is learned from the renewal
    if dates.expires_at <= now:
        return False  # too late: an expired token cannot be refreshed
    return now - dates.set_at >= REFRESH_MIN_AGE and dates.expires_at - now <= REFRESH_WINDOW


@dataclass(frozen=True)
class ExpiryNotice:
    level: str  # "ok" | "warning" | "expired" | "unknown"
    message: str  # in the language in force when it was made


def expiry_notice(account_name: str, api_variant: str, expires_at: dt.datetime | None,
                  now: dt.datetime) -> ExpiryNotice:
    if expires_at is None:
        return ExpiryNotice("unknown", _say(InstagramText.TOKEN_NO_EXPIRY, account=account_name))
    if expires_at <= now:
        return ExpiryNotice("expired", _say(InstagramText.TOKEN_EXPIRED_ON, account=account_name, moment=expires_at))
    left = expires_at - now
    if left <= WARN_AHEAD:
        days = max(0, left.days)
        hint = Text(InstagramText.HINT_RENEWS if api_variant == "instagram_login" else InstagramText.HINT_CANNOT_RENEW)
        code = InstagramText.TOKEN_EXPIRES_TOMORROW if days == 1 else InstagramText.TOKEN_EXPIRES_SOON
        return ExpiryNotice("warning", _say(code, account=account_name, moment=expires_at, days=days, hint=hint))
    return ExpiryNotice("ok", _say(InstagramText.TOKEN_VALID, account=account_name, moment=expires_at))


def _say(code: InstagramText, **params: object) -> str:
    """A notice in the language in force (the window and the command line show it as it is)."""
    return str(Text(code, params))


_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9._|\-]{20,2048}")


def refresh_instagram_token(graph: GraphClient) -> tuple[str, dt.timedelta]:
    """Ask Instagram for a renewed long-lived token; returns the new token and its lifetime."""
    response = graph.get_with_token_in_query("refresh_access_token", {"grant_type": "ig_refresh_token"},
                                             versioned=False)
    token = response.data.get("access_token")
    expires_in = response.data.get("expires_in")
    if not isinstance(token, str) or not _TOKEN_SHAPE.fullmatch(token):
        raise GraphError(classify(None, None, 502), http_status=response.status, body=None,
                         operation="refresh token")
    if isinstance(expires_in, bool) or not isinstance(expires_in, int) or not 0 < expires_in <= 10 * 365 * 86400:
        raise InstagramError(InstagramText.NO_LIFETIME)
    return token, dt.timedelta(seconds=expires_in)


def debug_expiry(graph: GraphClient) -> dt.datetime | None:
    """Facebook Login: the token's real expiry from ``debug_token`` (None: it never expires)."""
    response = graph.get_with_token_in_query("debug_token", {}, name="input_token")
    data = response.data.get("data")
    if not isinstance(data, dict) or data.get("is_valid") is not True:
        raise InstagramError(InstagramText.NO_DEBUG_EXPIRY)
    expires = data.get("expires_at")
    if isinstance(expires, bool) or not isinstance(expires, int) or expires < 0:
        raise InstagramError(InstagramText.NO_DEBUG_EXPIRY)
    return dt.datetime.fromtimestamp(expires, dt.UTC) if expires else None


def plausible_token(text: str) -> str:
    """Clean a pasted token; refuse obvious mistakes (empty, spaces inside, far too short)."""
    token = text.strip()
    if not token:
        raise ValidationError(InstagramText.TOKEN_EMPTY)
    if not _TOKEN_SHAPE.fullmatch(token):
        raise ValidationError(InstagramText.TOKEN_SHAPE)
    return token
