"""Translated names for the core's plain values (slot states, API variants, actions in the audit trail)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.services.audit_words import comment_words


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


# Every action code the services write into the audit trail (services/*.py, publishing/, domain/review.py
# ACTION_NAMES), in words; the trail and the side panel's history never show a code (issue 16).
def _audit_actions() -> dict[str, str]:
    # Literal translate() calls, so lupdate finds every one.
    return {
        # slots
        "booked": QCoreApplication.translate("Labels", "booked"),
        "moved": QCoreApplication.translate("Labels", "moved"),
        "status": QCoreApplication.translate("Labels", "changed status"),
        "updated": QCoreApplication.translate("Labels", "edited"),
        "account_changed": QCoreApplication.translate("Labels", "moved to another account"),
        "brief_written": QCoreApplication.translate("Labels", "brief written"),
        "kit_written": QCoreApplication.translate("Labels", "contributor page written"),
        "email_written": QCoreApplication.translate("Labels", "e-mail drafted"),
        "frames_reordered": QCoreApplication.translate("Labels", "frames put in a new order"),
        "handoff_pack": QCoreApplication.translate("Labels", "hand-off pack made"),
        # frames, consent, files
        "created": QCoreApplication.translate("Labels", "created"),
        "added": QCoreApplication.translate("Labels", "added"),
        "imported": QCoreApplication.translate("Labels", "imported"),
        "fixed": QCoreApplication.translate("Labels", "fixed copy made"),
        "file_changed": QCoreApplication.translate("Labels", "file replaced"),
        "consent_linked": QCoreApplication.translate("Labels", "consent linked"),
        "consent_unlinked": QCoreApplication.translate("Labels", "consent unlinked"),
        "restored": QCoreApplication.translate("Labels", "back to draft"),
        "submitted": QCoreApplication.translate("Labels", "submitted"),
        "changes_requested": QCoreApplication.translate("Labels", "changes requested"),
        "approved": QCoreApplication.translate("Labels", "approved"),
        "scheduled": QCoreApplication.translate("Labels", "scheduled"),
        "published": QCoreApplication.translate("Labels", "published"),
        "failed": QCoreApplication.translate("Labels", "publishing failed"),
        "publish_failed": QCoreApplication.translate("Labels", "publishing failed"),
        "published_on_facebook": QCoreApplication.translate("Labels", "published on the Facebook Page"),
        "facebook_failed": QCoreApplication.translate("Labels", "Facebook Page posting failed"),
        "withdrawn": QCoreApplication.translate("Labels", "withdrawn"),
        "withdrawn_with_slot": QCoreApplication.translate("Labels", "withdrawn with its slot"),
        "retimed_with_slot": QCoreApplication.translate("Labels", "time moved with its slot"),
        "late_post_now": QCoreApplication.translate("Labels", "late: posted now"),
        "late_retimed": QCoreApplication.translate("Labels", "late: given a new time"),
        "late_dropped": QCoreApplication.translate("Labels", "late: dropped"),
        # catalogue, accounts, goals
        "deleted": QCoreApplication.translate("Labels", "deleted"),
        "archived": QCoreApplication.translate("Labels", "archived"),
        "token_set": QCoreApplication.translate("Labels", "Instagram account connected"),
        "token_removed": QCoreApplication.translate("Labels", "Instagram account disconnected"),
        "ig_user_id_learned": QCoreApplication.translate("Labels", "Instagram account identified"),
        "publish_method": QCoreApplication.translate("Labels", "publishing method changed"),
        "publishing_resumed": QCoreApplication.translate("Labels", "publishing resumed"),
        "facebook_page_linked": QCoreApplication.translate("Labels", "Facebook Page linked"),
        "facebook_page_unlinked": QCoreApplication.translate("Labels", "Facebook Page unlinked"),
        "reached": QCoreApplication.translate("Labels", "goal reached"),
        "set": QCoreApplication.translate("Labels", "goal set"),
        "demo_loaded": QCoreApplication.translate("Labels", "demo loaded"),
    }


def audit_action_label(action: str) -> str:
    """An audit action code as words ("brief_written" → "brief written" / "oppdragsbrev skrevet")."""
    if action.startswith("published_while_"):  # the publisher found the frame in another state (frame_gate)
        return QCoreApplication.translate("Labels", "published although not released")
    known = _audit_actions().get(action)
    if known is not None:
        return known
    # A code this version does not know (written by a newer one): readable, at least.
    return action.replace("_", " ")


def audit_comment(action: str, comment: str) -> str:
    """The comment column: a person's words as written; a note the app wrote itself (stored as a code, or an old
    row's English) in the language in force (``services.audit_words.comment_words``)."""
    del action  # the note says what it is; kept so every caller names the entry's action
    return comment_words(comment)


def audit_change_label(action: str, after: dict | None) -> str:
    """The action, with the new status for a status change ("changed status: booked")."""
    what = audit_action_label(action)
    if action == "status" and after and "status" in after:
        try:
            return f"{what}: {status_label(str(after['status'])).lower()}"
        except ValueError:
            return what
    return what


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
