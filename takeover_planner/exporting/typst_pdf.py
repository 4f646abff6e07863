"""Making tagged PDFs with Typst: fonts, the compiler, and the laid-out documents (calendar, report).

Why Typst (the ``typst`` package: the compiler in a wheel, no other program): it writes *tagged* PDF —
a structure tree with headings, tables with header cells, figures with alternative text, artifacts for
running footers, the document's title and language — and checks PDF/UA-1 while it writes, which Qt's
QPdfWriter cannot do. It also breaks lines and pages itself (the brief flows), embeds and subsets its fonts,
and runs without Qt, so the command line needs no GUI library to print.

Fonts are never looked up on the system (that differs between machines): DejaVu Sans from the folder where
Debian, Fedora or Arch put it, else the fonts Typst carries inside the wheel (Libertinus Serif).

``render_pdf`` turns a ``pdf.Document`` (items in PDF points from the top left) into Typst source: each
item is placed where the layout put it, a heading as a heading, a ``Table`` as a table with a header row,
a ``Figure`` as a figure read by its alternative text, an artifact outside the structure.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import typst
from PIL import ImageFont

from takeover_planner.exporting.pdf import (
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Document,
    Figure,
    Line,
    Rect,
    Table,
    Text,
)
from takeover_planner.exporting.typst_markup import color, literal, pt

Progress = Callable[[int, int], None]

SANS = "DejaVu Sans"
FALLBACK = "Libertinus Serif"  # inside the typst wheel
_FONT_FOLDERS = (
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian, Ubuntu (fonts-dejavu-core)
    Path("/usr/share/fonts/dejavu-sans-fonts"),  # Fedora
    Path("/usr/share/fonts/TTF"),  # Arch
)


@functools.cache
def _dejavu_folder() -> Path | None:
    return next((f for f in _FONT_FOLDERS if (f / "DejaVuSans.ttf").is_file()), None)


@functools.cache
def fonts() -> typst.Fonts:
    """The fonts every document may use: DejaVu Sans when it is installed, and Typst's own."""
    folder = _dejavu_folder()
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True,
                       font_paths=[str(folder)] if folder is not None else [])


def preamble(*, title: str, language: str, width: float, height: float, size: float = 8.0) -> str:
    """The settings every document starts with: title and language for readers, page size, the font."""
    return "\n".join([
        f"#set document(title: {literal(title)})",
        f'#set text(lang: "{_language(language)}", font: ("{SANS}", "{FALLBACK}"), size: {pt(size)}, '
        # No "fi"/"fl" ligatures: a reader would copy or search "ﬁl" instead of "fil".
        "ligatures: false)",
        f"#set page(width: {pt(width)}, height: {pt(height)}, margin: 0pt)",
        # A layout's headings look like the text item they are; the tag is what makes them headings.
        "#show heading: it => it.body",
        _FIT,
    ])


# ``fit(s, w)``: ``s`` on one line, shortened with "…" to the width ``w`` when it does not fit (binary
# search over grapheme clusters, measured in the text style in force where it is called).
_FIT = """#let fit(s, w) = context {
  if measure(s).width <= w { s } else {
    let cs = s.clusters()
    let (lo, hi) = (0, cs.len())
    while lo < hi {
      let mid = calc.div-euclid(lo + hi + 1, 2)
      if measure(cs.slice(0, mid).join() + "…").width <= w { lo = mid } else { hi = mid - 1 }
    }
    cs.slice(0, lo).join() + "…"
  }
}"""


def _language(language: str) -> str:
    return "nb" if language == "nb" else "en"


def compile_pdf(source: str, *, made: dt.datetime | None = None) -> bytes:
    """Typst source → PDF/UA-1 bytes (tagged). A Typst error here is a bug in the source we wrote."""
    # Whole seconds, in UTC: the PDF's date as Typst takes it (and a fixed one makes the bytes repeatable).
    stamp = made.astimezone(dt.UTC).replace(microsecond=0) if made is not None else None
    data = typst.compile(source.encode("utf-8"), font_paths=fonts(), ignore_system_fonts=True,
                         pdf_standards=["ua-1"], timestamp=stamp)
    assert isinstance(data, bytes)
    return data


