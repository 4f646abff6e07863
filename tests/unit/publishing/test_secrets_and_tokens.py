"""The keyring facade (no plain text unless chosen), token lifetimes and warnings."""

from __future__ import annotations

import datetime as dt

import pytest
from keyring.backends import fail, null

from takeover_planner.errors import EnvironmentProblem, ValidationError
from takeover_planner.publishing import tokens
from takeover_planner.publishing.errors import SecretStoreUnavailable
from takeover_planner.publishing.secrets import ENV_BACKEND, SecretStore, token_key
from tests.fakes.keyrings import BrokenKeyring, MemoryKeyring, PlaintextTestKeyring

NOW = dt.datetime(2025, 5, 6, 10, 0, tzinfo=dt.UTC)


def test_a_real_keyring_stores_gets_and_deletes() -> None:
    MemoryKeyring.store.clear()
    store = SecretStore(MemoryKeyring(), explicit=False)
    assert store.is_real_keyring
    store.set(token_key("abc"), "s3cret-token-value")
    assert store.get(token_key("abc")) == "s3cret-token-value"
    assert store.delete(token_key("abc")) is True
    assert store.get(token_key("abc")) is None
    assert store.delete(token_key("abc")) is False
    with pytest.raises(ValueError):
        store.set("x", "")


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_no_keyring_stops_with_a_plain_explanation(backend: object) -> None:
    store = SecretStore(backend, explicit=False)
    assert not store.status().usable and not store.is_real_keyring
    with pytest.raises(SecretStoreUnavailable) as caught:
        store.set("k", "value")
    assert isinstance(caught.value, EnvironmentProblem)
    assert "GNOME Keyring" in caught.value.message and "Credential Manager" in caught.value.message
    assert ENV_BACKEND in caught.value.message


def test_a_plaintext_backend_is_used_only_when_chosen_explicitly() -> None:
    found_by_itself = SecretStore(PlaintextTestKeyring(), explicit=False)
    assert not found_by_itself.status().usable
    with pytest.raises(SecretStoreUnavailable, match="plain, unencrypted file"):
        found_by_itself.set("k", "value")
    chosen = SecretStore(PlaintextTestKeyring(), explicit=True)
    assert chosen.status().usable and not chosen.status().secure
    chosen.set("k", "value")
    assert chosen.get("k") == "value"


def test_a_failing_backend_never_repeats_the_secret_in_its_message() -> None:
    store = SecretStore(BrokenKeyring(), explicit=True)
    with pytest.raises(SecretStoreUnavailable) as caught:
        store.set("instagram-token:x", "TOPSECRET-TOKEN-123456789")
    assert "TOPSECRET" not in caught.value.message and "RuntimeError" in caught.value.message
    with pytest.raises(SecretStoreUnavailable) as caught:
        store.get("instagram-token:x")
    assert "instagram-token" not in caught.value.message


def test_the_environment_variable_picks_the_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_BACKEND, "tests.fakes.keyrings.PlaintextTestKeyring")
    status = SecretStore().status()
    assert status.usable and status.explicit and not status.secure
    monkeypatch.setenv(ENV_BACKEND, "keyring.backends.fail.Keyring")
    assert not SecretStore().status().usable
    monkeypatch.setenv(ENV_BACKEND, "no.such.module.Keyring")
    broken = SecretStore().status()
    assert not broken.usable and "cannot be loaded" in broken.explanation


def test_the_status_is_probed_once() -> None:
    store = SecretStore(MemoryKeyring(), explicit=True)
    assert store.status() is store.status()


# --- tokens ---------------------------------------------------------------------------------------------


def _dates(age_days: float, left_days: float) -> tokens.TokenDates:
    return tokens.TokenDates(NOW - dt.timedelta(days=age_days), NOW + dt.timedelta(days=left_days))


@pytest.mark.parametrize(
    ("variant", "age", "left", "refresh"),
    [
        ("instagram_login", 55, 5, True),
        ("instagram_login", 50, 10, True),
        ("instagram_login", 49, 11, False),  # not yet within 10 days of expiry
        ("instagram_login", 0.5, 5, False),  # younger than 24 hours
        ("instagram_login", 61, -1, False),  # already expired: cannot be renewed
        ("facebook_login", 55, 5, False),  # no refresh endpoint for a desktop app
    ],
)
def test_instagram_login_tokens_are_refreshed_when_old_enough_and_close_to_expiry(
        variant: str, age: float, left: float, refresh: bool) -> None:
    assert tokens.needs_refresh(variant, _dates(age, left), NOW) is refresh


def test_expiry_is_shown_and_warned_about_a_week_ahead() -> None:
    ok = tokens.expiry_notice("Oslo", "instagram_login", NOW + dt.timedelta(days=30), NOW)
    soon = tokens.expiry_notice("Oslo", "facebook_login", NOW + dt.timedelta(days=6), NOW)
    gone = tokens.expiry_notice("Oslo", "instagram_login", NOW - dt.timedelta(hours=1), NOW)
    assert ok.level == "ok" and "2025-06-05" in ok.message
    assert soon.level == "warning" and "in 6 days" in soon.message and "cannot be renewed" in soon.message
    assert gone.level == "expired" and "set-token" in gone.message
    assert tokens.expiry_notice("Oslo", "instagram_login", None, NOW).level == "unknown"


def test_pasted_tokens_are_cleaned_and_obvious_mistakes_refused() -> None:
    assert tokens.plausible_token("  IGAAabcdefghijklmnopqrstuvwxyz0123\n") == "IGAAabcdefghijklmnopqrstuvwxyz0123"
    for bad in ("", "   ", "short", "has spaces inside the token value here", "x" * 5000):
        with pytest.raises(ValidationError):
            tokens.plausible_token(bad)
