"""Team mode: point the app at a shared PostgreSQL database, and move a personal SQLite plan into one.

The database password never goes into the settings file: the URL is saved without it and the password is
kept in the OS keyring under a key naming user, host, port and database.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.engine import URL, make_url

from takeover_planner.errors import ValidationError
from takeover_planner.paths import AppPaths, without_password
from takeover_planner.services import safekeeping
from takeover_planner.services.access import require_planner
from takeover_planner.services.context import AppContext
from takeover_planner.settings import Settings
from takeover_planner.storage.copy import CopyReport, copy_database, ensure_reachable
from takeover_planner.storage.database import Database, normalise_url, redact_url
from takeover_planner.storage.migrate import foreign_database, schema_status, secure, security_status, upgrade
from takeover_planner.storage.pg_security import SecurityStatus
from takeover_planner.texts.access import ActionText
from takeover_planner.texts.team import TeamText

if TYPE_CHECKING:
    from takeover_planner.instagram.secrets import SecretStore

log = logging.getLogger(__name__)


def password_key(url: URL) -> str:
    return f"database:{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def _split_password(url_text: str, password: str | None) -> tuple[str, str | None]:
    """The URL without a password, and the password (given separately, or taken out of the URL)."""
    url = make_url(normalise_url(url_text))
    secret = password or url.password
    return without_password(url.render_as_string(hide_password=False)), (str(secret) if secret else None)


def _open(url_text: str, password: str | None) -> tuple[Database, str, str | None]:
    """A database handle for a URL the user typed, with the password given, else the URL's, else the keyring's;
    also the URL without its password (what may be shown and saved) and the password given or in the URL."""
    plain_url, secret = _split_password(url_text, password)
    full = make_url(plain_url).set(password=secret).render_as_string(hide_password=False) if secret else plain_url
    return Database(with_stored_password(full) if not secret else full), plain_url, secret


def with_stored_password(url_text: str) -> str:
    """Add the keyring's password to a PostgreSQL URL that has none (settings never hold one)."""
    url = make_url(url_text)
    if url.get_backend_name() != "postgresql" or url.password is not None:
        return url_text
    from takeover_planner.errors import TakeoverError
    from takeover_planner.instagram.secrets import SecretStore

    store = SecretStore()
    if not store.status().usable:
        return url_text  # trust/peer authentication needs none; a real failure will say so when connecting
    try:
        password = store.get(password_key(url))
    except TakeoverError:
        # A locked or broken keyring must not stop the app from opening a database that may need no
        # password at all; if it does need one, connecting says so in plain words.
        log.info("No database password from the keyring for %s", redact_url(url_text))
        return url_text
    return url.set(password=password).render_as_string(hide_password=False) if password else url_text


def _password_store() -> SecretStore:
    """The OS keyring, or a refusal in the words of this task (the store's own text is about access tokens and
    publishing). Never the settings file."""
    from takeover_planner.instagram.errors import SecretStoreUnavailable
    from takeover_planner.instagram.secrets import ENV_BACKEND, SecretStore

    store = SecretStore()
    if not store.status().usable:
        raise SecretStoreUnavailable(TeamText.NO_KEYRING_FOR_PASSWORD, details={"backend": store.status().backend},
                                     variable=ENV_BACKEND)
    return store


@dataclass(frozen=True)
class ConnectResult:
    display_url: str
    password_stored: bool
    schema: str


def connect(ctx: AppContext, url_text: str, *, password: str | None = None) -> ConnectResult:
    """Check the database, bring its schema up to date, and make it the one the app uses from now on."""
    if url_text.strip().lower() in ("default", "sqlite", "local"):
        ctx.settings.set("database.url", "")
        ctx.settings.save()
        return ConnectResult(redact_url(ctx.paths.default_db_url), False, "")
    # A password needs the keyring: asked before the database is touched, so a refusal changes nothing.
    store = _password_store() if _split_password(url_text, password)[1] else None
    db, plain_url, secret = _open(url_text, password)
    try:
        ensure_reachable(db)
        status = schema_status(db)
        if status.foreign:
            raise foreign_database(db)
        upgrade(db, ctx.paths.backup_dir)
        schema = schema_status(db).current or ""
    finally:
        db.dispose()
    stored = False
    if secret and store is not None:
        store.set(password_key(make_url(plain_url)), secret)
        stored = True
    ctx.settings.set("database.url", plain_url)
    ctx.settings.save()
    return ConnectResult(redact_url(plain_url), stored, schema)


def copy_to(ctx: AppContext, url_text: str, *, password: str | None = None) -> CopyReport:
    """Copy the whole plan into an empty database: a comms officer's task. On PostgreSQL a contributor or
    reader could read only part of it, and such a part would not hang together (rows that point at rows they
    may not see), so it is refused up front."""
    with ctx.db.session() as s:
        require_planner(s, ctx.actor, ActionText.COPY_DATABASE)
    target, _, _ = _open(url_text, password)
    if target.url == ctx.db.url:
        raise ValidationError(TeamText.COPY_INTO_CURRENT)
    try:
        ensure_reachable(target)
        safekeeping.backup_before(ctx, "copy")
        return copy_database(ctx.db, target, ctx.paths.backup_dir)
    finally:
        target.dispose()


@dataclass(frozen=True)
class ConnectionCheck:
    """What "Test connection" found, without changing anything."""

    display_url: str
    backend: str  # sqlite | postgresql
    state: str  # empty | current | upgrade | too_new | foreign
    revision: str


def check_connection(url_text: str, *, password: str | None = None) -> ConnectionCheck:
    """Connect to a database and read its schema revision; nothing is created, migrated or saved."""
    db, plain_url, _ = _open(url_text, password)
    try:
        ensure_reachable(db)
        status = schema_status(db)
    finally:
        db.dispose()
    if status.foreign:
        state = "foreign"
    elif status.too_new:
        state = "too_new"
    elif status.current is None:
        state = "empty"
    else:
        state = "upgrade" if status.pending else "current"
    return ConnectionCheck(redact_url(plain_url), make_url(plain_url).get_backend_name(), state, status.current or "")


def connect_without_context(paths: AppPaths, settings: Settings, url_text: str, *,
                            password: str | None = None) -> ConnectResult:
    """``connect`` when no database is open (the team's could not be reached at start): a context on this
    computer's file stands in, since ``connect`` only needs the folders and the settings from it."""
    stand_in = AppContext(paths, settings, Database(paths.default_db_url), "")
    try:
        return connect(stand_in, url_text, password=password)
    finally:
        stand_in.close()


def database_security(ctx: AppContext) -> SecurityStatus | None:
    """On PostgreSQL, whether the server enforces the roles (group roles, grants, policies, audit trigger);
    None for a personal SQLite database, which has no roles."""
    return security_status(ctx.db)


def secure_database(ctx: AppContext) -> SecurityStatus | None:
    """Install what is missing of the roles, grants and policies (``db upgrade``; the owner login only)."""
    return secure(ctx.db)
