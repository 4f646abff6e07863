"""The printed brief as a reader gets it: Typst writes a tagged PDF, and poppler reads it back — its text in
reading order, its structure (headings, lists, the drawing's text alternative), its title and language."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from takeover_planner.intake import brief_document as bd
from takeover_planner.intake.brief import new_brief
from takeover_planner.intake.brief_rules import format_groups
from takeover_planner.intake.manifest import SlotFacts
from takeover_planner.media.rules import load_rules
from takeover_planner.services.packages import render_brief_pdf
from tests.unit.export.pdf_structure import alt_texts, assert_tagged, element_types, structure

pytestmark = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdfinfo")),
                                reason="poppler-utils (pdftotext, pdfinfo) is not installed")

FACTS = SlotFacts(
    slot_id=7, account="Fjordvik kommune", account_handle="fjordvikkommune", department="Miljø og åpenhet",
    start=dt.date(2027, 3, 29), end=dt.date(2027, 4, 2),
    material_deadline=dt.datetime(2027, 3, 22, 13, 30, tzinfo=dt.UTC), campaign="", news_url="", notes="")
EXPECTED = {
    "nb": ("Instagram-overtakelse: Miljø og åpenhet", "mandag 29. mars – fredag 2. april 2027", "uke 13",
           "mandag 22. mars 2027 kl. 14:30", "norsk tid", "8 MB", "1080 × 1920", "3–60 sekunder", "Samtykke",
           "foresatte", "trekkes tilbake", "Trygg sone", "Klistremerker", "Side 1 av 2"),
    "en": ("Instagram takeover: Miljø og åpenhet", "Monday 29 March – Friday 2 April 2027", "week 13",
           "Monday 22 March 2027 at 14:30", "Oslo time", "8 MB", "1080 × 1920", "3–60 seconds", "Consent",
           "guardian", "withdrawn", "Safe zone", "Stickers", "Page 1 of 2"),
}


def printed(language: str, folder: Path, facts: SlotFacts = FACTS) -> Path:
    rules = load_rules()
    brief = new_brief(facts, rules, "Kari Kommunikasjon")
    letter = bd.BriefLetter(brief, language, format_groups(rules, language),
                            bd.Person("Kari Kommunikasjon", "kari@fjordvik.kommune.no"), None, "brief.zip")
    target = folder / f"brief-{language}.pdf"
    target.write_bytes(render_brief_pdf(letter))
    return target


def read_text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, timeout=60)
    return " ".join(done.stdout.decode("utf-8").split())


def info(pdf: Path) -> dict[str, str]:
    done = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, timeout=60)
    rows = (line.split(":", 1) for line in done.stdout.decode("utf-8", "replace").splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in rows}


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_pdf_reads_back_with_department_dates_deadline_rules_and_consent(tmp_path: Path, language: str) -> None:
    pdf = printed(language, tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF-")
    meta = info(pdf)
    assert meta["Pages"] == "2" and meta["Page size"].startswith("595") and "(A4)" in meta["Page size"]
    assert meta["Title"] == EXPECTED[language][0]
    text = read_text(pdf)
    for expected in EXPECTED[language]:
        assert expected in text, expected
    assert "\ufb01" not in text and "\ufb02" not in text  # no fi/fl ligatures: the text searches and copies as typed


def test_lines_are_never_shortened(tmp_path: Path) -> None:
    """Every sentence of the rules comes out whole: Typst breaks lines, it never cuts them."""
    text = read_text(printed("nb", tmp_path))
    rules = load_rules()
    for group in format_groups(rules, "nb"):
        for line in group.lines:
            assert " ".join(line.split()) in text, line


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_brief_is_tagged_with_title_language_headings_and_the_drawing_described(tmp_path: Path,
                                                                                   language: str) -> None:
    pdf = printed(language, tmp_path)
    assert_tagged(pdf, title=EXPECTED[language][0], language=language)
    tree = structure(pdf)
    # poppler prints a heading's own label garbled when it is not ASCII; its text follows on the next line.
    assert [line.split()[0] for line in tree.splitlines() if line.startswith("  H")][:3] == ["H1", "H2", "H2"]
    assert f'"{EXPECTED[language][0]}"' in tree
    assert ('H2 "Slik sender du materiellet"' if language == "nb" else 'H2 "How to send your material"') in tree
    assert ('H3 "Bilder"' if language == "nb" else 'H3 "Pictures"') in tree
    types = element_types(pdf)
    assert "L" in types and "LI" in types and "Figure" in types
    (alt,) = alt_texts(pdf)
    assert "9:16" in alt
    assert "Side 1 av 2" not in tree and "Page 1 of 2" not in tree  # the footer is an artifact


def test_the_two_format_cards_read_one_after_the_other(tmp_path: Path) -> None:
    """Side by side on paper, but a text extractor reads the pictures card whole, then the video card."""
    text = read_text(printed("nb", tmp_path))
    pictures = text.index("Bilder • JPEG, høyst 8 MB.")
    video = text.index("Video • MP4 eller MOV, høyst 100 MB.")
    assert pictures < text.index("Best: 1080 × 1920 piksler, høykant (9:16).", pictures) < video
    assert text.index("3–60 sekunder per klipp", video) > video


def test_a_10000_character_word_wraps_in_well_under_a_second(tmp_path: Path) -> None:
    word = "https://fjordvik.kommune.no/" + "x" * 9972
    started = time.perf_counter()
    pdf = printed("nb", tmp_path, dataclasses.replace(FACTS, notes=word, news_url=word))
    assert time.perf_counter() - started < 1.0
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, timeout=60)
    lines = done.stdout.decode("utf-8").splitlines()
    assert max(len(line) for line in lines) < 130  # wrapped inside the page, not run off its edge
    assert "".join(lines).replace("\u200b", "").count("x" * 9972) == 0  # broken over many lines …
    assert read_text(pdf).count("x") >= 2 * 9972  # … and all there



def test_what_a_department_typed_prints_as_typed(tmp_path: Path) -> None:
    hostile = dataclasses.replace(FACTS, department='Miljø #set page(width: 1pt) *x* _y_ $z$', campaign="a ] b // c",
                                  notes='/* ikke en kommentar */ <etikett> @omtale \\ "sitat" #{panic()}')
    pdf = printed("nb", tmp_path, hostile)
    assert info(pdf)["Title"] == "Instagram-overtakelse: Miljø #set page(width: 1pt) *x* _y_ $z$"
    text = read_text(pdf)
    for typed in ("Miljø #set page(width: 1pt) *x* _y_ $z$", "a ] b // c",
                  '/* ikke en kommentar */ <etikett> @omtale \\ "sitat" #{panic()}'):
        assert typed in text, typed
