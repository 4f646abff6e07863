"""File ▸ Settings (language, your name, the database, the media folder), Manage ▸ People, and what each
role sees: who you are in the status bar, greyed-out actions, and the services' refusal if tried anyway."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from takeover_planner.domain.roles import Role
from takeover_planner.paths import HOME_ENV
from takeover_planner.services import booking, people
from takeover_planner.storage.failures import database_text
from takeover_planner.texts import render
from takeover_planner.texts.storage import StorageText
from takeover_planner.texts.ui import UiText
from takeover_planner.ui.main_window import MainWindow
from tests.conftest import drop_schema_roles
from tests.ui.conftest import Planner


def _settings_dialog(window: MainWindow):  # type: ignore[no-untyped-def]
    assert window.team.settings_action in window.file_menu.actions()
    assert window.team.settings_action.shortcut() == QKeySequence("Ctrl+,")
    window.team.settings_action.trigger()
    dialog = window.team.settings_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _save(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_settings_keep_your_name_media_folder_and_language(qtbot, window: MainWindow, planner: Planner,
                                                          tmp_path) -> None:
    dialog = _settings_dialog(window)
    assert dialog.local_radio.isChecked() and not dialog.server_form.isEnabled()
    assert "sqlite" in dialog.current_database.text()
    share = tmp_path / "fellesmappe" / "media"
    share.mkdir(parents=True)
    dialog.user_name.setText("  Kari   Nordmann ")
    dialog.media_folder.setText(str(share))
    dialog.language.setCurrentIndex(dialog.language.findData("nb"))
    _save(dialog)
    assert not dialog.isVisible()
    saved = json.loads(planner.ctx.paths.settings_file.read_text(encoding="utf-8"))
    assert (saved["user.name"], saved["media.folder"], saved["ui.language"]) == ("Kari Nordmann", str(share), "nb")
    assert window.store.ctx.actor == "Kari Nordmann", "the audit trail names the person from now on"
    assert window.store.ctx.media_dir == share
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Fil", timeout=2000)
    assert window.team.settings_action.text() == "&Innstillinger …"
    assert window.team.profile_label.text() == "Du: Kari Nordmann (personlig database)"
    window.set_language("en")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File", timeout=2000)


def test_a_media_folder_that_cannot_be_used_is_refused_in_the_dialog(window: MainWindow, tmp_path) -> None:
    dialog = _settings_dialog(window)
    dialog.media_folder.setText(str(tmp_path / "not-there"))
    _save(dialog)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text() == render(UiText.MEDIA_FOLDER_MISSING, {"folder": str(tmp_path / "not-there")})
    dialog.media_folder.setText("relative/media")
    _save(dialog)
    assert "full path" in dialog.error.text()
    dialog.reject()


def test_test_connection_says_plainly_when_the_server_does_not_answer(window: MainWindow) -> None:
    dialog = _settings_dialog(window)
    dialog.team_radio.setChecked(True)
    assert dialog.server_form.isEnabled() and dialog.copy_button.isEnabled()
    dialog.test_button.click()
    assert dialog.result_label.text() == render(UiText.DB_SERVER_MISSING), "said before anything is tried"
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(9)
    dialog.db_user.setText("nobody")
    dialog.password.setText("secret-word")
    dialog.test_button.click()
    shown = "postgresql+psycopg://nobody:***@127.0.0.1:9/takeover_planner"  # the password never shows
    assert dialog.result_label.text() == render(StorageText.UNREACHABLE, {"database": database_text(shown)})
    assert dialog.result_label.objectName() == "errorText"
    dialog.reject()


@pytest.fixture
def empty_pg_database() -> Iterator[tuple[str, str]]:
    """(host-level URL without a database, the name of a fresh empty database) on the test server."""
    import os

    base = os.environ.get("TAKEOVER_PLANNER_TEST_PG_URL")
    if not base:
        if os.environ.get("TAKEOVER_PLANNER_REQUIRE_PG"):
            pytest.fail("TAKEOVER_PLANNER_TEST_PG_URL is not set but TAKEOVER_PLANNER_REQUIRE_PG is")
        pytest.skip("TAKEOVER_PLANNER_TEST_PG_URL is not set: no PostgreSQL server for this run")
    name = f"tp_window_{uuid.uuid4().hex[:10]}"
    plain = base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield base, name
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        drop_schema_roles(conn, name)  # the group roles its upgrade made are cluster-wide


@pytest.mark.postgres
def test_copy_the_plan_into_a_team_database_and_use_it(qtbot, window: MainWindow, planner: Planner, empty_pg_database,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.engine import make_url

    base, name = empty_pg_database
    server = make_url(base)
    monkeypatch.setenv(HOME_ENV, str(planner.ctx.paths.data_dir.parent))  # reopening finds the same folders
    window.page.select(planner.library_slot)
    dialog = _settings_dialog(window)
    dialog.team_radio.setChecked(True)
    dialog.host.setText(server.host or "127.0.0.1")
    dialog.port.setValue(server.port or 5432)
    dialog.database.setText(name)
    dialog.db_user.setText(server.username or "postgres")

    dialog.test_button.click()
    assert "The database is empty" in dialog.result_label.text()

    dialog.copy_button.click()
    assert "Every table has the same rows and the same checksum" in dialog.result_label.text(), dialog.result_label.text()
    table = dialog.copy_table
    assert table.isVisible() and table.rowCount() >= 5
    rows = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 3).text()) for r in range(table.rowCount())}
    assert rows["takeover_slot"] == ("2", "same") and all(same == "same" for _n, same in rows.values())

    old_ctx = window.store.ctx
    with qtbot.waitSignal(window.shell.database_opened, timeout=10000):
        dialog.use_button.click()
    ctx = window.store.ctx
    assert ctx is not old_ctx and not ctx.db.is_sqlite and name in ctx.db.display_url
    assert "Now using" in dialog.result_label.text()
    saved = json.loads(planner.ctx.paths.settings_file.read_text(encoding="utf-8"))
    assert saved["database.url"].startswith("postgresql") and name in saved["database.url"]
    assert window.status_area.database_label.text() == ctx.db.display_url
    assert {s.department for s in window.store.slots_in(dt.date(2030, 3, 1), dt.date(2030, 3, 31),
                                                        window.page.slot_filter)} == {"Biblioteket", "Brannvesenet"}
    assert window.team.live.running and window.team.live.watcher._db is ctx.db, "the watcher follows the database"
    dialog.reject()

    back = _settings_dialog(window)
    assert back.team_radio.isChecked() and back.database.text() == name, "the dialog shows where we are"
    back.local_radio.setChecked(True)
    with qtbot.waitSignal(window.shell.database_opened, timeout=10000):
        back.use_button.click()
    assert window.store.ctx.db.is_sqlite
    assert json.loads(planner.ctx.paths.settings_file.read_text(encoding="utf-8"))["database.url"] == ""
    back.reject()
    window.team.live.stop()


def test_switching_waits_while_edits_are_kept_for_the_database(window: MainWindow, planner: Planner,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from takeover_planner.errors import EnvironmentProblem, EnvReason

    def unreachable(*_args: object, **_kwargs: object) -> None:
        raise EnvironmentProblem(StorageText.UNREACHABLE, reason=EnvReason.UNREACHABLE,
                                 database=database_text("team-server"))

    monkeypatch.setattr(booking, "move", unreachable)
    window.page.move_slot(planner.fire_slot, dt.date(2030, 3, 13), dt.date(2030, 3, 14))
    assert window.team.offline.count == 1
    dialog = _settings_dialog(window)
    dialog.use_button.click()
    assert "still waiting to be saved" in dialog.result_label.text()
    assert window.store.ctx is planner.ctx, "no switch"
    dialog.reject()


def test_people_profiles_and_what_each_role_may_do(qtbot, window: MainWindow, planner: Planner) -> None:
    assert window.team.profile_label.text() == "You: Test Officer (personal database)"
    assert window.team.people_action in window.manage_menu.actions()
    window.team.people_action.trigger()
    dialog = window.team.people_dialog
    assert dialog is not None and dialog.isVisible() and dialog.add_box.isEnabled()

    dialog.name.setText("Test Officer")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.COMMS_OFFICER.value))
    dialog.add_button.click()
    assert window.team.profile_label.text() == "You: Test Officer (comms officer)"
    dialog.name.setText("Kari Bidrag")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.CONTRIBUTOR.value))
    assert dialog.department.isEnabled()
    dialog.department.setCurrentIndex(dialog.department.findText("Biblioteket"))
    dialog.email.setText("kari@fjordvik.example")
    dialog.add_button.click()
    dialog.name.setText("Rita Leser")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.READER.value))
    dialog.add_button.click()
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == [
        "Kari Bidrag", "Rita Leser", "Test Officer"]
    assert dialog.table.item(0, 2).text() == "Biblioteket"
    dialog.name.setText("rita leser")
    dialog.add_button.click()
    assert "already a person called" in dialog.error.text()
    dialog.reject()

    # A reader: everything that changes things is greyed out; the service still refuses if tried.
    window.team._on_settings_name_chosen("Rita Leser")
    assert window.team.profile_label.text() == "You: Rita Leser (reader)"
    assert not window.new_action.isEnabled() and not window.page.toolbar.new_button.isEnabled()
    assert not window.publishing.handoff_action.isEnabled() and not window.publishing.token_action.isEnabled()
    window.page.select(planner.library_slot)
    assert not window.page.panel.status_button.isEnabled() and not window.page.panel.edit_button.isEnabled()
    menu = window.page.status_menu(planner.library_slot)
    assert not any(a.isEnabled() for a in menu.actions() if a.data())
    window.page.move_slot(planner.library_slot, dt.date(2030, 3, 25), dt.date(2030, 3, 26))
    assert "Only comms officers may move slots" in window.page.callout.label.text()
    assert booking.get_slot(planner.ctx, planner.library_slot).start == dt.date(2030, 3, 4)
    window.team.people_action.trigger()
    assert not window.team.people_dialog.add_box.isEnabled()
    window.team.people_dialog.reject()

    # A contributor: their own department's slots and details, nothing else.
    with qtbot.waitSignal(window.team.live.reloaded, timeout=3000):
        window.team._on_settings_name_chosen("Kari Bidrag")
    assert window.team.profile_label.text() == "You: Kari Bidrag (contributor for Biblioteket)"
    assert window.new_action.isEnabled(), "contributors may request slots for their department"
    assert window.page.panel.edit_button.isEnabled() and not window.page.panel.status_button.isEnabled()
    assert people.whoami(window.store.ctx).role == Role.CONTRIBUTOR
    shown = window.store.slots_in(dt.date(2030, 3, 1), dt.date(2030, 3, 31), window.page.slot_filter)
    assert [s.department for s in shown] == ["Biblioteket"]

    with qtbot.waitSignal(window.team.live.reloaded, timeout=3000):
        window.team._on_settings_name_chosen("Test Officer")
    assert len(window.store.slots_in(dt.date(2030, 3, 1), dt.date(2030, 3, 31), window.page.slot_filter)) == 2
    assert window.new_action.isEnabled() and window.publishing.token_action.isEnabled()
    assert window.page.panel.status_button.isEnabled()


def test_the_banner_and_dialogs_speak_bokmaal(qtbot, window: MainWindow, translations) -> None:
    translations.apply("nb")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Fil", timeout=2000)
    try:
        window.team.offline.set_online(False)
        assert window.team.banner.message().startswith("Får ikke kontakt med teamets database.")
        assert window.team.banner.retry_button.text() == "Prøv igjen nå"
        dialog = _settings_dialog(window)
        assert dialog.windowTitle() == "Innstillinger"
        assert dialog.local_radio.text() == "Denne datamaskinen (SQLite)"
        assert dialog.team_radio.text() == "Teamdatabase (PostgreSQL)"
        dialog.reject()
        assert window.publishing.menu.title() == "&Publiser"
    finally:
        translations.apply("en")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File", timeout=2000)
    assert window.team.banner.message().startswith("The team database cannot be reached.")
    window.team.offline.stop()


def test_keyboard_reaches_the_settings(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert window.team.settings_dialog is not None and window.team.settings_dialog.isVisible()
    window.team.settings_dialog.reject()


def test_when_the_team_database_is_away_at_start_settings_lead_back_to_this_computer(
        qtbot, tmp_path, runner, translations) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from takeover_planner.paths import resolve_paths
    from takeover_planner.settings import Settings

    home = tmp_path / "home"
    paths = resolve_paths(home).ensure()
    settings = Settings(paths)
    settings.set("demo.offered", True)
    settings.set("database.url", "postgresql+psycopg://planner@127.0.0.1:9/plan")
    win = MainWindow(paths, settings, runner, translations, home=str(home),
                     db_url="postgresql+psycopg://planner@127.0.0.1:9/plan")
    qtbot.addWidget(win)
    win.show()
    try:
        win.start()
        assert win.store.ctx is None
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        assert boxes and "Cannot reach the database" in boxes[0].text()
        boxes[0].accept()
        dialog = win.team.open_settings()
        assert dialog.team_radio.isChecked() and (dialog.host.text(), dialog.port.value()) == ("127.0.0.1", 9)
        assert dialog.current_database.text() == "No database is open."
        assert not dialog.copy_button.isEnabled(), "nothing to copy from"
        dialog.local_radio.setChecked(True)
        with qtbot.waitSignal(win.shell.database_opened, timeout=10000):
            dialog.use_button.click()
        assert win.store.ctx is not None and win.store.ctx.db.is_sqlite
        assert settings.get("database.url") == ""
        dialog.reject()
    finally:
        win.close()
