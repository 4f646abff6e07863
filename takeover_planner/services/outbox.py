"""Edits that could not be saved because the database was unreachable, kept until it is back.

When a booking edit fails with ``EnvironmentProblem`` (network share or server gone), the UI puts it in the
outbox instead of dropping it. The outbox lives in a JSON file in the data folder (written atomically), so
even closing the app loses nothing. ``replay`` sends the edits in order once the database answers again;
each carries the version the person saw, so an edit that meanwhile collides with someone else's is reported
as a conflict rather than overwriting it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.errors import EnvironmentProblem, TakeoverError
from takeover_planner.fileio import atomic_write_text
from takeover_planner.services import booking
from takeover_planner.services.context import AppContext

log = logging.getLogger(__name__)


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _when(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _edit(ctx: AppContext, a: dict[str, Any]) -> booking.SlotInfo:
    """The planner's edit dialog: new dates and new details as one change. Each write checks the version the
    person saw (the move first, then the details against the version the move left), so an edit that meets
    someone else's change is refused, not merged."""
    expected = a.get("expected_version")
    slot = booking.get_slot(ctx, a["slot_id"])
    start, end = _date(a["start"]), _date(a["end"])
    if a.get("account") is not None and a["account"] != slot.account_id:  # the slot moves to another account
        slot = booking.change_account(ctx, a["slot_id"], a["account"], expected_version=expected).slot
        expected = slot.version
    if (slot.start, slot.end) != (start, end):
        slot = booking.move(ctx, a["slot_id"], start, end, expected_version=expected).slot
        expected = slot.version
    return booking.update_details(
        ctx, a["slot_id"], notes=a.get("notes"), news_url=a.get("news_url"), expected_version=expected,
        department_note=a.get("department_note"), material_deadline=_when(a.get("material_deadline")), campaign=a.get("campaign"),
        clear_campaign=bool(a.get("clear_campaign", False)),
    )


# The edits that may wait in the outbox: name → how to replay it from JSON-safe arguments (keys an operation
# does not know, such as the window's "label" describing the edit, are carried along and ignored).
OPERATIONS: dict[str, Callable[[AppContext, dict[str, Any]], object]] = {
    "book": lambda ctx, a: booking.book(
        ctx, department=a["department"], account=a["account"], start=_date(a["start"]), end=_date(a["end"]),
        campaign=a.get("campaign"), status=SlotStatus(a.get("status", "requested")), notes=a.get("notes", ""),
        department_note=a.get("department_note", ""), news_url=a.get("news_url", ""),
        material_deadline=_when(a.get("material_deadline")),
    ),
    "move": lambda ctx, a: booking.move(
        ctx, a["slot_id"], _date(a["start"]), _date(a["end"]), expected_version=a.get("expected_version")
    ),
    "set_status": lambda ctx, a: booking.set_status(
        ctx, a["slot_id"], SlotStatus(a["status"]), reason=a.get("reason"), expected_version=a.get("expected_version")
    ),
    "update_details": lambda ctx, a: booking.update_details(
        ctx, a["slot_id"], notes=a.get("notes"), news_url=a.get("news_url"), expected_version=a.get("expected_version"),
        department_note=a.get("department_note"), material_deadline=_when(a.get("material_deadline")), campaign=a.get("campaign"),
        clear_campaign=bool(a.get("clear_campaign", False)),
    ),
    "edit": lambda ctx, a: _edit(ctx, a),
}


@dataclass
class PendingEdit:
    id: str
    operation: str
    arguments: dict[str, Any]
    actor: str
    queued_at: str


@dataclass
class ReplayResult:
    applied: list[PendingEdit] = field(default_factory=list)
    # Conflicts or rules, told to the person: the error itself, so it is worded in the language shown then.
    refused: list[tuple[PendingEdit, TakeoverError]] = field(default_factory=list)
    still_offline: bool = False


class Outbox:
    def __init__(self, file: Path) -> None:
        self._file = file
        self._items: list[PendingEdit] = self._load()

    def _load(self) -> list[PendingEdit]:
        if not self._file.exists():
            return []
        try:
            raw = json.loads(self._file.read_text(encoding="utf-8"))
            return [PendingEdit(**item) for item in raw]
        except (OSError, ValueError, TypeError) as exc:
            # Keep the unreadable file for a human, start empty rather than crash.
            log.error("Outbox %s unreadable (%s); set aside", self._file, exc)
            self._file.rename(self._file.with_suffix(".unreadable.json"))
            return []

    def _save(self) -> None:
        atomic_write_text(self._file, json.dumps([item.__dict__ for item in self._items], indent=1))

    def __len__(self) -> int:
        return len(self._items)

    @property
    def items(self) -> list[PendingEdit]:
        return list(self._items)

    def add(self, operation: str, arguments: dict[str, Any], actor: str) -> PendingEdit:
        if operation not in OPERATIONS:
            raise ValueError(f"unknown outbox operation {operation}")
        item = PendingEdit(uuid.uuid4().hex, operation, json.loads(json.dumps(arguments, default=str)), actor,
                           dt.datetime.now(dt.UTC).isoformat())
        self._items.append(item)
        self._save()
        return item

    def replay(self, ctx: AppContext) -> ReplayResult:
        result = ReplayResult()
        while self._items:
            item = self._items[0]
            acting = AppContext(ctx.paths, ctx.settings, ctx.db, item.actor)
            try:
                OPERATIONS[item.operation](acting, item.arguments)
            except EnvironmentProblem:
                result.still_offline = True
                break
            except TakeoverError as exc:
                result.refused.append((item, exc))
            else:
                result.applied.append(item)
            self._items.pop(0)
            self._save()
        return result
