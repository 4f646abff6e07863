"""Manage ▸ People: the team's profiles (name, role, department, login, e-mail, active) and adding someone.

Everyone may look; adding, giving a login and (de)activating are for comms officers. The buttons are greyed out for
others, and the service refuses anyway (its message is shown). In a personal database (nobody listed yet)
the first person added must be a comms officer: it is what turns the database into a team one.

On PostgreSQL a person is a database login (docs/security.md): the form then asks for the login and, for a
new one, its password. The password goes straight to the people service and the field is cleared before the
work starts, so it stays in no widget; an empty password adopts a login IT already made (e.g. single sign-on).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.domain.roles import Role
from takeover_planner.errors import TakeoverError
from takeover_planner.ui.tasks import WRITE, TaskRunner
from takeover_planner.ui.team.profile import role_label

if TYPE_CHECKING:
    from takeover_planner.domain.roles import Profile
    from takeover_planner.services.context import AppContext
    from takeover_planner.services.people import PersonInfo
    from takeover_planner.ui.planner_store import PlannerStore

ROLES = (Role.COMMS_OFFICER, Role.CONTRIBUTOR, Role.READER)
COLUMNS = ("name", "role", "department", "login", "email", "active")
LOGIN_COLUMN = COLUMNS.index("login")


class PeopleDialog(QDialog):
    def __init__(self, parent: QWidget | None, store: PlannerStore, runner: TaskRunner, profile: Profile | None,
                 *, on_changed: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.store = store
        self.runner = runner
        self.profile = profile
        self.on_changed = on_changed
        self.people: list[PersonInfo] = []
        self.logins = store.ctx is not None and self._uses_logins(store.ctx)
        self._build()
        self._retranslate()
        self.resize(720, 520)
        self.reload()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)  # names people
        self.intro.setObjectName("muted")
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setColumnHidden(LOGIN_COLUMN, not self.logins)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_enabled)
        layout.addWidget(self.table, 1)
        self.active_button = QPushButton(self)
        self.active_button.clicked.connect(self._on_active_button_clicked)
        # The people of a plan from before it was a team database have no login yet (`person set-login`).
        self.login_button = QPushButton(self)
        self.login_button.setObjectName("giveLogin")
        self.login_button.clicked.connect(self.open_login_dialog)
        self.login_button.setVisible(self.logins)
        self.login_dialog: LoginDialog | None = None
        self._login_for: int | None = None  # the person the login dialog asks about
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.login_button)
        row.addWidget(self.active_button)
        layout.addLayout(row)

        self.add_box = QGroupBox(self)
        form = QFormLayout(self.add_box)
        self.name = QLineEdit(self.add_box)
        self.role = QComboBox(self.add_box)
        for role in ROLES:
            self.role.addItem("", role.value)
        self.department = QComboBox(self.add_box)
        self.email = QLineEdit(self.add_box)
        self.login = QLineEdit(self.add_box)
        self.login.setObjectName("personLogin")
        self.password = QLineEdit(self.add_box)
        self.password.setObjectName("personPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.name_label, self.role_label, self.department_label, self.email_label = (
            QLabel(self), QLabel(self), QLabel(self), QLabel(self))
        self.login_label, self.password_label = QLabel(self), QLabel(self)
        form.addRow(self.name_label, self.name)
        form.addRow(self.role_label, self.role)
        form.addRow(self.department_label, self.department)
        form.addRow(self.login_label, self.login)
        form.addRow(self.password_label, self.password)
        form.addRow(self.email_label, self.email)
        # A personal SQLite database has no logins: its people are names, so the rows are not shown at all.
        form.setRowVisible(self.login, self.logins)
        form.setRowVisible(self.password, self.logins)
        self.add_button = QPushButton(self.add_box)
        self.add_button.setObjectName("primary")
        form.addRow("", self.add_button)
        layout.addWidget(self.add_box)
        self.error = QLabel(self)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.role.currentIndexChanged.connect(self._update_enabled)
        self.add_button.clicked.connect(self.add_person)
        for department in sorted(self.store.departments.values(), key=lambda d: d.name.casefold()):
            if not department.archived:
                self.department.addItem(department.name, department.id)

    # --- reading and writing ----------------------------------------------------------------------------

    def _ctx(self) -> AppContext | None:
        return self.store.ctx

    @staticmethod
    def _uses_logins(ctx: AppContext) -> bool:
        from takeover_planner.services import people

        return people.uses_logins(ctx)

    def reload(self) -> None:
        ctx = self._ctx()
        if ctx is None:
            return

        def work() -> list[PersonInfo]:
            from takeover_planner.services import people

            return people.list_people(ctx)

        self.store.read(ctx, work, on_done=self._show_people, on_error=self._show_problem)

    def _show_people(self, found: list[PersonInfo]) -> None:
        self.people = list(found)
        self.table.setRowCount(len(found))
        for row, person in enumerate(found):
            values = (person.name, role_label(person.role), person.department or "", person.login or "",
                      person.email, self.tr("yes") if person.active else self.tr("no"))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, person.id)
                self.table.setItem(row, column, item)
        self._update_enabled()

    def add_person(self) -> None:
        ctx = self._ctx()
        if ctx is None:
            return
        name, email = self.name.text().strip(), self.email.text().strip()
        role = Role(str(self.role.currentData()))
        department = self.department.currentData() if role == Role.CONTRIBUTOR else None
        login = (self.login.text().strip() or None) if self.logins else None
        password = (self.password.text() or None) if self.logins else None
        self.password.clear()  # used once, for this request: it is kept in no widget

        def work() -> Any:
            from takeover_planner.services import people

            return people.add_person(ctx, name, role, department=department, email=email, login=login,
                                     password=password)

        def done(_person: Any) -> None:
            self.name.clear()
            self.email.clear()
            self.login.clear()
            self.error.hide()
            self.reload()
            if self.on_changed is not None:
                self.on_changed()

        self.runner.run(work, on_done=done, on_error=self._show_problem, kind=WRITE)

    def _on_active_button_clicked(self) -> None:
        person = self.selected()
        ctx = self._ctx()
        if person is None or ctx is None:
            return

        def work() -> Any:
            from takeover_planner.services import people

            return people.set_active(ctx, person.id, not person.active)

        def done(_person: Any) -> None:
            self.error.hide()
            self.reload()
            if self.on_changed is not None:
                self.on_changed()

        self.runner.run(work, on_done=done, on_error=self._show_problem, kind=WRITE)

    def open_login_dialog(self) -> None:
        person = self.selected()
        if person is None or person.login is not None:
            return
        if self.login_dialog is None:  # one, reused: it lives as long as this dialog
            self.login_dialog = LoginDialog(self)
            self.login_dialog.chosen.connect(self._give_login)
        self._login_for = person.id
        self.login_dialog.ask_for(person.name)

    def _give_login(self, login: str, password: str) -> None:
        ctx, person_id = self._ctx(), self._login_for
        if ctx is None or person_id is None:
            return

        def work() -> Any:
            from takeover_planner.services import people

            return people.set_login(ctx, person_id, login, password or None)

        def done(_person: Any) -> None:
            self.error.hide()
            self.reload()
            if self.on_changed is not None:
                self.on_changed()

        self.runner.run(work, on_done=done, on_error=self._show_problem, kind=WRITE)

    def selected(self) -> PersonInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        person_id = rows[0].data(Qt.ItemDataRole.UserRole)  # selectedRows() gives column 0, which holds the id
        return next((p for p in self.people if p.id == person_id), None)

    def _show_problem(self, exc: TakeoverError) -> None:
        self.error.setText(exc.message)
        self.error.show()

    # --- state and texts ----------------------------------------------------------------------------------

    def _may_manage(self) -> bool:
        return self.profile is None or self.profile.can_plan

    def _update_enabled(self) -> None:
        manage = self._may_manage()
        self.add_box.setEnabled(manage)
        self.department.setEnabled(manage and self.role.currentData() == Role.CONTRIBUTOR.value)
        person = self.selected()
        self.active_button.setEnabled(manage and person is not None)
        self.active_button.setText(self.tr("Activate") if person is not None and not person.active
                                   else self.tr("Deactivate"))
        self.login_button.setEnabled(manage and person is not None and person.login is None)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("People"))
        roles = self.tr(
            "Each person's role decides what they may do: comms officers plan, review and publish; contributors "
            "request slots and prepare their own department's stories; readers only look.")
        who = (self.tr("On this team database everyone signs in with their own database login, and the database "
                       "server enforces their role; deactivating a person takes their login away.")
               if self.logins else
               self.tr("The audit trail records the person by this name (set yours in File ▸ Settings)."))
        self.intro.setText(f"{roles} {who}")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Department"), self.tr("Database login"), self.tr("E-mail"),
             self.tr("Active")])
        self.add_box.setTitle(self.tr("Add a person"))
        for index, role in enumerate(ROLES):
            self.role.setItemText(index, role_label(role))
        self.name_label.setText(self.tr("&Name"))
        self.name_label.setBuddy(self.name)
        self.role_label.setText(self.tr("&Role"))
        self.role_label.setBuddy(self.role)
        self.department_label.setText(self.tr("&Department"))
        self.department_label.setBuddy(self.department)
        self.email_label.setText(self.tr("&E-mail"))
        self.email_label.setBuddy(self.email)
        self.login_label.setText(self.tr("Database &login"))
        self.login_label.setBuddy(self.login)
        self.password_label.setText(self.tr("Pass&word"))
        self.password_label.setBuddy(self.password)
        self.password.setPlaceholderText(self.tr("for a new login; empty if IT already made it"))
        self.add_button.setText(self.tr("&Add person"))
        self.login_button.setText(self.tr("Give a lo&gin…"))
        self.login_button.setToolTip(self.tr("For a person who has no database login yet, e.g. one who was in the "
                                             "plan before it became a team database"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self._update_enabled()
        if self.people:
            self._show_people(self.people)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons"):
            self._retranslate()
        super().changeEvent(event)


class LoginDialog(QDialog):
    """The login (and, for a new one, its password) for a person who has none. The password is handed on once and
    the field emptied: it stays in no widget."""

    chosen = Signal(str, str)  # login, password ("" adopts a login IT already made)

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.name = ""
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)  # a person's name, as typed
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.login = QLineEdit(self)
        self.login.setObjectName("newLogin")
        self.password = QLineEdit(self)
        self.password.setObjectName("newLoginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_label, self.password_label = QLabel(self), QLabel(self)
        form.addRow(self.login_label, self.login)
        form.addRow(self.password_label, self.password)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._retranslate()

    def ask_for(self, name: str) -> None:
        self.name = name
        self.login.clear()
        self.password.clear()
        self._retranslate()
        self.open()

    def _accept(self) -> None:
        login, password = self.login.text().strip(), self.password.text()
        self.password.clear()
        if not login:
            self.login.setFocus()
            return
        self.chosen.emit(login, password)
        self.accept()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Give a login"))
        self.intro.setText(self.tr("The database login %1 signs in with. The server then enforces their role.")
                           .replace("%1", self.name))
        self.login_label.setText(self.tr("Database &login"))
        self.login_label.setBuddy(self.login)
        self.password_label.setText(self.tr("Pass&word"))
        self.password_label.setBuddy(self.password)
        self.password.setPlaceholderText(self.tr("for a new login; empty if IT already made it"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Give the login"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons"):
            self._retranslate()
        super().changeEvent(event)
