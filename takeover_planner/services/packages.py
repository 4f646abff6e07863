"""Brief and submission packages as use cases: write a slot's brief, import a submission into its slot.

Import is all or nothing. The package is checked completely in a staging folder (``intake``), then against the
database (slot known, not cancelled, not imported before), then each file is probed; only when all of that
passes are the files copied into the media store and the submission, consents and frames written in one
transaction. A refusal leaves the database and the media store exactly as they were.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from takeover_planner.domain.review import FrameState
from takeover_planner.domain.roles import Role
from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import oslo_datetime
from takeover_planner.errors import NotFoundError, ValidationError
from takeover_planner.fileio import atomic_write_bytes
from takeover_planner.intake.brief import new_brief, pdf_name, write_brief
from takeover_planner.intake.brief_document import BriefLetter, Person, render_brief
from takeover_planner.intake.brief_rules import format_groups
from takeover_planner.intake.errors import PackageRefused, Reason
from takeover_planner.intake.kit import kit_file_name, kit_html
from takeover_planner.intake.manifest import BriefManifest, SlotFacts, SubmissionManifest
from takeover_planner.intake.package import Staged
from takeover_planner.intake.safezip import DEFAULT_LIMITS, ZipLimits
from takeover_planner.intake.submission import read_submission
from takeover_planner.media.rules import RuleSet, load_rules
from takeover_planner.services import audit, safekeeping
from takeover_planner.services.access import require_planner
from takeover_planner.services.consents import add_consent
from takeover_planner.services.context import AppContext
from takeover_planner.services.media_service import asset_row
from takeover_planner.services.profile import get_profile, is_os_login
from takeover_planner.services.stories import ENTITY, move_frame
from takeover_planner.services.story_media import judge, rules_path, store_files, unstorable_reason
from takeover_planner.storage.models import FrameConsent, StoryFrame, Submission, TakeoverSlot
from takeover_planner.storage.models import Person as TeamMember
from takeover_planner.texts import Text
from takeover_planner.texts.access import ActionText
from takeover_planner.texts.audit import AuditNote, note
from takeover_planner.texts.brief import BriefText, BriefWords
from takeover_planner.texts.install import InstallText
from takeover_planner.texts.intake import IntakeText
from takeover_planner.texts.stories import StoriesText

log = logging.getLogger(__name__)
DEFAULT_TIME = (9, 0)  # a frame with a day but no time of day is planned for 09:00 Oslo time


@dataclass(frozen=True)
class ImportResult:
    submission_id: int
    slot_id: int
    frame_ids: tuple[int, ...]
    consent_ids: tuple[int, ...]
    contributor: str
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, object]:
        return {"submission_id": self.submission_id, "slot_id": self.slot_id, "frames": list(self.frame_ids),
                "consents": list(self.consent_ids), "contributor": self.contributor, "warnings": list(self.warnings)}


def slot_facts(slot: TakeoverSlot) -> SlotFacts:
    return SlotFacts(
        slot_id=slot.id, account=slot.account.name, account_handle=slot.account.handle,
        department=slot.department.name, start=slot.start_date, end=slot.end_date,
        material_deadline=slot.material_deadline, campaign=slot.campaign.name if slot.campaign else "",
        # The package goes to the department: only the note to them, never the internal note (slot.notes).
        news_url=slot.news_url, notes=slot.department_note or "",
    )


def _addressee(slot: TakeoverSlot) -> Person | None:
    """The department's contact person (the primary one first), whom the printed brief greets."""
    contacts = sorted(slot.department.contacts, key=lambda c: (not c.is_primary, c.id))
    return Person(contacts[0].name, contacts[0].email, contacts[0].phone) if contacts else None


def _comms_contact(s: Session, ctx: AppContext, reach: str, language: str) -> Person:
    """Whoever writes the brief is the department's contact: the profile filled in on this computer
    (services/profile.py), else the team's people list by the acting name. ``reach`` (an e-mail address or a
    phone number), when given, is how to reach them. With none of these the brief says, where the name would
    be, that contact details are missing: a login name ("root") is never a signature."""
    given = reach.strip()
    own = get_profile(ctx.settings)
    if own.name:
        return Person(own.name, given or own.email, "" if given else own.phone, title=own.title)
    member = s.scalars(select(TeamMember).where(TeamMember.name == ctx.actor)).first()
    missing = BriefWords(language)(InstallText.CONTACT_MISSING)
    if member is None and not given:
        return Person(missing)
    title = ""
    if member is not None and member.role == Role.COMMS_OFFICER.value:
        title = BriefWords(language)(BriefText.COMMS_OFFICER)
    email = given or (member.email if member is not None else "")
    return Person(missing if is_os_login(ctx.actor) else ctx.actor, email, title=title)


def render_brief_pdf(letter: BriefLetter) -> bytes:
    """The printed brief as tagged PDF bytes (Typst lays it out; see ``intake.brief_document``)."""
    return render_brief(letter)


