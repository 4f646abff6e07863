"""The takeover brief as a printed letter: A4 portrait, usually two pages, written as Typst source.

What it says: the title, the account, the days with their ISO weeks, the material deadline on the Oslo clock,
the comms contact, how to send material (open the brief package in the app), the format rules grouped for
people (from the rule set), the safe zone with a small drawing, the consent rules, stickers by hand, tips.

The brief goes to departments, so it is a public document and must be readable with a screen reader: it is
written as structure — a heading per section, numbered and bulleted lists, the facts as label/value rows,
the safe-zone drawing as a figure with a text alternative — and Typst lays it out, breaks lines (a long word
too, through ``typst_markup.breakable``) and pages, keeps a heading with what follows it, and writes a tagged
PDF whose reading order is the order written here (the two format cards one after the other). Every user
text goes through ``typst_markup`` and is text, never markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from takeover_planner.exporting.pdf import GRID, INK, MUTED, PAGE_HEIGHT, PAGE_WIDTH
from takeover_planner.exporting.typst_markup import breakable, color, literal, markup, pt
from takeover_planner.exporting.typst_pdf import compile_pdf, preamble
from takeover_planner.intake.brief import STICKERS
from takeover_planner.intake.brief_rules import SAFE_BOTTOM_PX, SAFE_TOP_PX, RuleGroup
from takeover_planner.intake.kit import kit_file_name
from takeover_planner.intake.manifest import BriefManifest
from takeover_planner.texts.brief import BriefText as B
from takeover_planner.texts.brief import BriefWords
from takeover_planner.texts.documents import DocumentText
from takeover_planner.texts.words import Word as W

PAGE_W, PAGE_H = PAGE_HEIGHT, PAGE_WIDTH  # A4 portrait
SIDE = 56.0
TOP = 48.0
FOOTER_Y = PAGE_H - 40.0
WIDTH = PAGE_W - 2 * SIDE

ACCENT = "#2f6fde"
TINT = "#f3f6fc"
CARD = "#f7f8fa"
CONSENT_TINT = "#fdf5e6"
CONSENT_EDGE = "#d08a16"
NO_GO = "#f4cdd3"  # the bands a story's text should keep out of

BODY = 9.5
SMALL = 8.5
LEADING = 0.72  # the gap between lines, in em: about 1.45 times the size from one line to the next
BULLET_INDENT = 15.0
# A format card's title is only a little larger than its lines and the lines are evenly spaced, so that a
# text extractor (pdftotext, a copy from a viewer) takes each card as one block and reads the cards one after
# the other instead of line by line across both (lines within 5 % of a size stay in one block).
CARD_TEXT = 9.0
CARD_TITLE = 9.4
SECTION_GAP = 16.0

# Where the page numbers go in the footer's words, filled in by Typst (only it knows the page count).
_PAGE_MARK, _PAGES_MARK = "\ue000", "\ue001"


@dataclass(frozen=True)
class Person:
    name: str
    email: str = ""
    phone: str = ""
    title: str = ""  # e.g. "kommunikasjonsrådgiver"

    def reach(self) -> str:
        return " · ".join(part for part in (self.email, self.phone) if part)


@dataclass(frozen=True)
class BriefLetter:
    brief: BriefManifest
    language: str  # "nb" or "en"
    groups: Sequence[RuleGroup]  # brief_rules.format_groups(rule set, language)
    contact: Person  # the comms team's person: whoever writes the brief
    addressee: Person | None = None  # the department's contact person
    package_name: str = "brief.zip"


# --- small pieces of source -----------------------------------------------------------------------------


def _escaped(value: str) -> str:
    """User or catalogue text in markup: escaped, and with break chances in words too long for a line."""
    return markup(breakable(value))


def _styled(value: str, *, size: float = BODY, bold: bool = False, fill: str = INK) -> str:
    weight = ', weight: "bold"' if bold else ""
    return f"#text(size: {pt(size)}{weight}, fill: {color(fill)})[{_escaped(value)}]"


def _paragraph(value: str, *, size: float = BODY, bold: bool = False, fill: str = INK, indent: float = 0.0,
               after: float = 4.0) -> str:
    body = _styled(value, size=size, bold=bold, fill=fill)
    # ``after`` is the space beyond an ordinary line gap, as between two lines of one paragraph.
    return f"#block(above: 0pt, below: {pt(after + size * LEADING)}, inset: (left: {pt(indent)}))[#par[{body}]]"


def _bullets(lines: Sequence[str], *, size: float = BODY, mark: str = ACCENT, gap: float = 3.0) -> str:
    items = "".join(f"[{_styled(line, size=size)}]," for line in lines)
    return (f"#list(marker: text(fill: {color(mark)}, weight: \"bold\")[•], indent: 0pt, body-indent: 8pt, "
            f"spacing: {pt(size * LEADING + gap)}, {items})")


def _heading(value: str, level: int = 2) -> str:
    return f"#heading(level: {level})[{_escaped(value)}]"


# The look of the headings (a bar in the accent colour before a section's name), lists and paragraphs.
_STYLE = f"""#set par(leading: {LEADING}em, spacing: {LEADING}em)
#set block(spacing: 0pt)
#show heading.where(level: 1): it => block(above: 14pt, below: 7pt, text(size: 21pt, weight: "bold", it.body))
#show heading.where(level: 2): it => block(above: {pt(SECTION_GAP)}, below: 7pt, sticky: true,
  grid(columns: (3pt, 1fr), column-gutter: 6pt,
    rect(width: 3pt, height: 13pt, fill: {color(ACCENT)}), text(size: 12.5pt, weight: "bold", it.body)))
