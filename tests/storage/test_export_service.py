"""The export service on a real database (SQLite, and PostgreSQL when configured), and the `export` command."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest

from takeover_planner.cli import main
from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import oslo_datetime
from takeover_planner.errors import NotFoundError, ValidationError
from takeover_planner.exporting import ics
from takeover_planner.services import booking, catalog, export_service
from takeover_planner.services.export_service import ExportCancelled, ExportOptions
from takeover_planner.storage.models import StoryFrame
from takeover_planner.texts import language
from takeover_planner.texts.export import ExportText

D = dt.date
NB = ExportOptions(language="nb")
EN = ExportOptions(language="en")


@pytest.fixture
def plan(ctx):
    catalog.add_account(ctx, "Fjordvik kommune", handle="fjordvikkommune")
    catalog.add_account(ctx, "Fjordvik kultur", handle="fjordvikkultur")
    catalog.add_department(ctx, "Biblioteket", contact_name="Kari Nordmann", email="kari@fjordvik.kommune.no",
                           phone="+47 900 00 001", color="#2f6fde")
    catalog.add_department(ctx, "Brannvesenet", contact_name="Ola Hansen", color="#c2415d")
    catalog.add_department(ctx, "Miljø/Åpenhet", color="#2e9e6a")
    catalog.add_campaign(ctx, "Leseuka, vår", D(2027, 3, 1), D(2027, 3, 7))
    ids = {
        "library": booking.book(ctx, department="Biblioteket", account="Fjordvik kommune", start=D(2027, 3, 1),
                                end=D(2027, 3, 5), campaign="Leseuka, vår", status=SlotStatus.CONFIRMED,
                                notes="Ta med æøå; og komma,\nny linje",
                                news_url="https://fjordvik.kommune.no/leseuka").slot.id,
        "fire": booking.book(ctx, department="Brannvesenet", account="Fjordvik kultur", start=D(2027, 3, 26),
                             end=D(2027, 3, 29), status=SlotStatus.BOOKED).slot.id,
        "env": booking.book(ctx, department="Miljø/Åpenhet", account="Fjordvik kommune", start=D(2027, 5, 3),
                            end=D(2027, 5, 3)).slot.id,
    }
    with ctx.db.write() as s:
        for position, state in enumerate(["draft", "submitted", "changes_requested", "approved", "scheduled",
                                          "published", "published"]):
            s.add(StoryFrame(slot_id=ids["library"], position=position, state=state))
    return ids


def parse(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_gather_brings_contact_campaign_and_frame_counts(ctx, plan):
    slots = {s.id: s for s in export_service.gather(ctx, EN)}
    library = slots[plan["library"]]
    assert (library.contact_name, library.contact_email, library.contact_phone) == (
        "Kari Nordmann", "kari@fjordvik.kommune.no", "+47 900 00 001")
    assert library.campaign == "Leseuka, vår"
    assert (library.frames.submitted, library.frames.approved, library.frames.published) == (6, 4, 2)
    assert library.material_deadline == oslo_datetime(D(2027, 2, 24), dt.time(12))
    assert library.department_color == "#2f6fde"
    assert slots[plan["env"]].contact_name == "" and slots[plan["env"]].frames.submitted == 0
    assert library.created_at.tzinfo is not None


def test_filters(ctx, plan):
    def ids(**kw):
        return {s.id for s in export_service.gather(ctx, ExportOptions(**kw))}

    assert ids(department="Brannvesenet") == {plan["fire"]}
    assert ids(account="Fjordvik kommune") == {plan["library"], plan["env"]}
    assert ids(start=D(2027, 3, 5), end=D(2027, 3, 26)) == {plan["library"], plan["fire"]}
    assert ids(start=D(2027, 4, 1)) == {plan["env"]}
    with pytest.raises(NotFoundError):
        ids(department="Finnes ikke")
    with pytest.raises(ValidationError):
        ids(start=D(2027, 5, 1), end=D(2027, 4, 1))


def test_second_export_after_an_edit_keeps_the_uid_and_raises_sequence(ctx, plan, tmp_path):
    first = parse(export_service.export_ics(ctx, tmp_path / "one.ics", EN).files[0])
    booking.move(ctx, plan["library"], D(2027, 3, 2), D(2027, 3, 6))
    booking.update_details(ctx, plan["library"], department_note="Nytt notat")
    second = parse(export_service.export_ics(ctx, tmp_path / "two.ics", EN).files[0])
    assert set(first) == set(second)  # the same UIDs, slots and deadlines alike
    library = next(uid for uid in first if uid.startswith(f"slot-{plan['library']}-"))
    assert int(second[library]["sequence"]) > int(first[library]["sequence"])
    assert second[library].decoded("dtstart") == D(2027, 3, 2)
    assert second[library].decoded("dtend") == D(2027, 3, 7)
    assert str(second[library]["description"]).endswith("Notes:\nNytt notat")
    untouched = next(uid for uid in first if uid.startswith(f"slot-{plan['fire']}-"))
    assert int(second[untouched]["sequence"]) == int(first[untouched]["sequence"])


def test_ics_per_department_folder(ctx, plan, tmp_path):
    booking.set_status(ctx, plan["env"], SlotStatus.CANCELLED, reason="Sykdom")
    ids = {d.name: d.id for d in catalog.list_departments(ctx)}
    folder = tmp_path / "kalender"
    result = export_service.export_ics(ctx, f"{folder}/", NB)
    names = sorted(p.name for p in folder.iterdir())
    library, fire_file, env_file = (f"Biblioteket-{ids['Biblioteket']}.ics", f"Brannvesenet-{ids['Brannvesenet']}.ics",
                                    f"Miljø-Åpenhet-{ids['Miljø/Åpenhet']}.ics")
    assert names == sorted(["takeover-calendar.ics", library, fire_file, env_file])
    assert result.files[0] == folder / "takeover-calendar.ics"
    assert set(result.per_department) == {"Biblioteket", "Brannvesenet", "Miljø/Åpenhet"}
    full = parse(folder / "takeover-calendar.ics")
    assert len([u for u in full if u.startswith("slot-")]) == 3
    fire = parse(folder / fire_file)
    assert {str(e["summary"]) for e in fire.values()} == {
        "Overtakelse: Brannvesenet – Fjordvik kultur", "Frist for materiell: Brannvesenet – Fjordvik kultur",
        "Kampanje: Leseuka, vår"}
    cancelled = parse(folder / env_file)
    assert {str(e["status"]) for uid, e in cancelled.items() if uid.startswith(("slot-", "deadline-"))} == {"CANCELLED"}
    calendar = icalendar.Calendar.from_ical((folder / library).read_bytes())
    assert str(calendar["x-wr-calname"]) == "Overtakelseskalender – Biblioteket"
    assert not [p for p in folder.iterdir() if p.name.endswith(".part")]
    assert (folder / library).stat().st_mode & 0o777 == 0o644


def test_ics_blackouts_and_campaigns_can_be_left_out(ctx, plan, tmp_path):
    catalog.add_blackout(ctx, "Påske", D(2027, 3, 22), D(2027, 3, 24), account="Fjordvik kultur", reason="Fri")
    catalog.add_blackout(ctx, "Sommer", D(2027, 7, 1), D(2027, 7, 31))
    found = parse(export_service.export_ics(ctx, tmp_path / "all.ics", NB).files[0])
    kinds = sorted(uid.split("-")[0] for uid in found if not uid.startswith(("slot-", "deadline-")))
    assert kinds == ["blackout", "blackout", "campaign"]
    # An account's export shows that account's blackouts and those of all accounts; the period filter applies too.
    only = ExportOptions(language="nb", account="Fjordvik kommune", end=D(2027, 6, 30))
    found = parse(export_service.export_ics(ctx, tmp_path / "kommune.ics", only).files[0])
    assert [uid.split("-")[0] for uid in found if not uid.startswith(("slot-", "deadline-"))] == ["campaign"]
    bare = parse(export_service.export_ics(ctx, tmp_path / "bare.ics", NB, periods=False).files[0])
    assert all(uid.startswith(("slot-", "deadline-")) for uid in bare)


def test_csv_files(ctx, plan, tmp_path):
    excel = export_service.export_csv(ctx, tmp_path / "plan.csv", NB, excel=True).files[0]
    data = excel.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("ID;Start;Slutt;Uke;Dager;Konto;Enhet;Status")
    assert ";Kari Nordmann;" in text and ";6;4;2;" in text and "Ta med æøå; og komma,\nny linje" in text
    plain = export_service.export_csv(ctx, tmp_path / "plain.csv", NB).files[0].read_text("utf-8")
    assert plain.startswith("id,start,end,week") and "2027-02-24T12:00+01:00" in plain


def test_pdf_file(qapp, ctx, plan, tmp_path):
    from tests.unit.export.pdf_reading import page_count, page_text

    result = export_service.export_pdf(ctx, tmp_path / "plan.pdf", NB)
    assert result.pages == 4  # March, April, May and the list
    assert page_count(result.files[0]) == 4
    march = page_text(result.files[0], 1)
    assert "Mars 2027" in march and "Biblioteket" in march and "Brannvesenet" in march
    assert "Miljø/Åpenhet" in page_text(result.files[0], 4)


def test_pdf_months_follow_the_filter_and_refuse_a_typo(ctx, plan):
    slots = export_service.gather(ctx, EN)
    assert export_service.pdf_months(slots, EN) == (D(2027, 3, 1), D(2027, 5, 3))
    chosen = ExportOptions(start=D(2027, 1, 15), end=D(2027, 2, 1))
    assert export_service.pdf_months([], chosen) == (D(2027, 1, 15), D(2027, 2, 1))
    with pytest.raises(ValidationError) as caught:
        export_service.pdf_months(slots, ExportOptions(start=D(2027, 1, 1), end=D(2270, 1, 1)))
    assert caught.value.code == ExportText.TOO_MANY_MONTHS and caught.value.params["limit"] == 240


def test_a_cancelled_export_leaves_the_previous_file_alone(ctx, plan, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "plan.ics"
    target.write_text("the previous export", encoding="utf-8")

    def stop(done: int, total: int) -> None:
        raise ExportCancelled()

    with pytest.raises(ExportCancelled):
        export_service.export_ics(ctx, target, EN, progress=stop)
    with pytest.raises(ExportCancelled):
        export_service.export_csv(ctx, folder / "plan.csv", EN, progress=stop)
    assert target.read_text(encoding="utf-8") == "the previous export"
    assert sorted(p.name for p in folder.iterdir()) == ["plan.ics"]


def test_a_folder_is_not_a_csv_file(ctx, plan, tmp_path):
    with pytest.raises(ValidationError) as caught:
        export_service.export_csv(ctx, tmp_path, EN)
    assert caught.value.code == ExportText.FOLDER_NOT_FILE
    (tmp_path / "x.ics").write_text("", encoding="utf-8")
    for target in (tmp_path / "x.ics", tmp_path / "new.ics"):
        with pytest.raises(ValidationError) as caught:
            export_service.export_ics(ctx, target, EN, per_department=True)
        assert caught.value.code == ExportText.FILE_NOT_FOLDER
    assert not (tmp_path / "new.ics").exists()


def test_folder_or_file(tmp_path):
    assert export_service.is_folder_target(tmp_path)
    assert export_service.is_folder_target(f"{tmp_path}/new/")
    assert export_service.is_folder_target(tmp_path / "calendars")
    assert not export_service.is_folder_target(tmp_path / "plan.ics")


def test_language_follows_the_app_unless_chosen(monkeypatch):
    monkeypatch.setattr(language, "_current", "nb")
    assert export_service.export_words(ExportOptions()).language == "nb"
    assert export_service.export_words(ExportOptions(language="en")).language == "en"
    monkeypatch.setattr(language, "_current", None)  # nothing chosen yet: the system's locale
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert export_service.export_words(ExportOptions()).language == "en"
    monkeypatch.setenv("LC_ALL", "nb_NO.UTF-8")
    assert export_service.export_words(ExportOptions()).language == "nb"


# --- the command line ----------------------------------------------------------------------------------


def run(db_url: str, home: Path, *args: str) -> int:
    return main(["--home", str(home), "--db", db_url, *args])


def test_export_commands(ctx, plan, db_url, tmp_path, capsys):
    home = tmp_path / "cli-home"
    assert run(db_url, home, "export", "csv", "--out", str(tmp_path / "a.csv"), "--excel", "--language", "en") == 0
    assert "Wrote 3 slots to" in capsys.readouterr().out
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert run(db_url, home, "--json", "export", "ics", "--out", str(tmp_path / "ics") + "/",
               "--department", "Biblioteket") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["slots"] == 1 and list(result["per_department"]) == ["Biblioteket"]
    assert run(db_url, home, "export", "ics", "--out", str(tmp_path / "k.ics"), "--account", "Fjordvik kultur",
               "--from", "2027-03-01", "--to", "2027-03-31") == 0
    assert [u for u in parse(tmp_path / "k.ics") if u.startswith("slot-")] == [
        ics.slot_uid(next(s for s in export_service.gather(ctx, EN) if s.id == plan["fire"]))]


def test_export_command_errors(ctx, plan, db_url, tmp_path, capsys):
    home = tmp_path / "cli-home"
    out = str(tmp_path / "x.csv")
    assert run(db_url, home, "export", "csv", "--out", out, "--from", "2027-05-01", "--to", "2027-04-01") == 2
    assert "before the start date" in capsys.readouterr().err
    assert run(db_url, home, "export", "csv", "--out", out, "--department", "Finnes ikke") == 5
    assert "No department called" in capsys.readouterr().err
    assert run(db_url, home, "export", "pdf", "--out", str(tmp_path / "x.pdf"), "--from", "2000-01-01") == 2
    assert "at most 240" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        run(db_url, home, "export", "ics", "--out", out, "--excel")
    assert usage.value.code == 2
    assert not list(tmp_path.glob("x.*"))
