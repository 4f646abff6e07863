"""Who is acting and what they may do, asked by every service, so the command line and every window obey the
same rules.

On SQLite (a personal database) the acting person is the name the app was given and these checks are all there
is. On PostgreSQL the person is the connected login, read from the server (``storage.pg_security``); the checks
here then only give a clear message early, and the server enforces the same rules itself (docs/security.md).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from takeover_planner.domain.roles import Profile, Role
from takeover_planner.errors import PermissionDenied, ValidationError
from takeover_planner.storage import pg_security
from takeover_planner.storage.database import Database
from takeover_planner.storage.models import Person
from takeover_planner.texts import Code
from takeover_planner.texts.access import AccessText
from takeover_planner.texts.team import TeamText


def on_server(session: Session) -> bool:
    """Whether identity and roles come from the database server (PostgreSQL) rather than from a name."""
    return session.get_bind().dialect.name == "postgresql"


def login_actor(db: Database, claimed: str | None) -> str:
    """The name a PostgreSQL login acts under (its person's name, else the login). A name claimed with --user
    is refused: on a team database only the login says who you are."""
    with db.session() as s:
        me = pg_security.whoami(s.connection())
    if claimed is not None:
        raise ValidationError(TeamText.USER_ON_POSTGRES, login=me.login)
    return me.name


def current_profile(session: Session, actor: str) -> Profile:
    """The acting person's profile. On PostgreSQL: the connected login's (``actor`` is not consulted). On SQLite a
    database without people is personal: its user plans everything."""
    if on_server(session):
        me = pg_security.whoami(session.connection())
        # A login in none of this database's groups can read nothing; as a reader it is refused with the advice
        # to ask for a profile.
        return Profile(me.name, me.role or Role.READER, me.department_id)
    if session.scalar(select(func.count()).select_from(Person)) == 0:
        return Profile(actor, Role.COMMS_OFFICER, None, personal=True)
    person = session.scalar(select(Person).where(func.lower(Person.name) == actor.strip().lower()))
    if person is None or not person.active:
        # Unknown people may look, never change: the audit trail must name a real team member.
        return Profile(actor, Role.READER, None)
    return Profile(person.name, Role(person.role), person.department_id)


def _unknown_here(profile: Profile) -> bool:
    """A reader in a team database may simply be someone without a profile: the refusal then says how to get one."""
    return profile.role == Role.READER and not profile.personal


def require_planner(session: Session, actor: str, action: Code) -> Profile:
    """``action`` says what was asked, as an ``ActionText`` ("book slots")."""
    profile = current_profile(session, actor)
    if not profile.can_plan:
        if _unknown_here(profile):
            code = AccessText.PLANNERS_ONLY_NO_LOGIN_PROFILE if on_server(session) else AccessText.PLANNERS_ONLY_NO_PROFILE
            raise PermissionDenied(code, action=action, name=profile.name)
        raise PermissionDenied(AccessText.PLANNERS_ONLY, action=action)
    return profile


def require_department(session: Session, actor: str, department_id: int, action: Code) -> Profile:
    profile = current_profile(session, actor)
    if not profile.can_edit_department(department_id):
        if profile.role == Role.CONTRIBUTOR:
            raise PermissionDenied(AccessText.OWN_DEPARTMENT_ONLY, action=action)
        if _unknown_here(profile):
            code = (AccessText.READERS_MAY_NOT_NO_LOGIN_PROFILE if on_server(session)
                    else AccessText.READERS_MAY_NOT_NO_PROFILE)
            raise PermissionDenied(code, action=action, name=profile.name)
        raise PermissionDenied(AccessText.READERS_MAY_NOT, action=action)
    return profile
