"""The team's people and their roles.

On PostgreSQL a person is also a database login in one of the database's group roles (``storage.pg_security``):
adding a person creates (or adopts) the login and puts it in its group; deactivating takes the login away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from takeover_planner.domain.roles import Profile, Role
from takeover_planner.domain.validation import clean_email, clean_name
from takeover_planner.errors import NotFoundError, PermissionDenied, ValidationError
from takeover_planner.services import audit
from takeover_planner.services.access import current_profile, on_server, require_planner
from takeover_planner.services.catalog import find_department
from takeover_planner.services.context import AppContext
from takeover_planner.storage import pg_security
from takeover_planner.storage.models import Person
from takeover_planner.texts.access import ActionText
from takeover_planner.texts.team import TeamText
from takeover_planner.texts.validation import FieldText


@dataclass(frozen=True)
class PersonInfo:
    id: int
    name: str
    role: Role
    department: str | None
    email: str
    active: bool
    login: str | None  # the PostgreSQL login; None in a personal (SQLite) database


# A PostgreSQL role name a person can type and IT can map from single sign-on (kari.nordmann, kari@kommune).
_LOGIN = re.compile(r"[A-Za-z][A-Za-z0-9_.@-]{0,62}")


def _info(p: Person) -> PersonInfo:
    return PersonInfo(p.id, p.name, Role(p.role), p.department.name if p.department else None, p.email, p.active,
                      p.login)


def uses_logins(ctx: AppContext) -> bool:
    """Whether a person here is a database login (PostgreSQL) rather than a name (a personal SQLite database).
    Read from the engine's dialect: no round trip, so a window may ask it while building a form."""
    return ctx.db.engine.dialect.name == "postgresql"


def parse_role(text: str) -> Role:
    aliases = {"comms": Role.COMMS_OFFICER, "officer": Role.COMMS_OFFICER, "comms-officer": Role.COMMS_OFFICER}
    key = text.strip().lower().replace(" ", "_")
    if key in aliases:
        return aliases[key]
    try:
        return Role(key.replace("-", "_"))
    except ValueError:
        raise ValidationError(TeamText.UNKNOWN_ROLE, value=text) from None


def add_person(
    ctx: AppContext, name: str, role: Role, *, department: int | str | None = None, email: str = "",
    login: str | None = None, password: str | None = None,
) -> PersonInfo:
    """Add a person; on PostgreSQL also their login (created with ``password``, or an existing one adopted)."""
    name = clean_name(name, FieldText.PERSON_NAME)
    with ctx.db.write() as s:
        server = on_server(s)
        if server:
            login = _checked_login(s, ctx, login)
        elif login is not None:
            raise ValidationError(TeamText.LOGIN_ONLY_ON_POSTGRES)
        elif s.scalar(select(func.count()).select_from(Person)) == 0:
            # The first profile turns a personal database into a team one: it must be someone who can plan,
            # and it should be the person doing it, or nobody could add the rest.
            if role != Role.COMMS_OFFICER:
                raise ValidationError(TeamText.FIRST_PERSON_PLANS)
        else:
            require_planner(s, ctx.actor, ActionText.ADD_PEOPLE)
        existing = s.execute(select(Person.name, Person.login).where(func.lower(Person.name) == name.lower())).first()
        if existing is not None and server and existing.login is None:
            raise ValidationError(TeamText.PERSON_EXISTS_NO_LOGIN, name=existing.name)
        if existing is not None:
            raise ValidationError(TeamText.PERSON_EXISTS, name=name)
        dept_id = None
        if role == Role.CONTRIBUTOR:
            if department is None:
                raise ValidationError(TeamText.CONTRIBUTOR_NEEDS_DEPARTMENT)
            dept_id = find_department(s, department).id
        person = Person(name=name, role=role.value, department_id=dept_id, email=clean_email(email), login=login)
        s.add(person)
        s.flush()
        s.refresh(person)
        if login is not None:
            pg_security.create_login(s.connection(), login, role, password)
        audit.record(s, ctx.actor, "person", person.id, "created", after={"name": name, "role": role.value,
                                                                         "department_id": dept_id, "login": login})
        return _info(person)


