"""Every message code is complete in both languages: a key of the form area.name used once, an English and a
Bokmål template with the same fields, and both render with any parameters."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import re
from collections import Counter

import pytest

from takeover_planner import texts
from takeover_planner.texts import BOKMAAL, ENGLISH, Code, DateSpan, Text, all_codes, render
from takeover_planner.texts.areas import AREAS

CODES = list(all_codes())
KEY = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
DUMMIES: tuple[object, ...] = (
    "Biblioteket", 7, dt.date(2027, 3, 4), DateSpan(dt.date(2027, 3, 4), dt.date(2027, 3, 9)),
    dt.datetime(2027, 3, 4, 9, 30, tzinfo=dt.UTC), ["første", "andre"],
)


def _ids(code: Code) -> str:
    return code.key


def test_every_module_that_declares_messages_is_listed_in_areas() -> None:
    declaring = set()
    for info in pkgutil.iter_modules(texts.__path__, texts.__name__ + "."):
        module = importlib.import_module(info.name)
        if any(inspect.isclass(value) and issubclass(value, Code) and value is not Code
               and value.__module__ == module.__name__ for value in vars(module).values()):
            declaring.add(info.name)
    assert declaring, "no message areas found"
    assert declaring <= set(AREAS), f"add to texts/areas.py: {sorted(declaring - set(AREAS))}"


def test_every_key_is_area_dot_name_and_used_once() -> None:
    bad = [code.key for code in CODES if not KEY.match(code.key)]
    assert not bad, f"keys not of the form area.name: {bad}"
    twice = [key for key, count in Counter(code.key for code in CODES).items() if count > 1]
    assert not twice, f"keys used by more than one code: {twice}"


@pytest.mark.parametrize("code", CODES, ids=_ids)
def test_both_templates_exist_and_use_the_same_fields(code: Code) -> None:
    assert code.en.strip() and code.nb.strip(), f"{code.key} lacks a template"
    assert code.fields(ENGLISH) == code.fields(BOKMAAL), (
        f"{code.key}: English uses {sorted(code.fields(ENGLISH))}, Bokmål {sorted(code.fields(BOKMAAL))}")


@pytest.mark.parametrize("code", CODES, ids=_ids)
def test_every_code_renders_in_both_languages(code: Code) -> None:
    fields = sorted(code.fields(ENGLISH))
    params = {name: DUMMIES[i % len(DUMMIES)] for i, name in enumerate(fields)}
    for language in texts.LANGUAGES:
        shown = render(code, params, language)
        assert shown.strip()
        for name in fields:
            assert "{" + name + "}" not in shown, f"{code.key}: {{{name}}} was not filled in ({language})"


def test_a_message_follows_the_language_in_force() -> None:
    code = next(code for code in CODES if code.en != code.nb)
    message = Text(code, {name: "x" for name in code.fields(ENGLISH)})
    texts.set_language(BOKMAAL)
    assert str(message) == message.in_language(BOKMAAL)
    texts.set_language(ENGLISH)
    assert str(message) == message.in_language(ENGLISH)
