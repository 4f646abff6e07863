"""The language a department reads: that of the slot's latest brief or contributor kit, else Bokmål.

What is written for the department or for whoever posts its frames — the intake receipt, the hand-off checklist
— follows the brief, not the language of the window or command line of the person who writes it.
"""

from __future__ import annotations

from sqlalchemy import select

from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import AuditEvent
from takeover_planner.texts import BOKMAAL


def brief_language(ctx: AppContext, slot_id: int | None) -> str:
    """``nb`` or ``en``: the language of the slot's latest brief or kit (its audit event says), else Bokmål."""
    if slot_id is None:
        return BOKMAAL
    with ctx.db.session() as s:
        event = s.scalars(select(AuditEvent).where(
            AuditEvent.entity_type == "slot", AuditEvent.entity_id == slot_id,
            AuditEvent.action.in_(("brief_written", "kit_written"))).order_by(AuditEvent.id.desc())).first()
    language = (event.after or {}).get("language") if event is not None else None
    return language if language in ("nb", "en") else BOKMAAL
