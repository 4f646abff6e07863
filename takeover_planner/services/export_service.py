"""Export the takeover calendar (ICS, CSV, PDF): gather what readers need, filter it, write files atomically.

The CLI's ``export`` command and the GUI's export dialog both call :func:`run_export`. Slots come from
``booking.list_slots`` and contact persons from ``catalog.list_departments``; this module adds only what
those do not carry: each slot's creation and change instants (for stable calendar UIDs) and its frame
counts. Every file is written with ``fileio.atomic_write*``, so a crash or a cancel never leaves a
half-written export behind.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from takeover_planner.domain.timekeeping import now_utc, today_oslo
from takeover_planner.errors import EnvironmentProblem, EnvReason, TakeoverError, ValidationError
from takeover_planner.exporting import csv_export, ics
from takeover_planner.exporting import pdf as pdf_layout
from takeover_planner.exporting.records import ExportPeriod, ExportSlot, FrameCounts
from takeover_planner.fileio import atomic_write_bytes
from takeover_planner.services import booking, catalog
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import AuditEvent, Blackout, Campaign, StoryFrame, TakeoverSlot
from takeover_planner.texts import LANGUAGES, DateSpan, current_language
from takeover_planner.texts.export import ExportText
from takeover_planner.texts.export_words import ExportWord, ExportWords

FORMATS = ("ics", "csv", "xlsx", "pdf")
MAX_PDF_MONTHS = 240  # twenty years on paper is a typo in --to, not a plan

APPROVED_STATES = frozenset({"approved", "scheduled", "published"})

Progress = Callable[[int, int], None]


class ExportCancelled(TakeoverError):
    """The person stopped the export. Nothing is written: every file of an export is made in memory
    before the first one is written."""

    def __init__(self) -> None:
        super().__init__(ExportText.CANCELLED)


@dataclass(frozen=True)
class ExportOptions:
    """Which slots go into the export (slots touching [start, end]) and in which language."""

    start: dt.date | None = None
    end: dt.date | None = None
    department: str | None = None
    account: str | None = None
    language: str | None = None  # "nb" or "en"; None: the language in force (texts.current_language())

    def check(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError(ExportText.END_BEFORE_START, end=self.end, start=self.start)
        if self.language is not None and self.language not in LANGUAGES:
            raise ValidationError(ExportText.BAD_LANGUAGE, choices=", ".join(LANGUAGES))


@dataclass(frozen=True)
class ExportResult:
    format: str
    files: tuple[Path, ...]
    slot_count: int
    pages: int = 0
    per_department: dict[str, Path] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "format": self.format,
            "files": [str(f) for f in self.files],
            "slots": self.slot_count,
            "pages": self.pages,
            "per_department": {name: str(path) for name, path in self.per_department.items()},
        }


# --- gathering ------------------------------------------------------------------------------------------


def gather(ctx: AppContext, options: ExportOptions) -> list[ExportSlot]:
    """The filtered slots with contact, campaign, frame counts and the instants that name them."""
    options.check()
    slots = booking.list_slots(
        ctx, start=options.start, end=options.end, account=options.account, department=options.department
    )
    contacts = {d.id: d.primary_contact for d in catalog.list_departments(ctx)}
    with ctx.db.session() as s:
        # Unfiltered on purpose: a handful of small rows per slot, and no IN list that outgrows
        # SQLite's parameter limit on a big export.
        instants = {
            row.id: (row.created_at, row.updated_at)
            for row in s.execute(select(TakeoverSlot.id, TakeoverSlot.created_at, TakeoverSlot.updated_at))
        }
        frame_rows = s.execute(
            select(StoryFrame.slot_id, StoryFrame.state, func.count()).group_by(StoryFrame.slot_id, StoryFrame.state)
        )
        per_slot: dict[int, dict[str, int]] = {}
        for slot_id, state, count in frame_rows:
            per_slot.setdefault(slot_id, {})[state] = int(count)
    result: list[ExportSlot] = []
    for info in slots:
        contact = contacts.get(info.department_id)
        created, updated = instants.get(info.id, (None, None))
        if created is None:  # deleted between the two reads: leave it out rather than guess its name
            continue
        result.append(
            ExportSlot(
                id=info.id,
                created_at=created,
                updated_at=updated,
                version=info.version,
                account=info.account,
                department=info.department,
                department_color=info.department_color,
                start=info.start,
                end=info.end,
                status=info.status,
                campaign=info.campaign,
                contact_name=contact.name if contact else "",
                contact_email=contact.email if contact else "",
                contact_phone=contact.phone if contact else "",
                material_deadline=info.material_deadline,
                notes=info.notes,
                department_note=info.department_note,
                news_url=info.news_url,
                cancel_reason=info.cancel_reason,
                frames=frame_counts(per_slot.get(info.id, {})),
                department_id=info.department_id,
            )
        )
    return result


def gather_periods(ctx: AppContext, options: ExportOptions) -> list[ExportPeriod]:
    """Blackouts and campaigns (those with both dates) touching the export's days; with an account filter, the
    blackouts of that account or of all accounts. Each with the moment it was created, from the audit trail."""
    options.check()
    with ctx.db.session() as s:
        account_id = catalog.find_account(s, options.account).id if options.account is not None else None
        created = {
            (kind, entity_id): at for kind, entity_id, at in s.execute(
                select(AuditEvent.entity_type, AuditEvent.entity_id, func.min(AuditEvent.at))
                .where(AuditEvent.entity_type.in_(["blackout", "campaign"]), AuditEvent.action == "created")
                .group_by(AuditEvent.entity_type, AuditEvent.entity_id))
        }
        periods: list[ExportPeriod] = []
        for b in s.scalars(select(Blackout).options(joinedload(Blackout.account)).order_by(Blackout.start_date)):
            if account_id is not None and b.account_id not in (None, account_id):
                continue
            periods.append(ExportPeriod("blackout", b.id, created.get(("blackout", b.id)), b.version, b.name,
                                        b.start_date, b.end_date, b.account.name if b.account else None, b.reason))
        for c in s.scalars(select(Campaign).order_by(Campaign.start_date)):
            if c.start_date is None or c.end_date is None:
                continue
            periods.append(ExportPeriod("campaign", c.id, created.get(("campaign", c.id)), c.version, c.name,
                                        c.start_date, c.end_date, None, c.description))
    return [p for p in periods
            if (options.start is None or p.end >= options.start) and (options.end is None or p.start <= options.end)]


def frame_counts(states: dict[str, int]) -> FrameCounts:
    return FrameCounts(
        submitted=sum(n for state, n in states.items() if state != "draft"),
        approved=sum(n for state, n in states.items() if state in APPROVED_STATES),
        published=states.get("published", 0),
    )


def export_words(options: ExportOptions) -> ExportWords:
    """The words of the file: the language chosen for this export, else the one the app speaks."""
    return ExportWords(options.language or current_language())


def describe_filters(options: ExportOptions, words: ExportWords) -> str:
    """What the export covers, for titles: "Fjordvik kommune · Biblioteket · 01.01.2027 – 30.06.2027"."""
    parts = [options.account or words(ExportWord.ALL_ACCOUNTS)]
    if options.department:
        parts.append(options.department)
    if options.start or options.end:
        start = words.table_date(options.start) if options.start else "…"
        end = words.table_date(options.end) if options.end else "…"
        parts.append(f"{start} – {end}")
    return " · ".join(parts)


# --- writing ---------------------------------------------------------------------------------------------


def write_output(path: Path, data: bytes) -> None:
    """Write a file made to be shared (atomically, readable by others); its problems as the user's words."""
    try:
        atomic_write_bytes(path, data)
        if os.name == "posix":
            # The temp file behind the atomic write is private (0600); an export is made to be shared.
            path.chmod(0o644)
    except PermissionError:
        raise EnvironmentProblem(ExportText.NO_PERMISSION, reason=EnvReason.NO_PERMISSION, path=str(path)) from None
    except IsADirectoryError:
        raise ValidationError(ExportText.IS_FOLDER, path=str(path)) from None
    except OSError as exc:
        reason = EnvReason.DISK_FULL if exc.errno == errno.ENOSPC else (
            EnvReason.READ_ONLY if exc.errno == errno.EROFS else EnvReason.OTHER)
        raise EnvironmentProblem(ExportText.WRITE_FAILED, reason=reason, path=str(path),
                                 reason_text=exc.strerror or str(exc)) from None


