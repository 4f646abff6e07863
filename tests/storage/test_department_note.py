"""A slot's two notes (issue 17): the note to the department goes out — the printed brief, the brief package and
its kit, the e-mail, the calendars — and the internal note never leaves the comms team. Old notes stay internal
when a database is upgraded; the command line carries both."""

from __future__ import annotations

import datetime as dt
import email
import io
import json
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
import requests
from sqlalchemy import text

from takeover_planner.cli import main
from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import OSLO
from takeover_planner.instagram.secrets import SecretStore
from takeover_planner.services import booking, catalog, packages
from takeover_planner.services import publishing_service as svc
from takeover_planner.services.calendar_feeds import publish_feeds
from takeover_planner.services.context import AppContext
from takeover_planner.services.export_service import export_csv, export_ics
from takeover_planner.services.profile import set_profile
from takeover_planner.services.reminders import write_email
from takeover_planner.storage import migrate
from takeover_planner.storage.database import Database
from tests.fakes.fake_graph import FakeWebDav
from tests.fakes.keyrings import MemoryKeyring, choose_keyring

# One word each, so no line breaking, hyphenation or calendar line folding can split them.
INTERNAL = "Budsjettkuttinternt"
TO_DEPARTMENT = "Husklesebrillene"
BEFORE = dt.datetime(2030, 3, 1, 9, 0, tzinfo=OSLO)


@pytest.fixture
def slot(ctx: AppContext) -> int:
    catalog.add_account(ctx, "Fjordvik kommune", handle="fjordvikkommune")
    catalog.add_department(ctx, "Biblioteket", contact_name="Kari Nordmann", email="kari@fjordvik.kommune.no")
    set_profile(ctx.settings, name="Åse Rådgiver", email="ase@fjordvik.kommune.no", title="kommunikasjonsrådgiver")
    return booking.book(ctx, department="Biblioteket", account="Fjordvik kommune", start=dt.date(2030, 3, 11),
                        end=dt.date(2030, 3, 13), status=SlotStatus.CONFIRMED,
                        material_deadline=dt.datetime(2030, 3, 6, 12, tzinfo=OSLO),
                        notes=f"Internt: {INTERNAL}", department_note=f"Til dere: {TO_DEPARTMENT}").slot.id


def pdf_text(data: bytes, folder: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils (pdftotext) is not installed")
    target = folder / "read.pdf"
    target.write_bytes(data)
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(target), "-"], check=True, capture_output=True,
                          timeout=60)
    return " ".join(done.stdout.decode("utf-8").split())


