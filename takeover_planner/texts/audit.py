"""The audit trail in words: each action code the services write, and the notes the app itself writes beside
an entry (a person's comment is stored as typed; the app's own note is stored as a code and its parameters, so it
is shown in the language of whoever reads it — ``note`` writes one, ``read_note`` reads it back).

Stored form of a note: ``NOTE_MARK`` followed by ``{"code": key, "params": {...}}`` as JSON. The mark is a control
character nobody types into a comment field, so a person's words are never taken for a note.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from takeover_planner.texts.codes import Code, all_codes
from takeover_planner.texts.render import Text

NOTE_MARK = "\x02"  # START OF TEXT: not whitespace, so strip() keeps it


class AuditAction(Code):
    """Member names are the stored action codes in capitals (``"brief_written"`` → ``BRIEF_WRITTEN``)."""

    BOOKED = ("audit.action_booked", "booked", "booket")
    MOVED = ("audit.action_moved", "moved", "flyttet")
    STATUS = ("audit.action_status", "changed status", "endret status")
    UPDATED = ("audit.action_updated", "edited", "redigert")
    ACCOUNT_CHANGED = ("audit.action_account_changed", "moved to another account", "flyttet til en annen konto")
    BRIEF_WRITTEN = ("audit.action_brief_written", "brief written", "oppdragsbrev skrevet")
    KIT_WRITTEN = ("audit.action_kit_written", "contributor page written", "side for bidragsytere skrevet")
    EMAIL_WRITTEN = ("audit.action_email_written", "e-mail drafted", "e-post skrevet")
    FRAMES_REORDERED = ("audit.action_frames_reordered", "frames put in a new order", "storybildene fikk ny rekkefølge")
    HANDOFF_PACK = ("audit.action_handoff_pack", "hand-off pack made", "manuell publiseringspakke laget")
    CREATED = ("audit.action_created", "created", "opprettet")
    ADDED = ("audit.action_added", "added", "lagt til")
    IMPORTED = ("audit.action_imported", "imported", "importert")
    FIXED = ("audit.action_fixed", "fixed copy made", "rettet kopi laget")
    FILE_CHANGED = ("audit.action_file_changed", "file replaced", "fil byttet ut")
    CONSENT_LINKED = ("audit.action_consent_linked", "consent linked", "samtykke knyttet til")
    CONSENT_UNLINKED = ("audit.action_consent_unlinked", "consent unlinked", "samtykke fjernet")
    RESTORED = ("audit.action_restored", "back to draft", "tilbake til utkast")
    SUBMITTED = ("audit.action_submitted", "submitted", "sendt inn")
    CHANGES_REQUESTED = ("audit.action_changes_requested", "changes requested", "bedt om endringer")
    APPROVED = ("audit.action_approved", "approved", "godkjent")
    SCHEDULED = ("audit.action_scheduled", "scheduled", "tidfestet")
    PUBLISHED = ("audit.action_published", "published", "publisert")
    FAILED = ("audit.action_failed", "publishing failed", "publisering mislyktes")
    PUBLISH_FAILED = ("audit.action_publish_failed", "publishing failed", "publisering mislyktes")
    WITHDRAWN = ("audit.action_withdrawn", "withdrawn", "trukket tilbake")
    WITHDRAWN_WITH_SLOT = ("audit.action_withdrawn_with_slot", "withdrawn with its slot",
                           "trukket tilbake sammen med perioden")
    RETIMED_WITH_SLOT = ("audit.action_retimed_with_slot", "time moved with its slot",
                         "tidspunkt flyttet sammen med perioden")
    LATE_POST_NOW = ("audit.action_late_post_now", "late: posted now", "forsinket: lagt ut nå")
    LATE_RETIMED = ("audit.action_late_retimed", "late: given a new time", "forsinket: fikk nytt tidspunkt")
    LATE_DROPPED = ("audit.action_late_dropped", "late: dropped", "forsinket: droppet")
    DELETED = ("audit.action_deleted", "deleted", "slettet")
    ARCHIVED = ("audit.action_archived", "archived", "arkivert")
    TOKEN_SET = ("audit.action_token_set", "Instagram account connected", "Instagram-konto koblet til")
    TOKEN_REMOVED = ("audit.action_token_removed", "Instagram account disconnected", "Instagram-konto koblet fra")
    IG_USER_ID_LEARNED = ("audit.action_ig_user_id_learned", "Instagram account identified",
                          "Instagram-konto gjenkjent")
    PUBLISH_METHOD = ("audit.action_publish_method", "publishing method changed", "publiseringsmåte endret")
    PUBLISHING_RESUMED = ("audit.action_publishing_resumed", "publishing resumed", "publisering gjenopptatt")
    FACEBOOK_PAGE_LINKED = ("audit.action_facebook_page_linked", "Facebook Page linked", "Facebook-side koblet til")
    FACEBOOK_PAGE_UNLINKED = ("audit.action_facebook_page_unlinked", "Facebook Page unlinked",
                              "Facebook-side koblet fra")
    REACHED = ("audit.action_reached", "goal reached", "mål nådd")
    SET = ("audit.action_set", "goal set", "mål satt")
    DEMO_LOADED = ("audit.action_demo_loaded", "demo loaded", "demodata lastet inn")
    PUBLISHED_ON_FACEBOOK = ("audit.action_published_on_facebook", "published on the Facebook Page",
                             "publisert på Facebook-siden")
    FACEBOOK_FAILED = ("audit.action_facebook_failed", "Facebook Page posting failed", "publisering på Facebook-siden mislyktes")
    PUBLISHED_WHILE = ("audit.action_published_while", "published although not released",
                       "publisert uten å være frigitt")

    @classmethod
    def of(cls, action: str) -> AuditAction | None:
        """The words of a stored action code; None for one this version does not know (written by a newer one)."""
        if action.startswith("published_while_"):  # the publisher found the frame in another state (frame_gate)
            return cls.PUBLISHED_WHILE
        return cls.__members__.get(action.upper())


class AuditWord(Code):
    HISTORY = ("audit.history_heading", "History:", "Historikk:")


class AuditNote(Code):
    STOP_ACTED_ON = ("audit.note_stop_acted_on", "a person acted on the stop", "en person tok stilling til stoppet")
    PLANNED_FOR = ("audit.note_planned_for", "planned for {planned_at}", "planlagt til {planned_at}")
    ACCOUNT_REMOVED = ("audit.note_account_removed", "account removed", "kontoen ble fjernet")
    DEPARTMENT_ARCHIVED = ("audit.note_department_archived", "department archived", "enheten ble arkivert")
    DEPARTMENT_WAS_ARCHIVED = ("audit.note_department_was_archived", "{department} was archived",
                               "{department} ble arkivert")
    TAKEN_BY_QUEUE = ("audit.note_taken_by_queue", "taken by the publishing queue", "tatt inn i publiseringskøen")
    SLOT_CANCELLED_OFF_QUEUE = ("audit.note_slot_cancelled_off_queue", "slot cancelled: taken off the publishing queue",
                                "perioden er avlyst: tatt ut av publiseringskøen")
    OFF_QUEUE_WITH_SLOT = ("audit.note_off_queue_with_slot", "slot #{slot_id} is {status}: taken off the publishing queue",
                           "periode #{slot_id} er {status}: tatt ut av publiseringskøen")
    SLOT_MOVED_LATER = ("audit.note_slot_moved_later", "slot #{slot_id} moved {days} day(s) later",
                        "periode #{slot_id} flyttet {days} dag(er) senere")
    SLOT_MOVED_EARLIER = ("audit.note_slot_moved_earlier", "slot #{slot_id} moved {days} day(s) earlier",
                          "periode #{slot_id} flyttet {days} dag(er) tidligere")
    OUTSIDE_SLOT = ("audit.note_outside_slot",
                    "slot #{slot_id} moved: the frame's new time falls outside the slot; review it again",
                    "periode #{slot_id} flyttet: storybildets nye tidspunkt faller utenfor perioden; vurder det på nytt")
    PUBLISHED_API = ("audit.note_published_api", "published through the Instagram API (media id {media_id})",
                     "publisert gjennom Instagram-API-et (medie-ID {media_id})")
    PUBLISHED_FACEBOOK = ("audit.note_published_facebook",
                          "published as a Facebook Page story on {page} (post id {post_id})",
                          "publisert som story på Facebook-siden {page} (innleggs-ID {post_id})")
    NOT_READABLE = ("audit.note_not_readable", "not readable", "kunne ikke leses")
    POSTED_BY_HAND = ("audit.note_posted_by_hand", "posted by hand by {who} at {at}", "lagt ut manuelt av {who} {at}")
    PUBLISHED_WHILE = ("audit.note_published_while",
                       "{how} — the frame was no longer approved; remove the story on Instagram if needed",
                       "{how} — storybildet var ikke lenger godkjent; fjern storyen på Instagram om nødvendig")
    EDITED_AFTER_APPROVAL = ("audit.note_edited_after_approval",
                             "Changed after approval; it needs to be reviewed again.",
                             "Endret etter godkjenning; det må vurderes på nytt.")
    SPLIT_PART = ("audit.note_split_part", "Part {number} of {total} of frame #{frame_id}",
                  "Del {number} av {total} av storybilde #{frame_id}")
    FROM_PACKAGE = ("audit.note_from_package", "From the submission package of {contributor}",
                    "Fra innsendingspakken til {contributor}")
    LATE_DROPPED_BY_PERSON = ("audit.note_late_dropped_by_person", "late: dropped by a person",
                              "forsinket: droppet av en person")


def note(code: Code, **params: Any) -> str:
    """The comment to store for a note the app writes itself (``code`` is an ``AuditNote`` or any other code)."""
    return note_of(Text(code, params))


def note_of(words: Text) -> str:
    return NOTE_MARK + json.dumps(_to_json(words), ensure_ascii=False, separators=(",", ":"))


def read_note(comment: str) -> Text | None:
    """The note stored in ``comment``, or None when it is a person's words (or a note this version cannot read)."""
    if not comment.startswith(NOTE_MARK):
        return None
    try:
        value = _from_json(json.loads(comment[len(NOTE_MARK):]))
    except (ValueError, KeyError, TypeError):
        return None
    return value if isinstance(value, Text) else None


def _to_json(value: Any) -> Any:
    if isinstance(value, Text):
        return {"code": value.code.key, "params": {k: _to_json(v) for k, v in value.params.items()}}
    if isinstance(value, Code):
        return {"code": value.key, "params": {}}
    if isinstance(value, dt.datetime):
        return {"at": value.isoformat()}
    if isinstance(value, dt.date):
        return {"day": value.isoformat()}
    if isinstance(value, (list, tuple)):
        return [_to_json(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _from_json(value: Any) -> Any:
    if isinstance(value, list):
        return [_from_json(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "code" in value:
        return Text(_code(str(value["code"])), {k: _from_json(v) for k, v in dict(value["params"]).items()})
    if "at" in value:
        return dt.datetime.fromisoformat(str(value["at"]))
    if "day" in value:
        return dt.date.fromisoformat(str(value["day"]))
    raise ValueError(value)


_BY_KEY: dict[str, Code] = {}


def _code(key: str) -> Code:
    if not _BY_KEY:
        _BY_KEY.update((c.key, c) for c in all_codes())
    return _BY_KEY[key]
