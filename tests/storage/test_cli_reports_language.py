"""What the command line reports after doing its work follows ``--language``: the same commands print Bokmål
sentences (with Norwegian dates, "4.–6. mars 2031") under ``--language nb`` and the English ones, ISO dates
included, under ``--language en`` — not only its refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from takeover_planner.cli import main

# Words of the English reports that no Bokmål report contains.
ENGLISH_WORDS = ("Wrote", "Loaded", "Added", "Booked", "Nothing", "Schema", "State:", "Folder", " slots",
                 " the ", " on ", "No backups", " pages)", "week ")


def _session(capsys: pytest.CaptureFixture[str], home: Path, language: str, out_dir: Path) -> dict[str, str]:
    """Runs a working day's commands in ``language``; returns what each printed."""

    def run(*args: str) -> str:
        code = main(["--home", str(home), "--language", language, *args])
        out, err = capsys.readouterr()
        assert code == 0, (args, out, err)
        return out

    return {
        "demo": run("demo"),
        "status": run("db", "status"),
        "backups": run("db", "backups"),
        "account": run("account", "add", "Testkonto"),
        "department": run("department", "add", "Testenhet"),
        "book": run("book", "--department", "Testenhet", "--account", "Testkonto", "--start", "2031-03-04",
                    "--end", "2031-03-06", "--status", "requested"),
        "slots": run("slot", "list", "--from", "2031-03-01", "--to", "2031-03-31"),
        "blackout": run("blackout", "add", "Valgdagen", "--start", "2031-09-08", "--end", "2031-09-08"),
        "pdf": run("export", "pdf", "--out", str(out_dir / "plan.pdf"), "--from", "2031-03-01", "--to", "2031-03-31"),
        "due": run("publish-due", "--now", "2031-03-04T10:00"),
        "people": run("person", "list"),
        "whoami": run("whoami"),
        "late": run("publish", "late", "list"),
        "consents": run("consent", "list"),
    }


def test_the_reports_are_in_bokmaal_with_norwegian_dates(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    said = _session(capsys, tmp_path / "home", "nb", tmp_path)
    assert said["demo"].startswith("Lastet inn demokommunen:") and "enheter" in said["demo"]
    assert "Skjema:" in said["status"] and "Tilstand: oppdatert" in said["status"]
    assert "SIKKERHETSKOPI" in said["backups"] or "Ingen sikkerhetskopier" in said["backups"]
    assert said["account"].startswith("La til konto #") and said["department"].startswith("La til enhet #")
    assert "Booket periode #" in said["book"] and "Testenhet på Testkonto, 4.–6. mars 2031 (uke 10), forespurt." \
        in said["book"]
    assert "04.03.2031  06.03.2031  10   Testkonto" in said["slots"] and "forespurt" in said["slots"]
    assert "La til sperreperiode #" in said["blackout"] and "8. september 2031, alle kontoer" in said["blackout"]
    assert said["pdf"].startswith("Skrev 1 periode til ") and " sider)." in said["pdf"]
    assert said["due"].strip() == "Ingenting skal publiseres nå."
    assert "personlig database" in said["people"] and ": kommunikasjonsrådgiver (personlig database) på " \
        in said["whoami"]
    assert said["late"].startswith("Ingen storybilder") and said["consents"].strip() == "Ingen samtykkeerklæringer."
    for command, out in said.items():
        english = [word for word in ENGLISH_WORDS if word in out]
        assert not english, f"{command} printed English {english}: {out}"


def test_the_same_reports_stay_english_with_iso_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    said = _session(capsys, tmp_path / "home", "en", tmp_path)
    assert said["demo"].startswith("Loaded the demo municipality:")
    assert "Schema:" in said["status"] and "State:    up to date" in said["status"]
    assert said["account"].startswith("Added account #") and said["department"].startswith("Added department #")
    assert "Testenhet on Testkonto, 2031-03-04 – 2031-03-06 (week 10), requested." in said["book"]
    assert "2031-03-04  2031-03-06  10    Testkonto" in said["slots"] and "DEPARTMENT" in said["slots"]
    assert "(2031-09-08, all accounts)" in said["blackout"]
    assert said["pdf"].startswith("Wrote 1 slot to ") and " pages)." in said["pdf"]
    assert said["due"].strip() == "Nothing is due."
    assert "personal database" in said["people"] and ": comms_officer (personal database) on " in said["whoami"]
    assert said["late"].strip() == "No frame is held as late." and said["consents"].strip() == "No consent records."
    assert not any(word in "".join(said.values()) for word in ("Lastet", "Skrev", "periode", "Ingenting"))
