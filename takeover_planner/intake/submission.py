"""The submission package: what a department sends back. Built from a draft (the CLI and the contributor
window share this code), and read back, untrusted, by the planner."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from takeover_planner import __version__
from takeover_planner.domain.consent import parse_given_by, parse_scope
from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.domain.validation import clean_email, clean_name, clean_sticker
from takeover_planner.errors import ValidationError
from takeover_planner.intake.manifest import (
    KEY_PATTERN,
    MAX_CONSENTS,
    MAX_FRAMES,
    BriefManifest,
    ConsentEntry,
    FileEntry,
    FrameEntry,
    SubmissionManifest,
    parse_submission,
    referenced_files,
    submission_to_json,
)
from takeover_planner.intake.package import Staged, read_package, safe_member_name, write_package
from takeover_planner.intake.safezip import DEFAULT_LIMITS, ZipLimits
from takeover_planner.texts import DateSpan, Text
from takeover_planner.texts.intake import IntakeText
from takeover_planner.texts.stories import StoriesText


@dataclass
class DraftConsent:
    key: str
    subject: str
    reference: str = ""
    given_by: str = "self"
    scope: list[str] = field(default_factory=lambda: ["instagram"])
    valid_until: dt.date | None = None


@dataclass
class DraftFrame:
    source: Path
    planned_date: dt.date | None = None
    planned_time: dt.time | None = None
    text: str = ""
    notes: str = ""
    sticker_kind: str = ""
    sticker_value: str = ""
    credit: str = ""
    shows_people: bool = False
    consents: list[str] = field(default_factory=list)
    fixed_source: Path | None = None
    fix_recipe: dict[str, Any] | None = None


@dataclass
class SubmissionDraft:
    brief: BriefManifest
    contributor_name: str = ""
    contributor_email: str = ""
    message: str = ""
    frames: list[DraftFrame] = field(default_factory=list)
    consents: list[DraftConsent] = field(default_factory=list)


def _check_file(path: Path, what: Text) -> None:
    if not path.is_file():
        raise ValidationError(IntakeText.NO_FILE, what=what, path=str(path))


def _sticker(frame: DraftFrame, number: int) -> tuple[str, str]:
    try:
        return clean_sticker(frame.sticker_kind, frame.sticker_value)
    except ValidationError as exc:
        raise ValidationError(IntakeText.FRAME_PROBLEM, details=exc.details, number=number,
                              problem=exc.text) from None


def check_draft(draft: SubmissionDraft) -> None:
    """Everything a contributor must put right before the package can be written (ValidationError)."""
    clean_name(draft.contributor_name, IntakeText.YOUR_NAME)
    clean_email(draft.contributor_email)
    if not draft.frames:
        raise ValidationError(IntakeText.NO_FRAMES)
    if len(draft.frames) > MAX_FRAMES or len(draft.consents) > MAX_CONSENTS:
        raise ValidationError(IntakeText.TOO_MANY_PARTS, frames=MAX_FRAMES, consents=MAX_CONSENTS)
    keys = [c.key for c in draft.consents]
    for consent in draft.consents:
        if not KEY_PATTERN.match(consent.key):
            raise ValidationError(IntakeText.BAD_CONSENT_KEY, key=consent.key)
        clean_name(consent.subject, StoriesText.CONSENT_SUBJECT)
        parse_given_by(consent.given_by)
        parse_scope(consent.scope)
    if len(set(keys)) != len(keys):
        raise ValidationError(IntakeText.SAME_CONSENT_KEY)
    slot = draft.brief.slot
    for number, frame in enumerate(draft.frames, start=1):
        _check_file(frame.source, Text(IntakeText.FRAME, {"number": number}))
        if frame.fixed_source is not None:
            _check_file(frame.fixed_source, Text(IntakeText.FIXED_COPY, {"number": number}))
        _sticker(frame, number)
        if frame.planned_date is not None and not slot.start <= frame.planned_date <= slot.end:
            raise ValidationError(IntakeText.OUTSIDE_DAYS, number=number, day=frame.planned_date,
                                  days=DateSpan(slot.start, slot.end))
        if frame.planned_time is not None and frame.planned_date is None:
            raise ValidationError(IntakeText.TIME_NO_DAY, number=number)
        for key in frame.consents:
            if key not in keys:
                raise ValidationError(IntakeText.MISSING_CONSENT, number=number, key=key)


def write_submission(draft: SubmissionDraft, out: Path) -> SubmissionManifest:
    """Check the draft and write the submission package to ``out`` atomically."""
    check_draft(draft)
    members: list[tuple[str, Path | bytes]] = []
    frames: list[FrameEntry] = []
    stored: dict[Path, str] = {}  # the parts of a split video share their original: it is stored once
    for number, frame in enumerate(draft.frames, start=1):
        key = frame.source.resolve()
        name = stored.get(key) or safe_member_name(number, frame.source)
        if key not in stored:
            stored[key] = name
            members.append((name, frame.source))
        fixed_name = None
        if frame.fixed_source is not None:
            fixed_name = safe_member_name(number, frame.fixed_source, "media").replace(
                f"media/{number:02d}-", f"media/{number:02d}-fixed-", 1)
            members.append((fixed_name, frame.fixed_source))
        kind, value = _sticker(frame, number)
        frames.append(FrameEntry(
            file=name, planned_date=frame.planned_date, planned_time=frame.planned_time, text=frame.text.strip(),
            notes=frame.notes.strip(), sticker_kind=kind, sticker_value=value, credit=frame.credit.strip(),
            shows_people=frame.shows_people, consents=tuple(frame.consents), fixed_file=fixed_name,
            fix_recipe=frame.fix_recipe if fixed_name else None,
        ))
    consents = tuple(
        ConsentEntry(c.key, " ".join(c.subject.split()), c.reference.strip(), parse_given_by(c.given_by).value,
                     tuple(parse_scope(c.scope)), c.valid_until)
        for c in draft.consents
    )
    result: dict[str, SubmissionManifest] = {}

    def build(files: dict[str, FileEntry]) -> dict[str, Any]:
        manifest = SubmissionManifest(
            submission_uid=uuid.uuid4().hex, created_at=now_utc(), app_version=__version__,
            brief_uid=draft.brief.brief_uid, slot_id=draft.brief.slot.slot_id, department=draft.brief.slot.department,
            contributor_name=" ".join(draft.contributor_name.split()), contributor_email=draft.contributor_email.strip(),
            message=draft.message.strip(), consents=consents, frames=tuple(frames), files=files,
        )
        result["manifest"] = manifest
        return submission_to_json(manifest)

    write_package(out, build, members)
    return result["manifest"]


def read_submission(path: Path, staging: Path, limits: ZipLimits = DEFAULT_LIMITS) -> Staged[SubmissionManifest]:
    """Check a submission package completely and extract its media into ``staging``."""
    return read_package(path, staging, parse_submission, lambda m: m.files, referenced_files, limits=limits)
