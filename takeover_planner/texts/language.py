"""Which language the core speaks: one per process, chosen once and changed only by the person.

Order of choice: an explicit choice (the command line's ``--language``, the window's View ▸ Language), else
the ``language`` setting, else the system's locale (``LC_ALL``/``LC_MESSAGES``/``LANG``; Windows' user locale).
"""

from __future__ import annotations

import locale
import os

ENGLISH = "en"
BOKMAAL = "nb"
LANGUAGES = (BOKMAAL, ENGLISH)
_NORWEGIAN_PREFIXES = ("nb", "no", "nn")

_current: str | None = None


def language_from_locale() -> str:
    """Bokmål for a Norwegian locale (Bokmål, Nynorsk or plain ``no``), else English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return BOKMAAL if value.lower().startswith(_NORWEGIAN_PREFIXES) else ENGLISH
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    lowered = name.lower()
    return BOKMAAL if lowered.startswith(_NORWEGIAN_PREFIXES) or lowered.startswith("norwegian") else ENGLISH


def resolve_language(choice: str | None) -> str:
    """``nb``/``en`` as they are; ``system``, empty or unknown follow the locale."""
    if choice in LANGUAGES:
        return str(choice)
    return language_from_locale()


def set_language(choice: str | None) -> str:
    """Make ``choice`` (resolved) the language of every message from now on; returns what is in force."""
    global _current
    _current = resolve_language(choice)
    return _current


def current_language() -> str:
    return _current if _current is not None else resolve_language(None)
