"""Reading a manifest strictly: JSON without duplicate keys, then the package format's JSON Schema.

The formats are declared as JSON Schema files in ``resources/schemas/`` (``submission-1.json``,
``brief-1.json``), checked with the ``jsonschema`` library. A failure becomes one coded refusal that names
where it is (``frames[2].planned_time``) and what was expected, so a contributor or a comms officer can tell
what is wrong with a package without opening it. A schema may say which refusal a failing keyword means
with ``"x-code": "intake.…"`` (any failure inside that subschema) or ``"x-codes": {"keyword": "intake.…"}``;
otherwise the keyword decides. What a schema cannot express (real calendar days, references between
fields, member names against the zip, sizes, checksums) is checked in Python by the callers.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from takeover_planner.intake.errors import PackageRefused, Reason
from takeover_planner.paths import resource
from takeover_planner.texts.intake import IntakeText

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError as SchemaError

SCHEMA_DIR = ("schemas",)
_PLAIN_KEY = re.compile(r"^[a-z_][a-z0-9_]*$")
# What a failing keyword means when the schema does not say.
_BY_KEYWORD = {
    "required": IntakeText.FIELD_MISSING, "additionalProperties": IntakeText.UNKNOWN_FIELD,
    "minLength": IntakeText.TEXT_LENGTH, "maxLength": IntakeText.TEXT_LENGTH, "pattern": IntakeText.UNEXPECTED_FORM,
    "minimum": IntakeText.NOT_WHOLE_NUMBER, "maximum": IntakeText.NOT_WHOLE_NUMBER,
    "minItems": IntakeText.LIST_LENGTH, "maxItems": IntakeText.LIST_LENGTH,
    "maxProperties": IntakeText.TOO_MANY_ENTRIES, "uniqueItems": IntakeText.NAMED_TWICE,
    "enum": IntakeText.NOT_ONE_OF,
}
_CODES = {code.key: code for code in IntakeText}
_BY_TYPE = {
    "object": IntakeText.NOT_OBJECT, "string": IntakeText.NOT_TEXT, "integer": IntakeText.NOT_WHOLE_NUMBER,
    "boolean": IntakeText.NOT_FLAG, "array": IntakeText.NOT_LIST,
}


def refuse(code: IntakeText, where: str, **params: Any) -> PackageRefused:
    """The manifest breaks the format at ``where`` (``frames[2].planned_time``); ``code`` says how."""
    return PackageRefused(Reason.SCHEMA, code, details={"field": where}, field=where, **params)


def load_json(raw: bytes, what: str = "manifest.json") -> Any:
    """Parse JSON, refusing duplicate keys (two values for one field is a classic way to fool a reader)."""

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in pairs:
            if key in seen:
                raise PackageRefused(Reason.SCHEMA, IntakeText.FIELD_TWICE, details={"field": key}, file=what,
                                     field=key)
            seen[key] = value
        return seen

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise PackageRefused(Reason.SCHEMA, IntakeText.NOT_UTF8, file=what) from None
    try:
        return json.loads(text, object_pairs_hook=no_duplicates)
    except (ValueError, RecursionError) as exc:
        raise PackageRefused(Reason.SCHEMA, IntakeText.NOT_JSON, file=what, error=str(exc)) from None


def schema_file(name: str) -> str:
    """The path of a format's schema file, e.g. ``schema_file("submission-1")``."""
    return str(resource(*SCHEMA_DIR, f"{name}.json"))


@lru_cache(maxsize=4)
def _validator(name: str) -> Draft202012Validator:
    # Imported here: jsonschema costs ~0.25 s, which the window's start and `validate` should not pay.
    from jsonschema import Draft202012Validator

    with open(schema_file(name), encoding="utf-8") as handle:
        schema = json.load(handle)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def check_schema(data: Any, name: str) -> None:
    """Refuse ``data`` (a parsed manifest) unless it matches the schema ``name``; the most telling failure wins."""
    from jsonschema.exceptions import best_match

    error = best_match(_validator(name).iter_errors(data))
    if error is not None:
        raise _refusal(error)


