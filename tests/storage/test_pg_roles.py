"""Team mode enforced by PostgreSQL: every person logs in with their own login, and the server refuses what their
role may not do, whether it comes through the app or as raw SQL on the same connection.

The test server trusts 127.0.0.1, so passwords are not checked here; what is tested is what each login may do
once connected. Each test's group roles and logins are named after its schema and dropped with it (conftest).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from takeover_planner.cli import main
from takeover_planner.domain.roles import Role
from takeover_planner.domain.slots import SlotStatus
from takeover_planner.errors import EnvironmentProblem, EnvReason, PermissionDenied
from takeover_planner.services import booking, consents, demo, people, stories, team
from takeover_planner.services.context import AppContext, open_context
from takeover_planner.storage import migrate, pg_security
from takeover_planner.storage.database import Database
from takeover_planner.storage.models import MediaAsset
from takeover_planner.texts.access import AccessText, ActionText
from takeover_planner.texts.team import TeamText

pytestmark = pytest.mark.postgres

REFUSED = "42501"  # insufficient_privilege: a missing GRANT, or a row-level security policy


@dataclass
class Team:
    owner: AppContext  # the login that ran the first upgrade (here the superuser): the administrator
    officer: AppContext
    contributor: AppContext
    reader: AppContext
    urls: dict[str, str]  # role → database URL with that person's own login
    homes: dict[str, str]
    logins: dict[str, str]
    library: int  # the contributor's department
    fire: int  # another department
    asset_id: int  # a checked, clean file
    slot: int  # a confirmed slot of the contributor's department

    def sql(self, who: AppContext, statement: str, **params: Any) -> list[Any]:
        """Raw SQL on that person's own connection, past every check in the app."""
        with who.db.engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return list(result) if result.returns_rows else []

    def refused(self, who: AppContext, statement: str, **params: Any) -> None:
        with pytest.raises(DBAPIError) as refusal:
            self.sql(who, statement, **params)
        assert getattr(refusal.value.orig, "sqlstate", None) == REFUSED, refusal.value

    def cli(self, role: str, *args: str) -> int:
        return main(["--home", self.homes[role], "--db", self.urls[role], "--json", *args])


def _url_for(pg_url: str, login: str) -> str:
    return make_url(pg_url).set(username=login).render_as_string(hide_password=False)


@pytest.fixture
def team_db(pg_url: str, tmp_path: Path) -> Iterator[Team]:
    owner = open_context(str(tmp_path / "owner"), pg_url)
    contexts: list[AppContext] = [owner]
    try:
        demo.load_demo(owner)
        with owner.db.engine.connect() as conn:
            prefix = pg_security.group_roles(conn).comms.removesuffix("_comms")
        logins = {"officer": f"{prefix}_kari", "contributor": f"{prefix}_ingrid", "reader": f"{prefix}_rita"}
        people.add_person(owner, "Kari Kommunikasjon", Role.COMMS_OFFICER, login=logins["officer"],
                          password="not-checked-on-trust")
        people.add_person(owner, "Ingrid Solberg", Role.CONTRIBUTOR, department="Biblioteket",
                          login=logins["contributor"])
        people.add_person(owner, "Rita Reader", Role.READER, login=logins["reader"])
        library = next(s.department_id for s in booking.list_slots(owner) if s.department == "Biblioteket")
        fire = next(s.department_id for s in booking.list_slots(owner) if s.department == "Brannvesenet")
        slot = booking.book(owner, department="Biblioteket", account="Fjordvik kommune", start=dt.date(2031, 5, 5),
                            end=dt.date(2031, 5, 6), status=SlotStatus.CONFIRMED).slot.id
        for department in (library, fire):
            consents.add_consent(owner, subject=f"Elever {department}", reference=f"SK-{department}",
                                 department_id=department)
        with owner.db.write() as s:
            asset = MediaAsset(sha256="ab" * 32, kind="image", format="jpeg", size_bytes=1000, width=1080,
                               height=1920, display_width=1080, display_height=1920, findings=[])
            s.add(asset)
            s.flush()
            asset_id = asset.id
        urls = {role: _url_for(pg_url, login) for role, login in logins.items()}
        homes = {role: str(tmp_path / role) for role in logins}
        officer, contributor, reader = (open_context(homes[r], urls[r]) for r in ("officer", "contributor", "reader"))
        contexts += [officer, contributor, reader]
        yield Team(owner, officer, contributor, reader, urls, homes, logins, library, fire, asset_id, slot)
    finally:
        for ctx in contexts:
            ctx.close()


