"""File ▸ Settings…: language, your name for the audit trail, which database (this computer's SQLite file or
a team's PostgreSQL server) and where the media files live.

The database buttons act at once, each on a worker thread: "Test connection" only reads; "Copy my current
plan into it" copies and shows the per-table verification (row counts and checksums); "Use it" makes the
database the app's own (``services.team.connect``: the schema is brought up to date, the password goes to the
OS keyring, never into the settings file) and the window reopens on it. Save keeps the rest.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.errors import EnvironmentProblem, EnvReason, TakeoverError, ValidationError, os_reason
from takeover_planner.texts.ui import UiText
from takeover_planner.ui.i18n import BOKMAAL, ENGLISH
from takeover_planner.ui.tasks import NETWORK, READ, WRITE, Lane, TaskRunner

if TYPE_CHECKING:
    from takeover_planner.paths import AppPaths
    from takeover_planner.services.context import AppContext
    from takeover_planner.services.team import ConnectionCheck, ConnectResult
    from takeover_planner.settings import Settings
    from takeover_planner.storage.copy import CopyReport

DEFAULT_PORT = 5432
DEFAULT_DATABASE = "takeover_planner"


def check_media_folder(text: str) -> str:
    """The folder as it will be saved ("" = inside the data folder); refused plainly if it cannot be used.
    Runs on a worker: a network share may take a while to answer."""
    text = text.strip()
    if not text:
        return ""
    folder = Path(text).expanduser()
    if not folder.is_absolute():
        raise ValidationError(UiText.MEDIA_FOLDER_NOT_ABSOLUTE)
    if not folder.is_dir():
        raise EnvironmentProblem(UiText.MEDIA_FOLDER_MISSING, reason=EnvReason.MISSING, folder=str(folder))
    try:
        # Creating (and at once removing) a file is the only sure test of "can I write there" on a share.
        tempfile.NamedTemporaryFile(dir=folder, prefix=".takeover-planner-check-").close()
    except OSError as exc:
        raise EnvironmentProblem(UiText.MEDIA_FOLDER_NOT_WRITABLE, reason=os_reason(exc), folder=str(folder),
                                 problem=exc.strerror or str(exc)) from exc
    return str(folder)


class SettingsDialog(QDialog):
    language_chosen = Signal(str)  # system | en | nb
    name_chosen = Signal(str)  # "" = the computer's login name
    database_chosen = Signal(str)  # the URL to reopen the window with (never with a password)

    def __init__(self, parent: QWidget | None, settings: Settings, runner: TaskRunner,
                 context: Callable[[], AppContext | None], paths: AppPaths, *,
                 waiting_edits: Callable[[], int] = lambda: 0) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.settings = settings
        self.runner = runner
        self.context = context
        self.paths = paths
        self.waiting_edits = waiting_edits
        self.busy = False
        self._build()
        self._fill()
        self._retranslate()
        self._update_enabled()

    # --- layout ----------------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.general_box = QGroupBox(self)
        general = QFormLayout(self.general_box)
        self.language = QComboBox(self.general_box)
        for choice in ("system", ENGLISH, BOKMAAL):
            self.language.addItem("", choice)
        self.user_name = QLineEdit(self.general_box)
        self.user_name.setMaxLength(120)
        self.language_label, self.name_label = QLabel(self), QLabel(self)
        general.addRow(self.language_label, self.language)
        general.addRow(self.name_label, self.user_name)
        outer.addWidget(self.general_box)

        self.database_box = QGroupBox(self)
        database = QVBoxLayout(self.database_box)
        self.current_database = QLabel(self.database_box)
        self.current_database.setObjectName("muted")
        self.current_database.setWordWrap(True)
        self.current_database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        database.addWidget(self.current_database)
        self.local_radio = QRadioButton(self.database_box)
        self.team_radio = QRadioButton(self.database_box)
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.local_radio)
        self.kind.addButton(self.team_radio)
        database.addWidget(self.local_radio)
        database.addWidget(self.team_radio)
        self.server_form = QWidget(self.database_box)
        form = QFormLayout(self.server_form)
        form.setContentsMargins(24, 0, 0, 0)
        self.host = QLineEdit(self.server_form)
        self.port = QSpinBox(self.server_form)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self.server_form)
        self.db_user = QLineEdit(self.server_form)
        self.password = QLineEdit(self.server_form)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.host_label, self.port_label, self.database_label = QLabel(self), QLabel(self), QLabel(self)
        self.db_user_label, self.password_label = QLabel(self), QLabel(self)
        form.addRow(self.host_label, self.host)
        form.addRow(self.port_label, self.port)
        form.addRow(self.database_label, self.database)
        form.addRow(self.db_user_label, self.db_user)
        form.addRow(self.password_label, self.password)
        database.addWidget(self.server_form)
        buttons = QHBoxLayout()
        self.test_button = QPushButton(self.database_box)
        self.copy_button = QPushButton(self.database_box)
        self.use_button = QPushButton(self.database_box)
        self.use_button.setObjectName("primary")
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.use_button)
        database.addLayout(buttons)
        self.result_label = QLabel(self.database_box)
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)  # server messages and typed URLs
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        database.addWidget(self.result_label)
        self.copy_table = QTableWidget(0, 4, self.database_box)
        self.copy_table.verticalHeader().setVisible(False)
        self.copy_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.copy_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.copy_table.setMinimumHeight(160)
        self.copy_table.hide()
        database.addWidget(self.copy_table)
        outer.addWidget(self.database_box)

        self.media_box = QGroupBox(self)
        media = QVBoxLayout(self.media_box)
        row = QHBoxLayout()
        self.media_folder = QLineEdit(self.media_box)
        self.media_browse = QPushButton(self.media_box)
        row.addWidget(self.media_folder, 1)
        row.addWidget(self.media_browse)
        media.addLayout(row)
        self.media_hint = QLabel(self.media_box)
        self.media_hint.setObjectName("muted")
        self.media_hint.setWordWrap(True)
        media.addWidget(self.media_hint)
        outer.addWidget(self.media_box)
        # The intake folder (issue 18): the window imports the submission packages departments drop there.
        self.intake_box = QGroupBox(self)
        intake = QHBoxLayout(self.intake_box)
        self.intake_folder = QLineEdit(self.intake_box)
        self.intake_browse = QPushButton(self.intake_box)
        intake.addWidget(self.intake_folder, 1)
        intake.addWidget(self.intake_browse)
        outer.addWidget(self.intake_box)
        # On-screen text (issue 19): burned into the story, or the frame posted by hand (publish.text_frames).
        self.text_box = QGroupBox(self)
        text_layout = QVBoxLayout(self.text_box)
        self.text_by_hand = QCheckBox(self.text_box)
        self.text_by_hand.setObjectName("textFramesByHand")
        self.text_hint = QLabel(self.text_box)
        self.text_hint.setObjectName("muted")
        self.text_hint.setWordWrap(True)
        text_layout.addWidget(self.text_by_hand)
        text_layout.addWidget(self.text_hint)
        outer.addWidget(self.text_box)

        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        outer.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self.kind.buttonToggled.connect(self._on_kind_button_toggled)
        self.test_button.clicked.connect(self.test_connection)
        self.copy_button.clicked.connect(self.copy_plan)
        self.use_button.clicked.connect(self.use_database)
        self.media_browse.clicked.connect(self._on_media_browse_clicked)
        self.intake_browse.clicked.connect(self._on_intake_browse_clicked)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _fill(self) -> None:
        index = self.language.findData(self.settings.get("ui.language"))
        self.language.setCurrentIndex(max(0, index))
        self.user_name.setText(self.settings.get("user.name"))
        ctx = self.context()
        if not self.user_name.text():
            from takeover_planner.services.context import default_actor

            self.user_name.setPlaceholderText(default_actor(self.settings))  # what is used while it is empty
        configured = self.settings.get("database.url")
        server = None
        if configured.startswith("postgres"):
            from sqlalchemy.engine import make_url

            server = make_url(configured)
        elif ctx is not None and not ctx.db.is_sqlite:
            from sqlalchemy.engine import make_url

            server = make_url(ctx.db.url)
        if server is not None:
            self.host.setText(server.host or "")
            self.port.setValue(server.port or DEFAULT_PORT)
            self.database.setText(server.database or "")
            self.db_user.setText(server.username or "")
        else:
            self.database.setText(DEFAULT_DATABASE)
        # Where we are; with nothing open (the configured server did not answer), what is configured.
        on_server = not ctx.db.is_sqlite if ctx is not None else server is not None
        (self.team_radio if on_server else self.local_radio).setChecked(True)
        self.media_folder.setText(self.settings.get("media.folder"))
        self.intake_folder.setText(self.settings.get("intake.folder"))
        self.text_by_hand.setChecked(self.settings.get("publish.text_frames") == "handoff")

    # --- what is filled in -------------------------------------------------------------------------------

    def team_url(self) -> str:
        """The server's URL without the password (that travels separately and ends in the keyring)."""
        host, name = self.host.text().strip(), self.database.text().strip()
        if not host:
            raise ValidationError(UiText.DB_SERVER_MISSING)
        if not name:
            raise ValidationError(UiText.DB_NAME_MISSING)
        from sqlalchemy.engine import URL

        url = URL.create("postgresql+psycopg", username=self.db_user.text().strip() or None, host=host,
                         port=self.port.value(), database=name)
        return url.render_as_string(hide_password=False)

    def _password(self) -> str | None:
        return self.password.text() or None

    def _update_enabled(self) -> None:
        team = self.team_radio.isChecked()
        self.server_form.setEnabled(team and not self.busy)
        self.test_button.setEnabled(team and not self.busy)
        self.copy_button.setEnabled(team and not self.busy and self.context() is not None)
        # "Use it" works with no database open too: the way back when the team database cannot be reached.
        self.use_button.setEnabled(not self.busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not self.busy)

    def _on_kind_button_toggled(self, _button: QRadioButton, _checked: bool) -> None:
        self._update_enabled()

    def _show_result(self, text: str, *, problem: bool = False) -> None:
        self.result_label.setObjectName("errorText" if problem else "settingsResult")
        self.result_label.style().unpolish(self.result_label)  # the window's stylesheet matches the new object name
        self.result_label.style().polish(self.result_label)
        self.result_label.setText(text)
        self.result_label.show()

    def _start(self, text: str) -> None:
        self.busy = True
        self.error.hide()
        self._show_result(text)
        self._update_enabled()

    def _finish(self) -> None:
        self.busy = False
        self._update_enabled()

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None], kind: Lane) -> None:
        def finished(result: Any) -> None:
            self._finish()
            done(result)

        def failed(exc: TakeoverError) -> None:
            self._finish()
            self._show_result(exc.message, problem=True)

        self.runner.run(work, on_done=finished, on_error=failed, kind=kind)

    # --- the database buttons -----------------------------------------------------------------------------

    def test_connection(self) -> None:
        try:
            url = self.team_url()
        except ValidationError as exc:
            self._show_result(exc.message, problem=True)
            return
        password = self._password()

        def work() -> ConnectionCheck:
            from takeover_planner.services import team

            return team.check_connection(url, password=password)

        self._start(self.tr("Testing the connection…"))
        self._run(work, self._on_tested, NETWORK)  # another server: it may take its time to answer

    def _on_tested(self, check: ConnectionCheck) -> None:
        texts = {
            "empty": self.tr("Connected to %1. The database is empty: \"Copy my current plan into it\" fills it; "
                             "\"Use it\" starts a new, empty plan there."),
            "current": self.tr("Connected to %1. It holds a Takeover Planner plan."),
            "upgrade": self.tr("Connected to %1. It holds a plan from an older version of Takeover Planner; "
                               "\"Use it\" brings it up to date."),
            "too_new": self.tr("Connected to %1, but its plan was written by a newer version of Takeover Planner. "
                               "Update this app first."),
            "foreign": self.tr("Connected to %1, but it holds tables that are not Takeover Planner's. Choose "
                               "another, empty database."),
        }
        self._show_result(texts[check.state].replace("%1", check.display_url),
                          problem=check.state in ("too_new", "foreign"))

    def copy_plan(self) -> None:
        ctx = self.context()
        if ctx is None:
            return
        try:
            url = self.team_url()
        except ValidationError as exc:
            self._show_result(exc.message, problem=True)
            return
        password = self._password()

        def work() -> CopyReport:
            from takeover_planner.services import team

            return team.copy_to(ctx, url, password=password)

        self.copy_table.hide()
        self._start(self.tr("Copying your plan… The window stays usable; edits wait until the copy is done."))
        self._run(work, self._on_copied, WRITE)

    def _on_copied(self, report: CopyReport) -> None:
        self.copy_table.setRowCount(len(report.tables))
        for row, check in enumerate(report.tables):
            same = self.tr("same") if check.equal else self.tr("DIFFERENT")
            for column, value in enumerate((check.table, str(check.source_rows), str(check.target_rows), same)):
                item = QTableWidgetItem(value)
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.copy_table.setItem(row, column, item)
        self.copy_table.show()
        if report.equal:
            text = self.tr("Copied %n row(s). Every table has the same rows and the same checksum in both "
                           "databases. \"Use it\" switches to the copy.", "", report.rows)
        else:
            different = ", ".join(t.table for t in report.tables if not t.equal)
            text = self.tr("The copy does not match the original in: %1. Do not use it; the original is "
                           "unchanged.").replace("%1", different)
        self._show_result(text, problem=not report.equal)

    def use_database(self) -> None:
        ctx = self.context()
        waiting = self.waiting_edits()
        if waiting:
            self._show_result(self.tr("%n change(s) made while the database was away are still waiting to be "
                                      "saved to it. Switch when they are saved.", "", waiting), problem=True)
            return
        team = self.team_radio.isChecked()
        if team:
            try:
                target = self.team_url()
            except ValidationError as exc:
                self._show_result(exc.message, problem=True)
                return
        else:
            target = self.paths.default_db_url
        password = self._password() if team else None
        paths, settings = self.paths, self.settings

        def work() -> ConnectResult:
            from takeover_planner.services import team as team_service

            chosen = target if team else "sqlite"
            if ctx is None:  # the team's database could not be reached at start
                return team_service.connect_without_context(paths, settings, chosen, password=password)
            return team_service.connect(ctx, chosen, password=password)

        def done(result: ConnectResult) -> None:
            self.password.clear()
            text = self.tr("Now using %1.").replace("%1", result.display_url)
            if result.password_stored:
                text += " " + self.tr("The password is kept in this computer's keyring.")
            if os.environ.get("TAKEOVER_PLANNER_DB_URL"):
                text += " " + self.tr("Note: TAKEOVER_PLANNER_DB_URL is set on this computer and is used "
                                      "instead at the next start.")
            self._show_result(text)
            self.database_chosen.emit(target)

        self._start(self.tr("Connecting…"))
        self._run(work, done, WRITE)

    # --- media folder and saving ----------------------------------------------------------------------------

    def _on_media_browse_clicked(self) -> None:
        self._choose_folder(self.media_folder, self.tr("Choose the media folder"))

    def _on_intake_browse_clicked(self) -> None:
        self._choose_folder(self.intake_folder, self.tr("Choose the intake folder"))

    def _choose_folder(self, field: QLineEdit, title: str) -> None:
        start = field.text().strip() or str(Path.home())
        dialog = QFileDialog(self, title, start)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.fileSelected.connect(field.setText)
        dialog.open()

    def save(self) -> None:
        text = self.media_folder.text()

        def done(folder: str) -> None:
            name = " ".join(self.user_name.text().split())
            self.settings.set("user.name", name)
            self.settings.set("media.folder", folder)
            self.settings.set("intake.folder", self.intake_folder.text().strip())
            self.settings.set("publish.text_frames", "handoff" if self.text_by_hand.isChecked() else "burn")
            try:
                self.settings.save()
            except OSError as exc:
                self._show_error(self.tr("Could not save the settings: %1").replace("%1", exc.strerror or str(exc)))
                return
            language = str(self.language.currentData())
            if language != self.settings.get("ui.language"):
                self.language_chosen.emit(language)
            self.name_chosen.emit(name)
            self.accept()

        def failed(exc: TakeoverError) -> None:
            self._finish()
            self._show_error(exc.message)

        def finished(folder: str) -> None:
            self._finish()
            done(folder)

        self.busy = True
        self._update_enabled()
        self.runner.run(lambda: check_media_folder(text), on_done=finished, on_error=failed, kind=READ)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    # --- texts -------------------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.general_box.setTitle(self.tr("You"))
        self.language_label.setText(self.tr("&Language"))
        self.language_label.setBuddy(self.language)
        self.language.setItemText(0, self.tr("System language"))
        self.language.setItemText(1, "English")
        self.language.setItemText(2, "Norsk bokmål")
        self.name_label.setText(self.tr("Your &name"))
        self.name_label.setBuddy(self.user_name)
        self.user_name.setToolTip(self.tr("The name the audit trail records for your changes, and the name of "
                                          "your profile in a team database."))
        self.database_box.setTitle(self.tr("Database"))
        ctx = self.context()
        self.current_database.setText(self.tr("Now using: %1").replace("%1", ctx.db.display_url) if ctx is not None
                                      else self.tr("No database is open."))
        self.local_radio.setText(self.tr("This computer (SQLite)"))
        self.team_radio.setText(self.tr("Team database (PostgreSQL)"))
        self.host_label.setText(self.tr("&Server"))
        self.host_label.setBuddy(self.host)
        self.port_label.setText(self.tr("&Port"))
        self.port_label.setBuddy(self.port)
        self.database_label.setText(self.tr("Data&base"))
        self.database_label.setBuddy(self.database)
        self.db_user_label.setText(self.tr("&User name"))
        self.db_user_label.setBuddy(self.db_user)
        self.password_label.setText(self.tr("Pass&word"))
        self.password_label.setBuddy(self.password)
        self.password.setPlaceholderText(self.tr("kept in the keyring, never in the settings file"))
        self.test_button.setText(self.tr("&Test connection"))
        self.copy_button.setText(self.tr("&Copy my current plan into it"))
        self.use_button.setText(self.tr("Use &it"))
        self.copy_table.setHorizontalHeaderLabels(
            [self.tr("Table"), self.tr("Rows here"), self.tr("Rows there"), self.tr("Checksum")])
        self.media_box.setTitle(self.tr("Media folder"))
        self.media_browse.setText(self.tr("C&hoose…"))
        self.media_folder.setPlaceholderText(self.tr("inside the data folder"))
        self.media_hint.setText(self.tr("Where the story files are kept. A team uses one shared folder, for "
                                        "example on a network share; empty keeps them on this computer."))
        self.intake_box.setTitle(self.tr("Intake folder"))
        self.intake_browse.setText(self.tr("Ch&oose…"))
        self.intake_folder.setPlaceholderText(self.tr("none: packages are imported by hand"))
        self.intake_folder.setToolTip(self.tr("A folder shared with the departments: the window imports every "
                                              "submission package dropped there, every minute."))
        self.text_box.setTitle(self.tr("On-screen text"))
        self.text_by_hand.setText(self.tr("Post frames with on-screen te&xt by hand"))
        self.text_hint.setText(self.tr("Normally the text is burned into the picture or video before it is "
                                       "published. When this is ticked, such frames go into the hand-off pack "
                                       "instead, and its checklist shows the text to add on the phone."))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
