"""The one door to secrets (access tokens, hosting passwords): the OS keyring, through ``keyring``.

- ``get`` / ``set`` / ``delete`` and a probe, done once per store, that says whether a real keyring is there.
- The backend is keyring's own choice, asked through its public API (``keyring.get_keyring()``): keyring
  honours $PYTHON_KEYRING_BACKEND, then its config file, then the best backend found. A choice made in either
  of the first two is the user's explicit choice; tests put a fake in with ``keyring.set_keyring()``.
- keyring's "fail" (or "null") backend means there is no secure store: every call raises
  ``SecretStoreUnavailable`` (reason ``no_keyring``) with a plain explanation of how to get one. A plain-text
  file backend found by itself is refused too; it is used only when the user picked it explicitly. Nothing is
  ever written in plain text silently.
- Messages never contain a secret: errors from the backend are reported by their type only.
"""

from __future__ import annotations

import configparser
import logging
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from takeover_planner.instagram.errors import SecretStoreUnavailable
from takeover_planner.texts import Text
from takeover_planner.texts.instagram import InstagramText

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

# keyring itself is imported when a secret is first needed: importing it pulls in importlib_metadata and its
# backend discovery, which a window or a queue run that reads no token should not pay for.

log = logging.getLogger(__name__)

SERVICE = "takeover-planner"
ENV_BACKEND = "PYTHON_KEYRING_BACKEND"
CONFIG_FILE = "keyringrc.cfg"  # keyring's config file, in the folder ``keyring diagnose`` names

_INSECURE_MARKERS = ("plaintext", "unencrypted")
_WARNED: set[str] = set()


def no_keyring_help() -> Text:
    return Text(InstagramText.NO_KEYRING, {"variable": ENV_BACKEND})


@dataclass(frozen=True)
class StoreStatus:
    usable: bool
    secure: bool  # False: a plain-text backend the user picked explicitly
    backend: str  # the backend's class path, for "about" screens and logs
    explicit: bool  # chosen by $PYTHON_KEYRING_BACKEND or keyring's config file
    explanation: Text | None  # None when usable and secure


def _class_path(obj: object) -> str:
    return f"{type(obj).__module__}.{type(obj).__qualname__}"


def _is_insecure(backend: object) -> bool:
    name = _class_path(backend).lower()
    return any(marker in name for marker in _INSECURE_MARKERS)


def _is_no_store(backend: object) -> bool:
    from keyring.backends import chainer, fail, null

    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return True
    return isinstance(backend, chainer.ChainerBackend) and not list(backend.backends)


def chosen_by_user() -> bool:
    """Did the user name a backend ($PYTHON_KEYRING_BACKEND, or ``default-keyring`` in keyring's config file)?"""
    if os.environ.get(ENV_BACKEND):
        return True
    from keyring.util import (
        platform_,  # where keyring keeps its config file (what ``keyring diagnose`` prints)
    )

    config = configparser.RawConfigParser()
    try:
        config.read(platform_.config_root() / CONFIG_FILE, encoding="utf-8")
    except (OSError, configparser.Error):
        return False
    return config.has_option("backend", "default-keyring")


def current_backend() -> KeyringBackend:
    """keyring's backend for this process (resolved by keyring once, then kept)."""
    import keyring

    return keyring.get_keyring()


class SecretStore:
    """A tiny facade over one keyring backend. Pass ``backend`` in tests; otherwise it is resolved once."""

    def __init__(self, backend: KeyringBackend | None = None, *, explicit: bool | None = None) -> None:
        self._backend = backend
        self._explicit = explicit
        self._status: StoreStatus | None = None

    # --- probing -------------------------------------------------------------------------------------

    def status(self) -> StoreStatus:
        if self._status is None:
            self._status = self._probe()
            if not self._status.usable and self._status.backend not in _WARNED:
                _WARNED.add(self._status.backend)  # once per process: a store is made for every queue run
                log.warning("No usable keyring (%s)", self._status.backend)
        return self._status

    def _probe(self) -> StoreStatus:
        try:
            backend, explicit = self._resolve()
        except Exception as exc:  # a broken $PYTHON_KEYRING_BACKEND or config file: say so, never crash
            return StoreStatus(
                usable=False, secure=False, backend="(none)", explicit=True,
                explanation=Text(InstagramText.KEYRING_UNLOADABLE, {
                    "variable": ENV_BACKEND, "kind": type(exc).__name__, "help": no_keyring_help()}),
            )
        name = _class_path(backend)
        if _is_no_store(backend):
            return StoreStatus(False, False, name, explicit, no_keyring_help())
        insecure = _is_insecure(backend)
        if insecure and not explicit:
            return StoreStatus(False, False, name, explicit,
                               Text(InstagramText.KEYRING_PLAINTEXT, {"help": no_keyring_help()}))
        return StoreStatus(True, not insecure, name, explicit, None)

    def _resolve(self) -> tuple[KeyringBackend, bool]:
        if self._backend is None:
            self._backend = current_backend()  # a broken $PYTHON_KEYRING_BACKEND raises here
            self._explicit = chosen_by_user()
        return self._backend, bool(self._explicit)

    @property
    def is_real_keyring(self) -> bool:
        status = self.status()
        return status.usable and status.secure

    def require(self) -> None:
        self._ready()

    def _ready(self) -> KeyringBackend:
        """The backend, if it may be used; else the plain explanation of why not."""
        status = self.status()
        if not status.usable or self._backend is None:
            explanation = status.explanation or no_keyring_help()
            raise SecretStoreUnavailable(explanation.code, details={"backend": status.backend}, **explanation.params)
        return self._backend

    # --- get / set / delete --------------------------------------------------------------------------

    def get(self, key: str) -> str | None:
        backend = self._ready()
        try:
            value = backend.get_password(SERVICE, key)
        except Exception as exc:
            raise self._failure(InstagramText.ACTION_READ, exc) from None
        return value if isinstance(value, str) and value else None

    def set(self, key: str, value: str) -> None:
        if not value:
            raise ValueError("an empty secret cannot be stored")
        backend = self._ready()
        try:
            backend.set_password(SERVICE, key, value)
        except Exception as exc:
            raise self._failure(InstagramText.ACTION_SAVE, exc) from None

    def delete(self, key: str) -> bool:
        """Remove a secret; False if there was none."""
        from keyring.errors import PasswordDeleteError

        backend = self._ready()
        try:
            backend.delete_password(SERVICE, key)
        except PasswordDeleteError:
            return False
        except Exception as exc:
            raise self._failure(InstagramText.ACTION_DELETE, exc) from None
        return True

    def _failure(self, action: InstagramText, exc: Exception) -> SecretStoreUnavailable:
        # The backend's own message is left out on purpose: some backends echo what they were given.
        log.warning("Keyring could not %s a secret: %s", action.en, type(exc).__name__)
        return SecretStoreUnavailable(InstagramText.KEYRING_FAILED, details={"failure": type(exc).__name__},
                                      action=action, kind=type(exc).__name__, help=no_keyring_help())


# Keys in the keyring. The token key uses a random reference stored with the account, so that renaming the
# account or opening another database never hands one account's token to another.
def token_key(token_ref: str) -> str:
    return f"instagram-token:{token_ref}"


def hosting_password_key(username: str, upload_url: str) -> str:
    return f"hosting-password:{username}@{upload_url}"
