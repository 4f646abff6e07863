"""Keyring backends for tests, chosen explicitly through PYTHON_KEYRING_BACKEND (as a user would).

In a subprocess keyring reads the variable itself; in this process keyring has already made its choice, so
``choose_keyring`` also hands the backend to keyring with its public ``set_keyring`` (and gives the previous
choice back when the test ends).

``MemoryKeyring`` keeps secrets in this process; ``JsonFileKeyring`` in the JSON file named by
$TP_TEST_KEYRING_FILE, so that a subprocess (``publish-due`` run by a test) sees the same secrets. The file
is a stand-in for the OS keyring: tests that look for leaked tokens skip it, as they would skip the keyring.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

FILE_ENV = "TP_TEST_KEYRING_FILE"
ENV_BACKEND = "PYTHON_KEYRING_BACKEND"


def choose_keyring(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch,
                   backend: KeyringBackend) -> None:
    """Make ``backend`` the user's explicit choice for this test, here and in subprocesses."""
    previous = keyring.get_keyring()
    monkeypatch.setenv(ENV_BACKEND, f"{type(backend).__module__}.{type(backend).__qualname__}")
    keyring.set_keyring(backend)
    request.addfinalizer(lambda: keyring.set_keyring(previous))


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]
    store: dict[tuple[str, str], str] = {}
    _lock = threading.Lock()

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            if self.store.pop((service, username), None) is None:
                raise PasswordDeleteError("not found")


class JsonFileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _path(self) -> Path:
        return Path(os.environ[FILE_ENV])

    def _load(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\x1f{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\x1f{username}"] = password
        tmp = self._path().with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, self._path())

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}\x1f{username}", None) is None:
            raise PasswordDeleteError("not found")
        self._path().write_text(json.dumps(data), encoding="utf-8")


class BrokenKeyring(KeyringBackend):
    """A keyring that is there but fails (locked, D-Bus gone)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError(f"locked while reading {username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError(f"locked; could not store {password}")

    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError("locked")


class PlaintextTestKeyring(MemoryKeyring):
    """Named like a plain-text file backend: refused unless picked explicitly."""
