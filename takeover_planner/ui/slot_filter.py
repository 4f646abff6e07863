"""What the user narrowed the calendar to: account, department, campaign, statuses and a search text.

Plain Python so the rules are easy to test; the store applies them to the slots it holds in memory, which is
why typing in the search box never waits for the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from takeover_planner.domain.slots import SlotStatus

if TYPE_CHECKING:
    from takeover_planner.services.booking import SlotInfo
    from takeover_planner.services.catalog import DepartmentInfo

# Cancelled slots are history: hidden until the user asks for them.
DEFAULT_STATUSES = frozenset(s for s in SlotStatus if s != SlotStatus.CANCELLED)


@dataclass(frozen=True)
class SlotFilter:
    account_id: int | None = None
    department_id: int | None = None
    campaign_id: int | None = None
    statuses: frozenset[SlotStatus] = field(default=DEFAULT_STATUSES)
    text: str = ""

    @property
    def is_narrowed(self) -> bool:
        return self != SlotFilter()

    @cached_property
    def _words(self) -> tuple[str, ...]:
        return tuple(self.text.casefold().split())

    def words(self) -> list[str]:
        return list(self._words)

    def matches(self, slot: SlotInfo, departments: dict[int, DepartmentInfo] | None = None,
                text_of: Callable[[SlotInfo], str] | None = None) -> bool:
        """``text_of`` may supply a cached ``search_text`` (the store keeps one per slot)."""
        if self.account_id is not None and slot.account_id != self.account_id:
            return False
        if self.department_id is not None and slot.department_id != self.department_id:
            return False
        if self.campaign_id is not None and slot.campaign_id != self.campaign_id:
            return False
        if slot.status not in self.statuses:
            return False
        words = self._words
        if not words:
            return True
        haystack = text_of(slot) if text_of is not None else search_text(slot, departments)
        return all(word in haystack for word in words)


def search_text(slot: SlotInfo, departments: dict[int, DepartmentInfo] | None = None) -> str:
    """Everything a person might type to find a slot: names, notes, the contact person, '#12'."""
    parts = [f"#{slot.id}", slot.department, slot.account, slot.campaign or "", slot.notes,
             slot.department_note, slot.news_url,
             slot.status.value, slot.start.isoformat(), slot.end.isoformat()]
    department = (departments or {}).get(slot.department_id)
    if department is not None and department.primary_contact is not None:
        parts += [department.primary_contact.name, department.primary_contact.email]
    return " ".join(parts).casefold()


def touches(slot: SlotInfo, start: dt.date, end: dt.date) -> bool:
    return slot.start <= end and slot.end >= start