def _file_target(out: Path, suffix: str) -> Path:
    if out.is_dir():
        raise ValidationError(ExportText.FOLDER_NOT_FILE, path=str(out), suffix=suffix)
    return out


def calendar_title(options: ExportOptions, words: ExportWords) -> str:
    """"Takeover calendar", with the account and department when the export is limited to them."""
    title = words(ExportWord.CALENDAR_TITLE)
    if options.account or options.department:
        title = f"{title} – {describe_filters(ExportOptions(account=options.account, department=options.department), words)}"
    return title


def is_folder_target(out: str | os.PathLike[str]) -> bool:
    """For ICS: an existing folder, a path ending in a separator, or a path without a file suffix."""
    text = os.fspath(out)
    path = Path(text)
    return path.is_dir() or text.endswith(("/", os.sep)) or not path.suffix


def export_ics(
    ctx: AppContext,
    out: str | os.PathLike[str],
    options: ExportOptions = ExportOptions(),
    *,
    per_department: bool | None = None,
    progress: Progress | None = None,
    stamp: dt.datetime | None = None,
    periods: bool = True,
) -> ExportResult:
    """The full calendar as one file, or (``per_department``, or ``out`` a folder) the full calendar plus
    one file per department in that folder. ``periods``: blackouts and campaigns as events of their own."""
    words = export_words(options)
    slots = gather(ctx, options)
    shown = gather_periods(ctx, options) if periods else []
    folder_mode = is_folder_target(out) if per_department is None else per_department
    title = calendar_title(options, words)
    stamp = stamp or now_utc()
    if not folder_mode:
        target = _file_target(Path(out), ".ics")
        write_output(target, ics.calendar_bytes(slots, title=title, words=words, stamp=stamp, progress=progress,
                                          periods=shown))
        return ExportResult("ics", (target,), len(slots))
    folder = Path(out)
    if (folder.exists() and not folder.is_dir()) or (not folder.exists() and folder.suffix.lower() == ".ics"):
        raise ValidationError(ExportText.FILE_NOT_FOLDER, path=str(folder))
    full, per_department_bytes = ics.calendar_set(
        slots, title=title, department_title=lambda name: f"{words(ExportWord.CALENDAR_TITLE)} – {name}",
        words=words, stamp=stamp, progress=progress, periods=shown,
    )
    # Every file is ready before the first is written: a cancel or a failure while building writes none.
    department_names = {s.department_id: s.department for s in slots}
    names = ics.department_file_names(department_names)
    full_path = folder / f"{ics.FULL_CALENDAR_STEM}.ics"
    write_output(full_path, full)
    per_file: dict[str, Path] = {}
    for department_id, data in per_department_bytes.items():
        per_file[department_names[department_id]] = folder / names[department_id]
        write_output(per_file[department_names[department_id]], data)
    return ExportResult("ics", (full_path, *per_file.values()), len(slots), per_department=per_file)


