"""The brief package: what a department gets before its takeover.

It holds the slot's facts, the material deadline, the story format rules in plain words (taken from the rule
set in force, so the numbers match what the checks enforce), the consent rules and a few tips, plus a
README.txt in both languages for anyone who opens the zip without the app.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from takeover_planner import __version__
from takeover_planner.domain.timekeeping import now_utc, to_oslo
from takeover_planner.intake.brief_rules import story_limits
from takeover_planner.intake.manifest import (
    BilingualText,
    BriefManifest,
    FileEntry,
    SlotFacts,
    brief_to_json,
    parse_brief,
)
from takeover_planner.intake.package import Staged, read_package, write_package
from takeover_planner.intake.safezip import ZipLimits

README_NAME = "README.txt"
# A brief is a few kilobytes; anything near these limits is not one.
BRIEF_LIMITS = ZipLimits(max_members=20, max_total_bytes=8 * 1024**2, max_member_bytes=4 * 1024**2,
                         max_package_bytes=8 * 1024**2)

CONSENT_RULES = BilingualText(
    en=[
        "Every frame that shows people who can be recognised needs their consent before it can be published.",
        "Write down who appears (a name or a group such as 'pupils in class 7B') and the reference of the signed "
        "consent form.",
        "Children under 15 need consent from a parent or guardian.",
        "The consent must cover Instagram and must still be valid on the day the frame is published.",
        "Consent can be withdrawn at any time. If that happens, tell the communications team at once: frames not "
        "yet published are stopped, published ones are taken down.",
    ],
    nb=[
        "Alle storybilder som viser personer som kan kjennes igjen, trenger samtykke før de kan publiseres.",
        "Skriv hvem som er med (et navn eller en gruppe, som «elevene i 7B») og referansen til den signerte "
        "samtykkeerklæringen.",
        "Barn under 15 år trenger samtykke fra foresatte.",
        "Samtykket må gjelde Instagram og være gyldig den dagen storybildet publiseres.",
        "Samtykke kan trekkes tilbake når som helst. Skjer det, si fra til kommunikasjonsenheten med en gang: "
        "storybilder som ikke er publisert stoppes, publiserte tas ned.",
    ],
)

# Said in the tips and, in the printed brief, as a section of its own.
STICKERS = BilingualText(
    en=["Stickers (links, polls, mentions) are added by hand when the story is posted: describe what you want."],
    nb=["Klistremerker (lenke, avstemning, omtale) legges til for hånd når storyen publiseres: beskriv hva du "
        "ønsker."],
)

TIPS = BilingualText(
    en=[
        "Film and photograph upright (portrait): the story is 9:16.",
        "Keep text and logos away from the top and bottom edges; Instagram draws its own buttons there.",
        "Short clips work best: 5–15 seconds each.",
        "Show what a day with you looks like: people at work, places the public seldom sees.",
        "Check the sound: speak close to the phone, away from wind and noise.",
        "Say who took the picture, so we can credit them.",
        *STICKERS.en,
    ],
    nb=[
        "Film og fotografer på høykant: storyen er 9:16.",
        "Hold tekst og logoer unna øverste og nederste kant; der legger Instagram sine egne knapper.",
        "Korte klipp fungerer best: 5–15 sekunder hver.",
        "Vis hvordan en dag hos dere ser ut: folk på jobb, steder publikum sjelden ser.",
        "Sjekk lyden: snakk nær telefonen, unna vind og støy.",
        "Skriv hvem som tok bildet, så vi kan kreditere riktig.",
        *STICKERS.nb,
    ],
)


def plain_rules(rule_set: Any) -> BilingualText:
    """The story format rules in plain words, with the numbers from ``rule_set`` (a media.rules.RuleSet)."""
    lim = story_limits(rule_set)
    image_mib, video_mb = lim.image_mb, lim.video_mb
    min_s, max_s = lim.video_min_s, lim.video_max_s
    fps_min, fps_max = f"{lim.fps_min:g}", f"{lim.fps_max:g}"
    return BilingualText(
        en=[
            f"Pictures: JPEG, at most {image_mib} MB. Photos from a phone in other formats (HEIC, PNG) are converted "
            "by the app with one click.",
            f"Video: MP4 or MOV from a phone, {min_s:g}–{max_s:g} seconds, at most {video_mb} MB, "
            f"{fps_min}–{fps_max} frames per second. Longer clips are split by the app.",
            f"Best size: {lim.width} × {lim.height} pixels, upright (9:16). Other sizes are cropped or padded when "
            "fixed.",
            "The app checks every file the moment you add it and offers a fix; your original file is never changed.",
            "Location data (GPS) in photos is removed when a file is fixed.",
        ],
        nb=[
            f"Bilder: JPEG, høyst {image_mib} MB. Bilder fra telefonen i andre formater (HEIC, PNG) gjøres om av "
            "appen med ett klikk.",
            f"Video: MP4 eller MOV fra telefonen, {min_s:g}–{max_s:g} sekunder, høyst {video_mb} MB, "
            f"{fps_min}–{fps_max} bilder per sekund. Lengre klipp deles opp av appen.",
            f"Beste størrelse: {lim.width} × {lim.height} piksler, høykant (9:16). Andre størrelser beskjæres eller "
            "fylles ut når de rettes opp.",
            "Appen sjekker hver fil med en gang du legger den til, og tilbyr å rette den opp; originalfilen endres "
            "aldri.",
            "Stedsdata (GPS) i bilder fjernes når en fil rettes opp.",
        ],
    )


def new_brief(slot: SlotFacts, rule_set: Any, created_by: str) -> BriefManifest:
    name = f"{getattr(rule_set, 'name', 'rules')} {getattr(rule_set, 'version', '')}".strip()
    return BriefManifest(
        brief_uid=uuid.uuid4().hex, created_at=now_utc(), created_by=created_by, app_version=__version__,
        slot=slot, rule_set=name, rules=plain_rules(rule_set), consent_rules=CONSENT_RULES, tips=TIPS,
    )


def _when(moment: dt.datetime | None) -> str:
    return to_oslo(moment).strftime("%Y-%m-%d %H:%M") if moment else "–"


def pdf_name(language: str) -> str:
    """The printed brief's name inside the package: ``brief-nb.pdf`` or ``brief-en.pdf``."""
    return f"brief-{language}.pdf"


