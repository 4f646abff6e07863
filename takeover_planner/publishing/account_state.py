"""An account's publishing row (``account_publishing``): made on first use, and the pause or stop that holds the
account's queue until a time or a person. Kept apart from the queue so that what only needs to stop an account
(the insights collector, a Page check) does not load the publishers."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy.orm import Session

from takeover_planner.instagram.errors import Family
from takeover_planner.publishing.publisher import Method
from takeover_planner.storage.database import Database
from takeover_planner.storage.models import AccountPublishing

log = logging.getLogger(__name__)


def account_state(session: Session, account_id: int) -> AccountPublishing:
    """The account's publishing row, created with defaults the first time it is needed."""
    row = session.get(AccountPublishing, account_id)
    if row is None:
        row = AccountPublishing(account_id=account_id, method=Method.API.value, pause_reason="", stopped_reason="",
                                stopped_advice="")
        session.add(row)
        session.flush()
    return row


def set_account_pause(db: Database, account_id: int, until: dt.datetime, reason: str) -> None:
    with db.write() as s:
        state = account_state(s, account_id)
        if state.paused_until is None or state.paused_until < until:
            state.paused_until = until
            state.pause_reason = reason
    log.warning("Publishing for account #%s paused until %s: %s", account_id, until.isoformat(), reason)


def set_account_stop(db: Database, account_id: int, reason: str, advice: str, family: Family) -> None:
    """Stop the account's queue until a person acts; the reason stays on show until then."""
    with db.write() as s:
        state = account_state(s, account_id)
        state.stopped_reason = reason
        state.stopped_advice = advice
        state.stop_family = family.value
    log.warning("Publishing for account #%s stopped: %s", account_id, reason)
