"""Export the takeover calendar (ICS, CSV, PDF): gather what readers need, filter it, write files atomically.

The CLI's ``export`` command and the GUI's export dialog both call :func:`run_export`. Slots come from
``booking.list_slots`` and contact persons from ``catalog.list_departments``; this module adds only what
those do not carry: each slot's creation and change instants (for stable calendar UIDs) and its frame
counts. Every file is written with ``fileio.atomic_write*``, so a crash or a cancel never leaves a
half-written export behind.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from takeover_planner.domain.timekeeping import now_utc, today_oslo
from takeover_planner.errors import EnvironmentProblem, TakeoverError, ValidationError
from takeover_planner.exporting import csv_export, ics
from takeover_planner.exporting import pdf as pdf_layout
from takeover_planner.exporting.labels import LANGUAGES, Labels, default_language, labels_for
from takeover_planner.exporting.records import ExportSlot, FrameCounts
from takeover_planner.fileio import atomic_write_bytes
from takeover_planner.services import booking, catalog
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import StoryFrame, TakeoverSlot

FORMATS = ("ics", "csv", "pdf")
MAX_PDF_MONTHS = 240  # twenty years on paper is a typo in --to, not a plan

APPROVED_STATES = frozenset({"approved", "scheduled", "published"})

Progress = Callable[[int, int], None]


class ExportCancelled(TakeoverError):
    """The person stopped the export. Nothing is written: every file of an export is made in memory
    before the first one is written."""


@dataclass(frozen=True)
class ExportOptions:
    """Which slots go into the export (slots touching [start, end]) and in which language."""

    start: dt.date | None = None
    end: dt.date | None = None
    department: str | None = None
    account: str | None = None
    language: str | None = None  # "nb" or "en"; None: the app's language setting

    def check(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError(
                f"The end date {self.end.isoformat()} is before the start date {self.start.isoformat()}."
            )
        if self.language is not None and self.language not in LANGUAGES:
            raise ValidationError(f"Export language must be one of: {', '.join(LANGUAGES)}.")


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
                news_url=info.news_url,
                cancel_reason=info.cancel_reason,
                frames=frame_counts(per_slot.get(info.id, {})),
            )
        )
    return result


def frame_counts(states: dict[str, int]) -> FrameCounts:
    return FrameCounts(
        submitted=sum(n for state, n in states.items() if state != "draft"),
        approved=sum(n for state, n in states.items() if state in APPROVED_STATES),
        published=states.get("published", 0),
    )


def export_labels(ctx: AppContext, options: ExportOptions) -> Labels:
    return labels_for(options.language or default_language(str(ctx.settings.get("ui.language"))))


def describe_filters(options: ExportOptions, labels: Labels) -> str:
    """What the export covers, for titles: "Fjordvik kommune · Biblioteket · 2027-01-01 – 2027-06-30"."""
    parts = [options.account or labels.all_accounts]
    if options.department:
        parts.append(options.department)
    if options.start or options.end:
        start = options.start.isoformat() if options.start else "…"
        end = options.end.isoformat() if options.end else "…"
        parts.append(f"{start} – {end}")
    return " · ".join(parts)


# --- writing ---------------------------------------------------------------------------------------------


def _write(path: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(path, data)
        if os.name == "posix":
            # The temp file behind the atomic write is private (0600); an export is made to be shared.
            path.chmod(0o644)
    except PermissionError:
        raise EnvironmentProblem(f"Cannot write {path}: permission denied. Choose another place.") from None
    except IsADirectoryError:
        raise ValidationError(f"{path} is a folder; give a file name.") from None
    except OSError as exc:
        raise EnvironmentProblem(f"Cannot write {path}: {exc.strerror or exc}.") from None


def _file_target(out: Path, suffix: str) -> Path:
    if out.is_dir():
        raise ValidationError(f"{out} is a folder; give a file name ending in {suffix}.")
    return out


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
) -> ExportResult:
    """The full calendar as one file, or (``per_department``, or ``out`` a folder) the full calendar plus
    one file per department in that folder."""
    labels = export_labels(ctx, options)
    slots = gather(ctx, options)
    folder_mode = is_folder_target(out) if per_department is None else per_department
    title = labels.calendar_title
    if options.account or options.department:
        title = f"{title} – {describe_filters(ExportOptions(account=options.account, department=options.department), labels)}"
    stamp = stamp or now_utc()
    if not folder_mode:
        target = _file_target(Path(out), ".ics")
        _write(target, ics.calendar_bytes(slots, title=title, labels=labels, stamp=stamp, progress=progress))
        return ExportResult("ics", (target,), len(slots))
    folder = Path(out)
    if (folder.exists() and not folder.is_dir()) or (not folder.exists() and folder.suffix.lower() == ".ics"):
        raise ValidationError(f"{folder} is a file name; give a folder for one calendar per department.")
    full, per_department_bytes = ics.calendar_set(
        slots, title=title, department_title=lambda name: f"{labels.calendar_title} – {name}", labels=labels,
        stamp=stamp, progress=progress,
    )
    # Every file is ready before the first is written: a cancel or a failure while building writes none.
    names = ics.department_file_names(per_department_bytes)
    full_path = folder / f"{ics.FULL_CALENDAR_STEM}.ics"
    _write(full_path, full)
    per_file: dict[str, Path] = {}
    for department, data in per_department_bytes.items():
        per_file[department] = folder / names[department]
        _write(per_file[department], data)
    return ExportResult("ics", (full_path, *per_file.values()), len(slots), per_department=per_file)


def export_csv(
    ctx: AppContext,
    out: str | os.PathLike[str],
    options: ExportOptions = ExportOptions(),
    *,
    excel: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    labels = export_labels(ctx, options)
    slots = gather(ctx, options)
    target = _file_target(Path(out), ".csv")
    _write(target, csv_export.csv_bytes(slots, excel=excel, labels=labels, progress=progress))
    return ExportResult("csv", (target,), len(slots))


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
        raise ValidationError(
            f"That is {months} months ({first.isoformat()} – {last.isoformat()}); a PDF takes at most "
            f"{MAX_PDF_MONTHS}. Narrow it with --from and --to."
        )
    return first, last


def export_pdf(
    ctx: AppContext,
    out: str | os.PathLike[str],
    options: ExportOptions = ExportOptions(),
    *,
    progress: Progress | None = None,
    made: dt.datetime | None = None,
) -> ExportResult:
    # Imported here: Qt loads only when someone actually asks for a PDF.
    from takeover_planner.exporting.pdf_qt import render_pdf

    labels = export_labels(ctx, options)
    slots = gather(ctx, options)
    target = _file_target(Path(out), ".pdf")
    first, last = pdf_months(slots, options)
    document = pdf_layout.layout_document(
        slots, first_month=first, last_month=last, title=labels.calendar_title,
        subtitle=describe_filters(options, labels), labels=labels, made=made or now_utc(),
    )
    _write(target, render_pdf(document, progress=progress))
    return ExportResult("pdf", (target,), len(slots), pages=len(document.pages))


def run_export(
    ctx: AppContext,
    fmt: str,
    out: str | os.PathLike[str],
    options: ExportOptions = ExportOptions(),
    *,
    excel: bool = False,
    per_department: bool | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """One entry point for the CLI and the GUI."""
    if fmt == "ics":
        return export_ics(ctx, out, options, per_department=per_department, progress=progress)
    if fmt == "csv":
        return export_csv(ctx, out, options, excel=excel, progress=progress)
    if fmt == "pdf":
        return export_pdf(ctx, out, options, progress=progress)
    raise ValidationError(f"Unknown export format '{fmt}'; choose one of: {', '.join(FORMATS)}.")
