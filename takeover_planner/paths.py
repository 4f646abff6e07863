"""Every folder the app reads or writes, resolved in one place.

Order of precedence: an explicit ``--home DIR`` (passed in by the CLI or GUI), then the
``TAKEOVER_PLANNER_HOME`` environment variable, then the platform's conventions (platformdirs).
With a home folder, everything lives below it: tests and demos never touch the real home.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import resources as _resources
from importlib.resources.abc import Traversable
from pathlib import Path

from takeover_planner.fileio import make_private_folder

HOME_ENV = "TAKEOVER_PLANNER_HOME"
DB_URL_ENV = "TAKEOVER_PLANNER_DB_URL"
DB_FILENAME = "takeover-planner.sqlite3"


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
        """Create the folders, private to this user (0700 on POSIX): they hold contacts, consent records and
        people's names. A media folder set to a team share is not below these and keeps the share's modes."""
        for folder in (self.data_dir, self.config_dir, self.cache_dir, self.log_dir):
            make_private_folder(folder)
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


def without_password(url_text: str) -> str:
    """The database URL with no password in it, whatever it held; anything not a URL is returned as it is.

    SQLAlchemy's ``url.set(password=None)`` leaves the password in place (None means "unchanged" there), so
    the URL is built anew without it."""
    if not url_text:
        return url_text
    from sqlalchemy.engine import URL, make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(url_text)
    except ArgumentError:
        return url_text
    if url.password is None:
        return url_text
    bare = URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query)
    return bare.render_as_string(hide_password=False)


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


@cache
def resources_dir() -> Path:
    """The package's ``resources`` folder as a real path (rule sets, demo, translations, icons).

    Found through importlib.resources, so it is the same in a checkout, an installed wheel and a PyInstaller
    bundle. Qt and the rule cache need a file system path: if the package is ever loaded from a zip, the
    folder is copied out once, for the life of the process.
    """
    root = _resources.files("takeover_planner").joinpath("resources")
    if isinstance(root, Path):
        return root
    copy = Path(tempfile.mkdtemp(prefix="takeover-planner-resources-"))
    atexit.register(shutil.rmtree, copy, True)
    _copy_tree(root, copy)
    return copy


def _copy_tree(source: Traversable, target: Path) -> None:
    for entry in source.iterdir():
        if entry.is_dir():
            (target / entry.name).mkdir()
            _copy_tree(entry, target / entry.name)
        else:
            (target / entry.name).write_bytes(entry.read_bytes())


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
