"""E-mails to a department: the .eml read back with Python's own e-mail parser (a parser that is not ours),
its attachments present, and the deadline invitation read by icalendar and checked by libical."""

from __future__ import annotations

import datetime as dt
import email
import json
import zipfile
from email import policy
from email.message import EmailMessage
from io import BytesIO

import icalendar
import pytest

from takeover_planner.cli import main
from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import OSLO
from takeover_planner.errors import ValidationError
from takeover_planner.services import booking, catalog
from takeover_planner.services.profile import set_profile
from takeover_planner.services.reminders import EmailKind, write_email
from takeover_planner.texts.reminders import ReminderText
from tests.unit.export.libical import libical_errors

DEADLINE = dt.datetime(2030, 3, 6, 12, 0, tzinfo=OSLO)
BEFORE = dt.datetime(2030, 3, 1, 9, 0, tzinfo=OSLO)
AFTER = dt.datetime(2030, 3, 8, 9, 0, tzinfo=OSLO)


@pytest.fixture
def slot(ctx) -> int:
    catalog.add_account(ctx, "Fjordvik kommune", handle="fjordvikkommune")
    catalog.add_department(ctx, "Biblioteket", contact_name="Kari Nordmann", email="kari@fjordvik.kommune.no",
                           phone="+47 900 00 001")
    set_profile(ctx.settings, name="Åse Rådgiver", email="ase@fjordvik.kommune.no", title="kommunikasjonsrådgiver")
    return booking.book(ctx, department="Biblioteket", account="Fjordvik kommune", start=dt.date(2030, 3, 11),
                        end=dt.date(2030, 3, 13), status=SlotStatus.CONFIRMED, material_deadline=DEADLINE).slot.id


def read(path) -> EmailMessage:  # type: ignore[no-untyped-def]
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def attachments(message: EmailMessage) -> dict[str, EmailMessage]:
    return {str(part.get_filename()): part for part in message.iter_attachments()}  # type: ignore[misc]


def test_the_brief_e_mail_opens_as_a_draft_with_brief_kit_and_invitation(ctx, slot, tmp_path):
    draft = write_email(ctx, slot, tmp_path / "brief.eml", now=BEFORE)
    message = read(draft.path)
    assert message["X-Unsent"] == "1"
    assert message["To"].addresses[0].addr_spec == "kari@fjordvik.kommune.no"
    assert message["From"].addresses[0].display_name == "Åse Rådgiver"
    assert message["Subject"] == "Overtakelsen deres av Fjordvik kommune 11.–13. mars 2030: oppdragsbrevet"
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert text.startswith("Hei, Kari!") and "Frist for materiell: 6. mars 2030 kl. 12:00." in text
    assert "kommunikasjonsrådgiver" in text and "ase@fjordvik.kommune.no" in text
    files = attachments(message)
    assert set(files) == {"brief-nb.pdf", f"takeover-brief-{slot}.zip", "deadline.ics"}
    assert files["brief-nb.pdf"].get_content_type() == "application/pdf"
    assert files["brief-nb.pdf"].get_content().startswith(b"%PDF")
    with zipfile.ZipFile(BytesIO(files[f"takeover-brief-{slot}.zip"].get_content())) as kit:
        assert "manifest.json" in kit.namelist()
    invitation_part = files["deadline.ics"]
    assert invitation_part.get_content_type() == "text/calendar"
    assert invitation_part.get_param("method") == "REQUEST"
    data = invitation_part.get_content().encode("utf-8")
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["method"]) == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == DEADLINE
    assert str(event["organizer"]) == "mailto:ase@fjordvik.kommune.no"
    assert str(event["attendee"]) == "mailto:kari@fjordvik.kommune.no"
    assert event["attendee"].params["RSVP"] == "TRUE"
    assert libical_errors(data) == []
    assert draft.mailto.startswith("mailto:kari@fjordvik.kommune.no?subject=Overtakelsen%20deres")


def test_reminder_and_missed_variants(ctx, slot, tmp_path):
    reminder = read(write_email(ctx, slot, tmp_path / "r.eml", kind=EmailKind.REMINDER, now=BEFORE,
                                language="en").path)
    assert reminder["Subject"] == "Reminder: material for the takeover 11–13 March 2030 is due 6 March 2030, 12:00"
    assert "deadline.ics" in attachments(reminder)
    missed = read(write_email(ctx, slot, tmp_path / "m.eml", kind=EmailKind.MISSED, now=AFTER).path)
    assert missed["Subject"] == "Fristen for materiell til overtakelsen 11.–13. mars 2030 har gått ut"
    assert set(attachments(missed)) == {"brief-nb.pdf", f"takeover-brief-{slot}.zip"}, "no invitation for the past"


def test_an_e_mail_needs_both_addresses(ctx, slot, tmp_path):
    catalog.add_department(ctx, "Brannvesenet", contact_name="Ola Hansen")
    other = booking.book(ctx, department="Brannvesenet", account="Fjordvik kommune", start=dt.date(2030, 4, 1),
                         end=dt.date(2030, 4, 2), status=SlotStatus.CONFIRMED).slot.id
    with pytest.raises(ValidationError) as refused:
        write_email(ctx, other, tmp_path / "x.eml")
    assert refused.value.code == ReminderText.NO_DEPARTMENT_EMAIL
    set_profile(ctx.settings, name="Åse Rådgiver", email="ase@fjordvik.kommune.no")
    ctx.settings.set("profile.email", "")
    with pytest.raises(ValidationError) as refused:
        write_email(ctx, slot, tmp_path / "y.eml")
    assert refused.value.code == ReminderText.NO_COMMS_EMAIL
    assert not (tmp_path / "x.eml").exists() and not (tmp_path / "y.eml").exists()
    assert write_email(ctx, slot, tmp_path / "z.eml", reach="ase@fjordvik.kommune.no", now=BEFORE).path.exists()


def test_the_slot_email_command(ctx, slot, db_url, tmp_path, capsys):
    home = tmp_path / "cli-home"
    where = ["--home", str(home), "--db", db_url]
    out = tmp_path / "mail.eml"
    code = main([*where, "--json", "slot", "email", str(slot), "--out", str(out), "--kind", "reminder",
                 "--contact", "ase@fjordvik.kommune.no"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["kind"] == "reminder" and result["to"].endswith("<kari@fjordvik.kommune.no>")
    assert read(out)["X-Unsent"] == "1"