def _submitted_frame(t: Team) -> int:
    """A frame the contributor made and submitted in their own department's slot."""
    frame = stories.add_frame(t.contributor, t.slot, original_asset_id=t.asset_id, text="Hei fra oss",
                              planned_at=dt.datetime(2031, 5, 5, 9, 0, tzinfo=dt.UTC))
    return stories.submit(t.contributor, frame.id).id


def _without_service_checks(monkeypatch: pytest.MonkeyPatch, t: Team) -> None:
    """Switch the services' own role checks off: what still refuses is the server."""
    from takeover_planner.services import access

    def anyone(session: Any, actor: str, *_args: Any) -> Any:
        return access.Profile(actor, Role.COMMS_OFFICER, None)

    for module in (stories, booking, people, consents):
        for name in ("require_planner", "require_department"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, anyone)


# --- who you are ------------------------------------------------------------------------------------------


def test_identity_is_the_login_and_user_is_refused(team_db: Team, capsys: pytest.CaptureFixture[str]) -> None:
    t = team_db
    assert people.whoami(t.owner).role == Role.COMMS_OFFICER  # the owner is the administrator
    assert (people.whoami(t.officer).name, people.whoami(t.officer).role) == ("Kari Kommunikasjon",
                                                                              Role.COMMS_OFFICER)
    me = people.whoami(t.contributor)
    assert (me.name, me.role, me.department_id) == ("Ingrid Solberg", Role.CONTRIBUTOR, t.library)
    assert people.whoami(t.reader).role == Role.READER
    # TAKEOVER_PLANNER_USER ("Test Officer", set for every test) is ignored; the actor is the login's person.
    assert t.contributor.actor == "Ingrid Solberg"
    capsys.readouterr()
    assert t.cli("contributor", "whoami") == 0
    assert json.loads(capsys.readouterr().out)["name"] == "Ingrid Solberg"
    # Claiming another name is refused outright.
    assert t.cli("contributor", "--user", "Kari Kommunikasjon", "slot", "list") == 2
    refusal = json.loads(capsys.readouterr().out)
    assert (refusal["code"], refusal["params"]) == (TeamText.USER_ON_POSTGRES.key, {"login": t.logins["contributor"]})


def test_a_claimed_name_changes_nothing(team_db: Team) -> None:
    t = team_db
    posing = AppContext(t.contributor.paths, t.contributor.settings, t.contributor.db, "Kari Kommunikasjon")
    assert people.whoami(posing).role == Role.CONTRIBUTOR
    with pytest.raises(PermissionDenied) as denied:
        booking.set_status(posing, t.slot, SlotStatus.CANCELLED, reason="mine now")
    assert denied.value.code == AccessText.PLANNERS_ONLY
    # The audit trail names the login's person, whatever name the app passes (the server writes the actor).
    booking.update_details(posing, t.slot, department_note="Vi gleder oss")
    trail = booking.slot_history(t.owner, t.slot)
    assert trail[-1].actor == "Ingrid Solberg"


# --- what the server refuses ---------------------------------------------------------------------------------