#show heading.where(level: 3): it => block(above: 0pt, below: {pt(CARD_TEXT * LEADING)}, sticky: true,
  text(size: {pt(CARD_TITLE)}, weight: "bold", it.body))
#set list(tight: false)
#set enum(indent: 0pt, body-indent: 6pt, spacing: 6pt,
  numbering: n => text(fill: {color(ACCENT)}, weight: "bold")[#n.])
"""


# --- the parts of the letter ----------------------------------------------------------------------------


def _header(letter: BriefLetter, words: BriefWords) -> list[str]:
    s = letter.brief.slot
    account = f"{s.account} · @{s.account_handle}" if s.account_handle else s.account
    # A letter greets by first name ("Hei, Magnus!"), as the reminder e-mails do.
    first_name = letter.addressee.name.split()[0] if letter.addressee and letter.addressee.name.split() else ""
    greeting = words(B.GREETING_TO, name=first_name) if first_name else words(B.GREETING)
    handle = f"@{s.account_handle}" if s.account_handle else s.account
    return [
        f"#grid(columns: (auto, 1fr), {_styled(words(B.KIND), bold=True, fill=ACCENT).lstrip('#')}, "
        f"align(right, {_styled(account, size=9, fill=MUTED).lstrip('#')}))",
        _heading(words(B.TITLE, department=s.department), 1),
        f"#line(length: 100%, stroke: 0.6pt + {color(GRID)})",
        "#v(12pt)",
        _paragraph(greeting, size=10.5, bold=True, after=2),
        _paragraph(words(B.INTRO, account=handle), size=10.5, after=10),
    ]


def _facts(letter: BriefLetter, words: BriefWords) -> list[str]:
    s = letter.brief.slot
    contact = letter.contact
    who = f"{contact.name}, {contact.title}" if contact.title else contact.name
    # Each value is one or more parts, each starting on a line of its own.
    rows: list[tuple[str, tuple[str, ...], bool]] = [
        (words(W.ACCOUNT), (f"{s.account} (@{s.account_handle})" if s.account_handle else s.account,), False),
        (words(W.DAYS), (words.days_text(s.start, s.end),), False),
        (words(W.MATERIAL_DEADLINE), (words.deadline_text(s.material_deadline),), True),
    ]
    if s.campaign:
        rows.append((words(W.CAMPAIGN), (s.campaign,), False))
    if s.news_url:
        rows.append((words(B.NEWS), (s.news_url,), False))
    rows.append((words(B.CONTACT), tuple(part for part in (who, contact.email, contact.phone) if part), False))
    cells = []
    for label, parts, strong in rows:
        value = "#linebreak()".join(_styled(part, bold=strong) for part in parts)
        # The label is smaller: moved down by the difference in cap height, it shares the value's baseline.
        label_cell = f"pad(top: {pt((BODY - SMALL) * 0.729)})[{_styled(label, size=SMALL, bold=True, fill=MUTED)}]"
        cells.append(f"{label_cell}, [{value}]")
    return [
        f"#block(width: 100%, fill: {color(TINT)}, inset: (left: 15pt, rest: 12pt), "
        f"stroke: (left: 3pt + {color(ACCENT)}), below: {pt(SECTION_GAP)}, "
        f"grid(columns: (118pt, 1fr), row-gutter: {pt(4 + BODY * LEADING)}, {', '.join(cells)}))",
    ]


def _notes(letter: BriefLetter, words: BriefWords) -> list[str]:
    notes = [part.strip() for part in letter.brief.slot.notes.splitlines() if part.strip()]
    if not notes:
        return []
    return [_heading(words(B.NOTE)), *(_paragraph(part) for part in notes), f"#v({pt(SECTION_GAP - 4)})"]


def _send(letter: BriefLetter, words: BriefWords) -> list[str]:
    steps = "".join(f"[{_styled(step)}]," for step in words.steps(letter.package_name))
    return [
        _heading(words(B.SEND_TITLE)),
        f"#block(below: 6pt, enum({steps}))",
        _paragraph(words(B.COMMAND, package=letter.package_name), size=SMALL, fill=MUTED, indent=BULLET_INDENT,
                   after=2),
        _paragraph(words(B.NO_APP, kit=kit_file_name(letter.brief, words.language), package=letter.package_name),
                   size=SMALL, fill=MUTED, indent=BULLET_INDENT, after=0),
    ]


def _card(group: RuleGroup) -> str:
    return f"[{_heading(group.title, 3)}\n{_bullets(group.lines, size=CARD_TEXT, gap=0)}]"


def _phone(label: str, alt: str) -> str:
    width, height = 40.0, 71.0
    top, bottom = height * SAFE_TOP_PX / 1920, height * SAFE_BOTTOM_PX / 1920
    # The outline is drawn last, over the bands, like the frame of a phone.
    drawing = (f"box(width: {pt(width)}, height: {pt(height)}, fill: white, "
               f"{{ stack(rect(width: 100%, height: {pt(top)}, fill: {color(NO_GO)}), "
               f"box(width: 100%, height: {pt(height - top - bottom)}, "
               f"align(center + horizon, text(size: 7pt, fill: {color(MUTED)}, {literal(label)}))), "
               f"rect(width: 100%, height: {pt(bottom)}, fill: {color(NO_GO)})); "
               f"place(top + left, rect(width: 100%, height: 100%, stroke: 1pt + {color(INK)})) }})")
    return f"figure(alt: {literal(alt)}, kind: image, supplement: none, numbering: none, outlined: false, {drawing})"


def _format(letter: BriefLetter, words: BriefWords) -> list[str]:
    groups = {g.key: g for g in letter.groups}
    parts = [_heading(words(B.FORMAT_TITLE))]
    every = groups.get("all_files")
    if every is not None:
        parts.append(_paragraph(" ".join(every.lines), fill=MUTED, after=8))
    shown = [g for g in (groups.get("pictures"), groups.get("video")) if g is not None]
    if shown:
        # A grid row is as tall as its taller card; each card is read whole before the next.
        parts.append(f"#block(breakable: false, below: 12pt, grid(columns: (1fr, 1fr), column-gutter: 14pt, "
                     f"fill: {color(CARD)}, stroke: 0.5pt + {color(GRID)}, inset: 10pt, "
                     f"{', '.join(_card(g) for g in shown)}))")
    safe = groups.get("safe_zone")
    if safe is not None:
        text = "\n".join([_heading(safe.title, 3), *(_paragraph(line, size=9.0, after=3) for line in safe.lines)])
        alt = words(DocumentText.SAFE_ZONE_ALT)
        parts.append(f"#block(breakable: false, below: {pt(SECTION_GAP)}, grid(columns: (44pt, 1fr), "
                     f"column-gutter: 14pt, align(left, {_phone('9:16', alt)}), [{text}]))")
    return parts


def _consent(letter: BriefLetter, words: BriefWords) -> list[str]:
    lines = letter.brief.consent_rules.lines(letter.language)
    return [
        _heading(words(B.CONSENT_TITLE)),
        f"#block(width: 100%, breakable: false, fill: {color(CONSENT_TINT)}, inset: (left: 13pt, rest: 10pt), "
        f"stroke: (left: 3pt + {color(CONSENT_EDGE)}), below: {pt(SECTION_GAP)})"
        f"[{_bullets(lines, mark=CONSENT_EDGE)}]",
    ]


def _stickers(words: BriefWords) -> list[str]:
    return [_heading(words(B.STICKERS_TITLE)), _paragraph(words(B.STICKERS), after=SECTION_GAP)]


def _tips(letter: BriefLetter, words: BriefWords) -> list[str]:
    stickers = set(STICKERS.lines(letter.language))  # they have a section of their own on paper
    tips = [tip for tip in letter.brief.tips.lines(letter.language) if tip not in stickers]
    if not tips:
        return []
    return [_heading(words(B.TIPS_TITLE)), f"#block(below: {pt(SECTION_GAP)}, {_bullets(tips).lstrip('#')})"]


def _closing(letter: BriefLetter, words: BriefWords) -> list[str]:
    contact = letter.contact
    reach = contact.reach()
    question = (words(B.QUESTIONS_REACH, name=contact.name, reach=reach) if reach
                else words(B.QUESTIONS, name=contact.name))
    lines = [_paragraph(words(B.CLOSING), size=10.5, bold=True, after=2), _paragraph(question, after=12),
             _paragraph(words(B.REGARDS), after=2), _paragraph(contact.name, bold=True, after=0)]
    if contact.title:
        lines.append(_paragraph(contact.title, fill=MUTED, after=0))
    # The closing words, the question and the signature stay together on one page.
    return [f"#block(breakable: false)[\n{chr(10).join(lines)}\n]"]


def _footer(letter: BriefLetter, words: BriefWords) -> str:
    brief = letter.brief
    when = words.table_moment(brief.created_at)
    left = words(B.FOOTER, department=brief.slot.department, when=when, who=brief.created_by)
    full = f"{left} · {words(B.RULE_SET, name=brief.rule_set)}"
    before, rest = words(W.PAGE, page=_PAGE_MARK, pages=_PAGES_MARK).split(_PAGE_MARK)
    between, after = rest.split(_PAGES_MARK)
    pages = (f"{markup(before)}#counter(page).display(){markup(between)}"
             f"#str(counter(page).final().first()){markup(after)}")
    # The rule set's name is the first thing to go when a long name leaves no room; then the rest is shortened.
    return (f"#set page(footer-descent: 0pt, footer: text(size: 7pt, fill: {color(MUTED)}, context "
            f"block(width: 100%, stroke: (top: 0.5pt + {color(GRID)}), inset: (top: 4pt), "
            f"grid(columns: (1fr, 70pt), {{ let w = {pt(WIDTH - 72)}; "
            f"if measure({literal(full)}).width <= w {{ {literal(full)} }} else {{ fit({literal(left)}, w) }} }}, "
            f"align(right)[{pages}]))))")


def brief_title(letter: BriefLetter) -> str:
    return BriefWords(letter.language)(B.TITLE, department=letter.brief.slot.department)


def brief_source(letter: BriefLetter) -> str:
    """The brief as Typst source, in ``letter.language``."""
    words = BriefWords(letter.language)
    parts = [
        preamble(title=brief_title(letter), language=letter.language, width=PAGE_W, height=PAGE_H, size=BODY),
        f"#set page(margin: (x: {pt(SIDE)}, top: {pt(TOP)}, bottom: {pt(PAGE_H - FOOTER_Y + 14)}))",
        _footer(letter, words),
        _STYLE,
        *_header(letter, words),
        *_facts(letter, words),
    ]
    for section in (_notes(letter, words), _send(letter, words), _format(letter, words), _consent(letter, words),
                    _stickers(words), _tips(letter, words), _closing(letter, words)):
        parts += section
    return "\n".join(parts) + "\n"


def render_brief(letter: BriefLetter, *, made: dt.datetime | None = None) -> bytes:
    """The printed brief as tagged PDF bytes (PDF/UA-1)."""
    return compile_pdf(brief_source(letter), made=made or letter.brief.created_at)