def _where(path: Iterable[Any]) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _PLAIN_KEY.match(part):
            text += f".{part}" if text else part
        else:
            text += f"['{part[:60]}']"
    return text


def _declared_code(error: SchemaError) -> IntakeText | None:
    """The refusal the schema names for this failure: on the failing subschema, or on one that holds it."""
    node: SchemaError | None = error
    while node is not None:
        schema = node.schema if isinstance(node.schema, dict) else {}
        key = schema.get("x-codes", {}).get(error.validator) or schema.get("x-code")
        if key:
            return _CODES[key]
        node = node.parent
    return None


def _refusal(error: SchemaError) -> PackageRefused:
    keyword, schema, instance = str(error.validator), error.schema, error.instance
    schema = schema if isinstance(schema, dict) else {}
    path = list(error.absolute_path)
    if "propertyNames" in error.absolute_schema_path and isinstance(instance, str):
        path.append(instance)  # the failing name is a key of the object, not a value in it
    facts: dict[str, Any] = {}
    if keyword == "required":
        path.append(next(key for key in error.validator_value if key not in instance))
    elif keyword == "additionalProperties":
        known = set(schema.get("properties", {}))
        path.append(sorted(str(key) for key in instance if key not in known)[0])
    elif keyword == "pattern" or keyword == "const":
        facts["value"] = str(instance)[:60]
    elif keyword == "uniqueItems":
        facts["value"] = next(str(item) for i, item in enumerate(instance) if item in instance[:i])
    elif keyword == "enum":
        facts["choices"] = ", ".join(sorted(str(choice) for choice in error.validator_value))
    for low, high in (("minLength", "maxLength"), ("minimum", "maximum"), ("minItems", "maxItems"),
                      ("minProperties", "maxProperties")):
        if low in schema or high in schema:
            facts.setdefault("low", schema.get(low, 0))
            facts.setdefault("high", schema.get(high, 0))
    if keyword == "enum" or "items" in schema and "enum" in schema["items"]:
        facts.setdefault("choices", ", ".join(sorted(schema.get("enum") or schema["items"]["enum"])))
    code = _declared_code(error) or _keyword_code(keyword, error.validator_value, path)
    params = {name: facts[name] for name in code.fields("en") | code.fields("nb") if name in facts}
    where = _where(path)
    return refuse(code, where, **params) if where or code != IntakeText.ROOT_NOT_OBJECT else PackageRefused(
        Reason.SCHEMA, code, details={"field": ""})


def _keyword_code(keyword: str, value: Any, path: list[Any]) -> IntakeText:
    if keyword == "type":
        wanted = [value] if isinstance(value, str) else [kind for kind in value if kind != "null"]
        if not path and wanted == ["object"]:
            return IntakeText.ROOT_NOT_OBJECT
        return _BY_TYPE.get(wanted[0], IntakeText.UNEXPECTED_FORM)
    return _BY_KEYWORD.get(keyword, IntakeText.UNEXPECTED_FORM)


# --- values a schema checks only for their shape ------------------------------------------------------

def day(value: str | None, where: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` the schema let through, as a real calendar day (``2027-02-30`` is refused)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise refuse(IntakeText.NOT_DATE, where) from None


def moment(value: str | None, where: str) -> dt.datetime | None:
    """An ISO 8601 moment with its offset (the schema checked the shape) as an aware datetime."""
    if value is None:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise refuse(IntakeText.NOT_MOMENT, where) from None
    if parsed.tzinfo is None:
        raise refuse(IntakeText.NO_OFFSET, where)
    return parsed


def unique(values: Iterable[str], where: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise refuse(IntakeText.NAMED_TWICE, where, value=value)
        seen.add(value)