def test_a_contributor_cannot_approve_schedule_or_publish(team_db: Team, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    t = team_db
    frame = _submitted_frame(t)
    # Raw SQL on the contributor's own connection.
    for state in ("approved", "scheduled", "published"):
        t.refused(t.contributor, "UPDATE story_frame SET state = :s WHERE id = :f", s=state, f=frame)
    t.refused(t.contributor, "INSERT INTO review_decision (frame_id, decision, by, at, comment) "
                             "VALUES (:f, 'approved', 'Kari Kommunikasjon', now(), '')", f=frame)
    t.refused(t.contributor, "INSERT INTO publish_job (frame_id, account_id, method, state, step, attempts, "
                             "last_error, published_by, created_at, updated_at, advice, error_family, status_seen, "
                             "containers_made, handoff_pack) SELECT :f, id, 'api', 'published', '', 0, '', 'x', "
                             "now(), now(), '', '', '', 0, '' FROM account LIMIT 1", f=frame)
    t.refused(t.contributor, "UPDATE account_publishing SET stopped_reason = ''")
    t.refused(t.contributor, "UPDATE takeover_slot SET status = 'confirmed' WHERE department_id = :d", d=t.library)
    # The command line: the service says no first (exit 7)…
    capsys.readouterr()
    assert t.cli("contributor", "story", "approve", str(frame), "--by", "Kari Kommunikasjon") == 7
    assert json.loads(capsys.readouterr().out)["code"] == AccessText.PLANNERS_ONLY.key
    # …and with the services' checks switched off, the server still does, as the same message kind.
    _without_service_checks(monkeypatch, t)
    with pytest.raises(PermissionDenied) as denied:
        stories.approve(t.contributor, frame, by="Kari Kommunikasjon")
    assert denied.value.code == AccessText.SERVER_REFUSED
    assert denied.value.exit_code == 7
    assert stories.list_frames(t.owner, t.slot)[-1].state == "submitted"


def test_nobody_promotes_themselves(team_db: Team, capsys: pytest.CaptureFixture[str]) -> None:
    t = team_db
    with t.owner.db.engine.connect() as conn:
        comms_group = pg_security.group_roles(conn).comms
    for who, role in ((t.contributor, "contributor"), (t.reader, "reader")):
        t.refused(who, "UPDATE person SET role = 'comms_officer' WHERE login = current_user")
        t.refused(who, "INSERT INTO person (name, role, email, active, created_at, version, updated_at, login) "
                       "VALUES ('Ny sjef', 'comms_officer', '', true, now(), 1, now(), 'nysjef')")
        t.refused(who, f'GRANT "{comms_group}" TO current_user')
        t.refused(who, "ALTER ROLE current_user CREATEROLE")
        capsys.readouterr()
        assert t.cli(role, "person", "add", "Ny Sjef", "--role", "comms_officer", "--login", "nysjef") == 7
    # A comms officer may add people only when IT gave their login the right to create logins.
    capsys.readouterr()
    assert t.cli("officer", "person", "add", "Ny Sjef", "--role", "reader", "--login", "nysjef") == 7
    refusal = json.loads(capsys.readouterr().out)
    assert (refusal["code"], refusal["params"]) == (TeamText.CANNOT_CREATE_LOGINS.key, {"login": t.logins["officer"]})
    assert [p.role for p in people.list_people(t.owner) if p.name == "Ingrid Solberg"] == [Role.CONTRIBUTOR]
    # Once IT lets the officer's login create logins, the officer adds people; the new login is in its group.
    t.sql(t.owner, f'ALTER ROLE "{t.logins["officer"]}" CREATEROLE')
    new_login = t.logins["reader"] + "2"
    added = people.add_person(t.officer, "Nora Leser", Role.READER, login=new_login)
    assert (added.login, added.role) == (new_login, Role.READER)
    groups = t.sql(t.owner, "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :l", l=new_login)
    assert [g[0] for g in groups] == [comms_group.removesuffix("_comms") + "_reader"]


def test_other_departments_consent_and_contacts_stay_hidden(team_db: Team) -> None:
    t = team_db
    assert {r[0] for r in t.sql(t.contributor, "SELECT department_id FROM consent_record")} == {t.library}
    assert {r[0] for r in t.sql(t.contributor, "SELECT department_id FROM contact_person")} == {t.library}
    assert {r[0] for r in t.sql(t.contributor, "SELECT department_id FROM takeover_slot")} == {t.library}
    # Readers read the plan, not personal data.
    assert t.sql(t.reader, "SELECT count(*) FROM consent_record")[0][0] == 0
    assert t.sql(t.reader, "SELECT count(*) FROM contact_person")[0][0] == 0
    assert t.sql(t.reader, "SELECT count(*) FROM takeover_slot")[0][0] == len(booking.list_slots(t.owner))
    # Writing into another department is refused, not silently dropped.
    t.refused(t.contributor, "INSERT INTO consent_record (subject, reference, given_by, scope, withdrawn_by, "
                             "department_id, version, updated_at) VALUES ('x', '', 'self', '[]', '', :d, 1, now())",
              d=t.fire)
    with pytest.raises(PermissionDenied):
        consents.add_consent(t.contributor, subject="Andres elever", department_id=t.fire)
    assert {c.department_id for c in consents.list_consents(t.contributor)} == {t.library}


def test_the_audit_trail_is_append_only(team_db: Team) -> None:
    t = team_db
    for who in (t.officer, t.contributor, t.reader):
        t.refused(who, "UPDATE audit_event SET actor = 'Noen andre'")
        t.refused(who, "DELETE FROM audit_event")
        t.refused(who, "TRUNCATE audit_event")
    t.refused(t.reader, "INSERT INTO audit_event (at, actor, entity_type, entity_id, action, comment) "
                        "VALUES (now(), 'x', 'slot', 1, 'x', '')")
    # A contributor's own entry gets their name and the server's clock, whatever they wrote.
    t.sql(t.contributor, "INSERT INTO audit_event (at, actor, entity_type, entity_id, action, comment) "
                         "VALUES ('2001-01-01', 'Kari Kommunikasjon', 'slot', 1, 'forged', '')")
    actor, at = t.sql(t.owner, "SELECT actor, at FROM audit_event WHERE action = 'forged'")[0]
    assert actor == "Ingrid Solberg" and at.year > 2001


def test_copying_the_database_is_for_comms_officers(team_db: Team, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A copy of what a contributor or reader may read would not even hang together (rows pointing at rows they
    may not see); copying is refused for them, and their SQL reads only their share anyway (test above)."""
    t = team_db
    for role in ("contributor", "reader"):
        capsys.readouterr()
        assert t.cli(role, "db", "copy", "--to", f"sqlite:///{(tmp_path / f'{role}.sqlite3').as_posix()}") == 7
        assert json.loads(capsys.readouterr().out)["params"]["action"] == ActionText.COPY_DATABASE.key
        assert not (tmp_path / f"{role}.sqlite3").exists()
    assert team.copy_to(t.officer, f"sqlite:///{(tmp_path / 'officer.sqlite3').as_posix()}").equal


def test_every_command_obeys_the_server(team_db: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    t = team_db
    for role in ("contributor", "reader"):
        capsys.readouterr()
        # Token bookkeeping is the comms officers': the server refuses, the command says so (exit 7).
        assert t.cli(role, "account", "check", "Fjordvik kommune") == 7
        assert json.loads(capsys.readouterr().out)["code"] == AccessText.SERVER_REFUSED.key
        # Running the queue finds nothing this login may take; collecting insights writes nothing.
        assert t.cli(role, "publish-due") == 0
        assert json.loads(capsys.readouterr().out)["published"] == 0
        assert t.cli(role, "insights", "collect") == 0
        capsys.readouterr()
    # An export holds what the login may read: the contributor's own department only.
    assert t.cli("contributor", "export", "csv", "--out", str(tmp_path / "plan.csv")) == 0
    exported = json.loads(capsys.readouterr().out)["slots"]
    assert exported == len([s for s in booking.list_slots(t.owner) if s.department_id == t.library])


# --- what each role may do still works -------------------------------------------------------------------------


def test_everything_a_role_may_do_still_works(team_db: Team) -> None:
    t = team_db
    # The contributor: request a slot for their department, edit it, record consent, make and submit a frame.
    requested = booking.book(t.contributor, department="Biblioteket", account="Fjordvik kommune",
                             start=dt.date(2031, 2, 3), end=dt.date(2031, 2, 4)).slot
    booking.update_details(t.contributor, requested.id, department_note="Lesekveld")
    consent = consents.add_consent(t.contributor, subject="Lesegruppa", reference="SK-2031-1",
                                   department_id=t.library)
    frame = _submitted_frame(t)
    consents.link(t.contributor, frame, consent.id)
    if stories.list_frames(t.contributor, t.slot)[-1].state != "submitted":  # linking consent reopens it
        frame = stories.submit(t.contributor, frame).id
    # The reader reads the whole plan.
    assert len(booking.list_slots(t.reader)) == len(booking.list_slots(t.owner))
    # The comms officer (a group member, not the owner) confirms, approves and withdraws consent.
    booking.set_status(t.officer, requested.id, SlotStatus.BOOKED)
    approved = stories.approve(t.officer, frame, by="Someone Senior")
    # The approval names the login that gave it (the server writes it), not the name typed after --by.
    assert approved.state == "approved" and approved.last_decision is not None
    assert approved.last_decision.by == "Kari Kommunikasjon"
    consents.withdraw_consent(t.officer, consent.id, by="Kari Kommunikasjon", comment="Trukket")
    trail = stories.slot_audit_trail(t.owner, t.slot)
    assert {"Ingrid Solberg", "Kari Kommunikasjon"} <= {entry.actor for entry in trail}


def test_the_attack_fails_at_the_approval_step(team_db: Team, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A contributor books, approves their own frame in a comms officer's name, and waits for publish-due."""
    t = team_db
    booking.book(t.contributor, department="Biblioteket", account="Fjordvik kommune",
                 start=dt.date(2031, 3, 3), end=dt.date(2031, 3, 3))
    frame = _submitted_frame(t)
    capsys.readouterr()
    assert t.cli("contributor", "--user", "Kari Kommunikasjon", "story", "approve", str(frame),
                 "--by", "Kari Kommunikasjon") == 2
    assert t.cli("contributor", "story", "approve", str(frame), "--by", "Kari Kommunikasjon") == 7
    _without_service_checks(monkeypatch, t)
    with pytest.raises(PermissionDenied) as denied:
        stories.approve(t.contributor, frame, by="Kari Kommunikasjon")
    assert denied.value.code == AccessText.SERVER_REFUSED
    # Nothing is approved, so the comms officer's run has nothing of theirs to post.
    assert t.sql(t.owner, "SELECT state FROM story_frame WHERE id = :f", f=frame)[0][0] == "submitted"
    assert t.sql(t.owner, "SELECT count(*) FROM review_decision WHERE frame_id = :f", f=frame)[0][0] == 0
    assert t.sql(t.owner, "SELECT count(*) FROM publish_job WHERE frame_id = :f", f=frame)[0][0] == 0


# --- managing people and upgrading --------------------------------------------------------------------------------


def test_a_deactivated_person_cannot_connect(team_db: Team, capsys: pytest.CaptureFixture[str]) -> None:
    t = team_db
    t.reader.close()
    owner_home = str(t.owner.paths.data_dir.parent)
    assert main(["--home", owner_home, "--db", t.owner.db.url, "person", "deactivate", "Rita Reader"]) == 0
    capsys.readouterr()
    assert main(["--home", owner_home, "--db", t.owner.db.url, "--json", "person", "list"]) == 0
    listed = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert listed["Rita Reader"]["active"] is False and listed["Rita Reader"]["login"] == t.logins["reader"]
    with pytest.raises(EnvironmentProblem) as refused:
        open_context(t.homes["reader"], t.urls["reader"])
    assert refused.value.reason == EnvReason.NO_PERMISSION


def test_upgrading_an_existing_team_database_installs_roles_and_keeps_data(pg_url: str, tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    db = Database(pg_url)
    try:
        migrate.upgrade(db, tmp_path / "backups", target="0006_drop_booking_lock")
        before = migrate.security_status(db)
        assert before is not None and not before.installed and not before.roles_present
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO department (name, color, notes, archived, version, created_at, updated_at) "
                              "VALUES ('Biblioteket', '#2f6fde', '', false, 1, now(), now())"))
            conn.execute(text("INSERT INTO person (name, role, email, active, created_at, version, updated_at) "
                              "VALUES ('Kari', 'comms_officer', '', true, now(), 1, now())"))
    finally:
        db.dispose()
    home = str(tmp_path / "home")
    assert main(["--home", home, "--db", pg_url, "--json", "db", "upgrade"]) == 0
    upgraded = json.loads(capsys.readouterr().out)
    assert upgraded["from"] == "0006_drop_booking_lock" and upgraded["security"]["installed"] is True
    # Again: nothing to do, still in place.
    assert main(["--home", home, "--db", pg_url, "--json", "db", "upgrade"]) == 0
    assert json.loads(capsys.readouterr().out)["security"]["installed"] is True
    assert main(["--home", home, "--db", pg_url, "--json", "db", "status"]) == 0
    assert json.loads(capsys.readouterr().out)["security"]["installed"] is True
    db = Database(pg_url)
    try:
        with db.engine.begin() as conn:
            assert conn.execute(text("SELECT name FROM department")).scalar() == "Biblioteket"
            assert conn.execute(text("SELECT name, login FROM person")).one() == ("Kari", None)
            pg_security.install(conn)  # idempotent: a second install changes nothing and does not fail
        after = migrate.security_status(db)
        assert after is not None and after.installed
        with db.engine.connect() as conn:
            prefix = pg_security.group_roles(conn).comms.removesuffix("_comms")
    finally:
        db.dispose()
    # The person who was there before logins existed gets one; adding them again is refused with the way to do it.
    login = f"{prefix}_kari_before"
    capsys.readouterr()
    assert main(["--home", home, "--db", pg_url, "person", "add", "Kari", "--role", "comms_officer",
                 "--login", login]) != 0
    assert "person set-login" in capsys.readouterr().err
    assert main(["--home", home, "--db", pg_url, "--json", "person", "set-login", "Kari", "--login", login]) == 0
    assert json.loads(capsys.readouterr().out)["login"] == login
    assert main(["--home", home, "--db", pg_url, "person", "set-login", "Kari", "--login", f"{login}2"]) != 0
    assert "already has the login" in capsys.readouterr().err
    kari = open_context(str(tmp_path / "kari"), _url_for(pg_url, login))
    try:
        profile = people.whoami(kari)
        assert (profile.name, profile.role) == ("Kari", Role.COMMS_OFFICER)
    finally:
        kari.close()


def test_a_login_is_only_given_on_a_team_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path / "home")
    assert main(["--home", home, "person", "add", "Kari", "--role", "comms_officer"]) == 0
    capsys.readouterr()
    assert main(["--home", home, "person", "set-login", "Kari", "--login", "kari"]) != 0
    assert "PostgreSQL" in capsys.readouterr().err
