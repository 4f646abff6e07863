"""Hand-off packs: frames the API cannot publish (stickers) or that the team posts by hand.

A pack is a folder with the media files numbered in posting order (``01_Tue-10.00_biblioteket.jpg`` …) and a
printable checklist (``checklist.html``, one self-contained page that any browser opens and prints) giving,
for each frame: when to post it, which file, the sticker to add and its link, the text to type, the credit,
and a line for who posted it when. Every file is written atomically; the folder's other files are left alone.
Posting by hand is then recorded in the app (``mark_posted``: who and when).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from takeover_planner.domain.timekeeping import now_utc, to_oslo
from takeover_planner.fileio import atomic_write, atomic_write_text
from takeover_planner.publishing.publisher import (
    STICKER_LABELS,
    FrameToPublish,
    Method,
    OutcomeKind,
    Publisher,
    PublishOutcome,
)
from takeover_planner.texts import Text
from takeover_planner.texts.publishing import OutcomeText

CHECKLIST_NAME = "checklist.html"

_LABELS = {
    "en": {
        "title": "Hand-off pack",
        "intro": "Post these story frames by hand from the phone that is logged in to {account}, in this order, at "
                 "the times given. Copy the numbered files to the phone first. Tick each frame as you post it, then "
                 "mark it as posted in Takeover Planner (Publish → Mark posted by hand, or "
                 "'takeover-planner handoff posted FRAME-ID').",
        "account": "Account", "department": "Department", "made": "Made", "frames": "Frames",
        "when": "Post at", "file": "File", "sticker": "Sticker to add", "text": "Text to type", "credit": "Credit",
        "notes": "Notes", "none": "—", "posted": "Posted by ______________________ at ________",
        "frame": "Frame", "video": "video", "image": "picture", "missing": "FILE MISSING — ask the department",
        "link": "link", "prepared": "Prepared by",
        "no_contact": "contact details missing (no profile filled in in Takeover Planner)",
        "facebook": "Facebook Page",
        "facebook_steps": "Post the same story on the Facebook Page {page} too: in the Facebook app (or Meta "
                          "Business Suite), switch to the Page, Create story, choose the same file, add the same "
                          "text and sticker, Share to story.",
    },
    "nb": {
        "title": "Manuell publiseringspakke",
        "intro": "Publiser disse storybildene manuelt fra telefonen som er logget inn på {account}, i denne "
                 "rekkefølgen og til tidene som står. Kopier de nummererte filene til telefonen først. Kryss av hvert "
                 "storybilde når du har lagt det ut, og marker det i Takeover Planner (Publiser → "
                 "Marker som lagt ut manuelt, eller 'takeover-planner handoff posted STORYBILDE-ID').",
        "account": "Konto", "department": "Enhet", "made": "Laget", "frames": "Storybilder",
        "when": "Publiseres", "file": "Fil", "sticker": "Klistremerke", "text": "Tekst som skal skrives",
        "credit": "Kreditering", "notes": "Merknader", "none": "—",
        "posted": "Publisert av ______________________ kl. ________",
        "frame": "Storybilde", "video": "video", "image": "bilde", "missing": "FILEN MANGLER — spør enheten",
        "link": "lenke", "prepared": "Klargjort av",
        "no_contact": "kontaktopplysninger mangler (profilen i Takeover Planner er ikke fylt ut)",
        "facebook": "Facebook-side",
        "facebook_steps": "Legg ut den samme storyen på Facebook-siden {page} også: i Facebook-appen (eller Meta "
                          "Business Suite) bytter du til siden, velger Lag story, velger den samme filen, legger "
                          "til den samme teksten og det samme klistremerket og trykker Del i story.",
    },
}
_STICKERS_NB = {"link": "Lenke-klistremerke", "poll": "Avstemning", "mention": "Omtale",
                "location": "Sted", "question": "Spørsmål"}
_WEEKDAYS = {"en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
             "nb": ["man", "tir", "ons", "tor", "fre", "lør", "søn"]}


@dataclass(frozen=True)
class PackEntry:
    number: int
    frame: FrameToPublish
    file_name: str | None  # None: the frame's file was missing


@dataclass(frozen=True)
class PackResult:
    folder: Path
    checklist: Path
    entries: tuple[PackEntry, ...]
    removed: tuple[str, ...] = ()  # files an earlier pack left for frames that are no longer in it


def posting_order(frames: Sequence[FrameToPublish]) -> list[FrameToPublish]:
    far_future = dt.datetime.max.replace(tzinfo=dt.UTC)
    return sorted(frames, key=lambda f: (f.planned_at or far_future, f.slot_id, f.position, f.frame_id))


def slug(text: str, limit: int = 30) -> str:
    """A file-name-safe ASCII slug (æøå → ae o a), never empty."""
    text = text.replace("æ", "ae").replace("Æ", "Ae").replace("ø", "o").replace("Ø", "O")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    return cleaned[:limit].strip("-") or "frame"


def _when(moment: dt.datetime | None, language: str, long: bool = False) -> str:
    if moment is None:
        return "—"
    local = to_oslo(moment)
    day = _WEEKDAYS[language][local.weekday()]
    if long:
        return f"{day} {local:%d.%m.%Y %H:%M}"
    return f"{day}-{local:%H.%M}"


def write_pack(
    frames: Sequence[FrameToPublish],
    folder: Path,
    *,
    title: str,
    language: str = "en",
    generated_at: dt.datetime | None = None,
    prepared_by: str = "",
) -> PackResult:
    """Copy the files (numbered in posting order) and write the checklist; returns what was written."""
    language = language if language in _LABELS else "en"
    folder.mkdir(parents=True, exist_ok=True)
    entries: list[PackEntry] = []
    for number, frame in enumerate(posting_order(frames), start=1):
        name: str | None = None
        if frame.media_path is not None and frame.media_path.is_file():
            suffix = (frame.media_suffix or frame.media_path.suffix.lower()
                      or (".mp4" if frame.media_kind == "video" else ".jpg"))
            name = f"{number:02d}_{_when(frame.planned_at, 'en')}_{slug(frame.department)}{suffix}"
            with frame.media_path.open("rb") as source, atomic_write(folder / name, "wb") as target:
                shutil.copyfileobj(source, target, 1024 * 1024)
        entries.append(PackEntry(number, frame, name))
    checklist = folder / CHECKLIST_NAME
    atomic_write_text(checklist, render_checklist(entries, title=title, language=language,
                                                  generated_at=generated_at or now_utc(), prepared_by=prepared_by))
    removed = _remove_stale(folder, {entry.file_name for entry in entries if entry.file_name})
    return PackResult(folder, checklist, tuple(entries), removed)


# The names ``write_pack`` gives: "01_Tue-10.00_biblioteket.jpg" (a frame without a time has "—" for it).
_PACK_FILE = re.compile(r"^[0-9]{2,}_[^/\\]+_[a-z0-9-]+\.[a-z0-9]{1,10}$")


def _remove_stale(folder: Path, kept: set[str]) -> tuple[str, ...]:
    """Delete the numbered files of an earlier pack that this one does not hold: a frame whose consent was
    withdrawn (or that was posted, or moved) must not stay in the folder the phone copies from. Files not named
    like pack files are the team's own and stay."""
    removed = []
    for path in sorted(folder.iterdir()):
        if path.name not in kept and _PACK_FILE.match(path.name) and path.is_file() and not path.is_symlink():
            path.unlink()
            removed.append(path.name)
    return tuple(removed)


