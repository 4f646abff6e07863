"""Who are you? Asked once, on the first start: the answers sign every brief and hand-off checklist
(``services.profile``; the same as ``takeover-planner profile set``).

Saving only writes the settings file, so it runs on the GUI thread. A refusal (no name, no valid e-mail
address) is shown in the dialog, which stays open. "Later" closes it; briefs then say that contact details
are missing, and ``profile set`` fills them in at any time.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from takeover_planner.errors import TakeoverError
from takeover_planner.services import profile
from takeover_planner.settings import Settings
from takeover_planner.ui.messages import user_message


class ProfileDialog(QDialog):
    def __init__(self, parent: QWidget | None, settings: Settings,
                 on_saved: Callable[[profile.Profile], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(self.tr("Who are you?"))
        self.settings, self.on_saved = settings, on_saved
        current = profile.get_profile(settings)

        intro = QLabel(self.tr("Departments get your name and how to reach you on every brief and hand-off "
                               "checklist. You can change this later with: takeover-planner profile set"))
        intro.setWordWrap(True)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        labels = {"name": self.tr("Name"), "email": self.tr("E-mail"), "phone": self.tr("Phone (optional)"),
                  "title": self.tr("Title (optional)"), "organisation": self.tr("Organisation (optional)")}
        for field in profile.FIELDS:
            edit = QLineEdit(getattr(current, field))
            edit.setObjectName(f"profile_{field}")
            self.fields[field] = edit
            form.addRow(labels[field], edit)
        self.fields["title"].setPlaceholderText(self.tr("e.g. communications adviser"))
        self.problem = QLabel()
        self.problem.setObjectName("profileProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # a refusal quotes what was typed
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        self.setMinimumWidth(520)  # an e-mail address and a title shown whole, not scrolled in a narrow field
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def save(self) -> None:
        values = {field: edit.text() for field, edit in self.fields.items()}
        try:
            saved = profile.set_profile(self.settings, **values)
        except TakeoverError as exc:
            self.problem.setText(user_message(exc))
            self.problem.show()
            return
        if self.on_saved is not None:
            self.on_saved(saved)
        self.accept()


def ask_profile_once(parent: QWidget | None, settings: Settings) -> ProfileDialog | None:
    """Open the dialog if no profile is filled in yet; None when there is nothing to ask."""
    if profile.get_profile(settings).complete:
        return None
    dialog = ProfileDialog(parent, settings)
    dialog.open()
    return dialog
