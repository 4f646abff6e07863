"""Translated names for the core's plain values (slot states, API variants, actions in the audit trail)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from takeover_planner.domain.slots import SlotStatus


def status_label(status: SlotStatus | str) -> str:
    value = SlotStatus(status)
    if value == SlotStatus.REQUESTED:
        return QCoreApplication.translate("Status", "Requested")
    if value == SlotStatus.BOOKED:
        return QCoreApplication.translate("Status", "Booked")
    if value == SlotStatus.CONFIRMED:
        return QCoreApplication.translate("Status", "Confirmed")
    if value == SlotStatus.COMPLETED:
        return QCoreApplication.translate("Status", "Completed")
    return QCoreApplication.translate("Status", "Cancelled")


def status_action(status: SlotStatus) -> str:
    """The context-menu wording: what the user does to reach ``status``."""
    if status == SlotStatus.REQUESTED:
        return QCoreApplication.translate("Status", "Mark as requested")
    if status == SlotStatus.BOOKED:
        return QCoreApplication.translate("Status", "Mark as booked")
    if status == SlotStatus.CONFIRMED:
        return QCoreApplication.translate("Status", "Mark as confirmed")
    if status == SlotStatus.COMPLETED:
        return QCoreApplication.translate("Status", "Mark as completed")
    return QCoreApplication.translate("Status", "Cancel slot…")


def api_variant_label(variant: str) -> str:
    if variant == "instagram_login":
        return QCoreApplication.translate("Labels", "Instagram login")
    if variant == "facebook_login":
        return QCoreApplication.translate("Labels", "Facebook login (Business)")
    return variant


def audit_action_label(action: str) -> str:
    labels = {
        "booked": QCoreApplication.translate("Labels", "booked"),
        "moved": QCoreApplication.translate("Labels", "moved"),
        "status": QCoreApplication.translate("Labels", "changed status"),
        "updated": QCoreApplication.translate("Labels", "edited"),
    }
    return labels.get(action, action)


def week_label(week: int) -> str:
    return QCoreApplication.translate("Labels", "Week %1").replace("%1", str(week))


def all_label(kind: str) -> str:
    if kind == "account":
        return QCoreApplication.translate("Labels", "All accounts")
    if kind == "department":
        return QCoreApplication.translate("Labels", "All departments")
    if kind == "campaign":
        return QCoreApplication.translate("Labels", "All campaigns")
    return QCoreApplication.translate("Labels", "All")