def export_csv(
    ctx: AppContext,
    out: str | os.PathLike[str],
    options: ExportOptions = ExportOptions(),
    *,
    excel: bool = False,
    raw: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """``raw``: formula-like cells exactly as stored (for scripts); by default both variants defuse them."""
    words = export_words(options)
    slots = gather(ctx, options)
    target = _file_target(Path(out), ".csv")
    write_output(target, csv_export.csv_bytes(slots, excel=excel, words=words, progress=progress, guard=not raw))
    return ExportResult("csv", (target,), len(slots))


def export_xlsx(
    ctx: AppContext,
    out: str | os.PathLike[str],
    options: ExportOptions = ExportOptions(),
    *,
    progress: Progress | None = None,
    made: dt.datetime | None = None,
) -> ExportResult:
    """A workbook with real dates, one sheet per year (``exporting/xlsx_export.py``)."""
    # Imported here: openpyxl costs a moment to load, and only this export needs it.
    from takeover_planner.exporting import xlsx_export

    words = export_words(options)
    slots = gather(ctx, options)
    target = _file_target(Path(out), ".xlsx")
    write_output(target, xlsx_export.workbook_bytes(slots, words=words, progress=progress, made=made))
    return ExportResult("xlsx", (target,), len(slots))


def pdf_months(slots: list[ExportSlot], options: ExportOptions) -> tuple[dt.date, dt.date]:
    """The months to draw: the chosen dates, else the slots' span, else this month."""
    first = options.start or (min(s.start for s in slots) if slots else None)
    last = options.end or (max(s.end for s in slots) if slots else None)
    if first is None and last is None:
        first = last = today_oslo()
    first = first or last
    last = last or first
    assert first is not None and last is not None
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months > MAX_PDF_MONTHS:
        raise ValidationError(ExportText.TOO_MANY_MONTHS, details={"months": months}, months=months,
                              dates=DateSpan(first, last), limit=MAX_PDF_MONTHS)
    return first, last


def export_pdf(
    ctx: AppContext,
    out: str | os.PathLike[str],
    options: ExportOptions = ExportOptions(),
    *,
    progress: Progress | None = None,
    made: dt.datetime | None = None,
) -> ExportResult:
    # Imported here: the Typst compiler loads only when someone actually asks for a PDF.
    from takeover_planner.exporting.typst_pdf import render_pdf

    words = export_words(options)
    slots = gather(ctx, options)
    target = _file_target(Path(out), ".pdf")
    first, last = pdf_months(slots, options)
    document = pdf_layout.layout_document(
        slots, first_month=first, last_month=last, title=words(ExportWord.CALENDAR_TITLE),
        subtitle=describe_filters(options, words), words=words, made=made or now_utc(),
    )
    write_output(target, render_pdf(document, progress=progress))
    return ExportResult("pdf", (target,), len(slots), pages=len(document.pages))


def run_export(
    ctx: AppContext,
    fmt: str,
    out: str | os.PathLike[str],
    options: ExportOptions = ExportOptions(),
    *,
    excel: bool = False,
    raw: bool = False,
    per_department: bool | None = None,
    periods: bool = True,
    progress: Progress | None = None,
) -> ExportResult:
    """One entry point for the CLI and the GUI."""
    if fmt == "ics":
        return export_ics(ctx, out, options, per_department=per_department, progress=progress, periods=periods)
    if fmt == "csv":
        return export_csv(ctx, out, options, excel=excel, raw=raw, progress=progress)
    if fmt == "xlsx":
        return export_xlsx(ctx, out, options, progress=progress)
    if fmt == "pdf":
        return export_pdf(ctx, out, options, progress=progress)
    raise ValidationError(ExportText.UNKNOWN_FORMAT, fmt=fmt, choices=", ".join(FORMATS))
