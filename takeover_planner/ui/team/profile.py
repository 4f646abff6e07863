"""Who is working, in words: role names and the status bar's "you are" line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from takeover_planner.domain.roles import Role

if TYPE_CHECKING:
    from takeover_planner.domain.roles import Profile


def role_label(role: Role) -> str:
    labels = {
        Role.COMMS_OFFICER: QCoreApplication.translate("Profiles", "comms officer"),
        Role.CONTRIBUTOR: QCoreApplication.translate("Profiles", "contributor"),
        Role.READER: QCoreApplication.translate("Profiles", "reader"),
    }
    return labels[role]


def profile_text(profile: Profile, department: str | None = None) -> str:
    """"You: Kari Nordmann (comms officer)"; a contributor's department; a personal database said plainly."""
    if profile.personal:
        return QCoreApplication.translate("Profiles", "You: %1 (personal database)").replace("%1", profile.name)
    role = role_label(profile.role)
    if profile.role == Role.CONTRIBUTOR and department:
        role = QCoreApplication.translate("Profiles", "%1 for %2").replace("%1", role).replace("%2", department)
    return QCoreApplication.translate("Profiles", "You: %1 (%2)").replace("%1", profile.name).replace("%2", role)


def profile_tooltip(profile: Profile) -> str:
    if profile.personal:
        return QCoreApplication.translate(
            "Profiles", "Nobody has a profile in this database yet, so you may do everything. A team adds "
            "people under Manage ▸ People.")
    if profile.can_plan:
        return QCoreApplication.translate("Profiles", "You may book, change and publish everything.")
    if profile.role == Role.CONTRIBUTOR:
        return QCoreApplication.translate(
            "Profiles", "You may request slots and edit the details and frames of your own department.")
    return QCoreApplication.translate(
        "Profiles", "You may look at everything but change nothing. A comms officer can give you another role "
        "(Manage ▸ People); your name is set in File ▸ Settings.")
