"""The audit trail in words: action codes and the app's own notes in the reader's language.

Apart from ``services.audit`` (which needs SQLAlchemy and the models) so that the window's labels can import it
while the window is built, before the database layer has loaded on its worker."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from takeover_planner.texts.audit import AuditAction, AuditNote, read_note
from takeover_planner.texts.render import Text
from takeover_planner.texts.words import SlotStatusName


def action_words(action: str, after: dict[str, Any] | None = None, language: str | None = None) -> str:
    """An action code as words, with the new status for a slot's status change ("changed status: booked")."""
    known = AuditAction.of(action)
    if known is None:
        return action.replace("_", " ")  # written by a newer version: readable, at least
    words = Text(known).in_language(language) if language else str(Text(known))
    status = (after or {}).get("status")
    if action == "status" and isinstance(status, str) and status.upper() in SlotStatusName.__members__:
        shown = Text(SlotStatusName.of(status))
        words += ": " + (shown.in_language(language) if language else str(shown))
    return words


def comment_words(comment: str, language: str | None = None) -> str:
    """An entry's comment as shown: a person's words as typed; a note the app wrote, in the reader's language."""
    found = comment_note(comment)
    if found is None:
        return comment
    return found.in_language(language) if language else str(found)


def comment_note(comment: str) -> Text | None:
    """The app's own note in ``comment`` (None: a person's words). Entries written before notes were stored as
    codes hold the English the app wrote then; those fixed sentences are recognised, so old rows read in Bokmål
    too (these are the app's own old formats, never a person's text)."""
    if not comment:
        return None
    found = read_note(comment)
    if found is not None:
        return found
    fixed = _OLD_FIXED_NOTES.get(comment)
    if fixed is not None:
        return Text(fixed)
    for pattern, make in _OLD_NOTE_FORMATS:
        match = pattern.fullmatch(comment)
        if match:
            return make(match)
    return None


_OLD_FIXED_NOTES: dict[str, AuditNote] = {
    "a person acted on the stop": AuditNote.STOP_ACTED_ON,
    "account removed": AuditNote.ACCOUNT_REMOVED,
    "department archived": AuditNote.DEPARTMENT_ARCHIVED,
    "taken by the publishing queue": AuditNote.TAKEN_BY_QUEUE,
    "slot cancelled: taken off the publishing queue": AuditNote.SLOT_CANCELLED_OFF_QUEUE,
    "Changed after approval; it needs to be reviewed again.": AuditNote.EDITED_AFTER_APPROVAL,
    "late: dropped by a person": AuditNote.LATE_DROPPED_BY_PERSON,
}


def _status_word(status: str) -> Text | str:
    return Text(SlotStatusName.of(status)) if status.upper() in SlotStatusName.__members__ else status


def _moved(match: re.Match[str]) -> Text:
    days = int(match["days"])
    code = AuditNote.SLOT_MOVED_LATER if days >= 0 else AuditNote.SLOT_MOVED_EARLIER
    return Text(code, {"slot_id": int(match["slot"]), "days": abs(days)})


def _readable(value: str) -> Text | str:
    return Text(AuditNote.NOT_READABLE) if value == "not readable" else value


def _published_api(match: re.Match[str]) -> Text:
    return Text(AuditNote.PUBLISHED_API, {"media_id": _readable(match["id"])})


def _published_facebook(match: re.Match[str]) -> Text:
    return Text(AuditNote.PUBLISHED_FACEBOOK, {"page": match["page"], "post_id": _readable(match["id"])})


def _posted_by_hand(match: re.Match[str]) -> Text:
    at = dt.datetime.strptime(match["at"], "%Y-%m-%d %H:%M").replace(tzinfo=_OSLO)
    return Text(AuditNote.POSTED_BY_HAND, {"who": match["who"], "at": at})


def _published_while(match: re.Match[str]) -> Text:
    how = comment_note(match["how"])
    return Text(AuditNote.PUBLISHED_WHILE, {"how": how if how is not None else match["how"]})


def _planned_for(match: re.Match[str]) -> Text:
    try:
        return Text(AuditNote.PLANNED_FOR, {"planned_at": dt.datetime.fromisoformat(match["at"])})
    except ValueError:
        return Text(AuditNote.PLANNED_FOR, {"planned_at": match["at"]})


_OSLO = ZoneInfo("Europe/Oslo")  # the old hand-posting notes wrote Oslo wall-clock time

_OLD_NOTE_FORMATS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Text]]] = [
    (re.compile(r"slot #(?P<slot>\d+) is (?P<status>\w+): taken off the publishing queue"),
     lambda m: Text(AuditNote.OFF_QUEUE_WITH_SLOT, {"slot_id": int(m["slot"]), "status": _status_word(m["status"])})),
    (re.compile(r"slot #(?P<slot>\d+) moved (?P<days>[+-]\d+) day\(s\)"), _moved),
    (re.compile(r"slot #(?P<slot>\d+) moved: the frame's new time falls outside the slot; review it again"),
     lambda m: Text(AuditNote.OUTSIDE_SLOT, {"slot_id": int(m["slot"])})),
    (re.compile(r"published through the Instagram API \(media id (?P<id>[^)]*)\)"), _published_api),
    (re.compile(r"published as a Facebook Page story on (?P<page>.*) \(post id (?P<id>[^)]*)\)"),
     _published_facebook),
    (re.compile(r"posted by hand by (?P<who>.*) at (?P<at>\d{4}-\d\d-\d\d \d\d:\d\d)"), _posted_by_hand),
    (re.compile(r"(?P<how>.*) — the frame was no longer approved; remove the story on Instagram if needed",
                re.DOTALL), _published_while),
    (re.compile(r"Part (?P<n>\d+) of (?P<total>\d+) of frame #(?P<frame>\d+)"),
     lambda m: Text(AuditNote.SPLIT_PART, {"number": int(m["n"]), "total": int(m["total"]), "frame_id": int(m["frame"])})),
    (re.compile(r"From the submission package of (?P<who>.*)", re.DOTALL),
     lambda m: Text(AuditNote.FROM_PACKAGE, {"contributor": m["who"]})),
    (re.compile(r"planned for (?P<at>\S+)"), _planned_for),
    # A slot's cancel reason when its department was archived (catalog.remove_department).
    (re.compile(r"(?P<name>.+) was archived", re.DOTALL),
     lambda m: Text(AuditNote.DEPARTMENT_WAS_ARCHIVED, {"department": m["name"]})),
]
