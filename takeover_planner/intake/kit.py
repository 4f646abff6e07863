"""The contributor kit: one self-contained HTML page per slot that makes a submission package in a browser.

A department that cannot install the app opens the kit by double-click. The page (``resources/kit/``: the
HTML, its CSS and its script, inlined here into one file) carries what it needs as one JSON block: the
slot's facts from the brief, the story rules in force that a browser can judge (with their own messages in
both languages), the kit's words in both languages and the format constants. Its script writes the
submission zip itself, in the format ``intake.submission`` writes, so ``package import`` takes it as it is.
No part of the page refers to anything outside it; only links the comms team wrote into the brief appear.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from typing import Any

from takeover_planner import __version__
from takeover_planner.intake.manifest import FORMAT_VERSION, MAX_FRAMES, SUBMISSION_FORMAT, BriefManifest
from takeover_planner.media.text_overlay import BROWSER_LAYOUT
from takeover_planner.paths import resource
from takeover_planner.texts import BOKMAAL, ENGLISH, DateSpan, Text
from takeover_planner.texts.brief import BriefWords
from takeover_planner.texts.kit import KitText
from takeover_planner.texts.render import format_datetime, format_span

KIT_DIR = ("kit",)
# The checks a browser can judge from a file's first bytes and what <img>/<video> report; the others
# (codecs, colour, audio, GPS, …) need the app's probes and are judged when the package arrives.
BROWSER_CHECKS = frozenset({"problem", "image_format", "max_file_size", "orientation", "aspect_9_16",
                            "min_resolution", "video_container", "max_width", "aspect_range", "min_duration",
                            "max_duration"})
_LANGUAGES = (BOKMAAL, ENGLISH)


def _slug(name: str) -> str:
    """"Brann og redning" → "brann-og-redning": a file name part any system accepts."""
    plain = name.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    plain = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40] or "enhet"


def kit_file_name(brief: BriefManifest, language: str) -> str:
    """What the kit itself is called (beside the PDF and inside the brief package)."""
    return Text(KitText.KIT_NAME, {"slot_id": brief.slot.slot_id}).in_language(language)


def submission_file_name(brief: BriefManifest, language: str) -> str:
    """What the kit names the package it saves: after the slot, so the comms team sees at once whose it is."""
    params = {"slot_id": brief.slot.slot_id, "department": _slug(brief.slot.department)}
    return Text(KitText.FILE_NAME, params).in_language(language)


def _browser_rules(rule_set: Any) -> list[dict[str, Any]]:
    rules = []
    for rule in rule_set.rules:
        if rule.check not in BROWSER_CHECKS:
            continue
        if rule.check == "problem" and "empty" not in rule.limits.get("problems", ()):
            continue  # of a file's problems, a browser can tell only that it is empty
        rules.append({"id": rule.id, "check": rule.check, "kinds": list(rule.kinds), "severity": rule.severity,
                      "fixable": rule.fixable, "limits": rule.limits, "message_en": rule.message_en,
                      "message_nb": rule.message_nb})
    return rules


def _facts(brief: BriefManifest, language: str) -> list[tuple[str, str]]:
    s = brief.slot
    deadline = format_datetime(s.material_deadline, language) if s.material_deadline else \
        Text(KitText.NO_DEADLINE).in_language(language)
    account = f"{s.account} (@{s.account_handle})" if s.account_handle else s.account
    facts = [("department", s.department), ("account", account),
             ("days", format_span(DateSpan(s.start, s.end), language)), ("deadline", deadline)]
    if brief.created_by:
        facts.append(("contact", brief.created_by))
    if s.news_url:
        facts.append(("news", s.news_url))
    return facts


def kit_data(brief: BriefManifest, rule_set: Any, language: str) -> dict[str, Any]:
    """Everything the page needs, as JSON data (the test of the page's checks reads the same rules)."""
    s = brief.slot
    days = [s.start + dt.timedelta(days=n) for n in range((s.end - s.start).days + 1)]
    return {
        "language": language, "app_version": f"{__version__}+kit", "format": SUBMISSION_FORMAT,
        "format_version": FORMAT_VERSION, "max_frames": MAX_FRAMES, "brief_uid": brief.brief_uid,
        "slot_id": s.slot_id, "department": s.department,
        "days": [{"iso": day.isoformat(), **{lang: BriefWords(lang).day_text(day) for lang in _LANGUAGES}}
                 for day in days],
        "facts": {lang: _facts(brief, lang) for lang in _LANGUAGES},
        "rules_text": {"en": brief.rules.en, "nb": brief.rules.nb},
        "consent_rules": {"en": brief.consent_rules.en, "nb": brief.consent_rules.nb},
        "tips": {"en": brief.tips.en, "nb": brief.tips.nb},
        "rule_set": brief.rule_set, "rules": _browser_rules(rule_set),
        "file_name": {lang: submission_file_name(brief, lang) for lang in _LANGUAGES},
        "words": {code.key.split(".", 1)[1]: {"en": code.en, "nb": code.nb} for code in KitText},
        "text_layout": BROWSER_LAYOUT,  # the on-screen text previewed as it will be burned in
    }


def _script_safe(data: dict[str, Any]) -> str:
    """JSON that cannot end the <script> element it sits in, whatever text the brief holds."""
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace(
        "&", "\\u0026")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def kit_html(brief: BriefManifest, rule_set: Any, language: str = BOKMAAL) -> str:
    """The kit for ``brief`` as one HTML document (CSS, script and data inline), in ``language`` at first."""
    BriefWords(language)  # an unknown language is refused before any work
    folder = resource(*KIT_DIR)
    page = (folder / "kit.html").read_text(encoding="utf-8")
    replacements = {
        "{{lang}}": language,
        "{{title}}": _escape(Text(KitText.TITLE).in_language(language)),
        "{{noscript}}": _escape(Text(KitText.NOSCRIPT).in_language(language)),
        "/*KIT-CSS*/": (folder / "kit.css").read_text(encoding="utf-8"),
        "/*KIT-DATA*/": _script_safe(kit_data(brief, rule_set, language)),
        "/*KIT-JS*/": (folder / "kit.js").read_text(encoding="utf-8").replace("</", "<\\/"),
    }
    # One pass, so text from the brief that happens to look like a marker is never replaced in turn.
    pattern = re.compile("|".join(re.escape(marker) for marker in replacements))
    return pattern.sub(lambda match: replacements[match.group(0)], page)
