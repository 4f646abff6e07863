"""Read-only views of story frames, their files and consent, handed to the CLI and the GUI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from takeover_planner.domain.consent import ConsentFacts, Problem, consent_problems
from takeover_planner.domain.review import ApprovalFacts, FrameState, file_problems
from takeover_planner.domain.timekeeping import to_oslo
from takeover_planner.services.media_checks import channel_of, findings_for_channel
from takeover_planner.storage.models import (
    ConsentRecord,
    FrameConsent,
    MediaAsset,
    ReviewDecision,
    StoryFrame,
)
from takeover_planner.texts.render import Bilingual


@dataclass(frozen=True)
class AssetInfo:
    id: int
    sha256: str
    kind: str
    format: str
    size_bytes: int
    width: int | None
    height: int | None
    display_width: int | None
    display_height: int | None
    duration_s: float | None
    original_name: str
    derived_from_id: int | None
    findings: tuple[dict[str, Any], ...] | None

    @property
    def errors(self) -> list[dict[str, Any]]:
        return [f for f in self.findings or () if f.get("severity") == "error"]

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "sha256": self.sha256, "kind": self.kind, "format": self.format,
                "size_bytes": self.size_bytes, "display_width": self.display_width,
                "display_height": self.display_height, "duration_s": self.duration_s,
                "original_name": self.original_name, "derived_from_id": self.derived_from_id,
                "findings": list(self.findings) if self.findings is not None else None}


@dataclass(frozen=True)
class ConsentInfo:
    id: int
    subject: str
    reference: str
    given_by: str
    scope: tuple[str, ...]
    valid_until: dt.date | None
    withdrawn_at: dt.datetime | None
    withdrawn_by: str
    department_id: int | None
    version: int

    def facts(self) -> ConsentFacts:
        return ConsentFacts(self.id, self.subject, self.reference, self.given_by, frozenset(self.scope),
                            self.valid_until, self.withdrawn_at)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "subject": self.subject, "reference": self.reference, "given_by": self.given_by,
                "scope": list(self.scope), "valid_until": self.valid_until.isoformat() if self.valid_until else None,
                "withdrawn_at": self.withdrawn_at.isoformat() if self.withdrawn_at else None,
                "withdrawn_by": self.withdrawn_by}


@dataclass(frozen=True)
class Decision:
    decision: str
    by: str
    at: dt.datetime
    comment: str


@dataclass(frozen=True)
class FrameInfo:
    id: int
    slot_id: int
    submission_id: int | None
    position: int
    state: FrameState
    planned_at: dt.datetime | None
    text: str
    notes: str
    sticker_kind: str
    sticker_value: str
    credit: str
    shows_people: bool
    original: AssetInfo | None
    derivative: AssetInfo | None
    consents: tuple[ConsentInfo, ...]
    decisions: tuple[Decision, ...]
    version: int

    @property
    def published_file(self) -> AssetInfo | None:
        """The file that goes out: the fixed copy if there is one, else the original."""
        return self.derivative if self.derivative is not None else self.original

    @property
    def manual_only(self) -> bool:
        """Stickers cannot be published through the API: such frames are posted by hand."""
        return bool(self.sticker_kind)

    @property
    def last_decision(self) -> Decision | None:
        return self.decisions[-1] if self.decisions else None

    def facts(self) -> ApprovalFacts:
        asset = self.published_file
        errors = None
        if asset is not None and asset.findings is not None:
            errors = [_message(f) for f in asset.errors]
        return ApprovalFacts(asset is not None, errors, self.shows_people,
                             tuple(c.facts() for c in self.consents), self.planned_at)

    def file_problems(self) -> list[Problem]:
        return file_problems(self.facts())

    def consent_problems(self) -> list[Problem]:
        return consent_problems(self.shows_people, [c.facts() for c in self.consents], self.facts().planned_day)

    def as_dict(self) -> dict[str, Any]:
        oslo = to_oslo(self.planned_at) if self.planned_at else None
        last = self.last_decision
        return {
            "id": self.id, "slot_id": self.slot_id, "submission_id": self.submission_id, "position": self.position,
            "state": self.state.value, "planned_at": oslo.isoformat() if oslo else None,
            "text": self.text, "notes": self.notes,
            "sticker": {"kind": self.sticker_kind, "value": self.sticker_value} if self.sticker_kind else None,
            "manual_only": self.manual_only, "credit": self.credit, "shows_people": self.shows_people,
            "original": self.original.as_dict() if self.original else None,
            "derivative": self.derivative.as_dict() if self.derivative else None,
            "consents": [c.as_dict() for c in self.consents],
            "problems": [p.to_json() for p in self.file_problems() + self.consent_problems()],
            "last_decision": {"decision": last.decision, "by": last.by, "at": last.at.isoformat(),
                              "comment": last.comment} if last else None,
            "version": self.version,
        }


def _message(finding: dict[str, Any]) -> Bilingual:
    """A stored finding's message in both languages (a finding stored by an older version may lack one)."""
    en = str(finding.get("message_en") or finding.get("message") or finding.get("rule") or "")
    return Bilingual(en, str(finding.get("message_nb") or en))