def package_texts(data: bytes, folder: Path) -> dict[str, str]:
    """Every file of a brief package as a person (or a program) reads it: PDFs through pdftotext."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: pdf_text(zf.read(name), folder) if name.endswith(".pdf") else zf.read(name).decode("utf-8")
                for name in zf.namelist()}


def test_the_brief_pdf_and_package_carry_only_the_note_to_the_department(ctx, slot, tmp_path):
    package, pdf = tmp_path / "brief.zip", tmp_path / "brief.pdf"
    packages.write_slot_brief(ctx, slot, package, language="nb", pdf=pdf)
    printed = pdf_text(pdf.read_bytes(), tmp_path)
    assert TO_DEPARTMENT in printed and "Merknad" in printed
    assert INTERNAL not in printed
    texts = package_texts(package.read_bytes(), tmp_path)
    assert {"manifest.json", "README.txt", "brief-nb.pdf"} <= set(texts)
    assert json.loads(texts["manifest.json"])["slot"]["notes"] == f"Til dere: {TO_DEPARTMENT}"
    for name, content in texts.items():
        assert INTERNAL not in content, name
    assert TO_DEPARTMENT in texts["README.txt"] and TO_DEPARTMENT in texts["brief-nb.pdf"]
    assert INTERNAL.encode() not in package.read_bytes()


def test_the_e_mail_carries_only_the_note_to_the_department(ctx, slot, tmp_path):
    draft = write_email(ctx, slot, tmp_path / "brief.eml", now=BEFORE)
    raw = draft.path.read_bytes()
    message = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    body = message.get_body(("plain",))
    assert body is not None
    assert f"Merknad:\nTil dere: {TO_DEPARTMENT}" in body.get_content()
    assert INTERNAL not in raw.decode("ascii", errors="replace")
    seen: list[str] = []
    for part in message.iter_attachments():  # type: ignore[misc]
        name, content = str(part.get_filename()), part.get_content()
        seen.append(name)
        if name.endswith(".zip"):
            for inner, inner_text in package_texts(content, tmp_path).items():
                assert INTERNAL not in inner_text, inner
        elif name.endswith(".pdf"):
            assert TO_DEPARTMENT in pdf_text(content, tmp_path)
            assert INTERNAL not in pdf_text(content, tmp_path)
        else:
            assert INTERNAL not in (content if isinstance(content, str) else content.decode("utf-8")), name
    assert any(n.endswith(".zip") for n in seen) and any(n.endswith(".pdf") for n in seen)
    assert INTERNAL not in draft.mailto and TO_DEPARTMENT in draft.mailto


@pytest.fixture
def dav(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeWebDav]:
    choose_keyring(request, monkeypatch, MemoryKeyring())
    MemoryKeyring.store.clear()
    server = FakeWebDav().start()
    try:
        yield server
    finally:
        server.stop()


def unfolded(data: bytes) -> str:
    return data.decode("utf-8").replace("\r\n ", "")


def test_published_feeds_and_calendar_exports_carry_only_the_note_to_the_department(ctx, slot, dav, tmp_path):
    secrets = SecretStore(MemoryKeyring(), explicit=True)
    svc.set_hosting(ctx, dav.upload_url, dav.public_url, dav.username, dav.password, secrets=secrets)
    feeds = publish_feeds(ctx, secrets_store=secrets)
    for url in [feeds.full, *feeds.per_department.values()]:
        feed = unfolded(requests.get(url, timeout=10).content)
        assert TO_DEPARTMENT in feed and INTERNAL not in feed, url
    result = export_ics(ctx, tmp_path / "ics", per_department=True)
    for path in result.files:
        calendar = unfolded(path.read_bytes())
        assert TO_DEPARTMENT in calendar and INTERNAL not in calendar, path.name
    # The team's own spreadsheet keeps the internal note, as before.
    csv_file = export_csv(ctx, tmp_path / "team.csv").files[0]
    assert INTERNAL in csv_file.read_text(encoding="utf-8")


def test_upgrading_keeps_existing_notes_internal(db_url: str, tmp_path: Path) -> None:
    db = Database(db_url)
    migrate.upgrade(db, tmp_path / "backups", target="0008_publish_plan")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO account (name, handle, api_variant, graph_host, graph_version, version, "
                          "created_at, updated_at) VALUES ('Old', 'old', 'instagram_login', 'h', 'v1', 1, "
                          "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
        conn.execute(text("INSERT INTO department (name, color, notes, archived, version, created_at, updated_at) "
                          "VALUES ('Biblioteket', '#2f6fde', '', false, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
        conn.execute(text("INSERT INTO takeover_slot (account_id, department_id, start_date, end_date, status, "
                          "cancel_reason, notes, news_url, version, created_at, updated_at) SELECT a.id, d.id, "
                          "'2027-03-01', '2027-03-02', 'confirmed', '', :notes, '', 1, CURRENT_TIMESTAMP, "
                          "CURRENT_TIMESTAMP FROM account a, department d"), {"notes": INTERNAL})
    before, _ = migrate.upgrade(db, tmp_path / "backups")
    assert before.current == "0008_publish_plan" and migrate.schema_status(db).up_to_date
    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT notes, department_note FROM takeover_slot")).one()
    assert tuple(row) == (INTERNAL, None), "the old note stays internal; nothing goes to the department"
    db.dispose()


def run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["--home", str(home), "--json", *args])
    out = capsys.readouterr()
    return code, json.loads(out.out) if code == 0 else {"error": out.err}


def test_cli_books_updates_and_shows_both_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    assert main(["--home", str(home), "account", "add", "Fjordvik kommune"]) == 0
    assert main(["--home", str(home), "department", "add", "Biblioteket"]) == 0
    capsys.readouterr()
    code, booked = run(capsys, home, "book", "--department", "Biblioteket", "--account", "Fjordvik kommune",
                       "--start", "2030-03-11", "--end", "2030-03-12", "--notes", INTERNAL,
                       "--department-note", TO_DEPARTMENT)
    assert code == 0, booked
    slot_id = booked["slot"]["id"]
    assert (booked["slot"]["notes"], booked["slot"]["department_note"]) == (INTERNAL, TO_DEPARTMENT)
    # Only the note to the department changes; the internal note stays.
    code, updated = run(capsys, home, "slot", "update", str(slot_id), "--department-note", "Ny melding")
    assert code == 0, updated
    assert (updated["slot"]["notes"], updated["slot"]["department_note"]) == (INTERNAL, "Ny melding")
    code, shown = run(capsys, home, "slot", "show", str(slot_id))
    assert code == 0 and (shown["notes"], shown["department_note"]) == (INTERNAL, "Ny melding")
    assert [e["after"]["department_note"] for e in shown["history"]] == [TO_DEPARTMENT, "Ny melding"]
    code, listed = run(capsys, home, "slot", "list")
    assert code == 0 and [(s["notes"], s["department_note"]) for s in listed["slots"]] == [(INTERNAL, "Ny melding")]
    # An empty note to the department clears it; the human listing names both notes apart.
    assert run(capsys, home, "slot", "update", str(slot_id), "--department-note", "")[1]["slot"][
        "department_note"] == ""
    assert main(["--home", str(home), "slot", "show", str(slot_id)]) == 0
    human = capsys.readouterr().out
    assert "Note to the department: -" in human and f"Internal note:          {INTERNAL}" in human
