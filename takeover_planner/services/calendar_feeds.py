"""Calendars others subscribe to: the full calendar and one feed per department, uploaded to the media host
already set up for publishing (WebDAV / HTTP PUT, ``publishing.hosting``), each at a public address that stays
the same from one upload to the next, so a subscription keeps working.

The file names carry a random key made once per installation (the setting ``calendar.feed_key``): the feeds
hold contact names and e-mail addresses, and the media host's folder is public, so a feed is found only by
those who were given its address. Department feeds are named by department id as well (``ics.department_file_names``).
"""

from __future__ import annotations

import datetime as dt
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.errors import ValidationError
from takeover_planner.exporting import ics
from takeover_planner.instagram.graph_client import new_session
from takeover_planner.instagram.secrets import SecretStore
from takeover_planner.publishing.hosting import MediaHost
from takeover_planner.services import publishing_service
from takeover_planner.services.context import AppContext
from takeover_planner.services.export_service import (
    ExportOptions,
    Progress,
    calendar_title,
    export_words,
    gather,
    gather_periods,
)
from takeover_planner.texts.export_words import ExportWord
from takeover_planner.texts.feeds import FeedText

FEED_KEY = "calendar.feed_key"


@dataclass(frozen=True)
class PublishedFeeds:
    full: str  # the full calendar's public address
    per_department: dict[str, str]  # department name → its feed's public address
    slot_count: int

    def as_dict(self) -> dict[str, object]:
        return {"full": self.full, "per_department": dict(self.per_department), "slots": self.slot_count}


def feed_key(ctx: AppContext) -> str:
    """The random part of the feeds' names, made (and saved) the first time the calendars are published."""
    key = str(ctx.settings.get(FEED_KEY))
    if not key:
        key = secrets.token_hex(8)
        ctx.settings.set(FEED_KEY, key)
        ctx.settings.save()
    return key


def feed_names(key: str, departments: dict[int, str]) -> tuple[str, dict[int, str]]:
    """The full calendar's file name and each department's, all with ``key`` before the extension."""
    per_department = {i: f"{name.removesuffix('.ics')}-{key}.ics"
                      for i, name in ics.department_file_names(departments).items()}
    return f"{ics.FULL_CALENDAR_STEM}-{key}.ics", per_department


def publish_feeds(
    ctx: AppContext,
    options: ExportOptions | None = None,
    *,
    periods: bool = True,
    secrets_store: SecretStore | None = None,
    progress: Progress | None = None,
    stamp: dt.datetime | None = None,
) -> PublishedFeeds:
    """Build every feed first, then upload them one by one; a host failure raises ``HostingError`` (what was
    uploaded before it stays: each feed is whole on its own)."""
    options = options or ExportOptions()
    build = publishing_service.media_host(ctx, secrets_store or publishing_service.secret_store())
    host = build(new_session())
    if host is None:
        raise ValidationError(FeedText.NO_HOST)
    words = export_words(options)
    slots = gather(ctx, options)
    full, per_department = ics.calendar_set(
        slots, title=calendar_title(options, words),
        department_title=lambda name: f"{words(ExportWord.CALENDAR_TITLE)} – {name}", words=words,
        stamp=stamp or now_utc(), progress=progress, periods=gather_periods(ctx, options) if periods else [])
    departments = {s.department_id: s.department for s in slots}
    full_name, names = feed_names(feed_key(ctx), departments)
    with tempfile.TemporaryDirectory(prefix="takeover-feeds-") as folder:
        full_url = _upload(host, Path(folder), full_name, full)
        addresses = {departments[i]: _upload(host, Path(folder), names[i], data) for i, data in per_department.items()}
    return PublishedFeeds(full_url, addresses, len(slots))


def _upload(host: MediaHost, folder: Path, name: str, data: bytes) -> str:
    local = folder / name
    local.write_bytes(data)
    return host.upload(local, name)
