"""Every word the core says to a person, in Norwegian Bokmål and English, made in one place.

- ``Code`` (``codes.py``): a stable identifier for one message, with its English and Bokmål templates. Each area
  has its own enum of codes in a module here (``booking.py``, ``intake.py``, …); the value (``"booking.overlap"``)
  is what machines see (``--json``'s ``code``) and never changes when the wording does.
- ``Text``: a code with its parameters, rendered when it is shown, in the language in force then.
- ``render``: code + parameters → the text for a person; dates, ranges, lists and nested texts are formatted
  for the language here, so callers pass values, never pre-formatted English.
- ``language``: which language is in force (the command line's ``--language``, the language setting, else the
  system's locale); the window sets it when the person switches.

Nothing outside this package chooses between languages, and no code anywhere looks at a message's words.
"""

from takeover_planner.texts.codes import Code, all_codes
from takeover_planner.texts.language import (
    BOKMAAL,
    ENGLISH,
    LANGUAGES,
    current_language,
    language_from_locale,
    resolve_language,
    set_language,
)
from takeover_planner.texts.render import DateSpan, Text, render

__all__ = [
    "BOKMAAL",
    "Code",
    "DateSpan",
    "ENGLISH",
    "LANGUAGES",
    "Text",
    "all_codes",
    "current_language",
    "language_from_locale",
    "render",
    "resolve_language",
    "set_language",
]
