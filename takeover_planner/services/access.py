"""Enforce roles inside the services, so the command line and every window obey the same rules."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from takeover_planner.domain.roles import Profile, Role
from takeover_planner.errors import PermissionDenied
from takeover_planner.storage.models import Person


def current_profile(session: Session, actor: str) -> Profile:
    """The acting person's profile. A database without people is personal: its user plans everything."""
    if session.scalar(select(func.count()).select_from(Person)) == 0:
        return Profile(actor, Role.COMMS_OFFICER, None, personal=True)
    person = session.scalar(select(Person).where(func.lower(Person.name) == actor.strip().lower()))
    if person is None or not person.active:
        # Unknown people may look, never change: the audit trail must name a real team member.
        return Profile(actor, Role.READER, None)
    return Profile(person.name, Role(person.role), person.department_id)


def _no_profile_hint(profile: Profile) -> str:
    if profile.role == Role.READER and not profile.personal:
        return (f" '{profile.name}' is a reader or has no profile in this team database; a comms officer can add "
                "you (person add), and you can say who you are with --user or in the settings.")
    return ""


def require_planner(session: Session, actor: str, what: str) -> Profile:
    profile = current_profile(session, actor)
    if not profile.can_plan:
        raise PermissionDenied(f"Only comms officers may {what}.{_no_profile_hint(profile)}")
    return profile


def require_department(session: Session, actor: str, department_id: int, what: str) -> Profile:
    profile = current_profile(session, actor)
    if not profile.can_edit_department(department_id):
        if profile.role == Role.CONTRIBUTOR:
            raise PermissionDenied(f"You may only {what} for your own department.")
        raise PermissionDenied(f"Readers may not {what}.{_no_profile_hint(profile)}")
    return profile
