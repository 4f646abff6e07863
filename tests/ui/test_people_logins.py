"""Manage ▸ People on a PostgreSQL team database: a person is a database login, added and (de)activated from the
window; on a personal SQLite database the login fields are not there at all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from takeover_planner.domain.roles import Role
from takeover_planner.services import catalog, people
from takeover_planner.services.context import AppContext, open_context
from takeover_planner.ui.planner_store import PlannerStore
from takeover_planner.ui.tasks import TaskRunner
from takeover_planner.ui.team.people_dialog import LOGIN_COLUMN, PeopleDialog
from tests.ui.conftest import Planner


def _dialog(qtbot, ctx: AppContext, runner: TaskRunner) -> PeopleDialog:  # type: ignore[no-untyped-def]
    store = PlannerStore(runner)
    store.attach(ctx)
    dialog = PeopleDialog(None, store, runner, people.whoami(ctx))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def team_ctx(pg_url: str, tmp_path: Path) -> Iterator[AppContext]:
    """The login that ran the first upgrade: the administrator, who may create logins. The logins a test makes
    are named after the schema's group roles, so the pg_url fixture drops them with the schema."""
    ctx = open_context(str(tmp_path / "owner"), pg_url)
    yield ctx
    ctx.close()


def _prefix(ctx: AppContext) -> str:
    from takeover_planner.storage import pg_security

    with ctx.db.engine.connect() as conn:
        return pg_security.group_roles(conn).comms.removesuffix("_comms")


def _can_login(ctx: AppContext, login: str) -> bool:
    with ctx.db.engine.connect() as conn:
        return bool(conn.execute(text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"), {"r": login}).scalar_one())


@pytest.mark.postgres
def test_add_a_contributor_with_a_login_and_deactivate_it(qtbot, runner: TaskRunner, translations,
                                                          team_ctx: AppContext) -> None:
    catalog.add_department(team_ctx, "Biblioteket")
    login = f"{_prefix(team_ctx)}_ingrid"
    dialog = _dialog(qtbot, team_ctx, runner)
    assert dialog.login.isVisible() and dialog.password.isVisible()
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    assert not dialog.table.isColumnHidden(LOGIN_COLUMN)

    dialog.name.setText("Ingrid Solberg")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.CONTRIBUTOR.value))
    dialog.department.setCurrentIndex(dialog.department.findText("Biblioteket"))
    dialog.login.setText(login)
    dialog.password.setText("hemmelig-passord")
    dialog.add_button.click()
    assert not dialog.error.isVisible(), dialog.error.text()
    assert dialog.password.text() == "", "the password is kept in no widget"
    assert dialog.login.text() == "" and dialog.name.text() == ""
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    row = rows["Ingrid Solberg"]
    assert dialog.table.item(row, LOGIN_COLUMN).text() == login
    assert _can_login(team_ctx, login)

    dialog.table.selectRow(row)
    assert dialog.active_button.isEnabled() and dialog.active_button.text() == "Deactivate"
    dialog.active_button.click()
    assert not dialog.error.isVisible(), dialog.error.text()
    assert not people.find_person(team_ctx, "Ingrid Solberg").active
    assert not _can_login(team_ctx, login), "the server keeps a deactivated person out"
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "Ingrid Solberg")
    dialog.table.selectRow(row)
    assert dialog.active_button.text() == "Activate"
    dialog.active_button.click()
    assert _can_login(team_ctx, login)
    dialog.reject()


@pytest.mark.postgres
def test_a_person_without_a_login_is_refused_in_the_dialog(qtbot, runner: TaskRunner, translations,
                                                           team_ctx: AppContext) -> None:
    from takeover_planner.texts import render
    from takeover_planner.texts.team import TeamText

    dialog = _dialog(qtbot, team_ctx, runner)
    dialog.name.setText("Rita Leser")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.READER.value))
    dialog.password.setText("hemmelig")
    dialog.add_button.click()
    assert dialog.error.isVisible() and dialog.error.text() == render(TeamText.LOGIN_NEEDED, {})
    assert dialog.password.text() == ""
    dialog.reject()


def test_on_sqlite_the_login_fields_are_hidden(qtbot, runner: TaskRunner, translations, planner: Planner) -> None:
    dialog = _dialog(qtbot, planner.ctx, runner)
    assert not dialog.login.isVisible() and not dialog.password.isVisible()
    assert not dialog.login_label.isVisible() and not dialog.password_label.isVisible()
    assert dialog.table.isColumnHidden(LOGIN_COLUMN)
    dialog.name.setText("Test Officer")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.COMMS_OFFICER.value))
    dialog.add_button.click()
    assert [p.login for p in people.list_people(planner.ctx)] == [None]
    dialog.reject()


@pytest.mark.postgres
def test_a_reader_login_is_told_to_ask_for_a_profile_for_the_login(pg_url: str, team_ctx: AppContext,
                                                                   tmp_path: Path) -> None:
    """The no-profile refusal on PostgreSQL points at the login (person add … --login), not at --user."""
    from sqlalchemy.engine import make_url

    from takeover_planner.errors import PermissionDenied
    from takeover_planner.texts.access import AccessText, ActionText

    login = f"{_prefix(team_ctx)}_rita"
    people.add_person(team_ctx, "Rita Leser", Role.READER, login=login)
    url = make_url(pg_url).set(username=login).render_as_string(hide_password=False)
    reader = open_context(str(tmp_path / "rita"), url)
    try:
        with pytest.raises(PermissionDenied) as denied:
            catalog.add_department(reader, "Ny enhet")
    finally:
        reader.close()
    assert denied.value.code == AccessText.PLANNERS_ONLY_NO_LOGIN_PROFILE
    assert denied.value.params == {"action": ActionText.ADD_DEPARTMENTS, "name": "Rita Leser"}


@pytest.mark.postgres
def test_a_person_without_a_login_is_given_one_in_the_dialog(qtbot, runner: TaskRunner, translations,
                                                             team_ctx: AppContext) -> None:
    with team_ctx.db.engine.begin() as conn:  # someone from before the plan was a team database
        conn.execute(text("INSERT INTO person (name, role, email, active, created_at, version, updated_at) "
                          "VALUES ('Rita Reader', 'reader', '', true, now(), 1, now())"))
    login = f"{_prefix(team_ctx)}_rita"
    dialog = _dialog(qtbot, team_ctx, runner)
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    assert dialog.login_button.isVisible() and not dialog.login_button.isEnabled()
    dialog.table.selectRow(rows["Rita Reader"])
    assert dialog.login_button.isEnabled()
    dialog.login_button.click()
    asked = dialog.login_dialog
    assert asked is not None and asked.isVisible() and "Rita Reader" in asked.intro.text()
    asked.login.setText(login)
    asked.password.setText("lesetilgang")
    asked.buttons.button(asked.buttons.StandardButton.Ok).click()
    assert not dialog.error.isVisible(), dialog.error.text()
    assert asked.password.text() == "", "the password is kept in no widget"
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    assert dialog.table.item(rows["Rita Reader"], LOGIN_COLUMN).text() == login
    assert _can_login(team_ctx, login)
    dialog.table.selectRow(rows["Rita Reader"])
    assert not dialog.login_button.isEnabled(), "a person keeps the login they have"


def test_on_sqlite_there_is_no_login_to_give(qtbot, runner: TaskRunner, translations, planner: Planner) -> None:
    dialog = _dialog(qtbot, planner.ctx, runner)
    assert not dialog.login_button.isVisible()
