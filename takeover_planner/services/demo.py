"""The demo municipality (Fjordvik, invented): accounts, departments, theme weeks, blackouts and slots.

Dates are laid out relative to the current ISO week so the calendar is never empty on first start.
Loading is idempotent: if the demo's marker account exists, nothing is added again.
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
from takeover_planner.services import booking, catalog, insights_demo
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import Account

DEMO_FILE = resource("demo", "fjordvik.json")

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


def has_demo(ctx: AppContext) -> bool:
    marker = _data()["marker_account"]
    with ctx.db.session() as s:
        return s.scalar(select(Account.id).where(Account.name == marker)) is not None


def load_demo(ctx: AppContext, *, today: dt.date | None = None) -> DemoResult:
    data = _data()
    if has_demo(ctx):
        return DemoResult(False, 0, 0, 0, 0, 0)
    monday = week_start(today or today_oslo())

    def day(entry: dict[str, Any]) -> tuple[dt.date, dt.date]:
        start = monday + dt.timedelta(weeks=entry["week_offset"], days=entry.get("start_weekday", 0))
        return start, start + dt.timedelta(days=entry["days"] - 1)

    existing_departments = {d.name for d in catalog.list_departments(ctx)}
    for a in data["accounts"]:
        catalog.add_account(ctx, a["name"], handle=a["handle"], api_variant=a["api_variant"])
    for d in data["departments"]:
        if d["name"] not in existing_departments:
            catalog.add_department(ctx, d["name"], contact_name=d["contact"], email=d["email"], phone=d["phone"],
                                   color=d["color"])
    existing_campaigns = {c.name for c in catalog.list_campaigns(ctx)}
    for c in data["campaigns"]:
        if c["name"] not in existing_campaigns:
            start, end = day(c)
            catalog.add_campaign(ctx, c["name"], start, end, c["description"], color=c["color"])
    for b in data["blackouts"]:
        start, end = day(b)
        catalog.add_blackout(ctx, b["name"], start, end, account=b.get("account"), reason=b["reason"])
    for entry in data["slots"]:
        start, end = day(entry)
        result = booking.book(
            ctx, department=entry["department"], account=entry["account"], start=start, end=end,
            campaign=entry.get("campaign"), notes=entry.get("notes", ""), news_url=entry.get("news_url", ""),
        )
        for step in _PATH_TO[SlotStatus(entry["status"])]:
            booking.set_status(ctx, result.slot.id, step, reason=entry.get("reason"))
    insights_demo.load_sample_history(ctx, today=today)  # insights (issue 9): the labelled sample history
    return DemoResult(True, len(data["accounts"]), len(data["departments"]), len(data["campaigns"]),
                      len(data["blackouts"]), len(data["slots"]))