def _checked_login(s: Session, ctx: AppContext, login: str | None) -> str:
    """A login that may be added here, by someone whose role and database login may add it."""
    require_planner(s, ctx.actor, ActionText.ADD_PEOPLE)
    if login is None:
        raise ValidationError(TeamText.LOGIN_NEEDED)
    login = login.strip()
    if not _LOGIN.fullmatch(login):
        raise ValidationError(TeamText.BAD_LOGIN, login=login)
    holder = s.scalar(select(Person.name).where(Person.login == login))
    if holder is not None:
        raise ValidationError(TeamText.LOGIN_TAKEN, login=login, name=holder)
    connection = s.connection()
    if not pg_security.may_create_logins(connection):
        raise PermissionDenied(TeamText.CANNOT_CREATE_LOGINS, login=pg_security.whoami(connection).login)
    return login


def set_login(ctx: AppContext, person_id: int, login: str, password: str | None = None) -> PersonInfo:
    """Give a person who has none a database login (on PostgreSQL): the people of a team database made before
    logins existed, or added while the server could not create roles. A deactivated person's login is made
    without the right to log in."""
    with ctx.db.write() as s:
        if not on_server(s):
            raise ValidationError(TeamText.LOGIN_ONLY_ON_POSTGRES)
        login = _checked_login(s, ctx, login)
        person = s.get(Person, person_id)
        if person is None:
            raise NotFoundError(TeamText.NO_PERSON, person_id=person_id)
        if person.login is not None:
            # Moving a person to another login would hand their audit trail's name to it: deactivate, add anew.
            raise ValidationError(TeamText.PERSON_HAS_LOGIN, name=person.name, login=person.login)
        audit.record(s, ctx.actor, "person", person.id, "updated", before={"login": None}, after={"login": login})
        person.login = login
        s.flush()
        pg_security.create_login(s.connection(), login, Role(person.role), password)
        if not person.active:
            pg_security.set_login_active(s.connection(), login, Role(person.role), active=False)
        return _info(person)


def find_person(ctx: AppContext, name_or_id: str) -> PersonInfo:
    """A person by id or by name (any case)."""
    with ctx.db.session() as s:
        person = _find(s, name_or_id)
        return _info(person)


def _find(s: Session, name_or_id: str) -> Person:
    key = name_or_id.strip()
    person = s.get(Person, int(key)) if key.isdigit() else s.scalar(
        select(Person).where(func.lower(Person.name) == key.lower()))
    if person is None:
        raise NotFoundError(TeamText.NO_PERSON_NAMED, person=key)
    return person


def list_people(ctx: AppContext) -> list[PersonInfo]:
    with ctx.db.session() as s:
        return [_info(p) for p in s.scalars(select(Person).order_by(Person.name))]


def set_active(ctx: AppContext, person_id: int, active: bool) -> PersonInfo:
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.CHANGE_PEOPLE)
        person = s.get(Person, person_id)
        if person is None:
            raise NotFoundError(TeamText.NO_PERSON, person_id=person_id)
        server_login = person.login is not None and on_server(s)
        if server_login and not pg_security.may_create_logins(s.connection()):
            raise PermissionDenied(TeamText.CANNOT_CREATE_LOGINS, login=pg_security.whoami(s.connection()).login)
        audit.record(s, ctx.actor, "person", person.id, "updated", before={"active": person.active},
                     after={"active": active})
        person.active = active
        s.flush()
        if server_login and person.login is not None:
            # What keeps a deactivated person out is the server: no LOGIN, no group.
            pg_security.set_login_active(s.connection(), person.login, Role(person.role), active=active)
        return _info(person)


def whoami(ctx: AppContext) -> Profile:
    with ctx.db.session() as s:
        return current_profile(s, ctx.actor)
