"""The printed brief as a reader gets it: Qt paints the PDF, and poppler (independent of Qt) reads it back.

Uses the ``qapp`` fixture so that the process's Qt application is pytest-qt's QApplication (the adapter would
otherwise make a bare QGuiApplication, which widget tests later in the run cannot use).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from takeover_planner.intake import brief_document as bd
from takeover_planner.intake.brief import new_brief
from takeover_planner.intake.brief_rules import format_groups
from takeover_planner.intake.manifest import SlotFacts
from takeover_planner.media.rules import load_rules
from takeover_planner.services.packages import render_brief_pdf

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


def printed(language: str, folder: Path) -> Path:
    rules = load_rules()
    brief = new_brief(FACTS, rules, "Kari Kommunikasjon")
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
def test_the_pdf_reads_back_with_department_dates_deadline_rules_and_consent(qapp, tmp_path: Path,
                                                                              language: str) -> None:
    pdf = printed(language, tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF-")
    meta = info(pdf)
    assert meta["Pages"] == "2" and meta["Page size"].startswith("595") and "(A4)" in meta["Page size"]
    assert meta["Title"] == EXPECTED[language][0]
    text = read_text(pdf)
    for expected in EXPECTED[language]:
        assert expected in text, expected
    assert "\ufb01" not in text and "\ufb02" not in text  # no fi/fl ligatures: the text searches and copies as typed


def test_lines_break_with_the_painters_metrics_and_are_never_shortened(qapp, tmp_path: Path) -> None:
    """A line that did not fit would be cut with "…" by the painter; every sentence must come out whole."""
    text = read_text(printed("nb", tmp_path))
    rules = load_rules()
    for group in format_groups(rules, "nb"):
        for line in group.lines:
            assert " ".join(line.split()) in text, line
