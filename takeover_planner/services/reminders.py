"""E-mails to a department about its takeover, written where departments work: an ``.eml`` draft that Outlook
(and Thunderbird, Apple Mail) opens ready to send, and a ``mailto:`` link where that is all the system has.

Three kinds: the brief (when the slot is booked), a reminder before the material deadline, and a note after a
missed one. Each is in the brief's language, names the deadline, and carries the brief PDF and the contributor
kit (the brief package the contributor window opens) — made by ``packages.write_slot_brief``, so the e-mail and
the printed brief never disagree. Before the deadline the deadline also travels as a calendar invitation
(METHOD:REQUEST, ORGANIZER the comms contact, ATTENDEE the department's contact), so it lands in the
department's calendar. The comms contact is the profile filled in on this computer, else the team's people
list (``packages._comms_contact``: one rule for who signs what the department receives).

``X-Unsent: 1`` is what makes Outlook open an .eml as a draft (with Send) instead of as a received message;
Thunderbird opens it with "Edit as new message". The app never sends mail itself.
"""

from __future__ import annotations

import datetime as dt
import enum
import tempfile
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from urllib.parse import quote

from takeover_planner.domain.timekeeping import OSLO, now_utc
from takeover_planner.errors import NotFoundError, ValidationError
from takeover_planner.exporting import ics
from takeover_planner.intake.brief import pdf_name
from takeover_planner.intake.brief_document import Person
from takeover_planner.services import audit
from takeover_planner.services.access import require_planner
from takeover_planner.services.context import AppContext
from takeover_planner.services.export_service import write_output
from takeover_planner.services.packages import _addressee, _comms_contact, write_slot_brief
from takeover_planner.storage.models import TakeoverSlot
from takeover_planner.texts import BOKMAAL, DateSpan, render
from takeover_planner.texts.access import ActionText
from takeover_planner.texts.brief import BriefText, BriefWords
from takeover_planner.texts.codes import Code
from takeover_planner.texts.reminders import ReminderText as R
from takeover_planner.texts.stories import StoriesText

INVITATION_FILE = "deadline.ics"


class EmailKind(enum.StrEnum):
    BRIEF = "brief"
    REMINDER = "reminder"
    MISSED = "missed"


_SUBJECTS = {EmailKind.BRIEF: R.SUBJECT_BRIEF, EmailKind.REMINDER: R.SUBJECT_REMINDER,
             EmailKind.MISSED: R.SUBJECT_MISSED}
_INTROS = {EmailKind.BRIEF: R.INTRO_BRIEF, EmailKind.REMINDER: R.INTRO_REMINDER, EmailKind.MISSED: R.INTRO_MISSED}


@dataclass(frozen=True)
class EmailDraft:
    path: Path
    kind: EmailKind
    slot_id: int
    language: str
    sender: str
    to: str
    subject: str
    attachments: tuple[str, ...]
    mailto: str  # subject and body, no attachments: for systems where a mailto: link is all there is

    def as_dict(self) -> dict[str, object]:
        return {"file": str(self.path), "kind": self.kind.value, "slot_id": self.slot_id, "language": self.language,
                "from": self.sender, "to": self.to, "subject": self.subject, "attachments": list(self.attachments),
                "mailto": self.mailto}


@dataclass(frozen=True)
class _Slot:
    id: int
    department: str
    account: str
    dates: DateSpan
    deadline: dt.datetime | None
    created_at: dt.datetime
    version: int
    department_note: str  # the note to the department; the internal note (slot.notes) never goes out


def _facts(ctx: AppContext, slot_id: int, reach: str, language: str) -> tuple[_Slot, Person | None, Person]:
    with ctx.db.session() as s:
        require_planner(s, ctx.actor, ActionText.WRITE_BRIEFS)
        slot = s.get(TakeoverSlot, slot_id)
        if slot is None:
            raise NotFoundError(StoriesText.NO_SLOT, slot_id=slot_id)
        facts = _Slot(slot.id, slot.department.name, slot.account.name, DateSpan(slot.start_date, slot.end_date),
                      slot.material_deadline, slot.created_at, slot.version, slot.department_note or "")
        return facts, _addressee(slot), _comms_contact(s, ctx, reach, language)


