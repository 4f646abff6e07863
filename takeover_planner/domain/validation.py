"""Small checks on what people type: names, e-mail addresses, colours, links, handles, story stickers."""

from __future__ import annotations

import colorsys
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

from takeover_planner.errors import ValidationError
from takeover_planner.texts import Code
from takeover_planner.texts.validation import StickerKindName, ValidationText

# Deliberately simple: one @, something before, a dotted domain after, no spaces. Real delivery is the real test.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
STICKER_KINDS = ("link", "poll", "mention")  # the API cannot post stickers: a person adds them by hand


# Invisible characters a name keeps: the zero-width joiner and non-joiner shape emoji sequences (a
# firefighter is a woman, a joiner and a fire engine) and the letters of some scripts.
_KEPT_FORMAT = frozenset({"\u200c", "\u200d"})


def strip_invisible(text: str) -> str:
    """``text`` without control characters (Unicode Cc) and invisible format characters (Cf) — a right-to-left
    override that shows a name backwards, zero-width spaces that make two equal names differ — except the
    joiners in ``_KEPT_FORMAT``. Line breaks and tabs are controls too: callers that keep them split first."""
    return "".join(c for c in text if c in _KEPT_FORMAT or unicodedata.category(c) not in ("Cc", "Cf"))


def clean_name(value: str | None, what: Code, *, max_length: int = 200) -> str:
    """``what`` names the field as the subject of a sentence (``texts.validation.FieldText``). White space is
    collapsed to single spaces and invisible characters are dropped (``strip_invisible``)."""
    text = " ".join(strip_invisible(" ".join((value or "").split())).split())
    if not text:
        raise ValidationError(ValidationText.EMPTY, field=what)
    if len(text) > max_length:
        raise ValidationError(ValidationText.TOO_LONG, field=what, max_length=max_length)
    return text


def clean_email(value: str | None) -> str:
    text = (value or "").strip()
    if text and not _EMAIL.match(text):
        raise ValidationError(ValidationText.BAD_EMAIL, value=text)
    return text


def clean_color(value: str | None, default: str) -> str:
    text = (value or "").strip() or default
    if not _COLOR.match(text):
        raise ValidationError(ValidationText.BAD_COLOR, value=text)
    return text.lower()


# Colours for departments and campaigns, told apart on the calendar; the first few are the most distinct.
PALETTE = ("#2f6fde", "#d9822b", "#2e9e6a", "#c2415d", "#7a5cc7", "#1f9bb0", "#b8860b", "#5d7a2a",
           "#d05fa6", "#4b5d8a", "#a0522d", "#3a8f8f")


def free_color(taken: Iterable[str]) -> str:
    """The first palette colour nobody has; once all are taken, hues spread by the golden angle (distinct
    from each other and, by construction, not a palette colour) until one is free."""
    used = {c.lower() for c in taken}
    for color in PALETTE:
        if color not in used:
            return color
    step = 0
    while True:
        step += 1
        red, green, blue = colorsys.hls_to_rgb((step * 0.618033988749895) % 1.0, 0.45, 0.55)
        color = f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"
        if color not in used:
            return color


def clean_url(value: str | None) -> str:
    text = (value or "").strip()
    if not text:
        return ""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(ValidationText.BAD_LINK, value=text)
    return text


def clean_handle(value: str | None) -> str:
    text = (value or "").strip().lstrip("@")
    if text and not re.fullmatch(r"[A-Za-z0-9._]{1,30}", text):
        raise ValidationError(ValidationText.BAD_HANDLE, value=value)
    return text


def clean_sticker(kind: str | None, value: str | None) -> tuple[str, str]:
    """A story sticker as (kind, value); ("", "") for none. A link must be a web link, a mention a handle
    (given back with its @)."""
    kind, value = (kind or "").strip().lower(), (value or "").strip()
    if not kind:
        return "", ""
    if kind not in STICKER_KINDS:
        raise ValidationError(ValidationText.BAD_STICKER_KIND, kind=kind)
    if not value:
        raise ValidationError(ValidationText.STICKER_EMPTY, kind=StickerKindName[kind.upper()])
    if kind == "link":
        return kind, clean_url(value)
    if kind == "mention":
        return kind, "@" + clean_handle(value)
    return kind, value