def readme_text(brief: BriefManifest, pdf: str | None = None) -> str:
    s = brief.slot
    days = s.start.isoformat() if s.start == s.end else f"{s.start.isoformat()} – {s.end.isoformat()}"
    lines = [
        f"Oppdragsbrev: Instagram-overtakelse for {s.department}",
        f"Takeover brief: Instagram takeover for {s.department}",
        "",
        f"Konto / account: {s.account}" + (f" (@{s.account_handle})" if s.account_handle else ""),
        f"Dager / days: {days}",
        f"Frist for materiell / material deadline: {_when(s.material_deadline)} (Europe/Oslo)",
    ]
    if s.campaign:
        lines.append(f"Kampanje / campaign: {s.campaign}")
    if s.news_url:
        lines.append(f"Nyhetssak / news article: {s.news_url}")
    lines.append(f"Kontaktperson / contact: {brief.created_by}")
    if pdf:
        lines.append(f"Oppdragsbrevet til utskrift / the brief to print: {pdf}")
    if s.notes:
        lines += ["", s.notes]
    lines += ["", "Åpne denne filen i Takeover Planner (Fil → Åpne oppdragsbrev) for å lage innsendingen.",
              "Open this file in Takeover Planner (File → Open brief) to make your submission.", ""]
    for title, text in (("Format / format", brief.rules), ("Samtykke / consent", brief.consent_rules),
                        ("Tips / tips", brief.tips)):
        lines.append(title)
        lines += [f"- {line}" for line in text.nb]
        lines += [f"- {line}" for line in text.en]
        lines.append("")
    lines.append(f"Regelsett / rule set: {brief.rule_set}")
    return "\n".join(lines) + "\n"


def write_brief(brief: BriefManifest, out: Path, pdf: tuple[str, bytes] | None = None) -> BriefManifest:
    """Write the brief package; returns the manifest with its file table filled in.

    ``pdf`` (name, bytes) adds the printed brief as one more listed file: format version 1 lets ``files`` hold
    any plain document name, so readers that know nothing of it still open the package.
    """
    result: dict[str, BriefManifest] = {}

    def build(files: dict[str, FileEntry]) -> dict[str, Any]:
        filled = BriefManifest(**{**brief.__dict__, "files": files})
        result["brief"] = filled
        return brief_to_json(filled)

    members: list[tuple[str, Path | bytes]] = [(README_NAME, readme_text(brief, pdf[0] if pdf else None)
                                                 .encode("utf-8"))]
    if pdf is not None:
        members.append(pdf)
    write_package(out, build, members)
    return result["brief"]


def read_brief(path: Path, staging: Path) -> Staged[BriefManifest]:
    """Open a brief package (untrusted: it came by e-mail) into ``staging``."""
    return read_package(path, staging, parse_brief, lambda m: m.files, lambda m: set(m.files),
                        limits=BRIEF_LIMITS, what="brief")
