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
from takeover_planner.texts import BOKMAAL, ENGLISH, Text
from takeover_planner.texts.brief import ConsentRule, PackageRule, Tip

README_NAME = "README.txt"
# A brief is a few kilobytes; anything near these limits is not one.
BRIEF_LIMITS = ZipLimits(max_members=20, max_total_bytes=8 * 1024**2, max_member_bytes=4 * 1024**2,
                         max_package_bytes=8 * 1024**2)


def _bilingual(*lines: Text) -> BilingualText:
    """Lines in both languages: a package carries both, and the reader's app shows one."""
    return BilingualText(en=[line.in_language(ENGLISH) for line in lines],
                         nb=[line.in_language(BOKMAAL) for line in lines])


CONSENT_RULES = _bilingual(*(Text(rule) for rule in ConsentRule))
# Said in the tips and, in the printed brief, as a section of its own.
STICKERS = _bilingual(Text(Tip.STICKERS))
TIPS = _bilingual(*(Text(tip) for tip in Tip))


def plain_rules(rule_set: Any) -> BilingualText:
    """The story format rules in plain words, with the numbers from ``rule_set`` (a media.rules.RuleSet)."""
    lim = story_limits(rule_set)
    return _bilingual(
        Text(PackageRule.PICTURES, {"image_mb": lim.image_mb}),
        Text(PackageRule.VIDEO, {"min_s": lim.video_min_s, "max_s": lim.video_max_s, "video_mb": lim.video_mb,
                                 "fps_min": lim.fps_min, "fps_max": lim.fps_max}),
        Text(PackageRule.SIZE, {"width": lim.width, "height": lim.height}),
        Text(PackageRule.CHECKED),
        Text(PackageRule.LOCATION),
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


def readme_text(brief: BriefManifest, pdf: str | None = None, kit: str | None = None) -> str:
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
    if kit:
        lines.append(f"Innsendingsskjema i nettleseren / the submission kit for a browser: {kit}")
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


def write_brief(brief: BriefManifest, out: Path, pdf: tuple[str, bytes] | None = None,
                kit: tuple[str, bytes] | None = None) -> BriefManifest:
    """Write the brief package; returns the manifest with its file table filled in.

    ``pdf`` (name, bytes) adds the printed brief as one more listed file, ``kit`` (name, bytes) the contributor
    kit (``intake.kit``): format version 1 lets ``files`` hold any plain document name, so readers that know
    nothing of them still open the package.
    """
    result: dict[str, BriefManifest] = {}

    def build(files: dict[str, FileEntry]) -> dict[str, Any]:
        filled = BriefManifest(**{**brief.__dict__, "files": files})
        result["brief"] = filled
        return brief_to_json(filled)

    readme = readme_text(brief, pdf[0] if pdf else None, kit[0] if kit else None)
    members: list[tuple[str, Path | bytes]] = [(README_NAME, readme.encode("utf-8"))]
    members += [document for document in (pdf, kit) if document is not None]
    write_package(out, build, members)
    return result["brief"]


def read_brief(path: Path, staging: Path) -> Staged[BriefManifest]:
    """Open a brief package (untrusted: it came by e-mail) into ``staging``."""
    return read_package(path, staging, parse_brief, lambda m: m.files, lambda m: set(m.files),
                        limits=BRIEF_LIMITS)
