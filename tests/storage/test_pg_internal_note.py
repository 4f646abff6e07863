"""A slot's internal note is the comms team's own: on PostgreSQL contributors and readers cannot SELECT the column,
never get it from the services, the command line or the window's queries, and no audit entry they can read
carries it; comms officers see all of it. (The logins and roles come from ``test_pg_roles.team_db``; the schema,
its group roles and the logins are dropped after each test.)"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import text

from takeover_planner.domain.roles import Role
from takeover_planner.domain.slots import SlotStatus
from takeover_planner.errors import PermissionDenied
from takeover_planner.services import booking, demo, people, planner_queries
from takeover_planner.services.context import AppContext
from takeover_planner.storage import migrate, pg_security
from takeover_planner.texts.access import AccessText, ActionText
from tests.storage.test_pg_roles import Team, team_db  # noqa: F401  (the fixture)

SECRET = "Intern: sjefen er skeptisk"
NEWER_SECRET = "Intern: ring brannsjefen"
OPEN = "Velkommen til Biblioteket!"


def _with_internal_note(t: Team) -> int:
    """A slot of the contributor's department, booked and edited by the comms officer with both notes."""
    slot = booking.book(t.officer, department="Biblioteket", account="Fjordvik kommune", start=dt.date(2031, 6, 2),
                        end=dt.date(2031, 6, 3), status=SlotStatus.BOOKED, notes=SECRET, department_note=OPEN).slot
    assert slot.notes == SECRET and not slot.internal_note_hidden
    booking.update_details(t.officer, slot.id, notes=NEWER_SECRET)
    return slot.id


def _carries_a_secret(value: Any) -> bool:
    return SECRET in json.dumps(value, default=str) or NEWER_SECRET in json.dumps(value, default=str)