# --- a laid-out document --------------------------------------------------------------------------------

@functools.cache
def _measuring_font(bold: bool) -> ImageFont.FreeTypeFont | None:
    folder = _dejavu_folder()
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    if folder is None or not (folder / name).is_file():
        return None
    return ImageFont.truetype(str(folder / name), 1000)


@functools.cache
def _advance(char: str, bold: bool) -> float:
    """A character's advance in em, from the font the PDF uses; 1 em (wider than nearly any letter) without it."""
    font = _measuring_font(bold)
    return 1.0 if font is None else font.getlength(char) / 1000


@functools.lru_cache(maxsize=65536)  # a list repeats its names, statuses and accounts on every page
def _em_width(text: str, bold: bool) -> float:
    return sum(_advance(char, bold) for char in text)


def estimate_width(text: str, size: float, bold: bool = False) -> float:
    """A line's width without kerning, which only narrows it: when this says a text fits, it does, and the
    renderer skips Typst's measuring (``fit``) for it — nearly every cell of a long list."""
    return _em_width(text, bold) * size * 1.01


Style = tuple[float, bool, str]  # size, bold, colour


def _style(item: Text) -> Style:
    return (item.size, item.bold, item.color)


def _text_args(style: Style) -> str:
    size, bold, fill = style
    weight = ', weight: "bold"' if bold else ""
    return f"{pt(size)}{weight}, fill: {color(fill)}"


def _body(item: Text, width: float) -> str:
    """The text of ``item`` as a string expression, shortened to ``width`` by Typst if it may not fit."""
    if item.wrap:
        return literal(item.text)
    value = literal(" ".join(item.text.split()))
    if item.swatch:
        width -= item.size + 3  # the square and the gap after it
    if estimate_width(item.text, item.size, item.bold) <= width:
        return value
    return f"fit({value}, {pt(width)})"


def _text(item: Text, width: float, inherited: Style | None = None) -> str:
    """The text of ``item`` in its style, to be put in a box ``width`` wide (no position); a cell in the
    style its table sets (``inherited``) is written as a bare string."""
    content = _body(item, width)
    if item.wrap and any(estimate_width(word, item.size, item.bold) > width for word in item.text.split()):
        # A word wider than its column ("Avslutninger") is hyphenated by the rules of the document's language.
        content = f"text({_text_args(_style(item))}, hyphenate: true, {content})"
    elif _style(item) != inherited:
        content = f"text({_text_args(_style(item))}, {content})"
    if item.strike:
        content = f"strike({content})"
    if item.heading:
        content = f"heading(level: {item.heading}, {content})"
    if item.swatch:
        content = f"[#box(square(size: {pt(item.size)}, fill: {color(item.swatch)}))#h(3pt)#{content}]"
    return content


def _place(x: float, y: float, body: str) -> str:
    return f"#place(top + left, dx: {pt(x)}, dy: {pt(y)}, {body})"


# DejaVu Sans's cap height in em: a line of text is that tall in Typst (from the cap height to the baseline).
_CAP_HEIGHT = 0.729


def _placed_text(item: Text, ox: float = 0.0, oy: float = 0.0) -> str:
    if not item.text or item.w <= 0:
        return ""
    if item.align == "left" and not item.wrap:
        # Centred in its box by position: a month page has thousands of these, and a box with an alignment
        # around each costs the compiler more than the text itself.
        body, y = _text(item, item.w), item.y + (item.h - _CAP_HEIGHT * item.size) / 2
    else:
        body, y = (f"box(width: {pt(item.w)}, height: {pt(item.h)}, "
                   f"align({item.align} + horizon, {_text(item, item.w)}))"), item.y
    if item.artifact:
        body = f"pdf.artifact({body})"
    return _place(item.x - ox, y - oy, body)