def _sticker_text(frame: FrameToPublish, language: str) -> str:
    kind = frame.sticker_kind.strip().lower()
    if not kind:
        return ""
    labels = _STICKERS_NB if language == "nb" else {k: v for k, v in STICKER_LABELS.items()}
    return labels.get(kind, kind.capitalize())


def render_checklist(entries: Sequence[PackEntry], *, title: str, language: str,
                     generated_at: dt.datetime, prepared_by: str = "") -> str:
    """A self-contained, printable HTML page (no scripts, no outside resources besides the pack's own files),
    signed by ``prepared_by`` (the profile's name and how to reach them; services/profile.py)."""
    t = _LABELS[language if language in _LABELS else "en"]
    e = html.escape
    accounts = sorted({entry.frame.account_name for entry in entries})
    departments = sorted({entry.frame.department for entry in entries})
    rows = []
    for entry in entries:
        f = entry.frame
        sticker = _sticker_text(f, language)
        sticker_html = e(t["none"])
        if sticker:
            value = f.sticker_value.strip()
            if value.lower().startswith(("https://", "http://")):
                value_html = f'<a href="{e(value, quote=True)}">{e(value)}</a>'
            else:
                value_html = e(value)
            sticker_html = f"<strong>{e(sticker)}</strong>" + (f"<br><span class='value'>{value_html}</span>"
                                                                 if value else "")
        if entry.file_name is None:
            file_html = f"<span class='missing'>{e(t['missing'])}</span>"
            preview = ""
        else:
            kind = t["video"] if f.media_kind == "video" else t["image"]
            file_html = f"<code>{e(entry.file_name)}</code><br><span class='muted'>{e(kind)}</span>"
            preview = (f"<img src='{e(entry.file_name, quote=True)}' alt=''>" if f.media_kind == "image" else "")
        text_html = f"<div class='type'>{e(f.text)}</div>" if f.text.strip() else e(t["none"])
        notes_html = f"<div class='notes'>{e(t['notes'])}: {e(f.notes)}</div>" if f.notes.strip() else ""
        # A cross-posted frame goes on the linked Facebook Page as well: the steps, once per frame.
        facebook_html = (f"<tr><th>{e(t['facebook'])}</th><td>{e(t['facebook_steps'].format(page=f.facebook_page))}"
                         "</td></tr>") if f.facebook_page else ""
        rows.append(f"""
<section class="frame">
  <label class="check"><input type="checkbox" aria-label="{e(t['frame'])} {entry.number}"></label>
  <div class="num">{entry.number}</div>
  <div class="body">
    <div class="when">{e(_when(f.planned_at, language, long=True))} <span class="muted">· {e(t['frame'])} #{f.frame_id}
      · {e(f.department)}</span></div>
    <table>
      <tr><th>{e(t['file'])}</th><td>{file_html}</td></tr>
      <tr><th>{e(t['sticker'])}</th><td>{sticker_html}</td></tr>
      <tr><th>{e(t['text'])}</th><td>{text_html}</td></tr>
      <tr><th>{e(t['credit'])}</th><td>{e(f.credit) if f.credit.strip() else e(t['none'])}</td></tr>
      {facebook_html}
    </table>
    {notes_html}
    <div class="posted">{e(t['posted'])}</div>
  </div>
  <div class="preview">{preview}</div>
</section>""")
    made = to_oslo(generated_at).strftime("%d.%m.%Y %H:%M")
    intro = t["intro"].format(account=", ".join(accounts) or "—")
    return f"""<!DOCTYPE html>
<html lang="{e(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(t['title'])}: {e(title)}</title>
<style>
  @page {{ size: A4; margin: 14mm; }}
  body {{ font-family: "Segoe UI", Arial, Helvetica, sans-serif; font-size: 11pt; color: #111; margin: 0 auto;
         max-width: 190mm; }}
  h1 {{ font-size: 18pt; margin: 0 0 4pt 0; }}
  .meta {{ color: #444; margin-bottom: 8pt; }}
  .intro {{ background: #f3f5f8; border-left: 4px solid #4a7bd0; padding: 6pt 10pt; margin-bottom: 12pt; }}
  .frame {{ display: flex; gap: 10pt; border: 1px solid #bbb; border-radius: 4pt; padding: 8pt;
            margin-bottom: 8pt; page-break-inside: avoid; break-inside: avoid; }}
  .check {{ font-size: 22pt; line-height: 1; }}
  .num {{ font-size: 20pt; font-weight: bold; min-width: 24pt; text-align: center; }}
  .body {{ flex: 1; }}
  .when {{ font-size: 13pt; font-weight: bold; margin-bottom: 4pt; }}
  table {{ border-collapse: collapse; width: 100%; }}
  th {{ text-align: left; vertical-align: top; width: 34mm; padding: 2pt 6pt 2pt 0; color: #333; font-weight: 600; }}
  td {{ padding: 2pt 0; vertical-align: top; }}
  .type {{ white-space: pre-wrap; border: 1px dashed #999; padding: 3pt 5pt; font-size: 12pt; }}
  .value {{ word-break: break-all; }}
  .muted {{ color: #666; font-weight: normal; font-size: 10pt; }}
  .missing {{ color: #b00020; font-weight: bold; }}
  .notes {{ margin-top: 4pt; font-style: italic; }}
  .posted {{ margin-top: 8pt; color: #333; }}
  .preview img {{ max-width: 32mm; max-height: 57mm; border: 1px solid #ccc; }}
  code {{ font-size: 10pt; }}
  .check input {{ width: 28pt; height: 28pt; margin: 0; }}
  a {{ display: inline-block; min-height: 44px; line-height: 44px; }}
  /* On a phone: one column, text large enough to read, every tap target at least 44 px. */
  @media screen and (max-width: 700px) {{
    body {{ font-size: 16px; max-width: none; padding: 0 10px; }}
    .frame {{ flex-wrap: wrap; }}
    .body {{ flex-basis: 100%; }}
    th {{ width: auto; display: block; padding-top: 6px; }}
    td {{ display: block; }}
    .check input {{ width: 44px; height: 44px; }}
    .preview img {{ max-width: 40vw; max-height: none; }}
  }}
</style>
</head>
<body>
<h1>{e(t['title'])}: {e(title)}</h1>
<div class="meta">{e(t['account'])}: {e(', '.join(accounts) or '—')} · {e(t['department'])}: {e(', '.join(departments) or '—')}
 · {e(t['frames'])}: {len(entries)} · {e(t['made'])}: {e(made)}
 · {e(t['prepared'])}: {e(prepared_by or t['no_contact'])}</div>
<div class="intro">{e(intro)}</div>
{''.join(rows)}
</body>
</html>
"""