@pytest.mark.postgres
def test_contributors_and_readers_cannot_read_the_internal_note(team_db: Team,  # noqa: F811
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    t = team_db
    slot_id = _with_internal_note(t)
    for who, role in ((t.contributor, "contributor"), (t.reader, "reader")):
        # Raw SQL on their own connection: the column is refused (42501), the rest of the row is theirs.
        t.refused(who, "SELECT notes FROM takeover_slot")
        t.refused(who, "SELECT * FROM takeover_slot WHERE id = :i", i=slot_id)
        assert t.sql(who, "SELECT department_note FROM takeover_slot WHERE id = :i", i=slot_id) == [(OPEN,)]
        # The services: the slot is there, with the note to the department and without the internal note.
        listed = [s for s in booking.list_slots(who) if s.id == slot_id]
        shown = booking.get_slot(who, slot_id)
        window = [s for s in planner_queries.slots_between(who) if s.id == slot_id]
        for slot in (*listed, shown, *window):
            assert (slot.notes, slot.department_note, slot.internal_note_hidden) == ("", OPEN, True)
            assert "notes" not in slot.as_dict()
        assert len(listed) == len(window) == 1
        # The slot's history: their entries, none with the internal note.
        history = booking.slot_history(who, slot_id)
        assert [e.action for e in history] == ["booked", "updated"]
        assert not any(_carries_a_secret([e.before, e.after]) for e in history)
        # Every audit entry they may read, straight from the table.
        rows = t.sql(who, "SELECT entity_type, before, after FROM audit_event")
        assert rows and not any(_carries_a_secret([r[1], r[2]]) for r in rows)
        assert pg_security.INTERNAL_NOTE_AUDIT_ENTITY not in {r[0] for r in rows}
        # The command line: `slot show` names no internal note, in words or in JSON.
        capsys.readouterr()
        assert t.cli(role, "slot", "show", str(slot_id)) == 0
        shown_json = json.loads(capsys.readouterr().out)
        assert "notes" not in shown_json and shown_json["department_note"] == OPEN
        assert not _carries_a_secret(shown_json)
        assert main_text(t, role, "slot", "show", str(slot_id), capsys=capsys).count("Internal note") == 0


def main_text(t: Team, role: str, *args: str, capsys: pytest.CaptureFixture[str]) -> str:
    """The command's words (no --json)."""
    from takeover_planner.cli import main

    capsys.readouterr()
    assert main(["--home", t.homes[role], "--db", t.urls[role], *args]) == 0
    out = capsys.readouterr().out
    assert SECRET not in out and NEWER_SECRET not in out
    return out


@pytest.mark.postgres
def test_comms_officers_see_the_internal_note_everywhere(team_db: Team,  # noqa: F811
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    t = team_db
    slot_id = _with_internal_note(t)
    for who in (t.officer, t.owner):
        assert t.sql(who, "SELECT notes FROM takeover_slot WHERE id = :i", i=slot_id) == [(NEWER_SECRET,)]
        assert booking.get_slot(who, slot_id).notes == NEWER_SECRET
        assert [s.notes for s in booking.list_slots(who) if s.id == slot_id] == [NEWER_SECRET]
        assert [s.notes for s in planner_queries.slots_between(who) if s.id == slot_id] == [NEWER_SECRET]
        history = booking.slot_history(who, slot_id)
        # The internal note's own entries are folded into the slot's: same two entries, with the note.
        assert [(e.action, (e.before or {}).get("notes"), (e.after or {}).get("notes")) for e in history] == [
            ("booked", None, SECRET), ("updated", SECRET, NEWER_SECRET)]
    capsys.readouterr()
    assert t.cli("officer", "slot", "show", str(slot_id)) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["notes"] == NEWER_SECRET and [h["after"].get("notes") for h in shown["history"]] == [
        SECRET, NEWER_SECRET]


@pytest.mark.postgres
def test_only_the_comms_team_writes_the_internal_note(team_db: Team) -> None:  # noqa: F811
    t = team_db
    slot_id = _with_internal_note(t)
    # Not through the app…
    with pytest.raises(PermissionDenied) as denied:
        booking.update_details(t.contributor, slot_id, notes="Vi er klare")
    assert (denied.value.code, denied.value.params) == (AccessText.PLANNERS_ONLY,
                                                        {"action": ActionText.EDIT_INTERNAL_NOTE})
    with pytest.raises(PermissionDenied):
        booking.book(t.contributor, department="Biblioteket", account="Fjordvik kommune",
                     start=dt.date(2031, 7, 1), end=dt.date(2031, 7, 1), notes="Hemmelig")
    # …nor past it.
    t.refused(t.contributor, "UPDATE takeover_slot SET notes = 'x' WHERE id = :i", i=slot_id)
    # The empty internal note of the window's edit dialog (they were shown none) changes nothing.
    edited = booking.update_details(t.contributor, slot_id, notes="", department_note="Vi gleder oss")
    assert (edited.notes, edited.department_note) == ("", "Vi gleder oss")
    requested = booking.book(t.contributor, department="Biblioteket", account="Fjordvik kommune",
                             start=dt.date(2031, 7, 1), end=dt.date(2031, 7, 1), department_note="Ønsker juli").slot
    assert requested.internal_note_hidden
    assert booking.get_slot(t.officer, slot_id).notes == NEWER_SECRET
    assert booking.get_slot(t.officer, requested.id).notes == ""


@pytest.mark.postgres
def test_old_audit_entries_with_the_note_stay_hidden(team_db: Team) -> None:  # noqa: F811
    """Entries written before the note was kept apart (or by an older app) still have it in their snapshots:
    the server keeps those entries from contributors and readers."""
    t = team_db
    slot_id = _with_internal_note(t)
    t.sql(t.owner, "INSERT INTO audit_event (at, actor, entity_type, entity_id, action, before, after, comment) "
                   "VALUES (now(), 'Gammel versjon', 'slot', :i, 'updated', CAST(:b AS json), CAST(:a AS json), '')",
          i=slot_id, b=json.dumps({"notes": "", "status": "booked"}), a=json.dumps({"notes": SECRET}))
    for who in (t.contributor, t.reader):
        assert not any(_carries_a_secret([r[0], r[1]]) for r in t.sql(who, "SELECT before, after FROM audit_event"))
        assert "Gammel versjon" not in {e.actor for e in booking.slot_history(who, slot_id)}
    assert "Gammel versjon" in {e.actor for e in booking.slot_history(t.officer, slot_id)}


@pytest.mark.postgres
def test_db_status_notices_an_install_that_still_shows_the_note(team_db: Team) -> None:  # noqa: F811
    t = team_db
    status = migrate.security_status(t.owner.db)
    assert status is not None and status.installed
    t.sql(t.owner, f'GRANT SELECT (notes) ON takeover_slot TO "{status.roles.contributor}"')
    stale = migrate.security_status(t.owner.db)
    assert stale is not None and not stale.installed
    with t.owner.db.engine.begin() as conn:
        pg_security.install(conn)
    again = migrate.security_status(t.owner.db)
    assert again is not None and again.installed
    t.refused(t.contributor, "SELECT notes FROM takeover_slot")


def test_a_contributor_on_sqlite_is_not_shown_the_note_either(sqlite_ctx: AppContext) -> None:
    """On SQLite nothing protects the file, but the services give a contributor the same answers; a personal
    plan (no people) is unchanged."""
    ctx = sqlite_ctx
    demo.load_demo(ctx)
    slot = booking.book(ctx, department="Biblioteket", account="Fjordvik kommune", start=dt.date(2031, 6, 2),
                        end=dt.date(2031, 6, 3), status=SlotStatus.BOOKED, notes=SECRET, department_note=OPEN).slot
    assert booking.get_slot(ctx, slot.id).notes == SECRET  # personal: the planner sees everything
    assert booking.slot_history(ctx, slot.id)[0].after["notes"] == SECRET  # type: ignore[index]
    people.add_person(ctx, "Test Officer", Role.COMMS_OFFICER)
    people.add_person(ctx, "Ingrid Solberg", Role.CONTRIBUTOR, department="Biblioteket")
    contributor = AppContext(ctx.paths, ctx.settings, ctx.db, "Ingrid Solberg")
    assert (booking.get_slot(contributor, slot.id).notes, booking.get_slot(contributor, slot.id).department_note) == (
        "", OPEN)
    assert [s.notes for s in planner_queries.slots_between(contributor) if s.id == slot.id] == [""]
    assert not any(_carries_a_secret([e.before, e.after]) for e in booking.slot_history(contributor, slot.id))
    assert booking.get_slot(ctx, slot.id).notes == SECRET
    with ctx.db.session() as s:
        assert s.execute(text("SELECT notes FROM takeover_slot WHERE id = :i"), {"i": slot.id}).scalar() == SECRET