def _stroke(paint: str | None, width: float, dashed: bool = False) -> str:
    if not paint:
        return "none"
    dash = ', dash: "dashed"' if dashed else ""
    return f"(paint: {color(paint)}, thickness: {pt(width)}{dash})"


def _shape(item: Rect | Line, ox: float = 0.0, oy: float = 0.0) -> str:
    if isinstance(item, Line):
        return _place(0, 0, f"line(start: ({pt(item.x1 - ox)}, {pt(item.y1 - oy)}), "
                            f"end: ({pt(item.x2 - ox)}, {pt(item.y2 - oy)}), stroke: {_stroke(item.color, item.width)})")
    fill = color(item.fill) if item.fill else "none"
    return _place(item.x - ox, item.y - oy, f"rect(width: {pt(item.w)}, height: {pt(item.h)}, fill: {fill}, "
                                            f"stroke: {_stroke(item.stroke, item.stroke_width, item.dashed)})")


def _drawn(items: Iterable[Rect | Text | Line], ox: float = 0.0, oy: float = 0.0) -> list[str]:
    return [_placed_text(i, ox, oy) if isinstance(i, Text) else _shape(i, ox, oy) for i in items]


def _cell(item: Text, width: float, inherited: Style | None = None) -> str:
    return _text(item, width - 6, inherited) if item.text else "[]"


def _table(table: Table) -> str:
    """A table placed at its position; the columns carry the alignment of their header cells, and the style
    most cells share is set once, so that each ordinary cell is a bare string (a long list stays fast)."""
    styles = Counter(_style(cell) for row in table.rows for cell in row)
    common = styles.most_common(1)[0][0] if styles else None
    columns = ", ".join(pt(w) for w in table.columns)
    aligns = ", ".join(f"{cell.align} + horizon" for cell in table.header)
    fill = (f"(_, y) => if y > 0 and calc.even(y) {{ {color(table.zebra)} }}" if table.zebra else "none")
    header = ", ".join(_cell(c, w) for c, w in zip(table.header, table.columns, strict=True))
    rows = ",\n  ".join(", ".join(_cell(c, w, common) for c, w in zip(row, table.columns, strict=True))
                        for row in table.rows)
    setting = f"set text({_text_args(common)}); " if common else ""
    return _place(table.x, table.y, (
        f"{{ {setting}table(columns: ({columns},), rows: ({pt(table.header_height)}, {pt(table.row_height)}), "
        f"align: ({aligns},), inset: (x: 3pt, y: 0pt), stroke: none, fill: {fill},\n"
        f"  table.header({header}),\n"
        f"  table.hline(stroke: {_stroke(table.rule, table.rule_width)}),\n  {rows}) }}"))


def _figure(figure: Figure) -> str:
    inner = "\n".join(_drawn(figure.items, figure.x, figure.y))
    return _place(figure.x, figure.y, (
        f"figure(alt: {literal(figure.alt)}, kind: image, supplement: none, numbering: none, outlined: false, "
        f"box(width: {pt(figure.w)}, height: {pt(figure.h)}, [\n{inner}\n]))"))


def document_source(document: Document, progress: Progress | None = None) -> str:
    """The Typst source of a laid-out document; ``progress(page, pages)`` as each page is written."""
    parts = [preamble(title=document.title, language=document.language, width=PAGE_WIDTH, height=PAGE_HEIGHT)]
    total = len(document.pages)
    for number, page in enumerate(document.pages, start=1):
        if number > 1:
            parts.append("#pagebreak()")
        for item in page.items:
            if isinstance(item, Table):
                parts.append(_table(item))
            elif isinstance(item, Figure):
                parts.append(_figure(item))
            else:
                parts += _drawn([item])
        if progress is not None:
            progress(number, total)
    return "\n".join(part for part in parts if part)


def render_pdf(document: Document, progress: Progress | None = None, *, made: dt.datetime | None = None) -> bytes:
    """The document as tagged PDF bytes (the caller writes them atomically)."""
    return compile_pdf(document_source(document, progress), made=made)
