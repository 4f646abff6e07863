"""`package brief` with the printed brief: the PDF inside the package and beside it, languages, refusals."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from takeover_planner.cli import main
from takeover_planner.domain.slots import SlotStatus
from takeover_planner.intake.brief import read_brief
from takeover_planner.services import booking, packages
from takeover_planner.storage.models import AuditEvent, Person
from tests.storage.stories_support import book_slot


def run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--home", str(home), "--user", "Kari Kommunikasjon", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def pdf_text(data: bytes, folder: Path) -> str:
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext) is not installed")
    target = folder / "read.pdf"
    target.write_bytes(data)
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(target), "-"], check=True, capture_output=True,
                          timeout=60)
    return " ".join(done.stdout.decode("utf-8").split())


def test_cli_writes_the_package_with_the_pdf_inside_and_beside(qapp, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    assert run(capsys, home, "account", "add", "Fjordvik kommune", "--handle", "fjordvikkommune")[0] == 0
    assert run(capsys, home, "department", "add", "Biblioteket", "--contact", "Ola Bibliotekar")[0] == 0
    assert run(capsys, home, "book", "--department", "Biblioteket", "--account", "Fjordvik kommune",
               "--start", "2027-03-01", "--end", "2027-03-03", "--status", "confirmed")[0] == 0
    package, pdf = tmp_path / "out" / "brief.zip", tmp_path / "out" / "brief.pdf"
    code, out, err = run(capsys, home, "package", "brief", "--slot", "1", "--out", str(package), "--pdf", str(pdf),
                         "--language", "en", "--contact", "+47 900 00 000", "--json")
    assert code == 0, err
    answer = json.loads(out)
    assert answer["pdf_inside"] == "brief-en.pdf" and answer["pdf"] == str(pdf) and answer["language"] == "en"
    with zipfile.ZipFile(package) as zf:
        assert sorted(zf.namelist()) == ["README.txt", "brief-en.pdf", "manifest.json", "submission-kit-slot-1.html"]
        inside = zf.read("brief-en.pdf")
        kit_inside = zf.read("submission-kit-slot-1.html")
        assert "brief-en.pdf" in json.loads(zf.read("manifest.json"))["files"]
        assert "brief-en.pdf" in zf.read("README.txt").decode("utf-8")
    assert pdf.read_bytes() == inside
    assert (pdf.parent / "submission-kit-slot-1.html").read_bytes() == kit_inside  # the kit lies beside the PDF too
    text = pdf_text(inside, tmp_path)
    for expected in ("Instagram takeover: Biblioteket", "Hello Ola,", "week 9", "+47 900 00 000",
                     "Open brief…", "takeover-planner gui --contributor brief.zip", "Consent"):
        assert expected in text, expected
    # The contributor's app opens the package as before: the PDF is one more checked file.
    staging = tmp_path / "staging"
    staging.mkdir()
    assert sorted(read_brief(package, staging).files) == ["README.txt", "brief-en.pdf", "submission-kit-slot-1.html"]
    # Without --pdf: Bokmål inside, nothing beside.
    code, out, err = run(capsys, home, "package", "brief", "--slot", "1", "--out", str(tmp_path / "nb.zip"))
    assert code == 0 and "brief-nb.pdf inside" in out
    with zipfile.ZipFile(tmp_path / "nb.zip") as zf:
        assert "Instagram-overtakelse: Biblioteket" in pdf_text(zf.read("brief-nb.pdf"), tmp_path)


def test_cli_refuses_a_bad_language_and_one_name_for_both_files(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    with pytest.raises(SystemExit) as usage:
        run(capsys, home, "package", "brief", "--slot", "1", "--out", str(tmp_path / "b.zip"), "--language", "de")
    assert usage.value.code == 2
    same = tmp_path / "b.zip"
    code, _, err = run(capsys, home, "package", "brief", "--slot", "1", "--out", str(same), "--pdf", str(same))
    assert code == 2 and "different file names" in err and not same.exists()


def test_contact_comes_from_the_team_list_and_the_audit_names_the_pdf(qapp, ctx, tmp_path: Path) -> None:
    slot_id = book_slot(ctx)
    with ctx.db.write() as s:
        s.add(Person(name=ctx.actor, role="comms_officer", email="test.officer@fjordvik.kommune.no"))
    out = tmp_path / "brief.zip"
    packages.write_slot_brief(ctx, slot_id, out)
    with zipfile.ZipFile(out) as zf:
        text = pdf_text(zf.read("brief-nb.pdf"), tmp_path)
    assert "Test Officer, kommunikasjonsrådgiver" in text and "test.officer@fjordvik.kommune.no" in text
    assert "Hei, Kari!" in text  # the department's contact person
    with ctx.db.session() as s:
        events = [e for e in s.query(AuditEvent).filter_by(entity_type="slot", action="brief_written")]
    assert events and events[-1].after["pdf"] == "brief-nb.pdf" and events[-1].after["language"] == "nb"


def test_a_cancelled_slot_gets_neither_package_nor_pdf(ctx, tmp_path: Path) -> None:
    from takeover_planner.intake.errors import PackageRefused

    slot_id = book_slot(ctx)
    booking.set_status(ctx, slot_id, SlotStatus.CANCELLED, reason="Valget")
    out, pdf = tmp_path / "brief.zip", tmp_path / "brief.pdf"
    with pytest.raises(PackageRefused):
        packages.write_slot_brief(ctx, slot_id, out, pdf=pdf)
    assert not out.exists() and not pdf.exists()
