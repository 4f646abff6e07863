"""The one door to secrets (access tokens, hosting passwords): the OS keyring, through ``keyring``.

- ``get`` / ``set`` / ``delete`` and a probe, done once per store, that says whether a real keyring is there.
- The backend is chosen the way ``keyring`` documents it: $PYTHON_KEYRING_BACKEND, then keyring's own config
  file, then the best backend found. A choice made in either of the first two is the user's explicit choice.
- keyring's "fail" (or "null") backend means there is no secure store: every call raises
  ``SecretStoreUnavailable`` with a plain explanation of how to get one. A plain-text file backend found by
  itself is refused too; it is used only when the user picked it explicitly. Nothing is ever written in
  plain text silently.
- Messages never contain a secret: errors from the backend are reported by their type only.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from takeover_planner.publishing.errors import SecretStoreUnavailable

log = logging.getLogger(__name__)

SERVICE = "takeover-planner"
ENV_BACKEND = "PYTHON_KEYRING_BACKEND"

NO_KEYRING_HELP = (
    "No secure password store (OS keyring) is available, so the app cannot keep access tokens or hosting "
    "passwords, and publishing is stopped. Windows (Credential Manager) and macOS (Keychain) have one built in. "
    "On Linux, install and unlock a Secret Service provider such as GNOME Keyring or KWallet (a desktop "
    "session normally starts it), then try again. If you accept keeping secrets in an unencrypted file, you "
    "can choose such a backend yourself by setting the environment variable PYTHON_KEYRING_BACKEND "
    "(for example keyrings.alt.file.PlaintextKeyring, from the keyrings.alt package)."
)

_INSECURE_MARKERS = ("plaintext", "unencrypted")


@dataclass(frozen=True)
class StoreStatus:
    usable: bool
    secure: bool  # False: a plain-text backend the user picked explicitly
    backend: str  # the backend's class path, for "about" screens and logs
    explicit: bool  # chosen by $PYTHON_KEYRING_BACKEND or keyring's config file
    explanation: str  # empty when usable and secure


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


class SecretStore:
    """A tiny facade over one keyring backend. Pass ``backend`` in tests; otherwise it is resolved once."""

    def __init__(self, backend: object | None = None, *, explicit: bool | None = None) -> None:
        self._backend = backend
        self._explicit = explicit
        self._status: StoreStatus | None = None

    # --- probing -------------------------------------------------------------------------------------

    def status(self) -> StoreStatus:
        if self._status is None:
            self._status = self._probe()
            if not self._status.usable:
                log.warning("No usable keyring (%s)", self._status.backend)
        return self._status

    def _probe(self) -> StoreStatus:
        try:
            backend, explicit = self._resolve()
        except Exception as exc:  # a broken $PYTHON_KEYRING_BACKEND or config file: say so, never crash
            return StoreStatus(
                usable=False, secure=False, backend="(none)", explicit=True,
                explanation=(
                    f"The keyring backend chosen in {ENV_BACKEND} or keyring's config file cannot be loaded "
                    f"({type(exc).__name__}). " + NO_KEYRING_HELP
                ),
            )
        name = _class_path(backend)
        if _is_no_store(backend):
            return StoreStatus(False, False, name, explicit, NO_KEYRING_HELP)
        insecure = _is_insecure(backend)
        if insecure and not explicit:
            return StoreStatus(
                False, False, name, explicit,
                "The only password store found keeps secrets in a plain, unencrypted file, and the app will "
                "not use it unless you choose it yourself. " + NO_KEYRING_HELP,
            )
        return StoreStatus(True, not insecure, name, explicit, "")

    def _resolve(self) -> tuple[object, bool]:
        if self._backend is not None:
            return self._backend, bool(self._explicit)
        import keyring.backend
        import keyring.core
        from keyring.backends import fail

        if os.environ.get(ENV_BACKEND):
            chosen = keyring.core.load_env()
            if chosen is not None:
                self._backend = chosen
                return chosen, True
        configured = keyring.core.load_config()
        if configured is not None:
            self._backend = configured
            return configured, True
        candidates = list(keyring.backend.get_all_keyring())
        best = max(candidates, default=fail.Keyring(), key=keyring.backend.by_priority)
        self._backend = best
        return best, False

    @property
    def is_real_keyring(self) -> bool:
        status = self.status()
        return status.usable and status.secure

    def require(self) -> None:
        status = self.status()
        if not status.usable:
            raise SecretStoreUnavailable(status.explanation)

    # --- get / set / delete --------------------------------------------------------------------------

    def get(self, key: str) -> str | None:
        self.require()
        try:
            value = self._backend.get_password(SERVICE, key)  # type: ignore[union-attr]
        except Exception as exc:
            raise self._failure("read", exc) from None
        return value if isinstance(value, str) and value else None

    def set(self, key: str, value: str) -> None:
        if not value:
            raise ValueError("an empty secret cannot be stored")
        self.require()
        try:
            self._backend.set_password(SERVICE, key, value)  # type: ignore[union-attr]
        except Exception as exc:
            raise self._failure("save", exc) from None

    def delete(self, key: str) -> bool:
        """Remove a secret; False if there was none."""
        self.require()
        from keyring.errors import PasswordDeleteError

        try:
            self._backend.delete_password(SERVICE, key)  # type: ignore[union-attr]
        except PasswordDeleteError:
            return False
        except Exception as exc:
            raise self._failure("delete", exc) from None
        return True

    def _failure(self, verb: str, exc: Exception) -> SecretStoreUnavailable:
        # The backend's own message is left out on purpose: some backends echo what they were given.
        log.warning("Keyring could not %s a secret: %s", verb, type(exc).__name__)
        return SecretStoreUnavailable(
            f"The OS keyring could not {verb} the secret ({type(exc).__name__}). If the keyring is locked, "
            "unlock it (log in to the desktop again) and retry. " + NO_KEYRING_HELP
        )


# Keys in the keyring. The token key uses a random reference stored with the account, so that renaming the
# account or opening another database never hands one account's token to another.
def token_key(token_ref: str) -> str:
    return f"instagram-token:{token_ref}"


def hosting_password_key(username: str, upload_url: str) -> str:
    return f"hosting-password:{username}@{upload_url}"
