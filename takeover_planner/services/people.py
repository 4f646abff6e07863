"""The team's people and their roles."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from takeover_planner.domain.roles import Profile, Role
from takeover_planner.domain.validation import clean_email, clean_name
from takeover_planner.errors import NotFoundError, ValidationError
from takeover_planner.services import audit
from takeover_planner.services.access import current_profile, require_planner
from takeover_planner.services.catalog import find_department
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import Person


@dataclass(frozen=True)
class PersonInfo:
    id: int
    name: str
    role: Role
    department: str | None
    email: str
    active: bool


def _info(p: Person) -> PersonInfo:
    return PersonInfo(p.id, p.name, Role(p.role), p.department.name if p.department else None, p.email, p.active)


def parse_role(text: str) -> Role:
    aliases = {"comms": Role.COMMS_OFFICER, "officer": Role.COMMS_OFFICER, "comms-officer": Role.COMMS_OFFICER}
    key = text.strip().lower().replace(" ", "_")
    if key in aliases:
        return aliases[key]
    try:
        return Role(key.replace("-", "_"))
    except ValueError:
        raise ValidationError(f"Unknown role '{text}'. Choose comms_officer, contributor or reader.") from None


def add_person(
    ctx: AppContext, name: str, role: Role, *, department: int | str | None = None, email: str = ""
) -> PersonInfo:
    name = clean_name(name, "The person's name")
    with ctx.db.write() as s:
        first = s.scalar(select(func.count()).select_from(Person)) == 0
        if first:
            # The first profile turns a personal database into a team one: it must be someone who can plan,
            # and it should be the person doing it, or nobody could add the rest.
            if role != Role.COMMS_OFFICER:
                raise ValidationError("The first person in a team database must be a comms officer.")
        else:
            require_planner(s, ctx.actor, "add people")
        if s.scalar(select(Person.id).where(func.lower(Person.name) == name.lower())) is not None:
            raise ValidationError(f"There is already a person called '{name}'.")
        dept_id = None
        if role == Role.CONTRIBUTOR:
            if department is None:
                raise ValidationError("A contributor belongs to a department (--department).")
            dept_id = find_department(s, department).id
        person = Person(name=name, role=role.value, department_id=dept_id, email=clean_email(email))
        s.add(person)
        s.flush()
        s.refresh(person)
        audit.record(s, ctx.actor, "person", person.id, "created", after={"name": name, "role": role.value,
                                                                         "department_id": dept_id})
        return _info(person)


def list_people(ctx: AppContext) -> list[PersonInfo]:
    with ctx.db.session() as s:
        return [_info(p) for p in s.scalars(select(Person).order_by(Person.name))]


def set_active(ctx: AppContext, person_id: int, active: bool) -> PersonInfo:
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, "change people")
        person = s.get(Person, person_id)
        if person is None:
            raise NotFoundError(f"No person #{person_id}.")
        audit.record(s, ctx.actor, "person", person.id, "updated", before={"active": person.active},
                     after={"active": active})
        person.active = active
        s.flush()
        return _info(person)


def whoami(ctx: AppContext) -> Profile:
    with ctx.db.session() as s:
        return current_profile(s, ctx.actor)
