"""What a front end asks when a call failed: was it the world, or the server refusing this login's role?

The window's task lanes call this once for every failed job, so a raw driver error (the server gone, the disk
full, a statement the server refused for this role) reaches the person as the message it is, and anything else
stays a bug with its traceback. The translation itself lives in ``storage.failures`` and reads SQLite result codes
and PostgreSQL SQLSTATEs, never words.
"""

from __future__ import annotations

from takeover_planner.errors import TakeoverError
from takeover_planner.storage.failures import database_failure


def as_refusal(exc: BaseException) -> TakeoverError | None:
    """The ``EnvironmentProblem`` or ``PermissionDenied`` a raw database failure means; None for a bug."""
    return database_failure(exc)
