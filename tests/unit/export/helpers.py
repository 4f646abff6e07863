"""Export records for tests, with every field filled unless a test says otherwise."""

from __future__ import annotations

import datetime as dt
from typing import Any

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import oslo_datetime
from takeover_planner.exporting.records import ExportSlot, FrameCounts

CREATED = dt.datetime(2026, 11, 2, 9, 15, 30, 123456, tzinfo=dt.UTC)


def make_slot(**overrides: Any) -> ExportSlot:
    start = overrides.get("start", dt.date(2027, 3, 1))
    values: dict[str, Any] = {
        "id": 7,
        "created_at": CREATED,
        "updated_at": CREATED + dt.timedelta(days=3),
        "version": 1,
        "account": "Fjordvik kommune",
        "department": "Biblioteket",
        "department_color": "#2f6fde",
        "start": start,
        "end": overrides.get("end", start + dt.timedelta(days=4)),
        "status": SlotStatus.CONFIRMED,
        "campaign": "Leseuka",
        "contact_name": "Kari Nordmann",
        "contact_email": "kari@fjordvik.kommune.no",
        "contact_phone": "+47 900 00 000",
        "material_deadline": oslo_datetime(start - dt.timedelta(days=3), dt.time(12, 0)),
        "notes": "",
        "news_url": "https://fjordvik.kommune.no/nyheter/leseuka",
        "cancel_reason": "",
        "frames": FrameCounts(4, 3, 1),
    }
    values.update(overrides)
    return ExportSlot(**values)
