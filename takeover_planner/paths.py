"""Every folder the app reads or writes, resolved in one place.

Order of precedence: an explicit ``--home DIR`` (passed in by the CLI or GUI), then the
``TAKEOVER_PLANNER_HOME`` environment variable, then the platform's conventions (platformdirs).
With a home folder, everything lives below it: tests and demos never touch the real home.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

HOME_ENV = "TAKEOVER_PLANNER_HOME"
DB_URL_ENV = "TAKEOVER_PLANNER_DB_URL"
DB_FILENAME = "takeover-planner.sqlite3"

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def default_db_url(self) -> str:
        return f"sqlite:///{(self.data_dir / DB_FILENAME).as_posix()}"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def thumbnail_dir(self) -> Path:
        return self.cache_dir / "thumbnails"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "takeover-planner.log"

    def ensure(self) -> AppPaths:
        for folder in (self.data_dir, self.config_dir, self.cache_dir, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(home: str | os.PathLike[str] | None = None) -> AppPaths:
    """Resolve the app's folders; ``home`` (or $TAKEOVER_PLANNER_HOME) puts them all under one folder."""
    chosen = home if home is not None else os.environ.get(HOME_ENV) or None
    if chosen is not None:
        root = Path(chosen).expanduser().resolve()
        return AppPaths(
            data_dir=root / "data",
            config_dir=root / "config",
            cache_dir=root / "cache",
            log_dir=root / "logs",
        )
    import platformdirs

    dirs = platformdirs.PlatformDirs(appname="TakeoverPlanner", appauthor=False)
    return AppPaths(
        data_dir=Path(dirs.user_data_dir),
        config_dir=Path(dirs.user_config_dir),
        cache_dir=Path(dirs.user_cache_dir),
        log_dir=Path(dirs.user_log_dir),
    )


def resolve_db_url(paths: AppPaths, db_url: str | None = None) -> str:
    """The database URL: ``--db``, then $TAKEOVER_PLANNER_DB_URL, then the settings file, then SQLite in the data folder."""
    if db_url:
        return db_url
    env = os.environ.get(DB_URL_ENV)
    if env:
        return env
    from takeover_planner.settings import Settings

    configured = Settings.load(paths).get("database.url")
    return str(configured) if configured else paths.default_db_url


def resource(*parts: str) -> Path:
    return RESOURCES_DIR.joinpath(*parts)