def write_email(
    ctx: AppContext,
    slot_id: int,
    out: str | Path,
    *,
    kind: EmailKind = EmailKind.BRIEF,
    language: str = BOKMAAL,
    reach: str = "",
    now: dt.datetime | None = None,
) -> EmailDraft:
    """Write the e-mail for ``slot_id`` to ``out`` (.eml). ``reach``: the comms contact's e-mail address, when
    the profile has none."""
    BriefWords(language)  # an unknown language is refused before any work
    now = now or now_utc()
    slot, addressee, contact = _facts(ctx, slot_id, reach, language)
    if addressee is None or not addressee.email:
        raise ValidationError(R.NO_DEPARTMENT_EMAIL, department=slot.department)
    if "@" not in contact.email:
        raise ValidationError(R.NO_COMMS_EMAIL)
    if kind != EmailKind.BRIEF and slot.deadline is None:
        raise ValidationError(R.NO_DEADLINE, slot_id=slot.id)
    kit_name = f"takeover-brief-{slot.id}.zip"
    with tempfile.TemporaryDirectory(prefix="takeover-mail-") as folder:
        kit, printed = Path(folder) / kit_name, Path(folder) / pdf_name(language)
        write_slot_brief(ctx, slot.id, kit, language=language, pdf=printed, reach=reach)
        kit_bytes, pdf_bytes = kit.read_bytes(), printed.read_bytes()
    # An invitation only for a deadline still ahead: a missed one belongs in no calendar.
    invite = slot.deadline is not None and slot.deadline > now and kind != EmailKind.MISSED
    params = {"department": slot.department, "account": slot.account, "dates": slot.dates,
              "deadline": slot.deadline, "kit": kit_name, "file": INVITATION_FILE}
    subject = _say(_SUBJECTS[kind], params, language)
    body = _body(kind, params, addressee, contact, language, invite=invite, note=slot.department_note)

    message = EmailMessage()
    message["From"] = Address(contact.name, addr_spec=contact.email)
    message["To"] = Address(addressee.name, addr_spec=addressee.email)
    message["Subject"] = subject
    message["Date"] = format_datetime(now.astimezone(OSLO))
    message["Message-ID"] = make_msgid(domain="takeover-planner")
    message["X-Unsent"] = "1"
    message.set_content(body)
    message.add_attachment(pdf_bytes, maintype="application", subtype="pdf", filename=pdf_name(language))
    message.add_attachment(kit_bytes, maintype="application", subtype="zip", filename=kit_name)
    attachments = [pdf_name(language), kit_name]
    if invite:
        assert slot.deadline is not None
        invitation = ics.Invitation(
            uid=ics.entity_uid("deadline-invitation", slot.id, slot.created_at),
            sequence=max(slot.version - 1, 0), start=slot.deadline,
            summary=_say(R.INVITATION_SUMMARY, params, language),
            description=_say(R.INVITATION_DESCRIPTION, params, language),
            organizer=(contact.name, contact.email), attendee=(addressee.name, addressee.email))
        message.add_attachment(ics.invitation_bytes(invitation, now).decode("utf-8"), subtype="calendar",
                               filename=INVITATION_FILE, params={"method": "REQUEST"})
        attachments.append(INVITATION_FILE)
    target = Path(out)
    write_output(target, bytes(message))
    with ctx.db.write() as s:
        audit.record(s, ctx.actor, "slot", slot.id, "email_written",
                     after={"kind": kind.value, "to": addressee.email, "file": target.name, "language": language})
    return EmailDraft(target, kind, slot.id, language, str(message["From"]), str(message["To"]), subject,
                      tuple(attachments), mailto_link(addressee.email, subject, body))


def _say(code: Code, params: dict[str, object], language: str) -> str:
    return render(code, params, language)


def _body(kind: EmailKind, params: dict[str, object], addressee: Person, contact: Person, language: str, *,
          invite: bool, note: str = "") -> str:
    first_name = addressee.name.split()[0] if addressee.name.split() else ""
    greeting = _say(R.GREETING, {"name": first_name}, language) if first_name else _say(R.GREETING_NO_NAME, {},
                                                                                          language)
    paragraphs = [greeting, _say(_INTROS[kind], params, language)]
    if note.strip():
        # The note to the department, as the brief prints it under the same heading.
        paragraphs.append(f"{_say(BriefText.NOTE, {}, language)}:\n{note.strip()}")
    deadline_lines = []
    if params["deadline"] is not None and kind != EmailKind.MISSED:
        deadline_lines.append(_say(R.DEADLINE_LINE, params, language))
    if invite:
        deadline_lines.append(_say(R.INVITATION_LINE, params, language))
    if deadline_lines:
        paragraphs.append("\n".join(deadline_lines))
    paragraphs.append(_say(R.QUESTIONS, {}, language))
    signature = [_say(R.REGARDS, {}, language), contact.name]
    if contact.title:
        signature.append(contact.title)
    if contact.reach():
        signature.append(contact.reach())
    paragraphs.append("\n".join(signature))
    return "\n\n".join(paragraphs) + "\n"


def mailto_link(to: str, subject: str, body: str) -> str:
    """RFC 6068: the address, then subject and body percent-encoded as UTF-8, line breaks as CRLF."""
    encoded = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{quote(to, safe='@')}?subject={quote(subject, safe='')}&body={quote(encoded, safe='')}"