@dataclass(frozen=True)
class SlotBrief:
    """What a slot's brief says, before anything is written: the manifest, the rules it quotes, who writes."""

    brief: BriefManifest
    rules: RuleSet
    contact: Person
    addressee: Person | None


def prepare_brief(ctx: AppContext, slot_id: int, *, language: str = "nb", reach: str = "") -> SlotBrief:
    """A new brief for a slot (refused for a cancelled slot), with the rule set in force. Planners only: the
    brief names its writer as the department's contact in the comms team."""
    BriefWords(language)  # an unknown language is refused before any work
    rules = load_rules(rules_path(ctx))
    with ctx.db.session() as s:
        require_planner(s, ctx.actor, ActionText.WRITE_BRIEFS)
        slot = s.get(TakeoverSlot, slot_id)
        if slot is None:
            raise NotFoundError(StoriesText.NO_SLOT, slot_id=slot_id)
        if slot.status == SlotStatus.CANCELLED.value:
            raise PackageRefused(Reason.CANCELLED_SLOT, IntakeText.BRIEF_CANCELLED, slot_id=slot_id)
        facts = slot_facts(slot)
        addressee = _addressee(slot)
        contact = _comms_contact(s, ctx, reach, language)
    return SlotBrief(new_brief(facts, rules, contact.name), rules, contact, addressee)


def printed_brief_name(language: str) -> str:
    """The printed brief's file name inside the package ``write_slot_brief`` writes (``brief-nb.pdf``)."""
    return pdf_name(language)


def write_slot_brief(ctx: AppContext, slot_id: int, out: Path, *, language: str = "nb", pdf: Path | None = None,
                     reach: str = "") -> BriefManifest:
    """Write the brief package for a slot, with the printed brief in ``language`` and the contributor kit
    inside it and, when ``pdf`` is given, both beside it too. Each file is written atomically; the PDF is made
    before anything is written, so a PDF problem leaves no package behind."""
    BriefWords(language)
    if pdf is not None and Path(pdf).resolve() == Path(out).resolve():
        raise ValidationError(IntakeText.PDF_SAME_NAME)
    prepared = prepare_brief(ctx, slot_id, language=language, reach=reach)
    brief, rules = prepared.brief, prepared.rules
    letter = BriefLetter(brief, language, format_groups(rules, language), prepared.contact, prepared.addressee,
                         Path(out).name)
    data = render_brief_pdf(letter)
    inside = pdf_name(language)
    # The contributor kit travels inside the package and, when the PDF is written, lies beside it too.
    kit = (kit_file_name(brief, language), kit_html(brief, rules, language).encode("utf-8"))
    brief = write_brief(brief, out, pdf=(inside, data), kit=kit)
    if pdf is not None:
        atomic_write_bytes(pdf, data)
        atomic_write_bytes(Path(pdf).parent / kit[0], kit[1])
    with ctx.db.write() as s:
        audit.record(s, ctx.actor, "slot", slot_id, "brief_written",
                     after={"brief_uid": brief.brief_uid, "file": out.name, "pdf": inside, "kit": kit[0],
                            "language": language})
    return brief


def _check_against_database(ctx: AppContext, staged: Staged[SubmissionManifest]) -> None:
    m = staged.manifest
    with ctx.db.session() as s:
        require_planner(s, ctx.actor, ActionText.IMPORT_SUBMISSIONS)
        slot = s.get(TakeoverSlot, m.slot_id)
        if slot is None:
            raise PackageRefused(Reason.UNKNOWN_SLOT, IntakeText.UNKNOWN_SLOT, slot_id=m.slot_id,
                                 department=m.department)
        if slot.department.name.casefold() != m.department.casefold():
            raise PackageRefused(Reason.UNKNOWN_SLOT, IntakeText.OTHER_DEPARTMENT, slot_id=m.slot_id,
                                 department=m.department, actual=slot.department.name)
        if slot.status == SlotStatus.CANCELLED.value:
            raise PackageRefused(Reason.CANCELLED_SLOT, IntakeText.SUBMISSION_CANCELLED, slot_id=m.slot_id,
                                 department=m.department)
        earlier = s.scalars(select(Submission).where(or_(Submission.submission_uid == m.submission_uid,
                                                         Submission.package_sha256 == staged.package_sha256))).first()
        if earlier is not None:
            raise PackageRefused(Reason.DUPLICATE, IntakeText.ALREADY_IMPORTED, details={"submission": earlier.id},
                                 submission=earlier.id, when=earlier.imported_at,
                                 by=earlier.imported_by or Text(IntakeText.SOMEONE))


