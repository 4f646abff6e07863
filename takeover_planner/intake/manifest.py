"""The two manifests (brief and submission), version 1: value types, writing, and strict reading.

The format is documented in docs/package-format.md and declared in resources/schemas/ (brief-1.json,
submission-1.json); keep the three in step. A reader accepts only the format versions it knows; a newer package
is refused with a message saying the app needs updating. Everything else about a manifest's shape is the
schema's job; this module adds the rules that join two fields, and turns the checked JSON into typed values.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from takeover_planner.intake.errors import PackageRefused, Reason
from takeover_planner.intake.schema import check_schema, day, moment, refuse, unique
from takeover_planner.texts.intake import IntakeText

# Also in resources/schemas/submission-1.json ("key"); the contributor's draft is checked with it before writing.
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")

MANIFEST_NAME = "manifest.json"
MEDIA_DIR = "media"
BRIEF_FORMAT = "takeover-planner-brief"
SUBMISSION_FORMAT = "takeover-planner-submission"
FORMAT_VERSION = 1
MAX_MANIFEST_BYTES = 2 * 1024 * 1024
MAX_FRAMES = 100
MAX_CONSENTS = 200


@dataclass(frozen=True)
class FileEntry:
    sha256: str
    size: int


@dataclass(frozen=True)
class SlotFacts:
    slot_id: int
    account: str
    account_handle: str
    department: str
    start: dt.date
    end: dt.date
    material_deadline: dt.datetime | None
    campaign: str
    news_url: str
    notes: str  # the note to the department; a slot's internal note never goes into a package


@dataclass(frozen=True)
class BilingualText:
    en: list[str]
    nb: list[str]

    def lines(self, language: str) -> list[str]:
        return self.nb if language.startswith(("nb", "no")) else self.en


@dataclass(frozen=True)
class BriefManifest:
    brief_uid: str
    created_at: dt.datetime
    created_by: str
    app_version: str
    slot: SlotFacts
    rule_set: str  # name and version of the rule set the rules below come from
    rules: BilingualText
    consent_rules: BilingualText
    tips: BilingualText
    files: dict[str, FileEntry] = field(default_factory=dict)


@dataclass(frozen=True)
class ConsentEntry:
    key: str
    subject: str
    reference: str
    given_by: str
    scope: tuple[str, ...]
    valid_until: dt.date | None


@dataclass(frozen=True)
class FrameEntry:
    file: str
    planned_date: dt.date | None
    planned_time: dt.time | None
    text: str = ""
    notes: str = ""
    sticker_kind: str = ""
    sticker_value: str = ""
    credit: str = ""
    shows_people: bool = False
    consents: tuple[str, ...] = ()
    fixed_file: str | None = None  # a compliant copy the contributor made with "Fix it"
    fix_recipe: dict[str, Any] | None = None  # how the fixed copy was made


@dataclass(frozen=True)
class SubmissionManifest:
    submission_uid: str
    created_at: dt.datetime
    app_version: str
    brief_uid: str
    slot_id: int
    department: str
    contributor_name: str
    contributor_email: str
    message: str
    consents: tuple[ConsentEntry, ...]
    frames: tuple[FrameEntry, ...]
    files: dict[str, FileEntry]


# --- writing --------------------------------------------------------------------------------------


def _files_json(files: dict[str, FileEntry]) -> dict[str, Any]:
    return {name: {"sha256": e.sha256, "size": e.size} for name, e in sorted(files.items())}


def brief_to_json(m: BriefManifest) -> dict[str, Any]:
    s = m.slot
    return {
        "format": BRIEF_FORMAT,
        "format_version": FORMAT_VERSION,
        "brief_uid": m.brief_uid,
        "created_at": m.created_at.isoformat(),
        "created_by": m.created_by,
        "app_version": m.app_version,
        "slot": {
            "id": s.slot_id, "account": s.account, "account_handle": s.account_handle, "department": s.department,
            "start": s.start.isoformat(), "end": s.end.isoformat(),
            "material_deadline": s.material_deadline.isoformat() if s.material_deadline else None,
            "campaign": s.campaign, "news_url": s.news_url, "notes": s.notes,
        },
        "rule_set": m.rule_set,
        "rules": {"en": m.rules.en, "nb": m.rules.nb},
        "consent_rules": {"en": m.consent_rules.en, "nb": m.consent_rules.nb},
        "tips": {"en": m.tips.en, "nb": m.tips.nb},
        "files": _files_json(m.files),
    }


def submission_to_json(m: SubmissionManifest) -> dict[str, Any]:
    return {
        "format": SUBMISSION_FORMAT,
        "format_version": FORMAT_VERSION,
        "submission_uid": m.submission_uid,
        "created_at": m.created_at.isoformat(),
        "app_version": m.app_version,
        "brief_uid": m.brief_uid,
        "slot_id": m.slot_id,
        "department": m.department,
        "contributor": {"name": m.contributor_name, "email": m.contributor_email},
        "message": m.message,
        "consents": [
            {"key": c.key, "subject": c.subject, "reference": c.reference, "given_by": c.given_by,
             "scope": list(c.scope), "valid_until": c.valid_until.isoformat() if c.valid_until else None}
            for c in m.consents
        ],
        "frames": [
            {
                "file": f.file,
                "fixed_file": f.fixed_file,
                "fix_recipe": f.fix_recipe,
                "planned_date": f.planned_date.isoformat() if f.planned_date else None,
                "planned_time": f.planned_time.strftime("%H:%M") if f.planned_time else None,
                "text": f.text, "notes": f.notes,
                "sticker": {"kind": f.sticker_kind, "value": f.sticker_value} if f.sticker_kind else None,
                "credit": f.credit, "shows_people": f.shows_people, "consents": list(f.consents),
            }
            for f in m.frames
        ],
        "files": _files_json(m.files),
    }


# --- reading --------------------------------------------------------------------------------------


_KINDS = {BRIEF_FORMAT: IntakeText.A_BRIEF, SUBMISSION_FORMAT: IntakeText.A_SUBMISSION}
_SCHEMAS = {BRIEF_FORMAT: f"brief-{FORMAT_VERSION}", SUBMISSION_FORMAT: f"submission-{FORMAT_VERSION}"}


def _check(data: Any, expected: str) -> dict[str, Any]:
    """The kind and the version first (their refusals say more than "does not match"), then the schema."""
    if not isinstance(data, dict):
        raise PackageRefused(Reason.SCHEMA, IntakeText.ROOT_NOT_OBJECT, details={"field": ""})
    kind = data.get("format")
    if kind is None:
        raise refuse(IntakeText.FIELD_MISSING, "format")
    if not isinstance(kind, str):
        raise refuse(IntakeText.NOT_TEXT, "format")
    if kind != expected:
        found = _KINDS.get(kind)
        if found is None:
            raise PackageRefused(Reason.WRONG_KIND, IntakeText.UNKNOWN_KIND, kind=kind[:40], wanted=_KINDS[expected])
        raise PackageRefused(Reason.WRONG_KIND, IntakeText.WRONG_KIND, found=found, wanted=_KINDS[expected])
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise PackageRefused(Reason.VERSION, IntakeText.TOO_NEW, version=version, known=FORMAT_VERSION)
    check_schema(data, _SCHEMAS[expected])
    return data


def _files(data: dict[str, Any]) -> dict[str, FileEntry]:
    return {name: FileEntry(entry["sha256"], entry["size"]) for name, entry in data.items()}


def _bilingual(data: dict[str, Any]) -> BilingualText:
    return BilingualText(list(data["en"]), list(data["nb"]))


def parse_brief(data: Any) -> BriefManifest:
    root = _check(data, BRIEF_FORMAT)
    s = root["slot"]
    start, end = day(s["start"], "slot.start"), day(s["end"], "slot.end")
    assert start is not None and end is not None
    if end < start:
        raise refuse(IntakeText.END_BEFORE_START, "slot.end", other="slot.start")
    created = moment(root["created_at"], "created_at")
    assert created is not None
    slot = SlotFacts(
        slot_id=s["id"], account=s["account"], account_handle=s["account_handle"], department=s["department"],
        start=start, end=end, material_deadline=moment(s.get("material_deadline"), "slot.material_deadline"),
        campaign=s["campaign"], news_url=s["news_url"], notes=s["notes"],
    )
    return BriefManifest(
        brief_uid=root["brief_uid"], created_at=created, created_by=root["created_by"],
        app_version=root["app_version"], slot=slot, rule_set=root["rule_set"], rules=_bilingual(root["rules"]),
        consent_rules=_bilingual(root["consent_rules"]), tips=_bilingual(root["tips"]), files=_files(root["files"]),
    )


def _consent(value: dict[str, Any], where: str) -> ConsentEntry:
    return ConsentEntry(
        key=value["key"], subject=value["subject"], reference=value["reference"], given_by=value["given_by"],
        scope=tuple(value["scope"]), valid_until=day(value.get("valid_until"), f"{where}.valid_until"),
    )


def _frame(value: dict[str, Any], where: str) -> FrameEntry:
    planned_date = day(value.get("planned_date"), f"{where}.planned_date")
    time_text = value.get("planned_time")
    if time_text is not None and planned_date is None:
        raise refuse(IntakeText.TIME_WITHOUT_DATE, f"{where}.planned_time")
    fixed = value.get("fixed_file")
    if fixed is not None and fixed == value["file"]:
        raise refuse(IntakeText.SAME_FILE, f"{where}.fixed_file")
    sticker = value.get("sticker") or {"kind": "", "value": ""}
    recipe = value.get("fix_recipe")
    return FrameEntry(
        file=value["file"], planned_date=planned_date,
        planned_time=dt.time.fromisoformat(time_text) if time_text is not None else None,
        text=value["text"], notes=value["notes"], sticker_kind=sticker["kind"], sticker_value=sticker["value"],
        credit=value["credit"], shows_people=value["shows_people"], consents=tuple(value["consents"]),
        fixed_file=fixed, fix_recipe=dict(recipe) if recipe is not None else None,
    )


def parse_submission(data: Any) -> SubmissionManifest:
    root = _check(data, SUBMISSION_FORMAT)
    consents = tuple(_consent(c, f"consents[{i}]") for i, c in enumerate(root["consents"]))
    keys = [c.key for c in consents]
    unique(keys, "consents")
    frames = tuple(_frame(f, f"frames[{i}]") for i, f in enumerate(root["frames"]))
    for i, frame in enumerate(frames):
        # A frame that shows people may come without consent (it can be added in review; approval waits).
        for key in frame.consents:
            if key not in keys:
                raise refuse(IntakeText.UNKNOWN_CONSENT, f"frames[{i}].consents", value=key)
    created = moment(root["created_at"], "created_at")
    assert created is not None
    return SubmissionManifest(
        submission_uid=root["submission_uid"], created_at=created, app_version=root["app_version"],
        brief_uid=root["brief_uid"], slot_id=root["slot_id"], department=root["department"],
        contributor_name=root["contributor"]["name"], contributor_email=root["contributor"]["email"],
        message=root["message"], consents=consents, frames=frames, files=_files(root["files"]),
    )


def referenced_files(manifest: SubmissionManifest) -> set[str]:
    names = {f.file for f in manifest.frames}
    names.update(f.fixed_file for f in manifest.frames if f.fixed_file)
    return names
