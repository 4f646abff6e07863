"""`account set` gives an existing account its Instagram user id, Graph host and version (shown by `account
list --json`), refuses nonsense, and `account move-slot` gives a slot to another account with the booking
rules checked."""

from __future__ import annotations

import json
from pathlib import Path

from takeover_planner.cli import main


def run(capsys, home: Path, *args: str) -> tuple[int, dict | list]:
    code = main(["--home", str(home), "--user", "Kari", "--json", *args])
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_account_set_changes_the_graph_settings(tmp_path: Path, capsys) -> None:
    home = tmp_path / "home"
    assert run(capsys, home, "account", "add", "Fjordvik kommune")[0] == 0
    code, info = run(capsys, home, "account", "set", "Fjordvik kommune", "--ig-user-id", "17841400000000001",
                     "--graph-host", "http://127.0.0.1:8765/", "--graph-version", "v24.0", "--handle", "@fjordvik")
    assert code == 0
    code, accounts = run(capsys, home, "account", "list")
    assert code == 0 and isinstance(accounts, list)
    (account,) = accounts
    assert (account["ig_user_id"], account["graph_host"], account["graph_version"], account["handle"]) == (
        "17841400000000001", "http://127.0.0.1:8765", "v24.0", "fjordvik")
    code, answer = run(capsys, home, "account", "set", "Fjordvik kommune", "--ig-user-id", "abc")
    assert code == 2 and answer["code"] == "catalog.bad_ig_user_id"
    code, answer = run(capsys, home, "account", "set", "Fjordvik kommune", "--graph-version", "25")
    assert code == 2 and answer["code"] == "catalog.bad_graph_version"
    code, answer = run(capsys, home, "account", "set", "Fjordvik kommune")
    assert code == 2 and answer["code"] == "catalog.nothing_to_set"
    code, info = run(capsys, home, "account", "set", "Fjordvik kommune", "--graph-host", "", "--ig-user-id", "")
    assert code == 0 and isinstance(info, dict)
    assert (info["graph_host"], info["ig_user_id"]) == ("https://graph.instagram.com", None)


def test_a_slot_moves_to_another_account_when_the_rules_allow(tmp_path: Path, capsys) -> None:
    home = tmp_path / "home"
    for args in (("account", "add", "Fjordvik kommune"), ("account", "add", "Fjordvik kultur"),
                 ("department", "add", "Biblioteket"), ("department", "add", "Brannvesenet")):
        assert run(capsys, home, *args)[0] == 0
    for department, account in (("Biblioteket", "Fjordvik kommune"), ("Brannvesenet", "Fjordvik kultur")):
        code, _ = run(capsys, home, "book", "--department", department, "--account", account,
                      "--start", "2030-03-04", "--end", "2030-03-06", "--status", "confirmed")
        assert code == 0
    code, answer = run(capsys, home, "account", "move-slot", "1", "--to", "Fjordvik kultur")
    assert code == 3 and answer["code"].startswith("booking."), "the days are taken on that account"
    assert run(capsys, home, "account", "add", "Fjordvik ungdom")[0] == 0
    code, slot = run(capsys, home, "account", "move-slot", "1", "--to", "Fjordvik ungdom")
    assert code == 0 and isinstance(slot, dict) and slot["account"] == "Fjordvik ungdom"
