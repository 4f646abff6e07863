"""The application context: folders, settings, the database and who is acting.

Built once by the CLI or the GUI and handed to every service; no globals.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field
from pathlib import Path

from takeover_planner.paths import AppPaths, resolve_db_url, resolve_paths
from takeover_planner.settings import Settings
from takeover_planner.storage.database import Database

USER_ENV = "TAKEOVER_PLANNER_USER"


@dataclass
class AppContext:
    paths: AppPaths
    settings: Settings
    db: Database
    actor: str
    _media_dir: Path | None = field(default=None, repr=False)

    @property
    def media_dir(self) -> Path:
        """The media store's folder: a configured (possibly shared) folder, else inside the data folder."""
        if self._media_dir is not None:
            return self._media_dir
        configured = self.settings.get("media.folder")
        return Path(configured) if configured else self.paths.media_dir

    def close(self) -> None:
        self.db.dispose()


def default_actor(settings: Settings) -> str:
    name = os.environ.get(USER_ENV) or settings.get("profile.name") or settings.get("user.name")
    if name:
        return str(name)
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers, services)
        return "unknown"


def open_context(
    home: str | None = None,
    db_url: str | None = None,
    *,
    actor: str | None = None,
    migrate: bool = True,
) -> AppContext:
    """Resolve folders and settings, open the database and (by default) bring its schema up to date."""
    paths = resolve_paths(home).ensure()
    settings = Settings.load(paths)
    url = resolve_db_url(paths, db_url)
    if url.startswith("postgres"):
        from takeover_planner.services.team import with_stored_password

        url = with_stored_password(url)
    from takeover_planner.services import safekeeping

    safekeeping.protect(paths, url)
    db = Database(url)
    if migrate:
        from takeover_planner.storage.migrate import upgrade

        upgrade(db, paths.backup_dir)
        if not db.is_sqlite:
            # On a team database the login says who you are (services.access.login_actor); --user is refused.
            from takeover_planner.services.access import login_actor

            try:
                actor = login_actor(db, actor)
            except BaseException:
                db.dispose()
                raise
    ctx = AppContext(paths=paths, settings=settings, db=db, actor=actor or default_actor(settings))
    if migrate:
        try:
            safekeeping.daily_backup(ctx)  # at most one a day; SQLite only
        except BaseException:
            db.dispose()
            raise
    return ctx
