"""The intake folder: a shared folder (a synced Teams/SharePoint/OneDrive library or a network share) where
departments drop submission packages, imported by ``intake scan`` (and the window, when it watches it).

Each package goes through the same safe import as ``package import`` (``packages.import_submission``). A
receipt, ``NAME.kvittering.txt`` in the brief's language, says what arrived, each frame's findings, what
happens next and whom to contact; the package and its receipt then move to ``importert/`` or, when refused,
``avvist/`` — both inside the folder. A package still being written (its size or time stamp changes between
two looks, or it cannot be opened) is left for the next scan, and so is one that failed for a reason that is
not the package's (the database was locked). The same package twice is recognised by the import itself.
Nothing outside the folder is touched: links are not followed, and nothing is ever overwritten.
"""

from __future__ import annotations

import enum
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.errors import NotFoundError, TakeoverError, ValidationError
from takeover_planner.fileio import atomic_write_bytes
from takeover_planner.intake.errors import PackageRefused, Reason
from takeover_planner.services.brief_language import brief_language
from takeover_planner.services.context import AppContext
from takeover_planner.services.packages import ImportResult, import_submission
from takeover_planner.services.profile import get_profile
from takeover_planner.services.story_views import frame_info
from takeover_planner.storage.models import StoryFrame, TakeoverSlot
from takeover_planner.texts import BOKMAAL, DateSpan, Text
from takeover_planner.texts.intake_folder import ReceiptText, ScanText

log = logging.getLogger(__name__)
IMPORTED_DIR = "importert"
REFUSED_DIR = "avvist"
RECEIPT_SUFFIX = ".kvittering.txt"
SETTLE_SECONDS = 2.0


class Verdict(enum.StrEnum):
    IMPORTED = "imported"
    REFUSED = "refused"
    DUPLICATE = "duplicate"
    WAITING = "waiting"  # still being written: left for the next scan
    FAILED = "failed"  # not the package's fault (e.g. the database was locked): left for the next scan


@dataclass(frozen=True)
class ScanOutcome:
    file: str
    verdict: Verdict
    moved_to: str | None = None  # relative to the folder: "importert/x.zip"
    receipt: str | None = None
    submission_id: int | None = None
    frames: int = 0
    code: str | None = None  # the refusal's or failure's message code
    reason: Text | str | None = None
    department: str = ""  # whose slot an imported package went into (the window's status line names it)

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "verdict": self.verdict.value, "moved_to": self.moved_to,
                "receipt": self.receipt, "submission_id": self.submission_id, "frames": self.frames,
                "code": self.code}

    def summary(self) -> Text:
        params = {"file": self.file, "target": self.moved_to or "", "count": self.frames,
                  "reason": self.reason or ""}
        code = {Verdict.IMPORTED: ScanText.IMPORTED, Verdict.REFUSED: ScanText.REFUSED,
                Verdict.DUPLICATE: ScanText.DUPLICATE, Verdict.WAITING: ScanText.WAITING,
                Verdict.FAILED: ScanText.FAILED}[self.verdict]
        return Text(code, params)


def _candidates(folder: Path) -> list[Path]:
    """Packages lying directly in the folder: regular ``.zip`` files, not links, not hidden or lock files."""
    found = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.name.startswith((".", "~$")) or not entry.name.lower().endswith(".zip"):
            continue
        if entry.is_symlink() or not entry.is_file(follow_symlinks=False):
            continue
        found.append(Path(entry.path))
    return found