class HandoffPublisher(Publisher):
    """Writes the frames into a hand-off pack; the frames stay scheduled until someone marks them posted."""

    method = Method.HANDOFF

    def __init__(self, folder: Path, *, title: str, language: str = "en", prepared_by: str = "") -> None:
        self.folder = folder
        self.title = title
        self.language = language
        self.prepared_by = prepared_by
        self.result: PackResult | None = None

    def publish(self, frames: Sequence[FrameToPublish]) -> list[PublishOutcome]:
        self.result = write_pack(frames, self.folder, title=self.title, language=self.language,
                                 prepared_by=self.prepared_by)
        outcomes = []
        for entry in self.result.entries:
            if entry.file_name is None:
                outcomes.append(PublishOutcome(entry.frame.frame_id, OutcomeKind.HANDED_OFF,
                                               str(Text(OutcomeText.PACKED_NO_FILE, {"frame": entry.frame.label})),
                                               str(Text(OutcomeText.ADVICE_PACK_AGAIN)),
                                               account_id=entry.frame.account_id))
            else:
                packed = Text(OutcomeText.PACKED_AS, {"frame": entry.frame.label, "number": entry.number,
                                                      "file": entry.file_name})
                outcomes.append(PublishOutcome(entry.frame.frame_id, OutcomeKind.HANDED_OFF, str(packed),
                                               account_id=entry.frame.account_id))
        return outcomes
