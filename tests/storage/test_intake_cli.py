"""The package, story and consent commands end to end (SQLite, real files)."""

from __future__ import annotations

import json

import pytest

from takeover_planner.cli import main

C = "images/rec_Portrait_1.jpg"


def run(capsys, home, *args):
    code = main(["--home", str(home), "--user", "Kari", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_brief_submit_import_review_withdraw(qapp, tmp_path, capsys, corpus):  # qapp: the brief's PDF
    home = tmp_path / "home"
    assert run(capsys, home, "account", "add", "Fjordvik kommune")[0] == 0
    assert run(capsys, home, "department", "add", "Biblioteket")[0] == 0
    assert run(capsys, home, "book", "--department", "Biblioteket", "--account", "Fjordvik kommune",
               "--start", "2027-03-01", "--end", "2027-03-02", "--status", "confirmed")[0] == 0
    brief, sub = tmp_path / "brief.zip", tmp_path / "sub.zip"
    assert run(capsys, home, "package", "brief", "--slot", "1", "--out", str(brief))[0] == 0
    code, out, err = run(capsys, home, "package", "submit", "--brief", str(brief), "--out", str(sub),
                         "--name", "Ola", "--frame", str(corpus / C), "--time", "09:30", "--text", "Hei",
                         "--consent", "Elevene i 7B;SK-14;guardian;2027-12-31",
                         "--frame", str(corpus / "heic/ph_xiaomi.heic"), "--sticker", "poll:Liker du bøker?")
    assert code == 0, err
    code, out, _ = run(capsys, home, "package", "import", str(sub), "--json")
    assert code == 0 and json.loads(out)["frames"] == [1, 2]
    code, out, _ = run(capsys, home, "package", "import", str(sub), "--json")
    assert code == 3 and json.loads(out)["code"] == "intake.already_imported"
    assert json.loads(out)["details"] == {"reason": "duplicate", "submission": 1}
    code, out, _ = run(capsys, home, "story", "list", "--slot", "1", "--json")
    frames = json.loads(out)["frames"]
    assert [f["state"] for f in frames] == ["submitted", "submitted"]
    assert frames[1]["manual_only"] and frames[1]["problems"][0]["code"] == "file_error"
    assert run(capsys, home, "story", "approve", "1", "--by", "Kari K")[0] == 0
    code, out, _ = run(capsys, home, "story", "approve", "2", "--by", "Kari K", "--json")
    refusal = json.loads(out)
    assert code == 3 and refusal["code"] == "stories.cannot_approve"
    assert refusal["params"]["problems"][0]["code"] == "stories.file_error"
    assert refusal["params"]["problems"][0]["params"]["finding"]["en"].startswith("Instagram takes only JPEG")
    assert run(capsys, home, "story", "request-changes", "2", "--by", "Kari K", "--comment", "Bruk JPEG")[0] == 0
    code, out, _ = run(capsys, home, "consent", "withdraw", "1", "--by", "Kari K", "--json")
    assert code == 0 and json.loads(out)["stopped"] == [{"frame": 1, "from": "approved", "to": "changes_requested"}]


def test_usage_errors(tmp_path, capsys):
    with pytest.raises(SystemExit) as usage:
        run(capsys, tmp_path / "h", "package", "submit", "--brief", "x.zip", "--out", "y.zip", "--time", "09:00")
    assert usage.value.code == 2 and "put it after --frame" in capsys.readouterr().err
    code, out, _ = run(capsys, tmp_path / "h", "package", "import", str(tmp_path / "missing.zip"), "--json")
    assert code == 3 and json.loads(out)["code"] == "intake.not_a_file"
