"""Small checks on what people type: names, e-mail addresses, colours, links."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from takeover_planner.errors import ValidationError

# Deliberately simple: one @, something before, a dotted domain after, no spaces. Real delivery is the real test.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


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
