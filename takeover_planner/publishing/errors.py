"""What the publisher itself raises (beyond Instagram's answers, which are ``instagram.errors``).

A ``PublishingError`` carries a message code and its parameters like every ``TakeoverError``; the family of an
Instagram failure travels on ``instagram.errors.GraphError.classification``, which the publisher acts on.
"""

from __future__ import annotations

from typing import Any

from takeover_planner.errors import TakeoverError
from takeover_planner.texts import Code


class PublishingError(TakeoverError):
    """Base of what the publisher raises; the message is plain language and never holds a secret."""


class HostingError(PublishingError):
    """The media host did not take, show or delete a file. ``permanent``: trying again will not help."""

    def __init__(self, code: Code, /, *, permanent: bool = False, **params: Any) -> None:
        super().__init__(code, details={"permanent": permanent}, **params)
        self.permanent = permanent


class MissingSecret(PublishingError):
    """A token or password that the keyring should hold is not there."""