def _look(path: Path) -> tuple[int, int] | None:
    """Size and time stamp, or None when the file cannot be opened (a writer holds it locked)."""
    try:
        with open(path, "rb"):
            stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _free_name(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name-2.zip``, ``name-3.zip``… when taken: nothing is ever overwritten."""
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 2
    while target.exists() or target.is_symlink():
        target = folder / f"{stem}-{number}{suffix}"
        number += 1
    return target


def _subfolder(folder: Path, name: str) -> Path:
    sub = folder / name
    if sub.is_symlink():
        raise ValidationError(ScanText.LINKED_FOLDER, folder=str(sub))
    sub.mkdir(exist_ok=True)
    return sub


def _contact(ctx: AppContext) -> Text:
    own = get_profile(ctx.settings)
    reach = own.email or own.phone
    if own.name and reach:
        return Text(ReceiptText.CONTACT_PERSON, {"name": own.name, "reach": reach})
    if own.name:
        return Text(ReceiptText.CONTACT_NAME, {"name": own.name})
    return Text(ReceiptText.CONTACT_TEAM)


def _frame_lines(ctx: AppContext, result: ImportResult, language: str) -> list[str]:
    lines: list[str] = []
    with ctx.db.session() as s:
        for number, frame_id in enumerate(result.frame_ids, start=1):
            frame = s.get(StoryFrame, frame_id)
            assert frame is not None
            info = frame_info(s, frame)
            asset = info.published_file
            name = asset.original_name if asset is not None else ""
            head = Text(ReceiptText.FRAME_PLANNED, {"number": number, "file": name, "when": info.planned_at}) \
                if info.planned_at is not None else Text(ReceiptText.FRAME_UNPLANNED, {"number": number, "file": name})
            lines.append(head.in_language(language))
            findings = list(asset.findings or ()) if asset is not None else []
            for finding in findings:
                message = str(finding.get(f"message_{language}") or finding.get("message_en") or "")
                code = ReceiptText.WE_FIX if finding.get("fixable") else (
                    ReceiptText.YOU_FIX if finding.get("severity") == "error" else ReceiptText.ADVICE)
                lines.append("  – " + Text(code, {"message": message}).in_language(language))
            if not findings:
                lines.append("  – " + Text(ReceiptText.FRAME_OK).in_language(language))
            if info.shows_people and not info.consents:
                lines.append("  – " + Text(ReceiptText.NO_CONSENT).in_language(language))
    return lines


def _receipt(ctx: AppContext, name: str, body: list[Text | str], language: str) -> bytes:
    said = [Text(ReceiptText.TITLE, {"file": name}), Text(ReceiptText.RECEIVED, {"when": now_utc()}), "", *body,
            "", _contact(ctx)]
    return ("\n".join(line if isinstance(line, str) else line.in_language(language) for line in said)
            + "\n").encode("utf-8")


def _file_away(folder: Path, package: Path, sub: str, receipt: bytes) -> tuple[str, str]:
    """Move ``package`` into ``folder/sub`` (a new name if taken) and write its receipt beside it."""
    target = _free_name(_subfolder(folder, sub), package.name)
    os.replace(package, target)
    receipt_path = target.with_name(target.stem + RECEIPT_SUFFIX)
    atomic_write_bytes(receipt_path, receipt)
    return f"{sub}/{target.name}", f"{sub}/{receipt_path.name}"


def _handle(ctx: AppContext, folder: Path, package: Path) -> ScanOutcome:
    try:
        result = import_submission(ctx, package)
    except PackageRefused as refusal:
        if refusal.reason == Reason.DUPLICATE:
            language = BOKMAAL
            body: list[Text | str] = [Text(ReceiptText.DUPLICATE, {"when": refusal.params.get("when") or now_utc()})]
            moved, receipt = _file_away(folder, package, IMPORTED_DIR, _receipt(ctx, package.name, body, language))
            return ScanOutcome(package.name, Verdict.DUPLICATE, moved, receipt, code=refusal.code.key)
        body = [Text(ReceiptText.REFUSED, {"reason": refusal.text}), "", Text(ReceiptText.NEXT_REFUSED)]
        moved, receipt = _file_away(folder, package, REFUSED_DIR, _receipt(ctx, package.name, body, BOKMAAL))
        return ScanOutcome(package.name, Verdict.REFUSED, moved, receipt, code=refusal.code.key,
                           reason=refusal.text)
    except TakeoverError as problem:
        # Not the package's fault (the database is locked, this person may not import): try again later.
        log.warning("Intake folder: %s left in place: %s", package.name, problem.code.key)
        return ScanOutcome(package.name, Verdict.FAILED, code=problem.code.key, reason=problem.text)
    language = brief_language(ctx, result.slot_id)
    with ctx.db.session() as s:
        slot = s.get(TakeoverSlot, result.slot_id)
        assert slot is not None
        department, days = slot.department.name, DateSpan(slot.start_date, slot.end_date)
    body = [Text(ReceiptText.IMPORTED, {"count": len(result.frame_ids), "department": department, "days": days}), ""]
    body += _frame_lines(ctx, result, language)
    body += ["", Text(ReceiptText.NEXT_IMPORTED)]
    moved, receipt = _file_away(folder, package, IMPORTED_DIR, _receipt(ctx, package.name, body, language))
    return ScanOutcome(package.name, Verdict.IMPORTED, moved, receipt, result.submission_id, len(result.frame_ids),
                       department=department)


def scan_folder(ctx: AppContext, folder: Path, *, settle_seconds: float = SETTLE_SECONDS,
                wait: Callable[[float], None] = time.sleep) -> list[ScanOutcome]:
    """Import every settled submission package lying in ``folder``; one outcome per package found.

    ``wait`` is how the scan waits between its two looks at the files (a test passes one that keeps writing).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise NotFoundError(ScanText.NOT_A_FOLDER, folder=str(folder))
    first = {path: _look(path) for path in _candidates(folder)}
    if not first:
        return []
    wait(settle_seconds)
    outcomes = []
    for path, before in first.items():
        after = _look(path) if path.exists() else None
        if before is None or after is None or before != after:
            outcomes.append(ScanOutcome(path.name, Verdict.WAITING))
            continue
        outcomes.append(_handle(ctx, folder, path))
    return outcomes

