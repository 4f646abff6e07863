"""Message codes: a stable key and its English and Bokmål templates, declared together.

An area declares its messages as an enum deriving from ``Code``::

    class BookingText(Code):
        OVERLAP = ("booking.overlap", "{dates} on {account} overlaps {slots}.",
                   "{dates} på {account} overlapper {slots}.")

Templates use ``str.format`` fields named after the parameters. The key is what machines and logs see; the
templates are only ever read by ``render``. Every subclass registers itself, so a test can walk every message
(``all_codes``) — to check that both languages use the same fields, or to reword them all at run time.
"""

from __future__ import annotations

import enum
import string
from collections.abc import Iterator
from typing import Any

_REGISTRY: list[type[Code]] = []


class Code(enum.Enum):
    """One message: ``value`` is its stable key; ``en`` and ``nb`` its templates."""

    en: str
    nb: str

    def __new__(cls, key: str, en: str, nb: str) -> Code:
        member = object.__new__(cls)
        member._value_ = key
        member.en = en
        member.nb = nb
        return member

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _REGISTRY.append(cls)

    @property
    def key(self) -> str:
        return str(self.value)

    def template(self, language: str) -> str:
        return self.nb if language == "nb" else self.en

    def fields(self, language: str) -> set[str]:
        """The parameter names a template uses (``{name}`` and ``{name!r}`` alike)."""
        return {name for _text, name, _spec, _conv in string.Formatter().parse(self.template(language)) if name}


def all_codes() -> Iterator[Code]:
    """Every message of every area (imports the areas first, so none is missed)."""
    from takeover_planner.texts import areas

    areas.load_all()
    for cls in _REGISTRY:
        yield from cls
