"""The printed brief: words, dates, the rules from the rule set, and the pages, read back from the PDF that
Typst makes (poppler's pdftotext and pdfinfo read it, independent of the writer)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from takeover_planner.intake import brief_document as bd
from takeover_planner.intake.brief import CONSENT_RULES, STICKERS, new_brief
from takeover_planner.intake.brief_rules import format_groups, story_limits
from takeover_planner.intake.manifest import SlotFacts
from takeover_planner.media.rules import load_rules
from takeover_planner.paths import resource
from takeover_planner.texts.brief import BriefText, BriefWords
from tests.unit.export.pdf_structure import info

pytestmark = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdfinfo")),
                                reason="poppler-utils (pdftotext, pdfinfo) is not installed")

D = dt.date
KARI = bd.Person("Kari Kommunikasjon", "kari@fjordvik.kommune.no", title="kommunikasjonsrådgiver")
OLA = bd.Person("Ola Bibliotekar", "ola@fjordvik.kommune.no")
BOKMAAL, ENGLISH = BriefWords("nb"), BriefWords("en")


def facts(**changes: object) -> SlotFacts:
    base: dict[str, object] = dict(
        slot_id=12, account="Fjordvik kommune", account_handle="fjordvikkommune", department="Biblioteket",
        start=D(2027, 3, 1), end=D(2027, 3, 3), material_deadline=dt.datetime(2027, 2, 24, 11, 0, tzinfo=dt.UTC),
        campaign="Leseuka", news_url="https://fjordvik.kommune.no/leseuka", notes="")
    base.update(changes)
    return SlotFacts(**base)  # type: ignore[arg-type]


def letter(language: str = "nb", rules_file: Path | None = None, addressee: bd.Person | None = OLA,
           **changes: object) -> bd.BriefLetter:
    rules = load_rules(rules_file)
    brief = new_brief(facts(**changes), rules, "Kari Kommunikasjon")
    return bd.BriefLetter(brief, language, format_groups(rules, language), KARI, addressee, "brief.zip")


@dataclass(frozen=True)
class Printed:
    title: str
    pages: int
    text: str  # every line joined with spaces, so that a phrase broken over lines is still found


def print_brief(brief_letter: bd.BriefLetter) -> Printed:
    data = bd.render_brief(brief_letter)
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, check=True, capture_output=True,
                          timeout=60)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "brief.pdf").write_bytes(data)
        meta = info(Path(folder) / "brief.pdf")
    return Printed(meta["Title"], int(meta["Pages"]), " ".join(done.stdout.decode("utf-8").split()))


def all_text(document: Printed) -> str:
    return document.text


def test_bokmaal_letter_says_what_when_and_how() -> None:
    document = print_brief(letter("nb"))
    assert document.title == "Instagram-overtakelse: Biblioteket"
    assert document.pages == 2
    text = all_text(document)
    for expected in ("Oppdragsbrev", "Instagram-overtakelse: Biblioteket", "Hei, Ola!",
                     "Fjordvik kommune (@fjordvikkommune)", "mandag 1. mars – onsdag 3. mars 2027 · uke 9 · 3 dager",
                     "onsdag 24. februar 2027 kl. 12:00 (norsk tid, uke 8)",  # 11:00 UTC in winter is 12:00 in Oslo
                     "Kari Kommunikasjon, kommunikasjonsrådgiver", "kari@fjordvik.kommune.no", "Leseuka",
                     "Slik sender du materiellet", "Fil ▸ Åpne oppdragsbrev …", "Fil ▸ Lagre innsending …",
                     "takeover-planner gui --contributor brief.zip", "Bilder", "Video", "Trygg sone", "Samtykke",
                     "Klistremerker", "Tips", "Lykke til med overtakelsen!", "Vennlig hilsen",
                     f"Side 1 av {document.pages}"):
        assert expected in text, expected
    assert "JPEG, høyst 8 MB." in text and "MP4 eller MOV, høyst 100 MB." in text
    assert "Best: 1080 × 1920 piksler, høykant (9:16)." in text and "3–60 sekunder per klipp;" in text


def test_english_letter_uses_the_english_words() -> None:
    text = all_text(print_brief(letter("en")))
    for expected in ("Takeover brief", "Instagram takeover: Biblioteket", "Hello Ola,",
                     "Monday 1 March – Wednesday 3 March 2027 · week 9 · 3 days",
                     "Wednesday 24 February 2027 at 12:00 (Oslo time, week 8)", "How to send your material",
                     "File ▸ Open brief…", "JPEG, at most 8 MB.", "Safe zone", "Consent", "Stickers",
                     "Good luck with the takeover!", "Page 1 of"):
        assert expected in text, expected
    assert "uke" not in text and "Samtykke" not in text


def test_consent_rules_say_who_guardians_and_withdrawal_in_both_languages() -> None:
    for language, guardian, withdraw in (("nb", "foresatte", "trekkes tilbake"), ("en", "guardian", "withdrawn")):
        text = all_text(print_brief(letter(language)))
        consent = " ".join(CONSENT_RULES.lines(language))
        assert guardian in consent and withdraw in consent
        for rule in CONSENT_RULES.lines(language):  # every consent rule is printed in full
            assert " ".join(rule.split()) in text


def test_stickers_have_their_own_section_and_are_not_repeated_as_a_tip() -> None:
    document = print_brief(letter("nb"))
    flat = all_text(document)
    assert flat.count("legges til for hånd") == 0 and "legger vi dem til for hånd" in flat
    assert STICKERS.nb[0] not in flat


def test_days_weeks_and_deadline_across_week_year_and_summer_time() -> None:
    assert BOKMAAL.weeks_text(D(2027, 3, 4), D(2027, 3, 9)) == "uke 9–10"
    # 28 December 2026 to 3 January 2027 is all ISO week 53 of 2026.
    assert BOKMAAL.days_text(D(2026, 12, 28), D(2027, 1, 3)) == \
        "mandag 28. desember 2026 – søndag 3. januar 2027 · uke 53 · 7 dager"
    assert ENGLISH.days_text(D(2027, 5, 17), D(2027, 5, 17)) == "Monday 17 May 2027 · week 20 · one day"
    summer = dt.datetime(2027, 6, 1, 10, 0, tzinfo=dt.UTC)  # CEST: 12:00 on the Oslo clock
    assert BOKMAAL.deadline_text(summer) == "tirsdag 1. juni 2027 kl. 12:00 (norsk tid, uke 22)"
    assert ENGLISH.deadline_text(None) == ENGLISH(BriefText.NO_DEADLINE)


def test_the_numbers_come_from_the_rule_set_in_force(tmp_path: Path) -> None:
    custom = tmp_path / "rules.toml"
    text = resource("rules", "instagram_story.toml").read_text(encoding="utf-8")
    text = text.replace("max_bytes = 8388608", "max_bytes = 5242880").replace("min = 3.0", "min = 4.0")
    custom.write_text(text, encoding="utf-8")
    assert story_limits(load_rules(custom)).image_mb == 5
    printed = all_text(print_brief(letter("en", custom)))
    assert "JPEG, at most 5 MB." in printed and "4–60 seconds per clip" in printed and "8 MB" not in printed


def test_a_long_note_flows_over_pages_and_never_loses_a_line() -> None:
    long_notes = "\n".join(f"Punkt {i}: " + "Vi vil gjerne vise lesesirkelen, bokbussen og verkstedet. " * 3
                           for i in range(40))
    long_one = print_brief(letter("en", notes=long_notes))
    assert long_one.pages > 2
    assert all_text(long_one).count("Punkt 39:") == 1 and "Page 1 of" in all_text(long_one)


def test_without_a_contact_person_or_handle_or_deadline() -> None:
    text = all_text(print_brief(letter("nb", addressee=None, account_handle="", material_deadline=None,
                                           campaign="", news_url="")))
    assert "Hei!" in text and "@" not in text.replace("kari@fjordvik", "")
    assert BOKMAAL(BriefText.NO_DEADLINE) in text
    assert "Kampanje" not in text and "Nyhetssak" not in text
