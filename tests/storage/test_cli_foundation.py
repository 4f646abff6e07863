"""The command line as a user runs it: exit codes, human and JSON output, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from takeover_planner.cli import main
from takeover_planner.storage.migrate import HEAD_REVISION
from takeover_planner.texts import render
from takeover_planner.texts.booking import BookingText
from takeover_planner.texts.catalog import CatalogText
from takeover_planner.texts.cli import CliText
from takeover_planner.texts.storage import StorageText
from takeover_planner.texts.validation import ValidationText


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    h = str(tmp_path / "tp")
    assert run(capsys, "--home", h, "demo")[0] == 0
    return h


def test_demo_then_slot_list_json(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--home", home, "slot", "list", "--json")
    assert code == 0
    slots = json.loads(out)["slots"]
    assert len(slots) >= 20
    assert {"Biblioteket", "Brannvesenet", "Miljøkontoret"} <= {s["department"] for s in slots}
    # Idempotent: a second demo adds nothing.
    code, out, _ = run(capsys, "--home", home, "demo", "--json")
    assert code == 0 and json.loads(out)["loaded"] is False
    assert len(json.loads(run(capsys, "--home", home, "slot", "list", "--json")[1])["slots"]) == len(slots)


def _confirmed_slot(home: str, capsys: pytest.CaptureFixture[str]) -> dict:
    slots = json.loads(run(capsys, "--home", home, "slot", "list", "--json")[1])["slots"]
    return next(s for s in slots if s["status"] == "confirmed")


def test_overlapping_confirmed_booking_exits_3_and_names_the_slot(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    target = _confirmed_slot(home, capsys)
    code, out, err = run(capsys, "--home", home, "--json", "book", "--department", "Svømmehallen", "--account",
                         target["account"], "--start", target["start"], "--end", target["start"],
                         "--status", "confirmed")
    assert code == 3
    refusal = json.loads(out)
    assert refusal["code"] == BookingText.OVERLAP.key and refusal["details"]["slots"] == [target["id"]]
    [named] = refusal["params"]["slots"]
    assert named["params"]["department"] == target["department"]
    assert "Traceback" not in err + out


def test_booking_inside_a_blackout_exits_3_and_names_it(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    blackouts = json.loads(run(capsys, "--home", home, "blackout", "list", "--json")[1])
    everywhere = next(b for b in blackouts if b["account"] is None)
    code, out, _ = run(capsys, "--home", home, "--json", "book", "--department", "Biblioteket", "--account",
                       "Fjordvik kommune", "--start", str(everywhere["start"]), "--end", str(everywhere["end"]))
    assert code == 3
    error = json.loads(out)
    assert error["code"] == BookingText.IN_BLACKOUT.key and error["details"]["blackouts"] == [everywhere["id"]]
    assert [b["params"]["name"] for b in error["params"]["blackouts"]] == [everywhere["name"]]


def _refusal(capsys: pytest.CaptureFixture[str], home: str, *args: str) -> tuple[int, str, dict]:
    """Exit code, message code and parameters of a refused command (its JSON form)."""
    code, out, err = run(capsys, "--home", home, "--json", *args)
    assert "Traceback" not in out + err
    refusal = json.loads(out)
    return code, refusal["code"], refusal["params"]


def test_user_mistakes_are_plain_messages(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _refusal(capsys, home, "book", "--department", "Nowhere", "--account", "Fjordvik kommune",
                    "--start", "2030-01-01", "--end", "2030-01-01") == (
        5, CatalogText.NO_DEPARTMENT_NAMED.key, {"name": "Nowhere"})
    assert _refusal(capsys, home, "book", "--department", "Biblioteket", "--account", "Fjordvik kommune",
                    "--start", "2030-01-05", "--end", "2030-01-01") == (
        2, BookingText.END_BEFORE_START.key, {"start": "2030-01-05", "end": "2030-01-01"})
    code, key, params = _refusal(capsys, home, "slot", "set-status", "1", "requested")
    assert (code, key, params["current"]) == (3, BookingText.TRANSITION_FINAL.key, "words.status_completed")
    assert _refusal(capsys, home, "department", "add", "Biblioteket") == (
        2, CatalogText.DEPARTMENT_EXISTS.key, {"name": "Biblioteket"})
    assert _refusal(capsys, home, "department", "add", "Ny enhet", "--email", "not-an-address") == (
        2, ValidationText.BAD_EMAIL.key, {"value": "not-an-address"})
    # The words themselves, once: a person reading the command line in Bokmål reads Bokmål.
    code, _, err = run(capsys, "--home", home, "--language", "nb", "book", "--department", "Nowhere", "--account",
                       "Fjordvik kommune", "--start", "2030-01-01", "--end", "2030-01-01")
    assert code == 5 and "Finner ingen enhet som heter «Nowhere»." in err
    with pytest.raises(SystemExit) as usage:
        main(["--home", home, "slot", "move", "1", "--start", "tomorrow", "--end", "2030-01-01"])
    assert usage.value.code == 2


def test_move_and_cancel_round_trip(home: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--home", home, "--json", "book", "--department", "Biblioteket", "--account",
                       "Fjordvik kultur", "--start", "2031-05-05", "--end", "2031-05-06", "--status", "booked")
    slot_id = json.loads(out)["slot"]["id"]
    code, out, _ = run(capsys, "--home", home, "--json", "slot", "move", str(slot_id), "--start", "2031-05-12",
                       "--end", "2031-05-13")
    assert code == 0 and json.loads(out)["slot"]["start"] == "2031-05-12"
    assert _refusal(capsys, home, "slot", "set-status", str(slot_id), "cancelled") == (
        3, BookingText.CANCEL_NEEDS_REASON.key, {})
    code, out, _ = run(capsys, "--home", home, "--json", "slot", "set-status", str(slot_id), "cancelled",
                       "--reason", "Moved to autumn")
    assert code == 0 and json.loads(out)["slot"]["cancel_reason"] == "Moved to autumn"
    code, out, _ = run(capsys, "--home", home, "--json", "slot", "show", str(slot_id))
    assert [h["action"] for h in json.loads(out)["history"]] == ["booked", "moved", "status"]


def test_newer_database_is_refused_by_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    home = tmp_path / "tp"
    assert run(capsys, "--home", str(home), "db", "upgrade")[0] == 0
    with sqlite3.connect(home / "data" / "takeover-planner.sqlite3") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    code, out, _ = run(capsys, "--home", str(home), "--json", "slot", "list")
    refusal = json.loads(out)
    assert (code, refusal["code"], refusal["reason"]) == (6, StorageText.TOO_NEW.key, "too_new")
    assert refusal["params"] == {"revision": "0099_future", "head": HEAD_REVISION}


def test_console_script_runs_as_a_process(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "takeover_planner", "--home", str(tmp_path / "p"), "db", "status",
                           "--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["head"]


def test_no_screen_is_a_plain_message(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the check is for Linux sessions")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main([]) == 6
    assert capsys.readouterr().err == f"takeover-planner: {render(CliText.NO_DISPLAY)}\n"


def test_a_folder_that_cannot_be_written_is_a_plain_message(home: str, tmp_path: Path, qapp: object,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    # qapp: the brief paints a PDF with Qt, which must find pytest-qt's QApplication, not make its own.
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, out, err = run(capsys, "--home", home, "export", "csv", "--out", str(blocker / "plan.csv"))
    assert code == 6 and "Traceback" not in out + err
    code, out, err = run(capsys, "--home", home, "package", "brief", "--slot", "7", "--out", str(blocker / "b.zip"))
    assert code == 6 and str(blocker / "b.zip") in err and "Traceback" not in out + err
