"""argparse's own refusals (a missing argument, an unknown option, a bad value) in the person's language.

argparse asks ``gettext`` for every message it prints, through the module-level ``_`` it imported. We answer
those look-ups from ``texts.usage.ArgparseText`` (keyed by argparse's English message id), which is what a gettext
catalogue would do; unknown ids come back unchanged. The language must be in force before parsing starts, so
``language_before_parsing`` reads ``--language`` and ``--home`` (for the language setting) from the raw words.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from takeover_planner import texts
from takeover_planner.errors import TakeoverError
from takeover_planner.texts.usage import ArgparseText

_BY_MESSAGE_ID = {code.en: code for code in ArgparseText}


def _translate(message_id: str) -> str:
    code = _BY_MESSAGE_ID.get(message_id)
    return code.template(texts.current_language()) if code is not None else message_id


def install() -> None:
    """Route argparse's message look-ups through our catalogue (idempotent)."""
    argparse._ = _translate  # type: ignore[attr-defined]  # argparse's gettext hook: a module-level name


def language_before_parsing(words: Sequence[str]) -> str:
    """Put ``--language`` (else the language setting of ``--home``, else the system's) in force; returns it."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--language", choices=texts.LANGUAGES)
    early.add_argument("--home")
    try:
        known, _rest = early.parse_known_args(list(words))
    except SystemExit:  # a malformed --language: the real parser will say so, in the system's language
        return texts.set_language(None)
    if known.language:
        return texts.set_language(known.language)
    from takeover_planner.paths import resolve_paths
    from takeover_planner.settings import Settings

    try:
        choice: str | None = str(Settings.load(resolve_paths(known.home)).get("ui.language"))
    except (OSError, ValueError, TakeoverError):  # the command itself reports an unusable settings file later
        choice = None
    return texts.set_language(choice)
