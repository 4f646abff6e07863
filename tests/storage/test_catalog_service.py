"""services/catalog.py writes on SQLite and PostgreSQL: removing an account, and who may change campaigns and
blackout periods (their edits themselves are tested through planner_queries in tests/ui/test_planner_queries.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from takeover_planner.cli import main
from takeover_planner.domain.roles import Role
from takeover_planner.errors import NotFoundError, PermissionDenied, ValidationError
from takeover_planner.instagram.secrets import SecretStore
from takeover_planner.services import booking, catalog, people
from takeover_planner.services import publishing_service as publishing
from takeover_planner.services.audit import comment_words, history
from takeover_planner.services.context import AppContext
from takeover_planner.texts.access import ActionText
from takeover_planner.texts.catalog import CatalogText
from tests.fakes.keyrings import MemoryKeyring


def _as(ctx: AppContext, name: str) -> AppContext:
    return AppContext(ctx.paths, ctx.settings, ctx.db, name)


def test_an_account_with_slots_is_kept_and_the_refusal_counts_them(ctx: AppContext) -> None:
    account = catalog.add_account(ctx, "Kultur")
    catalog.add_department(ctx, "Biblioteket")
    for day in (6, 13):
        booking.book(ctx, department="Biblioteket", account="Kultur", start=dt.date(2031, 1, day),
                     end=dt.date(2031, 1, day))
    with pytest.raises(ValidationError) as refused:
        catalog.remove_account(ctx, account.id)
    assert (refused.value.code, refused.value.params) == (CatalogText.ACCOUNT_HAS_SLOTS, {"name": "Kultur", "count": 2})
    assert [a.name for a in catalog.list_accounts(ctx)] == ["Kultur"]
    with ctx.db.session() as s:
        assert [e.action for e in history(s, "account", account.id)] == ["created"]


def test_an_account_without_slots_is_deleted_with_its_own_blackouts_and_audited(ctx: AppContext) -> None:
    account = catalog.add_account(ctx, "Kultur", handle="fjordvik_kultur")
    catalog.add_account(ctx, "Fjordvik kommune")
    own = catalog.add_blackout(ctx, "Kulturnatt", dt.date(2031, 9, 1), dt.date(2031, 9, 2), account="Kultur").blackout
    catalog.add_blackout(ctx, "Valg", dt.date(2031, 9, 8), dt.date(2031, 9, 9))
    removed = catalog.remove_account(ctx, "kultur")  # found by name, forgiving about case
    assert (removed.account.id, removed.account.name, removed.blackouts_removed) == (account.id, "Kultur", 1)
    assert [a.name for a in catalog.list_accounts(ctx)] == ["Fjordvik kommune"]
    assert [b.name for b in catalog.list_blackouts(ctx)] == ["Valg"]
    with ctx.db.session() as s:
        events = history(s, "account", account.id)
        assert [e.action for e in events] == ["created", "deleted"]
        assert events[-1].before == {"name": "Kultur", "handle": "fjordvik_kultur"}
        assert events[-1].actor == "Test Officer"
        blackout_events = history(s, "blackout", own.id)
        assert [(e.action, comment_words(e.comment, "en")) for e in blackout_events] == [
            ("created", ""), ("deleted", "account removed")]
        assert comment_words(blackout_events[-1].comment, "nb") == "kontoen ble fjernet"
    with pytest.raises(NotFoundError) as missing:
        catalog.remove_account(ctx, "Kultur")
    assert (missing.value.code, missing.value.params) == (CatalogText.NO_ACCOUNT_NAMED, {"name": "Kultur"})


def test_an_account_with_an_access_token_is_kept_until_the_token_is_removed(ctx: AppContext) -> None:
    MemoryKeyring.store.clear()
    secrets = SecretStore(MemoryKeyring(), explicit=True)
    account = catalog.add_account(ctx, "Kultur")
    publishing.set_token(ctx, account.id, "IGAAtoken-" + "x" * 40, secrets=secrets)
    with pytest.raises(ValidationError) as refused:
        catalog.remove_account(ctx, account.id)
    assert refused.value.code == CatalogText.ACCOUNT_HAS_TOKEN
    assert MemoryKeyring.store  # the secret is still where the account can reach it
    publishing.remove_token(ctx, account.id, secrets=secrets)
    assert not MemoryKeyring.store
    assert catalog.remove_account(ctx, account.id).account.name == "Kultur"
    assert catalog.list_accounts(ctx) == []


def test_only_planners_remove_accounts_or_change_campaigns_and_blackouts(sqlite_ctx: AppContext) -> None:
    # Roles by name are SQLite's; on PostgreSQL the login decides: tests/storage/test_pg_roles.py.
    ctx = sqlite_ctx
    account = catalog.add_account(ctx, "Kultur")
    campaign = catalog.add_campaign(ctx, "Miljøuka")
    blackout = catalog.add_blackout(ctx, "Valg", dt.date(2031, 9, 8), dt.date(2031, 9, 9)).blackout
    catalog.add_department(ctx, "Biblioteket")
    people.add_person(ctx, "Test Officer", Role.COMMS_OFFICER)
    people.add_person(ctx, "Ingrid Solberg", Role.CONTRIBUTOR, department="Biblioteket")
    contributor = _as(ctx, "Ingrid Solberg")
    with pytest.raises(PermissionDenied) as denied:
        catalog.remove_account(contributor, account.id)
    assert denied.value.params["action"] == ActionText.REMOVE_ACCOUNTS
    with pytest.raises(PermissionDenied) as denied:
        catalog.update_campaign(contributor, campaign.id, name="Grønn uke", start=None, end=None)
    assert denied.value.params["action"] == ActionText.CHANGE_CAMPAIGNS
    with pytest.raises(PermissionDenied) as denied:
        catalog.update_blackout(contributor, blackout.id, name="Stortingsvalg", start=blackout.start,
                                end=blackout.end)
    assert denied.value.params["action"] == ActionText.CHANGE_BLACKOUTS
    assert catalog.update_campaign(ctx, campaign.id, name="Grønn uke", start=None, end=None).name == "Grønn uke"
    changed = catalog.update_blackout(ctx, blackout.id, expected_version=blackout.version, name="Stortingsvalg",
                                      start=blackout.start, end=blackout.end, account="Kultur")
    assert (changed.blackout.name, changed.blackout.account, changed.affected_slot_ids) == ("Stortingsvalg", "Kultur", ())
    with pytest.raises(NotFoundError) as missing:
        catalog.update_blackout(ctx, blackout.id + 1, name="X", start=blackout.start, end=blackout.end)
    assert (missing.value.code, missing.value.params) == (CatalogText.NO_BLACKOUT, {"blackout_id": blackout.id + 1})


def test_cli_account_remove(ctx: AppContext, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalog.add_account(ctx, "Kultur")
    catalog.add_account(ctx, "Fjordvik kommune")
    catalog.add_department(ctx, "Biblioteket")
    booking.book(ctx, department="Biblioteket", account="Fjordvik kommune", start=dt.date(2031, 1, 6),
                 end=dt.date(2031, 1, 6))
    catalog.add_blackout(ctx, "Kulturnatt", dt.date(2031, 9, 1), dt.date(2031, 9, 2), account="Kultur")
    base = ["--home", str(tmp_path / "cli-home"), "--db", db_url]
    capsys.readouterr()
    assert main([*base, "account", "remove", "kultur"]) == 0
    out = capsys.readouterr().out
    assert "Removed account" in out and "Kultur" in out and "1 blackout period(s)" in out
    assert main([*base, "--json", "account", "remove", "Fjordvik kommune"]) == 2
    refusal = json.loads(capsys.readouterr().out)
    assert (refusal["code"], refusal["params"]["count"]) == (CatalogText.ACCOUNT_HAS_SLOTS.key, 1)
    assert main([*base, "--json", "account", "remove", "Nobody"]) == 5
    refusal = json.loads(capsys.readouterr().out)
    assert (refusal["code"], refusal["params"]) == (CatalogText.NO_ACCOUNT_NAMED.key, {"name": "Nobody"})
    assert [a.name for a in catalog.list_accounts(ctx)] == ["Fjordvik kommune"]
