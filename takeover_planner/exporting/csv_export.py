"""The takeover calendar as CSV: one row per slot, in two dialects.

*Excel* (what a Norwegian Excel opens correctly on a double-click):
- UTF-8 with a byte-order mark: without it Excel reads the file as Windows-1252 and æøå turn to garbage.
- ``;`` between fields: Norwegian Windows uses the comma as decimal separator, so its list separator —
  which Excel uses for CSV — is the semicolon.
- CRLF line ends (RFC 4180); line breaks inside a cell stay a bare LF, which Excel shows as a new line in
  the cell.
- Dates as ISO ``YYYY-MM-DD`` (and ``YYYY-MM-DD HH:MM`` in Oslo time): Excel recognises ISO dates in every
  locale and turns them into real dates shown the Norwegian way (dd.mm.yyyy); ``01.03.2027`` would be read
  as a date only under a Norwegian locale and as text or a wrong date elsewhere.
- Cells that begin with ``= + - @`` (or a tab or carriage return) get one leading space, so a notes field
  like ``=HYPERLINK(...)`` is shown as text instead of being run as a formula (CSV injection). Not an
  apostrophe: that marks text only when typed; read from a CSV file, LibreOffice and Excel show it.
- Column titles and status names in the reader's language.

*Plain* (for scripts): UTF-8 without BOM, ``,`` between fields, LF line ends, fixed English column keys,
status values as stored, the deadline as ISO 8601 with its UTC offset, and every value as stored except that
formula-like text cells are defused here too (a plain CSV gets double-clicked as well); ``guard=False``
(``export csv --raw``) writes them untouched. Line breaks inside a value are written as LF in both variants.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from takeover_planner.domain.timekeeping import OSLO, iso_week
from takeover_planner.exporting.records import ExportSlot
from takeover_planner.texts.export_words import ExportWord as E
from takeover_planner.texts.export_words import ExportWords
from takeover_planner.texts.words import Word as W

if TYPE_CHECKING:
    from _csv import Writer

Progress = Callable[[int, int], None]

COLUMNS = (
    "id", "start", "end", "week", "days", "account", "department", "status", "campaign", "contact_name",
    "contact_email", "contact_phone", "material_deadline", "frames_submitted", "frames_approved",
    "frames_published", "news_url", "department_note", "notes", "cancel_reason",
)

# Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# What goes in front of such a cell. A space: neither LibreOffice nor Excel reads a cell that begins with one as
# a formula, and it does not show (an apostrophe only means "text" when typed into a cell; read from a CSV file
# both programs show it). LibreOffice's behaviour is checked in tests/unit/export/test_spreadsheet_programs.py.
GUARD = " "


def excel_headers(words: ExportWords) -> list[str]:
    return [
        "ID", words(E.START), words(E.END), words(E.WEEK), words(W.DAYS), words(W.ACCOUNT), words(W.DEPARTMENT),
        words(E.STATUS), words(W.CAMPAIGN), words(E.CONTACT), f"{words(E.CONTACT)} ({words(E.EMAIL)})",
        f"{words(E.CONTACT)} ({words(E.PHONE)})", f"{words(W.MATERIAL_DEADLINE)} ({words(W.OSLO_TIME)})",
        f"{words(W.FRAMES)} {words(E.SUBMITTED)}", f"{words(W.FRAMES)} {words(E.APPROVED)}",
        f"{words(W.FRAMES)} {words(E.PUBLISHED)}", words(E.NEWS_LINK), words(E.DEPARTMENT_NOTE),
        words(E.INTERNAL_NOTE), words(E.CANCEL_REASON),
    ]


def defuse(value: str) -> str:
    """Make a text cell inert in a spreadsheet (see ``GUARD``)."""
    return f"{GUARD}{value}" if value.startswith(FORMULA_STARTS) else value


def _one_line_ends(text: str) -> str:
    # One kind of line break inside values: a bare CR would end the record for most readers (and the
    # csv module does not quote it when rows end in LF).
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _row(slot: ExportSlot, *, excel: bool, guard: bool, words: ExportWords) -> list[object]:
    deadline = ""
    if slot.material_deadline is not None:
        local = slot.material_deadline.astimezone(OSLO)
        deadline = f"{local:%Y-%m-%d %H:%M}" if excel else local.isoformat(timespec="minutes")
    status = words.slot_status(slot.status) if excel else slot.status.value
    texts = [_one_line_ends(t) for t in (
        slot.account, slot.department, status, slot.campaign or "", slot.contact_name, slot.contact_email,
        slot.contact_phone, deadline,
    )]
    tail = [_one_line_ends(t) for t in (slot.news_url, slot.department_note, slot.notes, slot.cancel_reason)]
    if guard:
        texts = [defuse(t) for t in texts]
        tail = [defuse(t) for t in tail]
    frames = slot.frames
    return [
        slot.id, slot.start.isoformat(), slot.end.isoformat(), iso_week(slot.start), slot.day_count,
        *texts, frames.submitted, frames.approved, frames.published, *tail,
    ]


def csv_text(
    slots: Sequence[ExportSlot], *, excel: bool, words: ExportWords, progress: Progress | None = None,
    guard: bool = True,
) -> str:
    """The whole file as text (without the BOM: that is the encoder's job, see :func:`csv_bytes`).

    ``guard``: defuse formula-like text cells (both variants; ``export csv --raw`` turns it off for scripts that
    need every value exactly as stored and never open the file in a spreadsheet)."""
    buffer = io.StringIO()
    writer = dialect_writer(buffer, excel=excel)
    writer.writerow(excel_headers(words) if excel else COLUMNS)
    total = len(slots)
    for done, slot in enumerate(slots, start=1):
        writer.writerow(_row(slot, excel=excel, guard=guard, words=words))
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total)
    return buffer.getvalue()


def csv_bytes(
    slots: Sequence[ExportSlot], *, excel: bool, words: ExportWords, progress: Progress | None = None,
    guard: bool = True,
) -> bytes:
    return dialect_bytes(csv_text(slots, excel=excel, words=words, progress=progress, guard=guard), excel=excel)


def dialect_writer(buffer: io.StringIO, *, excel: bool) -> Writer:
    """A CSV writer in the Excel dialect (``;``, CRLF) or the plain one (``,``, LF): see the notes at the top."""
    if excel:
        return csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    return csv.writer(buffer, delimiter=",", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)


def dialect_bytes(text: str, *, excel: bool) -> bytes:
    """The file's bytes: UTF-8 with a byte-order mark for Excel, without one for scripts."""
    return text.encode("utf-8-sig" if excel else "utf-8")
