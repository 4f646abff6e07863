"""Writing Typst source safely: user text (department names, notes, addresses) always arrives as text.

Everything a user typed goes into the source as a Typst *string literal* made by ``literal`` — the one
escaping function. Inside a string only ``\\`` and ``"`` are special, so ``#``, ``$``, ``*``, ``_``, ``<``,
``@``, ``]``, ``//`` and ``/*`` stay plain characters; ``markup`` embeds such a string in markup mode and ends
the embedded expression with ``;`` so that text written after it (".", "(", "[") is never read as a method
call or an argument. Bidirectional controls (right-to-left override and friends) are dropped: in a printed
letter they only serve to make text read differently from what it is, and other control characters become
spaces. Typst markup written by the code itself (functions, lengths, colours) is made by the helpers below.
"""

from __future__ import annotations

import functools
import re

# LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI: invisible, and able to reorder a line.
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_OTHER_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"}
_NEEDS_ESCAPE = re.compile(r'[\\"\n\t]')

# A "word" longer than this (a long address, a pasted link) gets break chances, so it wraps inside its box;
# shorter ones (an ordinary web address) are left whole, so they copy and search as typed.
LONG_WORD = 40
_CHUNK = 10  # inside such a word, a break chance every this many characters (lines fill well, copy mostly whole)
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD + 1},}}")
_ZERO_WIDTH_SPACE = "\u200b"


def clean(value: str) -> str:
    """``value`` without bidirectional controls, other control characters (except newline and tab) as spaces."""
    return _OTHER_CONTROLS.sub(" ", value.translate(_BIDI_CONTROLS))


def literal(value: str) -> str:
    """``value`` as a Typst string literal (with quotes): in code mode it is text, never markup or code."""
    return '"' + _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group()], clean(value)) + '"'


def markup(value: str) -> str:
    """``value`` as text in markup mode (``#"…";``)."""
    return f"#{literal(value)};"


def breakable(value: str) -> str:
    """``value`` with a zero-width break chance after each slash, dot or hyphen of a word longer than
    ``LONG_WORD`` and every ``_CHUNK`` characters in between, so that Typst can wrap it (it lets a word it
    cannot break run off the page)."""

    def split(match: re.Match[str]) -> str:
        word = match.group()
        out: list[str] = []
        run = 0
        for char in word:
            out.append(char)
            run += 1
            if char in "/.-_?&=" or run >= _CHUNK:
                out.append(_ZERO_WIDTH_SPACE)
                run = 0
        return "".join(out).rstrip(_ZERO_WIDTH_SPACE)

    return _LONG_WORD.sub(split, value)


def pt(value: float) -> str:
    """A length in points, rounded to what any printer resolves."""
    return f"{value:.2f}pt"


@functools.lru_cache(maxsize=1024)  # a document has a handful of colours, asked for thousands of times
def color(value: str) -> str:
    """A ``#rrggbb`` colour as Typst code; anything else (a damaged setting) as the app's default blue."""
    hex_part = value.lstrip("#")
    if len(hex_part) != 6 or any(c not in "0123456789abcdefABCDEF" for c in hex_part):
        hex_part = "4a7bd0"
    return f'rgb("#{hex_part.lower()}")'
