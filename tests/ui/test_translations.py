"""Every string the window shows through tr() has a Bokmål translation, every plural has its English forms,
and the compiled catalogues (.qm) are the ones their sources (.ts) make.

The check runs ``pyside6-lupdate`` over the UI code into a copy of the committed catalogue: a new or changed
string shows up as unfinished there. Fix: run the commands in docs/ui.md ("Translations") and translate.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from takeover_planner.paths import resource

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "takeover_planner" / "ui"
TOOLS = Path(sys.executable).parent


def _tool(name: str) -> Path:
    path = TOOLS / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed (it comes with PySide6)")
        path = Path(found)
    return path


def _unfinished(ts: Path) -> list[str]:
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            kind = translation.get("type") if translation is not None else "missing"
            forms = [f.text for f in translation.iter("numerusform")] if translation is not None else []
            empty = translation is None or (not (translation.text or "").strip() and not any(forms))
            if kind in ("unfinished", "missing", "vanished", "obsolete") or empty or (forms and not all(forms)):
                problems.append(f"{name}: {source!r}")
    return problems


@pytest.mark.parametrize("language, plural_only", [("nb", False), ("en", True)])
def test_every_ui_string_is_translated(tmp_path: Path, language: str, plural_only: bool) -> None:
    lupdate = _tool("pyside6-lupdate")
    committed = resource("translations", f"takeover_planner_{language}.ts")
    work = tmp_path / committed.name
    shutil.copy(committed, work)
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    args = [str(lupdate), *sources, "-locations", "none", "-no-obsolete", "-ts", str(work)]
    if plural_only:
        args.insert(-2, "-pluralonly")
    subprocess.run(args, check=True, capture_output=True, timeout=120)
    problems = _unfinished(work)
    assert not problems, f"{len(problems)} string(s) without a {language} translation:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("language", ["nb", "en"])
def test_compiled_catalogue_matches_its_source(tmp_path: Path, language: str) -> None:
    lrelease = _tool("pyside6-lrelease")
    source = resource("translations", f"takeover_planner_{language}.ts")
    fresh = tmp_path / f"fresh_{language}.qm"
    subprocess.run([str(lrelease), str(source), "-qm", str(fresh)], check=True, capture_output=True, timeout=120)
    committed = resource("translations", f"takeover_planner_{language}.qm")
    assert committed.read_bytes() == fresh.read_bytes(), (
        f"{committed.name} is out of date: run pyside6-lrelease {source.name} (see docs/ui.md)")


def test_norwegian_words_follow_the_glossary() -> None:
    """The glossary's words, not synonyms: enhet, periode, sperreperiode, frist for materiell, avlyst …"""
    text = resource("translations", "takeover_planner_nb.ts").read_text(encoding="utf-8")
    for word in ("Enhet", "periode", "Sperreperiode", "Frist for materiell", "Avlyst", "Forespurt", "Booket",
                 "Bekreftet", "Gjennomført", "Kontaktperson", "endringsloggen", "storybilde"):
        assert word in text, word
    for avoided in ("Avdeling", "Reserver", "Tidsluke"):
        assert avoided not in text, avoided
