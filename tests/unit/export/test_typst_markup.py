"""User text goes into Typst source as text, never as markup or code: hostile strings come out as typed."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from takeover_planner.exporting.typst_markup import breakable, clean, literal, markup
from takeover_planner.exporting.typst_pdf import compile_pdf, preamble

HOSTILE = [
    "#set page(width: 1pt)", "$x^2$", "*bold* and _emph_", "<label> @ref", "back\\slash \\", "a ] b [ c",
    "// not a comment", "/* not a comment */", '"quoted" \'single\'', "#{panic()}", "`raw`", "= heading",
    "- list", "+ enum", "1. numbered", "~ non-breaking", "#\"; #panic(); \"", "\\u{41}", "line\nbreak",
]


def test_literal_escapes_only_what_a_string_needs() -> None:
    assert literal('a"b\\c') == '"a\\"b\\\\c"'
    assert literal("line\nnext") == '"line\\nnext"'
    assert markup("x") == '#"x";'


def test_bidirectional_and_control_characters_are_dropped() -> None:
    assert clean("Bibliot\u202eeket\u2066x\u2069") == "Biblioteketx"
    assert clean("a\x00b\x1bc") == "a b c"


def test_only_long_words_get_break_chances() -> None:
    assert breakable("https://fjordvik.kommune.no/leseuka") == "https://fjordvik.kommune.no/leseuka"
    long = "x" * 95
    broken = breakable(f"kort {long}")
    assert broken.startswith("kort x") and broken.replace("\u200b", "") == f"kort {long}"
    assert all(len(part) <= 10 for part in broken.split()[1].split("\u200b"))


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_hostile_strings_print_as_typed() -> None:
    body = "\n\n".join(f"{markup(value)}.after" for value in HOSTILE)
    source = f"{preamble(title='Test', language='en', width=595, height=842)}\n#set page(margin: 20pt)\n{body}\n"
    data = compile_pdf(source)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, check=True, capture_output=True,
                          timeout=60).stdout.decode("utf-8")
    for value in HOSTILE:
        assert " ".join(value.split()) + ".after" in " ".join(text.split()), value


def test_right_to_left_override_cannot_reorder_the_printed_text() -> None:
    assert "\u202e" not in markup("invoice\u202efdp.exe")