def frame_channel(frame: StoryFrame) -> str:
    """The rules the frame's file must meet: its slot's account's channels (``instagram``, ``both``, ``facebook``)."""
    account = frame.slot.account if frame.slot is not None else None
    return channel_of(account.platform, account.facebook_page_account_id) if account is not None else "instagram"


def _findings(asset: MediaAsset, channel: str) -> list[dict[str, Any]] | None:
    stored = [f for f in asset.findings if isinstance(f, dict)] if asset.findings is not None else None
    return findings_for_channel(asset.probe, stored, channel)


def asset_errors(asset: MediaAsset, channel: str = "instagram") -> list[Bilingual] | None:
    """The error findings' messages for the frame's channel(s); None when the file has never been checked."""
    findings = _findings(asset, channel)
    if findings is None:
        return None
    return [_message(f) for f in findings if f.get("severity") == "error"]


def asset_info(asset: MediaAsset | None, channel: str = "instagram") -> AssetInfo | None:
    if asset is None:
        return None
    found = _findings(asset, channel)
    findings = tuple(found) if found is not None else None
    return AssetInfo(asset.id, asset.sha256, asset.kind, asset.format, asset.size_bytes, asset.width, asset.height,
                     asset.display_width, asset.display_height, asset.duration_s, asset.original_name,
                     asset.derived_from_id, findings)


def consent_info(c: ConsentRecord) -> ConsentInfo:
    return ConsentInfo(c.id, c.subject, c.reference, c.given_by, tuple(str(x) for x in (c.scope or [])),
                       c.valid_until, c.withdrawn_at, c.withdrawn_by, c.department_id, c.version)


def linked_consents(session: Session, frame_id: int) -> list[ConsentRecord]:
    return list(session.scalars(
        select(ConsentRecord).join(FrameConsent, FrameConsent.consent_id == ConsentRecord.id)
        .where(FrameConsent.frame_id == frame_id).order_by(ConsentRecord.id)
    ))


def consent_facts(session: Session, frame_id: int) -> list[ConsentFacts]:
    return [consent_info(c).facts() for c in linked_consents(session, frame_id)]


def load_frames(session: Session, slot_id: int) -> list[StoryFrame]:
    return list(session.scalars(
        select(StoryFrame).options(selectinload(StoryFrame.original), selectinload(StoryFrame.derivative))
        .where(StoryFrame.slot_id == slot_id).order_by(StoryFrame.position, StoryFrame.id)
    ))


def frame_info(session: Session, frame: StoryFrame) -> FrameInfo:
    decisions = session.scalars(
        select(ReviewDecision).where(ReviewDecision.frame_id == frame.id).order_by(ReviewDecision.at, ReviewDecision.id)
    )
    channel = frame_channel(frame)
    return FrameInfo(
        id=frame.id, slot_id=frame.slot_id, submission_id=frame.submission_id, position=frame.position,
        state=FrameState(frame.state), planned_at=frame.planned_at, text=frame.text, notes=frame.notes,
        sticker_kind=frame.sticker_kind, sticker_value=frame.sticker_value, credit=frame.credit,
        shows_people=frame.shows_people, original=asset_info(frame.original, channel),
        derivative=asset_info(frame.derivative, channel),
        consents=tuple(consent_info(c) for c in linked_consents(session, frame.id)),
        decisions=tuple(Decision(d.decision, d.by, d.at, d.comment) for d in decisions),
        version=frame.version,
    )
