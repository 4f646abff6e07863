"""What the window says when the core refuses something.

The core puts its own refusals into words (``TakeoverError.message``, from the error's code and parameters) in
the language in force, which ``Translations.apply`` switches together with the window's; so the window shows
them as they are and never looks at their words. A wording of the window's own would be chosen by the error's
type, code or reason only.
"""

from __future__ import annotations

from takeover_planner.errors import TakeoverError


def user_message(exc: TakeoverError) -> str:
    return exc.message
