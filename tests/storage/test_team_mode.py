"""Team mode on a real PostgreSQL server: copy a plan over, roles, concurrent edits."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from takeover_planner.cli import main
from takeover_planner.domain.roles import Role
from takeover_planner.domain.slots import SlotStatus
from takeover_planner.errors import ConflictError, PermissionDenied, ValidationError
from takeover_planner.services import booking, catalog, demo, people, team
from takeover_planner.services.context import AppContext
from takeover_planner.storage.copy import compare
from takeover_planner.storage.database import Database
from takeover_planner.texts.access import AccessText, ActionText
from takeover_planner.texts.booking import BookingText
from takeover_planner.texts.storage import StorageText
from takeover_planner.texts.team import TeamText


def test_db_copy_of_the_demo_plan_compares_equal(sqlite_ctx: AppContext, pg_url: str) -> None:
    demo.load_demo(sqlite_ctx)
    booking.update_details(sqlite_ctx, 1, notes="Æ, ø og å; \"quotes\"\nand a new line")
    report = team.copy_to(sqlite_ctx, pg_url)
    assert report.equal and report.rows > 50
    assert {t.table for t in report.tables} >= {"takeover_slot", "department", "audit_event"}
    target = Database(pg_url)
    try:
        assert compare(sqlite_ctx.db, target).equal
        ctx2 = AppContext(sqlite_ctx.paths, sqlite_ctx.settings, target, "Test Officer")
        # Ids continue after the copied ones (sequences were advanced).
        new = booking.book(ctx2, department="Biblioteket", account="Fjordvik kommune",
                           start=dt.date(2031, 1, 6), end=dt.date(2031, 1, 6)).slot
        assert new.id > max(s.id for s in booking.list_slots(sqlite_ctx))
        # A second copy into a database that is no longer empty is refused.
        with pytest.raises(ValidationError) as refused:
            team.copy_to(sqlite_ctx, pg_url)
        assert refused.value.code == StorageText.COPY_TARGET_NOT_EMPTY
    finally:
        target.dispose()


def test_db_connect_saves_the_url_without_password(sqlite_ctx: AppContext, pg_url: str) -> None:
    result = team.connect(sqlite_ctx, pg_url)
    assert result.schema and not result.password_stored
    saved = json.loads(sqlite_ctx.paths.settings_file.read_text())
    assert saved["database.url"].startswith("postgresql+psycopg://postgres@")
    team.connect(sqlite_ctx, "default")
    assert json.loads(sqlite_ctx.paths.settings_file.read_text())["database.url"] == ""


def _team(ctx: AppContext) -> tuple[AppContext, AppContext, AppContext]:
    demo.load_demo(ctx)
    people.add_person(ctx, "Test Officer", Role.COMMS_OFFICER)
    people.add_person(ctx, "Ingrid Solberg", Role.CONTRIBUTOR, department="Biblioteket")
    people.add_person(ctx, "Rita Reader", Role.READER)

    def as_(name: str) -> AppContext:
        return AppContext(ctx.paths, ctx.settings, ctx.db, name)

    return as_("Test Officer"), as_("Ingrid Solberg"), as_("Rita Reader")


def test_roles_are_enforced_in_the_services(sqlite_ctx: AppContext) -> None:
    # Roles by name are SQLite's; on PostgreSQL the login decides: tests/storage/test_pg_roles.py.
    ctx = sqlite_ctx
    officer, contributor, reader = _team(ctx)
    library = [s for s in booking.list_slots(officer) if s.department == "Biblioteket"]
    others = [s for s in booking.list_slots(officer) if s.department != "Biblioteket"]
    # A contributor sees only their department's slots, and may request one for it, not for others.
    assert {s.department for s in booking.list_slots(contributor)} == {"Biblioteket"}
    booking.book(contributor, department="Biblioteket", account="Fjordvik kommune",
                 start=dt.date(2031, 2, 3), end=dt.date(2031, 2, 3))
    with pytest.raises(PermissionDenied) as denied:
        booking.book(contributor, department="Brannvesenet", account="Fjordvik kommune",
                     start=dt.date(2031, 2, 4), end=dt.date(2031, 2, 4))
    assert denied.value.code == AccessText.OWN_DEPARTMENT_ONLY
    assert denied.value.params == {"action": ActionText.REQUEST_SLOTS}
    with pytest.raises(PermissionDenied):
        booking.set_status(contributor, library[0].id, SlotStatus.CANCELLED, reason="no")
    with pytest.raises(PermissionDenied) as denied:
        booking.update_details(contributor, others[0].id, notes="sneaky")
    assert denied.value.code == AccessText.OWN_DEPARTMENT_ONLY
    booking.update_details(contributor, library[-1].id, department_note="Our own note")
    # Readers read, nothing more.
    assert len(booking.list_slots(reader)) == len(booking.list_slots(officer))
    with pytest.raises(PermissionDenied) as denied:
        booking.update_details(reader, library[-1].id, notes="x")
    assert denied.value.code in (AccessText.READERS_MAY_NOT, AccessText.READERS_MAY_NOT_NO_PROFILE)
    with pytest.raises(PermissionDenied):
        catalog.add_department(reader, "Ny enhet")
    # Someone with no profile in a team database cannot change anything either.
    stranger = AppContext(ctx.paths, ctx.settings, ctx.db, "Somebody Else")
    with pytest.raises(PermissionDenied) as denied:
        catalog.add_department(stranger, "Ny enhet")
    assert denied.value.code == AccessText.PLANNERS_ONLY_NO_PROFILE
    assert denied.value.params == {"action": ActionText.ADD_DEPARTMENTS, "name": "Somebody Else"}


def test_contributor_is_refused_by_the_cli_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path / "tp")
    assert main(["--home", home, "demo"]) == 0
    assert main(["--home", home, "--user", "Boss", "person", "add", "Boss", "--role", "comms_officer"]) == 0
    assert main(["--home", home, "--user", "Boss", "person", "add", "Ingrid", "--role", "contributor",
                 "--department", "Biblioteket"]) == 0
    capsys.readouterr()
    code = main(["--home", home, "--user", "Ingrid", "--json", "slot", "set-status", "6", "cancelled",
                 "--reason", "x"])
    assert code == 7
    refusal = json.loads(capsys.readouterr().out)
    assert (refusal["code"], refusal["params"]) == (AccessText.PLANNERS_ONLY.key,
                                                    {"action": ActionText.CHANGE_SLOT_STATUS.key})


def test_two_sessions_editing_one_slot_one_wins(ctx: AppContext) -> None:
    demo.load_demo(ctx)
    slot = next(s for s in booking.list_slots(ctx) if s.status == SlotStatus.BOOKED)
    # Both people opened the slot at the same version; the first save wins.
    booking.update_details(ctx, slot.id, notes="First", expected_version=slot.version)
    with pytest.raises(ConflictError) as conflict:
        booking.update_details(ctx, slot.id, notes="Second", expected_version=slot.version)
    assert conflict.value.code == BookingText.SLOT_CHANGED
    assert booking.get_slot(ctx, slot.id).notes == "First"


def test_a_save_racing_another_is_a_conflict_not_a_crash(ctx: AppContext) -> None:
    from takeover_planner.storage.models import TakeoverSlot

    if ctx.db.is_sqlite:
        pytest.skip("SQLite serialises writers (BEGIN IMMEDIATE), so this race cannot happen there")
    demo.load_demo(ctx)
    with pytest.raises(ConflictError) as conflict, ctx.db.write() as mine:
        slot = mine.get(TakeoverSlot, 1)
        assert slot is not None
        # Another person saves the same slot between our read and our write.
        booking.update_details(ctx, 1, notes="theirs")
        slot.notes = "mine"
    assert conflict.value.code == StorageText.SAVE_RACED
    assert booking.get_slot(ctx, 1).notes == "theirs"


def test_a_stale_edit_of_the_internal_note_is_a_conflict(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Someone saves the very note we are about to save, between our version check and our write: the internal
    note must come from the version we checked (it once came from a later lazy read, which made our save a silent
    no-op that passed as saved; bench_team counted those as lost updates)."""
    if ctx.db.is_sqlite:
        pytest.skip("SQLite serialises writers (BEGIN IMMEDIATE), so this race cannot happen there")
    demo.load_demo(ctx)
    slot = booking.get_slot(ctx, 1)
    checked = booking._check_version

    def check_then_race(row: object, expected: int | None) -> None:
        checked(row, expected)  # type: ignore[arg-type]
        monkeypatch.setattr(booking, "_check_version", checked)
        booking.update_details(ctx, slot.id, notes="Same words")  # another session, committed at once

    monkeypatch.setattr(booking, "_check_version", check_then_race)
    with pytest.raises(ConflictError):
        booking.update_details(ctx, slot.id, notes="Same words", expected_version=slot.version)
    assert booking.get_slot(ctx, slot.id).version == slot.version + 1


def test_a_personal_database_has_no_logins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path / "tp")
    assert main(["--home", home, "--json", "person", "add", "Boss", "--role", "comms_officer", "--login", "boss"]) == 2
    assert json.loads(capsys.readouterr().out)["code"] == TeamText.LOGIN_ONLY_ON_POSTGRES.key
    assert main(["--home", home, "--user", "Boss", "person", "add", "Boss", "--role", "comms_officer"]) == 0
    assert main(["--home", home, "--user", "Boss", "person", "add", "Rita", "--role", "reader"]) == 0
    assert main(["--home", home, "--user", "Boss", "person", "deactivate", "Rita"]) == 0
    capsys.readouterr()
    assert main(["--home", home, "--json", "person", "list"]) == 0
    listed = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert listed["Rita"]["active"] is False and listed["Rita"]["login"] is None
    assert main(["--home", home, "--json", "db", "status"]) == 0
    assert json.loads(capsys.readouterr().out)["security"] is None  # no roles to report on SQLite
