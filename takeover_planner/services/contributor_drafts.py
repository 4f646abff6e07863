"""The contributor's work kept on disk: a draft per brief (its frames, answers and fixed copies), and who the
contributor is (name, e-mail, language), so that closing the window, a crash or a restart loses nothing.

Layout, inside the folder given (the app's data folder + ``contributor``)::

    me.json                     name, e-mail, language
    drafts/<brief_uid>.json     the frames and the message, written atomically on every change
    drafts/<brief_uid>/         the fixed copies "Fix it" made (the originals stay where they were)

A draft names the contributor's own files by their path; a file moved since is reported at Save.
The files' verdicts are not kept: they are checked again when the draft is opened.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.fileio import atomic_write_text
from takeover_planner.services.contributor_work import WorkFrame

log = logging.getLogger(__name__)
FORMAT = 1
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


@dataclass
class Draft:
    brief_uid: str
    frames: list[WorkFrame] = field(default_factory=list)
    email: str = ""
    message: str = ""
    saved_at: dt.datetime | None = None


@dataclass(frozen=True)
class Me:
    name: str = ""
    email: str = ""
    language: str = ""


def _frame_json(frame: WorkFrame) -> dict[str, Any]:
    return {
        "source": str(frame.source), "fixed": str(frame.fixed) if frame.fixed else None, "recipe": frame.recipe,
        "split_from": frame.split_from,
        "planned_date": frame.planned_date.isoformat() if frame.planned_date else None,
        "planned_time": frame.planned_time.strftime("%H:%M") if frame.planned_time else None,
        "text": frame.text, "notes": frame.notes, "credit": frame.credit, "sticker_kind": frame.sticker_kind,
        "sticker_value": frame.sticker_value, "shows_people": frame.shows_people,
        "consent_subject": frame.consent_subject, "consent_reference": frame.consent_reference,
        "consent_guardian": frame.consent_guardian,
        "consent_until": frame.consent_until.isoformat() if frame.consent_until else None,
    }


def _frame(data: dict[str, Any], ids: dict[int, int]) -> WorkFrame:
    frame = WorkFrame(Path(data["source"]))
    split_from = data.get("split_from")
    if isinstance(split_from, int):
        frame.split_from = ids.setdefault(split_from, frame.id)  # the ids are new in every session
    frame.fixed = Path(data["fixed"]) if data.get("fixed") else None
    frame.recipe = data.get("recipe") if isinstance(data.get("recipe"), dict) else None
    frame.planned_date = dt.date.fromisoformat(data["planned_date"]) if data.get("planned_date") else None
    frame.planned_time = dt.time.fromisoformat(data["planned_time"]) if data.get("planned_time") else None
    for name in ("text", "notes", "credit", "sticker_kind", "sticker_value", "consent_subject", "consent_reference"):
        setattr(frame, name, str(data.get(name) or ""))
    frame.shows_people, frame.consent_guardian = bool(data.get("shows_people")), bool(data.get("consent_guardian"))
    frame.consent_until = dt.date.fromisoformat(data["consent_until"]) if data.get("consent_until") else None
    return frame


class ContributorDrafts:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _draft_file(self, brief_uid: str) -> Path:
        # The uid comes from a package someone sent: only safe characters reach a file name.
        return self.folder / "drafts" / f"{_UNSAFE.sub('_', brief_uid)[:64] or 'brief'}.json"

    def files_dir(self, brief_uid: str) -> Path:
        """Where the fixed copies of this brief's draft are kept (made on demand)."""
        folder = self._draft_file(brief_uid).with_suffix("")
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def save(self, draft: Draft) -> None:
        path = self._draft_file(draft.brief_uid)
        path.parent.mkdir(parents=True, exist_ok=True)
        draft.saved_at = now_utc()
        data = {"format": FORMAT, "brief_uid": draft.brief_uid, "saved_at": draft.saved_at.isoformat(),
                "email": draft.email, "message": draft.message, "frames": [_frame_json(f) for f in draft.frames]}
        atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1))

    def load(self, brief_uid: str) -> Draft | None:
        """The brief's draft, or None (none yet, or unreadable: then it is logged and set aside, not lost)."""
        path = self._draft_file(brief_uid)
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            ids: dict[int, int] = {}
            frames = [_frame(item, ids) for item in data["frames"]]
            saved = dt.datetime.fromisoformat(data["saved_at"]) if data.get("saved_at") else None
            return Draft(brief_uid, frames, str(data.get("email") or ""), str(data.get("message") or ""), saved)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("Draft %s cannot be read (%s); it is set aside as .unreadable", path.name, exc)
            shutil.move(path, path.with_suffix(".unreadable"))
            return None

    def me(self) -> Me:
        try:
            data = json.loads((self.folder / "me.json").read_text(encoding="utf-8"))
            return Me(str(data.get("name") or ""), str(data.get("email") or ""), str(data.get("language") or ""))
        except (OSError, ValueError, AttributeError):
            return Me()

    def remember(self, me: Me) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.folder / "me.json", json.dumps(me.__dict__, ensure_ascii=False))
