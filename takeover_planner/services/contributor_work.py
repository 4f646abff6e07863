"""What a contributor is assembling, before it becomes a submission package: plain data, no database, no Qt.

The contributor window edits these ``WorkFrame``s; ``to_draft`` turns them into the ``SubmissionDraft`` that
``services.submissions`` checks and writes, and ``services.contributor_drafts`` keeps them on disk between
sessions.
"""

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


def new_frame_id() -> int:
    return next(_ids)


@dataclass
class WorkFrame:
    source: Path
    id: int = field(default_factory=new_frame_id)
    judgement: Judgement | None = None  # of the file that will be sent (the fixed copy if there is one)
    original_judgement: Judgement | None = None
    fixed: Path | None = None
    recipe: dict[str, Any] | None = None
    split_from: int | None = None  # the id of the frame a split video started as (shared by all its parts)
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

    @property
    def consent_key(self) -> tuple[str, str, bool, dt.date | None] | None:
        """Who gave which consent; frames with the same answer share one consent record in the package."""
        if not (self.shows_people and self.consent_subject.strip()):
            return None
        return (" ".join(self.consent_subject.split()), self.consent_reference.strip(), self.consent_guardian,
                self.consent_until)


def to_draft(brief: BriefManifest, frames: list[WorkFrame], name: str, email: str, message: str) -> SubmissionDraft:
    draft = SubmissionDraft(brief, name, email, message)
    keys: dict[tuple[str, str, bool, dt.date | None], str] = {}
    for number, frame in enumerate(frames, start=1):
        item = DraftFrame(frame.source, planned_date=frame.planned_date,
                          planned_time=frame.planned_time if frame.planned_date else None, text=frame.text,
                          notes=frame.notes, sticker_kind=frame.sticker_kind if frame.sticker_value.strip() else "",
                          sticker_value=frame.sticker_value, credit=frame.credit, shows_people=frame.shows_people,
                          fixed_source=frame.fixed, fix_recipe=frame.recipe)
        answer = frame.consent_key
        if answer is not None:
            if answer not in keys:
                keys[answer] = f"frame{number}"
                subject, reference, guardian, until = answer
                draft.consents.append(DraftConsent(keys[answer], subject, reference,
                                                   "guardian" if guardian else "self", ["instagram"], until))
            item.consents.append(keys[answer])
        draft.frames.append(item)
    return draft
