"""What the window says when the core refuses something.

In English the core's own message is shown word for word (it names the slot or blackout hit). In another
language the same facts are put together again from the error's details and what the window has loaded,
so a Norwegian user reads Norwegian; if the details are missing, the core's message is shown as it is.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from takeover_planner.errors import BookingRefused, ConflictError, EnvironmentProblem, TakeoverError
from takeover_planner.ui.i18n import range_text
from takeover_planner.ui.labels import status_label

if TYPE_CHECKING:
    from takeover_planner.ui.planner_store import PlannerStore



def _english() -> bool:
    return QLocale().language() == QLocale.Language.English


def user_message(exc: TakeoverError, store: PlannerStore | None = None, *, dates: tuple[dt.date, dt.date] | None = None,
                 account: str | None = None) -> str:
    if _english():
        return exc.message
    if isinstance(exc, BookingRefused) and store is not None and dates is not None and account:
        composed = _refusal(exc, store, dates, account)
        if composed:
            return composed
    if isinstance(exc, ConflictError):
        return QCoreApplication.translate("Messages", "Someone else changed this in the meantime. The calendar has been reloaded; try again.")
    if isinstance(exc, EnvironmentProblem):
        lowered = exc.message.lower()
        if "busy" in lowered:
            return QCoreApplication.translate("Messages", "The database is busy (another program holds it). Try again in a moment.")
        if "cannot reach" in lowered:
            return QCoreApplication.translate("Messages", "Cannot reach the database. Check the network or the server, then try again.")
        if "disk is full" in lowered:
            return QCoreApplication.translate("Messages", "The disk is full; free some space and try again.")
    return exc.message


def _refusal(exc: BookingRefused, store: PlannerStore, dates: tuple[dt.date, dt.date], account: str) -> str | None:
    when = range_text(*dates)
    blackout_ids = exc.details.get("blackouts") or []
    slot_ids = exc.details.get("slots") or []
    if blackout_ids:
        parts = []
        for blackout_id in blackout_ids:
            blackout = next((b for b in store.blackouts if b.id == blackout_id), None)
            if blackout is None:
                return None
            scope = (QCoreApplication.translate("Messages", "on %1").replace("%1", blackout.account) if blackout.account else QCoreApplication.translate("Messages", "on all accounts"))
            parts.append(QCoreApplication.translate("Messages", "blackout period '%1' (%2, %3)").replace("%1", blackout.name)
                         .replace("%2", range_text(blackout.start, blackout.end)).replace("%3", scope))
        return QCoreApplication.translate("Messages", "%1 on %2 falls in a blackout period: %3.").replace("%1", when).replace("%2", account).replace(
            "%3", "; ".join(parts))
    if slot_ids:
        parts = []
        for slot_id in slot_ids:
            slot = store.slot(slot_id)
            if slot is None:
                return None
            parts.append(QCoreApplication.translate("Messages", "slot #%1 (%2, %3, %4)").replace("%1", str(slot.id)).replace("%2", slot.department)
                         .replace("%3", range_text(slot.start, slot.end)).replace("%4", status_label(slot.status).lower()))
        return QCoreApplication.translate("Messages", "%1 on %2 overlaps %3.").replace("%1", when).replace("%2", account).replace("%3", "; ".join(parts))
    return None
