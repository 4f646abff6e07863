"""The audit trail: every change writes who, when, what, and the record before and after."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

# The words live apart (no SQLAlchemy there, see its docstring); callers may keep saying audit.comment_words.
from takeover_planner.services.audit_words import action_words, comment_note, comment_words
from takeover_planner.services.changes import notify
from takeover_planner.storage.models import AuditEvent


def record(
    session: Session,
    actor: str,
    entity_type: str,
    entity_id: int,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    comment: str = "",
) -> AuditEvent:
    event = AuditEvent(
        actor=actor,
        entity_type=entity_type,
        entity_id=entity_id,
        action=action,
        before=_jsonable(before),
        after=_jsonable(after),
        comment=comment,
    )
    session.add(event)
    notify(session, f"{entity_type}:{entity_id}:{action}")
    return event


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    actor: str
    entity_type: str
    entity_id: int
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    comment: str


def history(session: Session, entity_type: str, entity_id: int) -> list[AuditEntry]:
    rows = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.entity_type == entity_type, AuditEvent.entity_id == entity_id)
        .order_by(AuditEvent.at, AuditEvent.id)
    )
    return [
        AuditEntry(r.id, r.at, r.actor, r.entity_type, r.entity_id, r.action, r.before, r.after, r.comment)
        for r in rows
    ]


def _jsonable(values: dict[str, Any] | None) -> dict[str, Any] | None:
    if values is None:
        return None
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, (dt.date, dt.datetime)):
            out[key] = value.isoformat()
        elif hasattr(value, "value") and isinstance(getattr(value, "value", None), str):
            out[key] = value.value
        else:
            out[key] = value
    return out


__all__ = ["AuditEntry", "action_words", "comment_note", "comment_words", "history", "record"]
