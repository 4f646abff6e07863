"""What the contributor is assembling, before it becomes a submission package (plain data, no Qt)."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from takeover_planner.intake.manifest import BriefManifest
from takeover_planner.intake.submission import DraftConsent, DraftFrame, SubmissionDraft
from takeover_planner.media.model import Judgement

_ids = itertools.count(1)


@dataclass
class WorkFrame:
    source: Path
    id: int = field(default_factory=lambda: next(_ids))
    judgement: Judgement | None = None  # of the file that will be sent (the fixed copy if there is one)
    original_judgement: Judgement | None = None
    fixed: Path | None = None
    recipe: dict[str, Any] | None = None
    planned_date: dt.date | None = None
    planned_time: dt.time | None = None
    text: str = ""
    notes: str = ""
    credit: str = ""
    sticker_kind: str = ""
    sticker_value: str = ""
    shows_people: bool = False
    consent_subject: str = ""
    consent_reference: str = ""
    consent_guardian: bool = False
    consent_until: dt.date | None = None

    @property
    def name(self) -> str:
        return self.source.name

    @property
    def verdict(self) -> str:
        return self.judgement.verdict if self.judgement is not None else "pending"

    @property
    def fixable(self) -> bool:
        return self.fixed is None and self.judgement is not None and self.judgement.fixable


def to_draft(brief: BriefManifest, frames: list[WorkFrame], name: str, email: str, message: str) -> SubmissionDraft:
    draft = SubmissionDraft(brief, name, email, message)
    for number, frame in enumerate(frames, start=1):
        item = DraftFrame(frame.source, planned_date=frame.planned_date,
                          planned_time=frame.planned_time if frame.planned_date else None, text=frame.text,
                          notes=frame.notes, sticker_kind=frame.sticker_kind if frame.sticker_value.strip() else "",
                          sticker_value=frame.sticker_value, credit=frame.credit, shows_people=frame.shows_people,
                          fixed_source=frame.fixed, fix_recipe=frame.recipe)
        if frame.shows_people and frame.consent_subject.strip():
            key = f"frame{number}"
            draft.consents.append(DraftConsent(key, frame.consent_subject, frame.consent_reference,
                                               "guardian" if frame.consent_guardian else "self", ["instagram"],
                                               frame.consent_until))
            item.consents.append(key)
        draft.frames.append(item)
    return draft
