"""The two manifests (brief and submission), version 1: value types, writing, and strict reading.

The format is documented in docs/package-format.md; keep the two in step. A reader accepts only the format
versions it knows; a newer package is refused with a message saying the app needs updating.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from takeover_planner.domain.consent import Channel, GivenBy
from takeover_planner.domain.validation import STICKER_KINDS
from takeover_planner.intake.errors import PackageRefused, Reason
from takeover_planner.intake.schema import HEX64, KEY, UID, Obj, refuse, text_item, unique

KEY_PATTERN = KEY

MANIFEST_NAME = "manifest.json"
MEDIA_DIR = "media"
BRIEF_FORMAT = "takeover-planner-brief"
SUBMISSION_FORMAT = "takeover-planner-submission"
FORMAT_VERSION = 1
MAX_MANIFEST_BYTES = 2 * 1024 * 1024
MAX_FRAMES = 100
MAX_CONSENTS = 200
MEDIA_NAME = re.compile(r"^media/[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")
DOC_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")


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
    notes: str


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


def _check_kind(root: Obj, expected: str) -> None:
    kind = root.text("format", max_len=60)
    if kind != expected:
        other = {BRIEF_FORMAT: "a brief", SUBMISSION_FORMAT: "a submission"}.get(kind, f"'{kind[:40]}'")
        wanted = {BRIEF_FORMAT: "a brief", SUBMISSION_FORMAT: "a submission"}[expected]
        raise PackageRefused(Reason.WRONG_KIND, f"This package is {other}, not {wanted}.")
    version = root.integer("format_version", low=1, high=10_000)
    if version > FORMAT_VERSION:
        raise PackageRefused(Reason.VERSION,
                             f"This package uses format version {version}; this app reads up to version "
                             f"{FORMAT_VERSION}. Update Takeover Planner to open it.")


def _file_entry(name: str, value: Any, where: str) -> FileEntry:
    if not (MEDIA_NAME.match(name) or DOC_NAME.match(name)) or name == MANIFEST_NAME:
        raise refuse(where, "is not an allowed file name in a package")
    o = Obj(value, where)
    entry = FileEntry(o.text("sha256", max_len=64, pattern=HEX64), o.integer("size", low=0, high=2**40))
    o.done()
    return entry


def _bilingual(root: Obj, key: str) -> BilingualText:
    o = root.obj(key)
    assert o is not None
    text = BilingualText(o.items("en", text_item(2000), max_items=100), o.items("nb", text_item(2000), max_items=100))
    o.done()
    return text


def parse_brief(data: Any) -> BriefManifest:
    root = Obj(data, "")
    _check_kind(root, BRIEF_FORMAT)
    s = root.obj("slot")
    assert s is not None
    start, end = s.date("start"), s.date("end")
    assert start is not None and end is not None
    slot = SlotFacts(
        slot_id=s.integer("id", low=1, high=2**31), account=s.text("account", max_len=120, min_len=1),
        account_handle=s.text("account_handle", max_len=120), department=s.text("department", max_len=200, min_len=1),
        start=start, end=end, material_deadline=s.moment("material_deadline", required=False),
        campaign=s.text("campaign", max_len=200), news_url=s.text("news_url", max_len=1000),
        notes=s.text("notes", max_len=5000),
    )
    s.done()
    if slot.end < slot.start:
        raise refuse("slot.end", "is before slot.start")
    created = root.moment("created_at")
    assert created is not None
    brief = BriefManifest(
        brief_uid=root.text("brief_uid", max_len=32, pattern=UID), created_at=created,
        created_by=root.text("created_by", max_len=200), app_version=root.text("app_version", max_len=40),
        slot=slot, rule_set=root.text("rule_set", max_len=200), rules=_bilingual(root, "rules"),
        consent_rules=_bilingual(root, "consent_rules"), tips=_bilingual(root, "tips"),
        files=root.mapping("files", _file_entry, max_items=20),
    )
    root.done()
    return brief


def _consent(value: Any, where: str) -> ConsentEntry:
    o = Obj(value, where)
    entry = ConsentEntry(
        key=o.text("key", max_len=40, pattern=KEY),
        subject=o.text("subject", max_len=300, min_len=1),
        reference=o.text("reference", max_len=200),
        given_by=o.text("given_by", max_len=20),
        scope=tuple(o.items("scope", text_item(20), max_items=5, min_items=1)),
        valid_until=o.date("valid_until", required=False),
    )
    o.done()
    if entry.given_by not in {g.value for g in GivenBy}:
        raise refuse(f"{where}.given_by", "must be 'self' or 'guardian'")
    channels = {c.value for c in Channel}
    if not set(entry.scope) <= channels or len(set(entry.scope)) != len(entry.scope):
        raise refuse(f"{where}.scope", f"must list each of {', '.join(sorted(channels))} at most once")
    return entry


def _frame(value: Any, where: str) -> FrameEntry:
    o = Obj(value, where)
    file = o.text("file", max_len=130, pattern=MEDIA_NAME)
    fixed = o.opt_text("fixed_file", max_len=130, pattern=MEDIA_NAME)
    recipe_raw = o.obj("fix_recipe", required=False)
    recipe = _recipe(recipe_raw) if recipe_raw is not None else None
    planned_date = o.date("planned_date", required=False)
    planned_time = o.time("planned_time")
    text, notes = o.text("text", max_len=2200), o.text("notes", max_len=5000)
    sticker = o.obj("sticker", required=False)
    kind = value_ = ""
    if sticker is not None:
        kind = sticker.text("kind", max_len=20)
        value_ = sticker.text("value", max_len=1000, min_len=1)
        sticker.done()
        if kind not in STICKER_KINDS:
            raise refuse(f"{where}.sticker.kind", f"must be one of {', '.join(STICKER_KINDS)}")
    entry = FrameEntry(
        file=file, planned_date=planned_date, planned_time=planned_time, text=text, notes=notes,
        sticker_kind=kind, sticker_value=value_, credit=o.text("credit", max_len=300),
        shows_people=o.flag("shows_people"),
        consents=tuple(o.items("consents", text_item(40), max_items=50)),
        fixed_file=fixed, fix_recipe=recipe,
    )
    o.done()
    if planned_time is not None and planned_date is None:
        raise refuse(f"{where}.planned_time", "needs a planned_date too")
    if fixed is not None and fixed == file:
        raise refuse(f"{where}.fixed_file", "must be a different file from 'file'")
    unique(entry.consents, f"{where}.consents")
    return entry


def _recipe(o: Obj) -> dict[str, Any]:
    """A fix recipe: a flat object of short scalar values (it is only recorded, never executed)."""
    if len(o.data) > 40:
        raise refuse(o.where, "has too many entries")
    out: dict[str, Any] = {}
    for key, value in o.data.items():
        if not isinstance(key, str) or len(key) > 60:
            raise refuse(o.where, "has an unusable key")
        if value is not None and not isinstance(value, (str, int, float, bool)):
            raise refuse(f"{o.where}.{key}", "must be text, a number, true/false or null")
        if isinstance(value, str) and len(value) > 500:
            raise refuse(f"{o.where}.{key}", "is too long")
        out[key] = value
    return out


def parse_submission(data: Any) -> SubmissionManifest:
    root = Obj(data, "")
    _check_kind(root, SUBMISSION_FORMAT)
    contributor = root.obj("contributor")
    assert contributor is not None
    name = contributor.text("name", max_len=200, min_len=1)
    email = contributor.text("email", max_len=254)
    contributor.done()
    created = root.moment("created_at")
    assert created is not None
    manifest = SubmissionManifest(
        submission_uid=root.text("submission_uid", max_len=32, pattern=UID), created_at=created,
        app_version=root.text("app_version", max_len=40), brief_uid=root.text("brief_uid", max_len=32, pattern=UID),
        slot_id=root.integer("slot_id", low=1, high=2**31), department=root.text("department", max_len=200, min_len=1),
        contributor_name=name, contributor_email=email, message=root.text("message", max_len=5000),
        consents=tuple(root.items("consents", _consent, max_items=MAX_CONSENTS)),
        frames=tuple(root.items("frames", _frame, max_items=MAX_FRAMES, min_items=1)),
        files=root.mapping("files", _file_entry, max_items=2 * MAX_FRAMES),
    )
    root.done()
    keys = [c.key for c in manifest.consents]
    unique(keys, "consents")
    for i, frame in enumerate(manifest.frames):
        # A frame that shows people may come without consent (it can be added in review; approval waits).
        for key in frame.consents:
            if key not in keys:
                raise refuse(f"frames[{i}].consents", f"names consent '{key}', which the manifest does not hold")
    return manifest


def referenced_files(manifest: SubmissionManifest) -> set[str]:
    names = {f.file for f in manifest.frames}
    names.update(f.fixed_file for f in manifest.frames if f.fixed_file)
    return names
