"""Settings declared once: key, type, default, title; stored as JSON in the config folder.

Only plain preferences live here. Secrets never do: tokens and passwords go to the OS keyring
(``takeover_planner.publishing.secrets``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from takeover_planner.fileio import atomic_write_text
from takeover_planner.paths import AppPaths

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    title: str


REGISTRY: dict[str, Setting] = {}


def declare(key: str, type_: type, default: Any, title: str) -> Setting:
    setting = Setting(key, type_, default, title)
    REGISTRY[key] = setting
    return setting


declare("database.url", str, "", "Database URL (empty: SQLite in the data folder)")
declare("media.folder", str, "", "Media folder (empty: inside the data folder; a network share for a team)")
declare("ui.language", str, "system", "Language: system, nb or en")
declare("user.name", str, "", "Your name, as it appears in the audit trail")
declare("demo.offered", bool, False, "The demo municipality has been offered once")
declare("rules.path", str, "", "A rule set file to use instead of the built-in one")
# Publishing (publishing/): the media host (its password lives in the keyring) and the queue's timing.
declare("hosting.upload_url", str, "", "Media host: WebDAV / HTTP PUT folder the app uploads to")
declare("hosting.public_url", str, "", "Media host: public address of that folder, as Instagram fetches it")
declare("hosting.username", str, "", "Media host: user name (the password is kept in the OS keyring)")
declare("publish.interval_seconds", int, 60, "How often the app looks for frames that are due")
declare("publish.connect_timeout_seconds", int, 10, "Instagram and media host: seconds to wait for a connection")
declare("publish.read_timeout_seconds", int, 60, "Instagram and media host: seconds to wait for an answer")
declare("publish.claim_seconds", int, 600, "How long a runner holds a frame before another may take it over")
declare("publish.poll_seconds", int, 60, "Seconds between looks at a story Instagram is still processing")
declare("publish.inline_wait_seconds", int, 20, "Seconds one run waits for Instagram to finish processing")
declare("publish.unknown_grace_seconds", int, 120, "Seconds to wait before re-checking a publish whose reply was lost")
declare("publish.max_attempts", int, 6, "Tries for a frame after temporary errors before it fails")
# Insights (insights/): how often the window looks for story insights and follower counts that are due.
declare("insights.interval_seconds", int, 600, "How often the app collects story insights that are due")

# Upgrade hooks: version N → N+1, applied in order when an older settings file is read.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class Settings:
    def __init__(self, paths: AppPaths, values: dict[str, Any] | None = None) -> None:
        self._paths = paths
        self._values: dict[str, Any] = dict(values or {})

    @classmethod
    def load(cls, paths: AppPaths) -> Settings:
        file = paths.settings_file
        if not file.exists():
            return cls(paths)
        try:
            raw = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            # A damaged settings file must not stop the app; keep it for inspection and start from defaults.
            log.warning("Settings file %s unreadable (%s); using defaults", file, exc)
            return cls(paths)
        if not isinstance(raw, dict):
            return cls(paths)
        version = int(raw.pop("_version", SETTINGS_VERSION))
        while version < SETTINGS_VERSION:
            raw = UPGRADES[version](raw)
            version += 1
        return cls(paths, {k: v for k, v in raw.items() if k in REGISTRY})

    def get(self, key: str) -> Any:
        setting = REGISTRY[key]
        value = self._values.get(key, setting.default)
        if not isinstance(value, setting.type):
            return setting.default
        return value

    def set(self, key: str, value: Any) -> None:
        setting = REGISTRY[key]
        if not isinstance(value, setting.type):
            raise TypeError(f"{key} takes {setting.type.__name__}, not {type(value).__name__}")
        self._values[key] = value

    def save(self) -> None:
        payload = {"_version": SETTINGS_VERSION, **self._values}
        atomic_write_text(self._paths.settings_file, json.dumps(payload, indent=2, sort_keys=True))
