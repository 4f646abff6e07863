"""Settings declared once: key, type, default, title; stored as JSON in the config folder.

Only plain preferences live here. Secrets never do: tokens and passwords go to the OS keyring
(``takeover_planner.instagram.secrets``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from takeover_planner.fileio import atomic_write_text
from takeover_planner.paths import AppPaths, without_password

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
# Who uses the app on this computer (services/profile.py): signs every brief and hand-off checklist.
declare("profile.name", str, "", "Your name, as briefs and checklists are signed")
declare("profile.email", str, "", "Your e-mail address, for departments' questions")
declare("profile.phone", str, "", "Your phone number (optional)")
declare("profile.title", str, "", "Your title, e.g. communications adviser (optional)")
declare("profile.organisation", str, "", "Your organisation, e.g. Fjordvik kommune (optional)")
declare("rules.path", str, "", "A rule set file to use instead of the built-in one")
# Publishing (publishing/): the media host (its password lives in the keyring) and the queue's timing.
declare("hosting.upload_url", str, "", "Media host: WebDAV / HTTP PUT folder the app uploads to")
declare("hosting.public_url", str, "", "Media host: public address of that folder, as Instagram fetches it")
declare("hosting.username", str, "", "Media host: user name (the password is kept in the OS keyring)")
declare("calendar.feed_key", str, "", "Published calendars: the random part of their file names (made once)")
declare("publish.interval_seconds", int, 60, "How often the app looks for frames that are due")
declare("publish.connect_timeout_seconds", int, 10, "Instagram and media host: seconds to wait for a connection")
declare("publish.read_timeout_seconds", int, 60, "Instagram and media host: seconds to wait for an answer")
declare("publish.claim_seconds", int, 120, "How long a runner on another machine holds a frame unless it renews "
        "its claim (at most 120; a dead runner on this computer loses it at once)")
declare("publish.poll_seconds", int, 60, "Seconds between looks at a story Instagram is still processing")
declare("publish.inline_wait_seconds", int, 20, "Seconds one run waits for Instagram to finish processing")
declare("publish.unknown_grace_seconds", int, 120, "Seconds to wait before re-checking a publish whose reply was lost")
declare("publish.max_attempts", int, 6, "Tries for a frame after temporary errors before it fails")
declare("publish.late_grace_minutes", int, 120, "A frame later than this is held until a person decides")
declare("publish.text_frames", str, "burn", "Frames with on-screen text: burn the text into the picture or video "
        "(burn), or post them by hand from a hand-off pack, the text added on the phone (handoff)")
declare("instagram.graph_version", str, "v26.0", "Graph API version used with Meta's hosts (e.g. v26.0)")
# Insights (insights/): how often the window looks for story insights and follower counts that are due.
declare("insights.interval_seconds", int, 600, "How often the app collects story insights that are due")
# The intake folder (services/intake_folder.py): the window imports the submission packages dropped there.
declare("intake.folder", str, "", "Intake folder the window watches for submission packages (empty: none)")

# Settings that hold a URL: a password inside one is taken out before it can reach the file.
_URL_KEYS = frozenset({"database.url", "hosting.upload_url", "hosting.public_url"})

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
        values = {k: v for k, v in raw.items() if k in REGISTRY}
        leaked = [k for k in _URL_KEYS if isinstance(v := values.get(k), str) and without_password(v) != v]
        settings = cls(paths, values)
        if leaked:
            # An older version wrote a URL with its password in it: take it out of the file now.
            log.warning("Removing a password from %s in %s", ", ".join(sorted(leaked)), file)
            for key in leaked:
                settings.set(key, values[key])
            settings.save()
        return settings

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
        if key in _URL_KEYS:
            value = without_password(str(value))  # passwords live in the keyring, whoever hands us the URL
        self._values[key] = value

    def save(self) -> None:
        payload = {"_version": SETTINGS_VERSION, **self._values}
        atomic_write_text(self._paths.settings_file, json.dumps(payload, indent=2, sort_keys=True))
