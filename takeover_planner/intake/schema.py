"""A small strict reader for JSON manifests: every field typed and bounded, unknown fields refused.

Each failure names where it is (``frames[2].planned_time``) and what was expected, so a contributor or a
comms officer can tell what is wrong with a package without opening it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from takeover_planner.intake.errors import PackageRefused, Reason

T = TypeVar("T")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
UID = re.compile(r"^[0-9a-f]{32}$")
KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def refuse(where: str, expected: str) -> PackageRefused:
    return PackageRefused(Reason.SCHEMA, f"The manifest does not match the package format: {where} {expected}.",
                          details={"field": where})


def load_json(raw: bytes, what: str = "manifest.json") -> Any:
    """Parse JSON, refusing duplicate keys (two values for one field is a classic way to fool a reader)."""

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in pairs:
            if key in seen:
                raise refuse(f"{what} field '{key}'", "appears twice")
            seen[key] = value
        return seen

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise PackageRefused(Reason.SCHEMA, f"{what} is not UTF-8 text.") from None
    try:
        return json.loads(text, object_pairs_hook=no_duplicates)
    except (ValueError, RecursionError) as exc:
        raise PackageRefused(Reason.SCHEMA, f"{what} is not valid JSON ({exc}).") from None


class Obj:
    """One JSON object being read: ask for each field once, then ``done()`` refuses anything left over."""

    def __init__(self, value: Any, where: str) -> None:
        if not isinstance(value, dict):
            raise refuse(where or "the manifest", "must be an object")
        self.data: dict[str, Any] = value
        self.where = where
        self.used: set[str] = set()

    def _path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def _get(self, key: str, required: bool) -> Any:
        self.used.add(key)
        if key not in self.data:
            if required:
                raise refuse(self._path(key), "is missing")
            return None
        return self.data[key]

    def done(self) -> None:
        extra = sorted(set(self.data) - self.used)
        if extra:
            raise refuse(self._path(extra[0]), "is not a field of this format")

    def text(self, key: str, *, max_len: int, min_len: int = 0, pattern: re.Pattern[str] | None = None,
            required: bool = True, default: str = "") -> str:
        value = self._get(key, required)
        if value is None and not required:
            return default
        if not isinstance(value, str):
            raise refuse(self._path(key), "must be text")
        if not min_len <= len(value) <= max_len:
            raise refuse(self._path(key), f"must be {min_len}–{max_len} characters long")
        if pattern is not None and not pattern.match(value):
            raise refuse(self._path(key), f"has an unexpected form ('{value[:60]}')")
        return value

    def opt_text(self, key: str, *, max_len: int, pattern: re.Pattern[str] | None = None) -> str | None:
        value = self._get(key, False)
        if value is None:
            return None
        self.used.discard(key)
        return self.text(key, max_len=max_len, pattern=pattern)

    def integer(self, key: str, *, low: int, high: int) -> int:
        value = self._get(key, True)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise refuse(self._path(key), f"must be a whole number from {low} to {high}")
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key, True)
        if not isinstance(value, bool):
            raise refuse(self._path(key), "must be true or false")
        return value

    def date(self, key: str, *, required: bool = True) -> dt.date | None:
        value = self._get(key, required)
        if value is None:
            if required:
                raise refuse(self._path(key), "must be a date (YYYY-MM-DD)")
            return None
        try:
            return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else _bad()
        except ValueError:
            raise refuse(self._path(key), "must be a date (YYYY-MM-DD)") from None

    def moment(self, key: str, *, required: bool = True) -> dt.datetime | None:
        value = self._get(key, required)
        if value is None:
            if required:
                raise refuse(self._path(key), "must be a date and time with its offset")
            return None
        try:
            parsed = dt.datetime.fromisoformat(value) if isinstance(value, str) and len(value) <= 40 else _bad()
        except ValueError:
            raise refuse(self._path(key), "must be a date and time with its offset") from None
        if parsed.tzinfo is None:
            raise refuse(self._path(key), "must include its UTC offset")
        return parsed

    def time(self, key: str) -> dt.time | None:
        value = self._get(key, False)
        if value is None:
            return None
        if not isinstance(value, str) or not TIME.match(value):
            raise refuse(self._path(key), "must be a time of day as HH:MM")
        return dt.time.fromisoformat(value)

    def obj(self, key: str, *, required: bool = True) -> Obj | None:
        value = self._get(key, required)
        if value is None and not required:
            return None
        return Obj(value, self._path(key))

    def items(self, key: str, item: Callable[[Any, str], T], *, max_items: int, min_items: int = 0) -> list[T]:
        value = self._get(key, True)
        if not isinstance(value, list):
            raise refuse(self._path(key), "must be a list")
        if not min_items <= len(value) <= max_items:
            raise refuse(self._path(key), f"must hold {min_items}–{max_items} entries")
        return [item(entry, f"{self._path(key)}[{i}]") for i, entry in enumerate(value)]

    def mapping(self, key: str, item: Callable[[str, Any, str], T], *, max_items: int) -> dict[str, T]:
        value = self._get(key, True)
        if not isinstance(value, dict):
            raise refuse(self._path(key), "must be an object")
        if len(value) > max_items:
            raise refuse(self._path(key), f"must hold at most {max_items} entries")
        return {k: item(k, v, f"{self._path(key)}['{k}']") for k, v in value.items()}


def text_item(max_len: int) -> Callable[[Any, str], str]:
    def read(value: Any, where: str) -> str:
        if not isinstance(value, str) or len(value) > max_len:
            raise refuse(where, f"must be text of at most {max_len} characters")
        return value

    return read


def unique(values: Iterable[str], where: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise refuse(where, f"names '{value}' twice")
        seen.add(value)


def _bad() -> Any:
    raise ValueError("wrong shape")
