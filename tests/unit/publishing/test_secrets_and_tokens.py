"""The keyring facade (no plain text unless chosen), token lifetimes and warnings."""

from __future__ import annotations

import datetime as dt

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from takeover_planner.errors import EnvironmentProblem, EnvReason, ValidationError
from takeover_planner.instagram import secrets, tokens
from takeover_planner.instagram.errors import SecretStoreUnavailable
from takeover_planner.instagram.secrets import ENV_BACKEND, SecretStore, token_key
from takeover_planner.texts.instagram import InstagramText
from tests.fakes.keyrings import BrokenKeyring, MemoryKeyring, PlaintextTestKeyring, choose_keyring

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
def test_no_keyring_stops_with_a_plain_explanation(backend: KeyringBackend) -> None:
    store = SecretStore(backend, explicit=False)
    assert not store.status().usable and not store.is_real_keyring
    with pytest.raises(SecretStoreUnavailable) as caught:
        store.set("k", "value")
    assert isinstance(caught.value, EnvironmentProblem) and caught.value.reason == EnvReason.NO_KEYRING
    assert caught.value.code == InstagramText.NO_KEYRING and caught.value.params["variable"] == ENV_BACKEND
    # The one message checked as words: it must tell a person where a keyring comes from, in both languages.
    assert "GNOME Keyring" in caught.value.message_in("en") and "Credential Manager" in caught.value.message_in("nb")


def test_a_plaintext_backend_is_used_only_when_chosen_explicitly() -> None:
    found_by_itself = SecretStore(PlaintextTestKeyring(), explicit=False)
    assert not found_by_itself.status().usable
    with pytest.raises(SecretStoreUnavailable) as caught:
        found_by_itself.set("k", "value")
    assert caught.value.code == InstagramText.KEYRING_PLAINTEXT
    chosen = SecretStore(PlaintextTestKeyring(), explicit=True)
    assert chosen.status().usable and not chosen.status().secure
    chosen.set("k", "value")
    assert chosen.get("k") == "value"


def test_a_failing_backend_never_repeats_the_secret_in_its_message() -> None:
    store = SecretStore(BrokenKeyring(), explicit=True)
    with pytest.raises(SecretStoreUnavailable) as caught:
        store.set("instagram-token:x", "TOPSECRET-TOKEN-123456789")
    assert caught.value.code == InstagramText.KEYRING_FAILED and caught.value.params["kind"] == "RuntimeError"
    assert "TOPSECRET" not in repr(caught.value.to_json()) and "TOPSECRET" not in caught.value.message
    with pytest.raises(SecretStoreUnavailable) as caught:
        store.get("instagram-token:x")
    assert "instagram-token" not in repr(caught.value.to_json())


def test_keyrings_own_choice_is_used(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    choose_keyring(request, monkeypatch, PlaintextTestKeyring())
    status = SecretStore().status()
    assert status.usable and status.explicit and not status.secure
    choose_keyring(request, monkeypatch, fail.Keyring())
    assert not SecretStore().status().usable


def test_a_choice_keyring_cannot_load_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_choice() -> object:
        raise ModuleNotFoundError("no.such.module")

    monkeypatch.setattr(secrets, "current_backend", broken_choice)
    broken = SecretStore().status()
    assert not broken.usable and broken.explanation is not None
    assert broken.explanation.code == InstagramText.KEYRING_UNLOADABLE


def test_the_status_is_probed_once() -> None:
    store = SecretStore(MemoryKeyring(), explicit=True)
    assert store.status() is store.status()


# --- tokens ---------------------------------------------------------------------------------------------


def _dates(age_days: float, left_days: float | None) -> tokens.TokenDates:
    expires = NOW + dt.timedelta(days=left_days) if left_days is not None else None
    return tokens.TokenDates(NOW - dt.timedelta(days=age_days), expires)


@pytest.mark.parametrize(
    ("variant", "age", "left", "refresh"),
    [
        ("instagram_login", 55, 5, True),
        ("instagram_login", 50, 10, True),
        ("instagram_login", 49, 11, True),  # within its last 20 days
        ("instagram_login", 35, 25, False),  # not yet within 20 days of expiry
        ("instagram_login", 30, None, True),  # pasted with an unknown expiry: renewed after 24 h, to learn it
        ("instagram_login", 0.5, None, False),  # … but not before
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
    assert ok.level == "ok" and "5 June 2025" in ok.message
    assert soon.level == "warning" and "in 6 days" in soon.message and "cannot be renewed" in soon.message
    assert gone.level == "expired" and "set-token" in gone.message
    assert tokens.expiry_notice("Oslo", "instagram_login", None, NOW).level == "unknown"


def test_pasted_tokens_are_cleaned_and_obvious_mistakes_refused() -> None:
    assert tokens.plausible_token("  IGAAabcdefghijklmnopqrstuvwxyz0123\n") == "IGAAabcdefghijklmnopqrstuvwxyz0123"
    for bad in ("", "   ", "short", "has spaces inside the token value here", "x" * 5000):
        with pytest.raises(ValidationError):
            tokens.plausible_token(bad)