def _check_files(ctx: AppContext, staged: Staged[SubmissionManifest]) -> None:
    for number, frame in enumerate(staged.manifest.frames, start=1):
        for name in filter(None, (frame.file, frame.fixed_file)):
            reason = unstorable_reason(judge(staged.files[name], ctx).info)
            if reason is not None:
                raise PackageRefused(Reason.UNUSABLE_FILE, IntakeText.UNUSABLE_FILE, details={"file": name},
                                     number=number, file=name, problem=Text(reason))


def _warnings(slot: TakeoverSlot, m: SubmissionManifest) -> list[str]:
    """Notes for the person importing, in the language in force (the result is shown at once)."""
    notes: list[Text] = []
    for number, frame in enumerate(m.frames, start=1):
        if frame.planned_date is not None and not slot.start_date <= frame.planned_date <= slot.end_date:
            notes.append(Text(IntakeText.NOTE_OUTSIDE_DAYS, {"number": number, "day": frame.planned_date}))
        if frame.planned_date is not None and frame.planned_time is None:
            notes.append(Text(IntakeText.NOTE_NO_TIME, {"number": number}))
    return [str(note) for note in notes]


def import_submission(ctx: AppContext, path: Path, *, limits: ZipLimits = DEFAULT_LIMITS) -> ImportResult:
    """Import a submission package into its slot as submitted frames, or refuse it and change nothing."""
    import datetime as dt

    with tempfile.TemporaryDirectory(prefix="tp-import-") as staging:
        staged = read_submission(Path(path), Path(staging), limits)
        _check_against_database(ctx, staged)
        _check_files(ctx, staged)
        safekeeping.backup_before(ctx, "import")  # the package passed every check; it is about to be written
        m = staged.manifest
        stored = store_files(ctx, list(staged.files.values()))
        try:
            with ctx.db.write() as s:
                slot = s.get(TakeoverSlot, m.slot_id)
                assert slot is not None
                submission = Submission(slot_id=slot.id, package_sha256=staged.package_sha256,
                                        submission_uid=m.submission_uid, contributor=m.contributor_name,
                                        imported_by=ctx.actor)
                s.add(submission)
                s.flush()
                consent_ids = {
                    c.key: add_consent(ctx, subject=c.subject, reference=c.reference, given_by=c.given_by,
                                       scope=list(c.scope), valid_until=c.valid_until,
                                       department_id=slot.department_id, session=s).id
                    for c in m.consents
                }
                last = max([f.position for f in s.scalars(select(StoryFrame).where(StoryFrame.slot_id == slot.id))],
                           default=0)
                frame_ids = []
                for number, entry in enumerate(m.frames, start=1):
                    original, _ = asset_row(s, stored[staged.files[entry.file]], actor=ctx.actor,
                                            original_name=Path(entry.file).name)
                    derivative = None
                    if entry.fixed_file:
                        recipe = {**(entry.fix_recipe or {}), "made_by": "contributor"}
                        derivative, _ = asset_row(s, stored[staged.files[entry.fixed_file]], actor=ctx.actor,
                                                  original_name=Path(entry.fixed_file).name, derived_from=original,
                                                  recipe=recipe)
                    planned = None
                    if entry.planned_date is not None:
                        planned = oslo_datetime(entry.planned_date, entry.planned_time or dt.time(*DEFAULT_TIME))
                    frame = StoryFrame(
                        slot_id=slot.id, submission_id=submission.id, position=last + number,
                        original_asset_id=original.id, derivative_asset_id=derivative.id if derivative else None,
                        planned_at=planned, text=entry.text, notes=entry.notes, sticker_kind=entry.sticker_kind,
                        sticker_value=entry.sticker_value, credit=entry.credit, shows_people=entry.shows_people,
                        state=FrameState.DRAFT.value,
                    )
                    s.add(frame)
                    s.flush()
                    for key in entry.consents:
                        s.add(FrameConsent(frame_id=frame.id, consent_id=consent_ids[key]))
                    s.flush()
                    audit.record(s, ctx.actor, ENTITY, frame.id, "created",
                                 after={"submission_id": submission.id, "file": entry.file}, comment=m.contributor_name)
                    move_frame(s, frame, FrameState.SUBMITTED, m.contributor_name,
                               note(AuditNote.FROM_PACKAGE, contributor=m.contributor_name))
                    frame_ids.append(frame.id)
                audit.record(s, ctx.actor, "submission", submission.id, "imported",
                             after={"slot_id": slot.id, "frames": frame_ids, "contributor": m.contributor_name,
                                    "email": m.contributor_email, "message": m.message,
                                    "package_sha256": staged.package_sha256})
                result = ImportResult(submission.id, slot.id, tuple(frame_ids), tuple(consent_ids.values()),
                                      m.contributor_name, tuple(_warnings(slot, m)))
        except IntegrityError:
            # Someone imported the same package a moment ago, between our check and our write.
            raise PackageRefused(Reason.DUPLICATE, IntakeText.JUST_IMPORTED) from None
    log.info("Imported submission %s into slot #%s: %d frames", m.submission_uid, m.slot_id, len(frame_ids))
    return result
