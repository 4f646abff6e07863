"""Who may do what. The services ask these questions; the UI only hides what the answer forbids."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Role(enum.StrEnum):
    COMMS_OFFICER = "comms_officer"
    CONTRIBUTOR = "contributor"
    READER = "reader"


@dataclass(frozen=True)
class Profile:
    name: str
    role: Role
    department_id: int | None  # a contributor's own department
    personal: bool = False  # a database with no people: its user is a comms officer by definition

    @property
    def can_plan(self) -> bool:
        """Book, move, confirm, cancel; edit accounts, departments, campaigns, blackouts; review and publish."""
        return self.role == Role.COMMS_OFFICER

    @property
    def sees_internal_notes(self) -> bool:
        """A slot's internal note is the comms team's own; on PostgreSQL only they may read the column."""
        return self.role == Role.COMMS_OFFICER

    def can_edit_department(self, department_id: int) -> bool:
        """Edit a department's frames and request slots for it."""
        if self.role == Role.COMMS_OFFICER:
            return True
        return self.role == Role.CONTRIBUTOR and self.department_id == department_id

    def can_see_department(self, department_id: int) -> bool:
        if self.role == Role.CONTRIBUTOR:
            return self.department_id == department_id
        return True

    @property
    def visible_department(self) -> int | None:
        """The one department a contributor is limited to; None means everything."""
        return self.department_id if self.role == Role.CONTRIBUTOR else None
