"""`profile set` / `profile show`, and the brief they sign: the profile's name, e-mail and phone, never the
operating system's login; without a profile the brief says plainly that contact details are missing."""

from __future__ import annotations

import getpass
import json
import re
import zipfile
from pathlib import Path

import pytest

from takeover_planner.cli import main
from takeover_planner.errors import ValidationError
from takeover_planner.paths import resolve_paths
from takeover_planner.services import profile
from takeover_planner.settings import Settings
from takeover_planner.texts.install import InstallText
from tests.storage.test_brief_pdf_cli import pdf_text


def _run(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str]:
    code = main(["--home", str(home), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _brief_text(capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path) -> tuple[str, str]:
    """A booked slot's brief: the PDF's text and the package's README."""
    assert _run(capsys, home, "account", "add", "Fjordvik kommune", "--handle", "fjordvikkommune")[0] == 0
    assert _run(capsys, home, "department", "add", "Biblioteket", "--contact", "Ola Bibliotekar")[0] == 0
    assert _run(capsys, home, "book", "--department", "Biblioteket", "--account", "Fjordvik kommune",
                "--start", "2027-03-01", "--end", "2027-03-03", "--status", "confirmed")[0] == 0
    package = tmp_path / "brief.zip"
    code, out = _run(capsys, home, "package", "brief", "--slot", "1", "--out", str(package), "--language", "en")
    assert code == 0, out
    with zipfile.ZipFile(package) as zf:
        return pdf_text(zf.read("brief-en.pdf"), tmp_path), zf.read("README.txt").decode("utf-8")


def _mentions_login(text: str) -> bool:
    login = getpass.getuser()
    return re.search(rf"\b{re.escape(login)}\b", text) is not None


def test_a_brief_is_signed_by_the_profile_and_never_by_the_login(
        qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TAKEOVER_PLANNER_USER")  # the audit trail falls back to the login name
    home = tmp_path / "tp"
    code, out = _run(capsys, home, "profile", "set", "--name", "Kari Nordmann", "--email",
                     "kari.nordmann@fjordvik.kommune.no", "--phone", "+47 900 11 222", "--title",
                     "communications adviser", "--organisation", "Fjordvik kommune")
    assert code == 0, out
    shown = json.loads(_run(capsys, home, "--json", "profile", "show")[1])
    assert shown["name"] == "Kari Nordmann" and shown["complete"] is True
    text, readme = _brief_text(capsys, home, tmp_path)
    for expected in ("Kari Nordmann", "kari.nordmann@fjordvik.kommune.no", "+47 900 11 222",
                     "communications adviser"):
        assert expected in text, expected
    assert "Kari Nordmann" in readme
    assert not _mentions_login(text) and not _mentions_login(readme)


def test_without_a_profile_the_brief_says_contact_details_are_missing(
        qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TAKEOVER_PLANNER_USER")
    home = tmp_path / "tp"
    shown = json.loads(_run(capsys, home, "--json", "profile", "show")[1])
    assert shown["complete"] is False
    text, readme = _brief_text(capsys, home, tmp_path)
    missing = " ".join(InstallText.CONTACT_MISSING.template("en").split())
    assert missing in text and missing in readme
    assert not _mentions_login(text) and not _mentions_login(readme)


def test_a_profile_needs_a_name_and_a_valid_email(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path).ensure()
    settings = Settings.load(paths)
    with pytest.raises(ValidationError) as no_name:
        profile.set_profile(settings, name="  ", email="kari@fjordvik.kommune.no")
    assert no_name.value.params["field"] == InstallText.YOUR_NAME
    with pytest.raises(ValidationError) as no_email:
        profile.set_profile(settings, name="Kari", email="")
    assert no_email.value.params["field"] == InstallText.YOUR_EMAIL
    with pytest.raises(ValidationError):
        profile.set_profile(settings, name="Kari", email="not an address")
    assert not profile.load_profile(paths).complete


def test_the_hand_off_checklist_is_signed_by_the_profile_or_says_it_is_missing() -> None:
    import datetime as dt

    from takeover_planner.publishing.handoff import render_checklist

    signed = profile.Profile(name="Kari Nordmann", email="kari@fjordvik.kommune.no", phone="+47 900 11 222",
                             title="kommunikasjonsrådgiver").signature()
    when = dt.datetime(2027, 3, 1, 9, tzinfo=dt.UTC)
    page = render_checklist([], title="Biblioteket", language="nb", generated_at=when, prepared_by=signed)
    assert "Kari Nordmann, kommunikasjonsrådgiver · kari@fjordvik.kommune.no · +47 900 11 222" in page
    unsigned = render_checklist([], title="Biblioteket", language="en", generated_at=when,
                                prepared_by=profile.Profile().signature())
    assert "contact details missing" in unsigned and not _mentions_login(unsigned)
