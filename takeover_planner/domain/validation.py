"""Small checks on what people type: names, e-mail addresses, colours, links, handles, story stickers."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from takeover_planner.errors import ValidationError

# Deliberately simple: one @, something before, a dotted domain after, no spaces. Real delivery is the real test.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
STICKER_KINDS = ("link", "poll", "mention")  # the API cannot post stickers: a person adds them by hand


def clean_name(value: str | None, what: str, *, max_length: int = 200) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise ValidationError(f"{what} must not be empty.")
    if len(text) > max_length:
        raise ValidationError(f"{what} is too long (at most {max_length} characters).")
    return text


def clean_email(value: str | None) -> str:
    text = (value or "").strip()
    if text and not _EMAIL.match(text):
        raise ValidationError(f"'{text}' is not a valid e-mail address.")
    return text


def clean_color(value: str | None, default: str) -> str:
    text = (value or "").strip() or default
    if not _COLOR.match(text):
        raise ValidationError(f"'{text}' is not a colour like #3366cc.")
    return text.lower()


def clean_url(value: str | None) -> str:
    text = (value or "").strip()
    if not text:
        return ""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(f"'{text}' is not a web link (it should start with https://).")
    return text


def clean_handle(value: str | None) -> str:
    text = (value or "").strip().lstrip("@")
    if text and not re.fullmatch(r"[A-Za-z0-9._]{1,30}", text):
        raise ValidationError(f"'{value}' is not an Instagram handle (letters, digits, . and _; at most 30).")
    return text


def clean_sticker(kind: str | None, value: str | None) -> tuple[str, str]:
    """A story sticker as (kind, value); ("", "") for none. A link must be a web link, a mention a handle
    (given back with its @)."""
    kind, value = (kind or "").strip().lower(), (value or "").strip()
    if not kind:
        return "", ""
    if kind not in STICKER_KINDS:
        raise ValidationError(f"A sticker is a link, a poll or a mention, not '{kind}'.")
    if not value:
        raise ValidationError(f"Say what the {kind} sticker should hold.")
    if kind == "link":
        return kind, clean_url(value)
    if kind == "mention":
        return kind, "@" + clean_handle(value)
    return kind, value
