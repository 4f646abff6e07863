"""The demo municipality (Fjordvik, invented): accounts, departments, theme weeks, blackouts and slots.

Dates are laid out relative to the current ISO week so the calendar is never empty on first start.
Descriptions, reasons and notes are written in both languages in the file and loaded in the language in force
(``texts.current_language()``, or the one given): Fjordvik is a Norwegian municipality, so a Bokmål user sees
Bokmål; names stay as they are.
Loading resumes: every step skips what is there already (and a slot carries on along its status path), and the
last step records "demo_loaded" on the marker account. So a load killed half-way is completed by the next
``demo``, and a finished one adds nothing again.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import today_oslo, week_start
from takeover_planner.paths import resource
from takeover_planner.services import audit, booking, catalog, insights_demo
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import Account, AuditEvent
from takeover_planner.texts import current_language

DEMO_FILE = resource("demo", "fjordvik.json")
DEMO_DONE = "demo_loaded"  # the audit action the last step records on the marker account

# The order a slot reaches its demo status in, so every step goes through the real rules and audit trail.
_PATH_TO = {
    SlotStatus.REQUESTED: [],
    SlotStatus.BOOKED: [SlotStatus.BOOKED],
    SlotStatus.CONFIRMED: [SlotStatus.BOOKED, SlotStatus.CONFIRMED],
    SlotStatus.COMPLETED: [SlotStatus.BOOKED, SlotStatus.CONFIRMED, SlotStatus.COMPLETED],
    SlotStatus.CANCELLED: [SlotStatus.CANCELLED],
}


@dataclass(frozen=True)
class DemoResult:
    loaded: bool  # False: it was there already
    accounts: int
    departments: int
    campaigns: int
    blackouts: int
    slots: int


def _data() -> dict[str, Any]:
    return json.loads(DEMO_FILE.read_text(encoding="utf-8"))


def _demo_text(value: Any, language: str) -> str:
    """A text of the demo data in ``language``: a plain string is the same in both, a {"en": …, "nb": …} gives
    each its own (chosen by the language's key, never by what the text says)."""
    if isinstance(value, dict):
        return str(value.get(language) or value["en"])
    return str(value)


def _marker_id(ctx: AppContext) -> int | None:
    with ctx.db.session() as s:
        return s.scalar(select(Account.id).where(Account.name == _data()["marker_account"]))


def has_demo(ctx: AppContext) -> bool:
    """Is the demo loaded completely (its last step recorded)?"""
    marker = _marker_id(ctx)
    if marker is None:
        return False
    with ctx.db.session() as s:
        done = select(AuditEvent.id).where(AuditEvent.entity_type == "account", AuditEvent.entity_id == marker,
                                           AuditEvent.action == DEMO_DONE).limit(1)
        return s.scalar(done) is not None


def _remaining_steps(current: SlotStatus, target: SlotStatus) -> list[SlotStatus]:
    """The steps still to take from ``current`` to the demo's ``target`` status (all of them from requested)."""
    path = _PATH_TO[target]
    return path[path.index(current) + 1:] if current in path else list(path)


def load_demo(ctx: AppContext, *, today: dt.date | None = None, language: str | None = None) -> DemoResult:
    data = _data()
    words = language or current_language()
    if has_demo(ctx):
        return DemoResult(False, 0, 0, 0, 0, 0)
    monday = week_start(today or today_oslo())

    def day(entry: dict[str, Any]) -> tuple[dt.date, dt.date]:
        start = monday + dt.timedelta(weeks=entry["week_offset"], days=entry.get("start_weekday", 0))
        return start, start + dt.timedelta(days=entry["days"] - 1)

    added = {"accounts": 0, "departments": 0, "campaigns": 0, "blackouts": 0, "slots": 0}
    existing_accounts = {a.name for a in catalog.list_accounts(ctx)}
    for a in data["accounts"]:
        if a["name"] not in existing_accounts:
            catalog.add_account(ctx, a["name"], handle=a["handle"], api_variant=a["api_variant"])
            added["accounts"] += 1
    existing_departments = {d.name for d in catalog.list_departments(ctx)}
    for d in data["departments"]:
        if d["name"] not in existing_departments:
            catalog.add_department(ctx, d["name"], contact_name=d["contact"], email=d["email"], phone=d["phone"],
                                   color=d["color"])
            added["departments"] += 1
    existing_campaigns = {c.name for c in catalog.list_campaigns(ctx)}
    for c in data["campaigns"]:
        if c["name"] not in existing_campaigns:
            start, end = day(c)
            catalog.add_campaign(ctx, c["name"], start, end, _demo_text(c["description"], words), color=c["color"])
            added["campaigns"] += 1
    existing_blackouts = {(b.name, b.start, b.end) for b in catalog.list_blackouts(ctx)}
    for b in data["blackouts"]:
        start, end = day(b)
        if (b["name"], start, end) not in existing_blackouts:
            catalog.add_blackout(ctx, b["name"], start, end, account=b.get("account"), reason=_demo_text(b["reason"], words))
            added["blackouts"] += 1
    existing_slots = {(x.department, x.account, x.start, x.end): x for x in booking.list_slots(ctx)}
    for entry in data["slots"]:
        start, end = day(entry)
        target = SlotStatus(entry["status"])
        found = existing_slots.get((entry["department"], entry["account"], start, end))
        if found is None:
            found = booking.book(
                ctx, department=entry["department"], account=entry["account"], start=start, end=end,
                campaign=entry.get("campaign"), notes=_demo_text(entry.get("notes", ""), words),
                news_url=entry.get("news_url", ""),
            ).slot
            added["slots"] += 1
        # A cancelled demo slot's reason, in the demo's language (picked from the data by key, never by its words).
        reason_texts = entry.get("reason")
        reason = None if reason_texts is None else _demo_text(reason_texts, words)
        for step in _remaining_steps(found.status, target):
            booking.set_status(ctx, found.id, step, reason=reason)
    insights_demo.load_sample_history(ctx, today=today, language=words)  # insights (issue 9): the labelled sample history
    marker = _marker_id(ctx)
    assert marker is not None  # added above, or by the interrupted load being completed now
    with ctx.db.write() as s:
        audit.record(s, ctx.actor, "account", marker, DEMO_DONE, after=added)
    return DemoResult(True, added["accounts"], added["departments"], added["campaigns"], added["blackouts"],
                      added["slots"])
