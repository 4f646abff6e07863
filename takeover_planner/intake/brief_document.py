"""The takeover brief as a printed letter, laid out without Qt: A4 portrait, usually two pages.

What it says: the title, the account, the days with their ISO weeks, the material deadline on the Oslo clock,
the comms contact, how to send material (open the brief package in the app), the format rules grouped for
people (from the rule set), the safe zone with a small drawing, the consent rules, stickers by hand, tips.

Like ``exporting.pdf`` this only decides what goes where, in PDF points from the top left;
``exporting.pdf_qt.render_pdf`` paints it. Paragraphs are broken into lines here, with a ``measure`` function
(text, size, bold → width in points): the painter's own metrics (``pdf_qt.text_width``) when a real PDF is
made, or ``estimate_width`` — a slightly generous guess, good for tests — otherwise. Blocks that must stay
together (a card, a bullet, a heading and what follows it) move to the next page whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from takeover_planner.domain.timekeeping import to_oslo
from takeover_planner.exporting.pdf import (
    GRID,
    INK,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Document,
    Item,
    Line,
    Page,
    Rect,
    Text,
)
from takeover_planner.intake.brief import STICKERS
from takeover_planner.intake.brief_rules import SAFE_BOTTOM_PX, SAFE_TOP_PX, RuleGroup
from takeover_planner.intake.brief_words import BriefWords, days_text, deadline_text, words_for
from takeover_planner.intake.manifest import BriefManifest

Measure = Callable[[str, float, bool], float]

PAGE_W, PAGE_H = PAGE_HEIGHT, PAGE_WIDTH  # A4 portrait
SIDE = 56.0
TOP = 48.0
FOOTER_Y = PAGE_H - 40.0
BOTTOM = FOOTER_Y - 14.0  # content ends here
WIDTH = PAGE_W - 2 * SIDE

ACCENT = "#2f6fde"
TINT = "#f3f6fc"
CARD = "#f7f8fa"
CONSENT_TINT = "#fdf5e6"
CONSENT_EDGE = "#d08a16"
NO_GO = "#f4cdd3"  # the bands a story's text should keep out of

BODY = 9.5
SMALL = 8.5
LEAD = 1.45  # line height as a multiple of the font size
BULLET_INDENT = 15.0
SECTION_GAP = 16.0


# --- measuring and breaking lines -----------------------------------------------------------------------

_NARROW = set(" ijl.,:;'!|()[]{}")


def estimate_width(text: str, size: float, bold: bool = False) -> float:
    """A Qt-free guess at a line's width in DejaVu Sans (the widest of the fonts the painter tries), a little
    on the generous side so that a line laid out with it never runs past its box."""
    units = 0.0
    for char in text:
        if char in _NARROW:
            units += 0.32
        elif char in "ftr-":
            units += 0.42
        elif char in "mwMW@%":
            units += 0.98
        elif char.isupper():
            units += 0.74
        else:
            units += 0.64
    return units * size * (1.1 if bold else 1.0) * 1.03


def wrap(text: str, width: float, size: float, bold: bool, measure: Measure) -> list[str]:
    """Greedy line breaking at spaces; a word wider than the line (a long address) is cut where it fits."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if measure(trial, size, bold) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        while len(word) > 1 and measure(word, size, bold) > width:
            cut = len(word) - 1
            while cut > 1 and measure(word[:cut], size, bold) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines or [""]


# --- what the letter is about ---------------------------------------------------------------------------


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


# --- blocks and the flow over pages ---------------------------------------------------------------------


@dataclass
class Block:
    height: float
    items: list[Item]  # laid out with the block's top at y = 0
    keep_with_next: bool = False
    after: float = 0.0  # space below it, dropped at the foot of a page


def _shift(items: list[Item], dy: float) -> list[Item]:
    moved: list[Item] = []
    for item in items:
        if isinstance(item, Line):
            moved.append(Line(item.x1, item.y1 + dy, item.x2, item.y2 + dy, item.color, item.width))
        elif isinstance(item, Rect):
            moved.append(Rect(item.x, item.y + dy, item.w, item.h, item.fill, item.stroke, item.stroke_width,
                              item.dashed))
        else:
            moved.append(Text(item.x, item.y + dy, item.w, item.h, item.text, item.size, item.bold, item.color,
                              item.align, item.strike, item.wrap))
    return moved


@dataclass
class _Flow:
    pages: list[list[Item]] = field(default_factory=lambda: [[]])
    y: float = TOP

    def add(self, blocks: Sequence[Block]) -> None:
        index = 0
        while index < len(blocks):
            chain = [blocks[index]]
            while chain[-1].keep_with_next and index + len(chain) < len(blocks):
                chain.append(blocks[index + len(chain)])
            need = sum(b.height + b.after for b in chain) - chain[-1].after
            if self.y + need > BOTTOM and self.y > TOP:
                self.pages.append([])
                self.y = TOP
            for block in chain:
                self.pages[-1].extend(_shift(block.items, self.y))
                self.y += block.height + block.after
            index += len(chain)


def _lines(lines: Sequence[str], x: float, y: float, width: float, size: float, *, bold: bool = False,
           color: str = INK) -> list[Item]:
    height = size * LEAD
    return [Text(x, y + i * height, width + 2, height, line, size, bold, color) for i, line in enumerate(lines)]


class _Writer:
    """Turns words into blocks with one measure function."""

    def __init__(self, measure: Measure) -> None:
        self.measure = measure

    def paragraph(self, text: str, *, x: float = SIDE, width: float = WIDTH, size: float = BODY,
                  bold: bool = False, color: str = INK, after: float = 4.0) -> Block:
        lines = wrap(text, width, size, bold, self.measure)
        return Block(len(lines) * size * LEAD, _lines(lines, x, 0, width, size, bold=bold, color=color), after=after)

    def heading(self, text: str, size: float = 12.5) -> Block:
        items: list[Item] = [Rect(SIDE, 3, 3, size * 1.05, fill=ACCENT),
                             Text(SIDE + 9, 0, WIDTH - 9, size * 1.4, text, size, True)]
        return Block(size * 1.4, items, keep_with_next=True, after=5)

    def bullet(self, text: str, *, x: float = SIDE, width: float = WIDTH, size: float = BODY,
               mark: str = "•", mark_color: str = ACCENT, after: float = 3.0) -> Block:
        lines = wrap(text, width - BULLET_INDENT, size, False, self.measure)
        items: list[Item] = [Text(x, 0, BULLET_INDENT, size * LEAD, mark, size, True, mark_color)]
        items += _lines(lines, x + BULLET_INDENT, 0, width - BULLET_INDENT, size)
        return Block(len(lines) * size * LEAD, items, after=after)

    def stack(self, blocks: Sequence[Block]) -> Block:
        """Blocks one under the other, as one block that is never split (the last one's space is kept)."""
        items: list[Item] = []
        y = 0.0
        for block in blocks:
            items += _shift(block.items, y)
            y += block.height + block.after
        last = blocks[-1].after if blocks else 0.0
        return Block(y - last, items, after=last)


# --- the parts of the letter ----------------------------------------------------------------------------


def _header(w: _Writer, letter: BriefLetter, words: BriefWords) -> list[Block]:
    s = letter.brief.slot
    account = f"{s.account} · @{s.account_handle}" if s.account_handle else s.account
    top: list[Item] = [
        Text(SIDE, 0, WIDTH / 2, 14, words.kind, 9.5, True, ACCENT),
        Text(SIDE + WIDTH / 2, 0, WIDTH / 2, 14, account, 9, color=MUTED, align="right"),
    ]
    title = words.title.format(department=s.department)
    title_lines = wrap(title, WIDTH, 21, True, w.measure)
    top += _lines(title_lines, SIDE, 20, WIDTH, 21, bold=True)
    height = 20 + len(title_lines) * 21 * 1.3
    top.append(Line(SIDE, height + 4, SIDE + WIDTH, height + 4, GRID, 0.6))
    greeting = words.greeting_to.format(name=letter.addressee.name) if letter.addressee else words.greeting
    handle = f"@{s.account_handle}" if s.account_handle else s.account
    return [
        Block(height + 4, top, after=12),
        w.paragraph(greeting, size=10.5, bold=True, after=2),
        w.paragraph(words.intro.format(account=handle), size=10.5, after=10),
    ]


def _facts(w: _Writer, letter: BriefLetter, words: BriefWords) -> Block:
    s = letter.brief.slot
    contact = letter.contact
    who = f"{contact.name}, {contact.title}" if contact.title else contact.name
    # Each value is one or more parts, each starting on a line of its own.
    rows: list[tuple[str, tuple[str, ...], bool]] = [
        (words.account, (f"{s.account} (@{s.account_handle})" if s.account_handle else s.account,), False),
        (words.days, (days_text(s.start, s.end, words),), False),
        (words.deadline, (deadline_text(s.material_deadline, words),), True),
    ]
    if s.campaign:
        rows.append((words.campaign, (s.campaign,), False))
    if s.news_url:
        rows.append((words.news, (s.news_url,), False))
    rows.append((words.contact, tuple(part for part in (who, contact.email, contact.phone) if part), False))
    pad, label_w = 12.0, 118.0
    value_x, value_w = SIDE + pad + label_w, WIDTH - 2 * pad - label_w
    items: list[Item] = []
    y = pad
    for label, parts, strong in rows:
        lines = [line for part in parts for line in wrap(part, value_w, BODY, strong, w.measure)]
        items.append(Text(SIDE + pad, y, label_w - 8, BODY * LEAD, label, SMALL, True, MUTED))
        items += _lines(lines, value_x, y, value_w, BODY, bold=strong)
        y += len(lines) * BODY * LEAD + 4
    height = y - 4 + pad
    return Block(height, [Rect(SIDE, 0, WIDTH, height, fill=TINT), Rect(SIDE, 0, 3, height, fill=ACCENT), *items],
                 after=SECTION_GAP)


def _notes(w: _Writer, letter: BriefLetter, words: BriefWords) -> list[Block]:
    notes = [part.strip() for part in letter.brief.slot.notes.splitlines() if part.strip()]
    if not notes:
        return []
    blocks = [w.heading(words.note)]
    for part in notes:
        # Line by line, so that a long note may run over a page end.
        for line in wrap(part, WIDTH, BODY, False, w.measure):
            blocks.append(Block(BODY * LEAD, _lines([line], SIDE, 0, WIDTH, BODY)))
        blocks[-1].after = 4
    blocks[-1].after = SECTION_GAP
    return blocks


def _send(w: _Writer, letter: BriefLetter, words: BriefWords) -> list[Block]:
    blocks = [w.heading(words.send_title)]
    for number, step in enumerate(words.steps, start=1):
        blocks.append(w.bullet(step.format(package=letter.package_name), mark=f"{number}."))
    blocks.append(w.paragraph(words.command.format(package=letter.package_name), x=SIDE + BULLET_INDENT,
                              width=WIDTH - BULLET_INDENT, size=SMALL, color=MUTED, after=2))
    block = w.paragraph(words.no_app, x=SIDE + BULLET_INDENT, width=WIDTH - BULLET_INDENT, size=SMALL,
                        color=MUTED, after=SECTION_GAP)
    return [*blocks, block]


def _card(w: _Writer, group: RuleGroup, x: float, width: float) -> tuple[list[Item], float]:
    pad = 10.0
    inner = [w.paragraph(group.title, x=x + pad, width=width - 2 * pad, size=10.5, bold=True, after=3)]
    inner += [w.bullet(line, x=x + pad, width=width - 2 * pad, size=9.0, after=2) for line in group.lines]
    body = w.stack(inner)
    return _shift(body.items, pad), body.height + 2 * pad


def _phone(x: float, y: float, width: float, height: float, label: str) -> list[Item]:
    top = height * SAFE_TOP_PX / 1920
    bottom = height * SAFE_BOTTOM_PX / 1920
    return [
        Rect(x, y, width, height, fill="#ffffff"),
        Rect(x, y, width, top, fill=NO_GO),
        Rect(x, y + height - bottom, width, bottom, fill=NO_GO),
        Rect(x, y, width, height, stroke=INK, stroke_width=1.0),
        Text(x, y + top, width, height - top - bottom, label, 7, color=MUTED, align="center"),
    ]


def _format(w: _Writer, letter: BriefLetter, words: BriefWords) -> list[Block]:
    groups = {g.key: g for g in letter.groups}
    blocks = [w.heading(words.format_title)]
    every = groups.get("all_files")
    if every is not None:
        blocks.append(w.paragraph(" ".join(every.lines), color=MUTED, after=8))
    gap = 14.0
    half = (WIDTH - gap) / 2
    shown = [g for g in (groups.get("pictures"), groups.get("video")) if g is not None]
    cards = [_card(w, g, SIDE + i * (half + gap), half) for i, g in enumerate(shown)]
    if cards:
        height = max(h for _items, h in cards)
        items: list[Item] = []
        for index, (card_items, _h) in enumerate(cards):
            items += [Rect(SIDE + index * (half + gap), 0, half, height, fill=CARD, stroke=GRID), *card_items]
        blocks.append(Block(height, items, after=12))
    safe = groups.get("safe_zone")
    if safe is not None:
        phone_w, phone_h = 40.0, 71.0
        text_x = SIDE + phone_w + 18
        text_w = WIDTH - phone_w - 18
        text = w.stack([w.paragraph(safe.title, x=text_x, width=text_w, size=10.5, bold=True, after=2),
                        *(w.paragraph(line, x=text_x, width=text_w, size=9.0, after=3) for line in safe.lines)])
        items = _phone(SIDE + 2, 0, phone_w, phone_h, "9:16") + text.items
        blocks.append(Block(max(text.height, phone_h), items, after=SECTION_GAP))
    return blocks


def _consent(w: _Writer, letter: BriefLetter, words: BriefWords) -> list[Block]:
    pad = 10.0
    inner = w.stack([w.bullet(line, x=SIDE + pad + 3, width=WIDTH - 2 * pad - 3, mark_color=CONSENT_EDGE)
                     for line in letter.brief.consent_rules.lines(letter.language)])
    height = inner.height + 2 * pad - 3
    items: list[Item] = [Rect(SIDE, 0, WIDTH, height, fill=CONSENT_TINT), Rect(SIDE, 0, 3, height, fill=CONSENT_EDGE),
                         *_shift(inner.items, pad)]
    return [w.heading(words.consent_title), Block(height, items, after=SECTION_GAP)]


def _stickers(w: _Writer, words: BriefWords) -> list[Block]:
    return [w.heading(words.stickers_title), w.paragraph(words.stickers, after=SECTION_GAP)]


def _tips(w: _Writer, letter: BriefLetter, words: BriefWords) -> list[Block]:
    stickers = set(STICKERS.lines(letter.language))  # they have a section of their own on paper
    tips = [t for t in letter.brief.tips.lines(letter.language) if t not in stickers]
    if not tips:
        return []
    blocks = [w.heading(words.tips_title), *(w.bullet(t) for t in tips)]
    blocks[-1].after = SECTION_GAP
    return blocks


def _closing(w: _Writer, letter: BriefLetter, words: BriefWords) -> list[Block]:
    contact = letter.contact
    reach = contact.reach()
    question = (words.questions_reach.format(name=contact.name, reach=reach) if reach
                else words.questions.format(name=contact.name))
    closing = w.paragraph(words.closing, size=10.5, bold=True, after=2)
    question_block = w.paragraph(question, after=12)
    signature = w.stack([w.paragraph(words.regards, after=2), w.paragraph(contact.name, bold=True, after=0),
                         *([w.paragraph(contact.title, color=MUTED, after=0)] if contact.title else [])])
    closing.keep_with_next = question_block.keep_with_next = True
    return [closing, question_block, signature]


def _footers(w: _Writer, pages: list[list[Item]], letter: BriefLetter, words: BriefWords) -> None:
    brief = letter.brief
    when = to_oslo(brief.created_at).strftime("%Y-%m-%d %H:%M")
    left = words.footer.format(department=brief.slot.department, when=when, who=brief.created_by)
    full = f"{left} · {words.rule_set.format(name=brief.rule_set)}"
    # The rule set's name is the first thing to go when a long name leaves no room; the painter shortens the rest.
    left = full if w.measure(full, 7, False) <= WIDTH - 72 else left
    for number, items in enumerate(pages, start=1):
        items.append(Line(SIDE, FOOTER_Y - 4, SIDE + WIDTH, FOOTER_Y - 4, GRID, 0.5))
        items.append(Text(SIDE, FOOTER_Y, WIDTH - 70, 11, left, 7, color=MUTED))
        items.append(Text(SIDE + WIDTH - 70, FOOTER_Y, 70, 11, words.page.format(page=number, pages=len(pages)),
                          7, color=MUTED, align="right"))


def layout_brief(letter: BriefLetter, measure: Measure = estimate_width) -> Document:
    """The brief as an A4 portrait document in ``letter.language``."""
    words = words_for(letter.language)
    w = _Writer(measure)
    flow = _Flow()
    flow.add(_header(w, letter, words))
    flow.add([_facts(w, letter, words)])
    for part in (_notes(w, letter, words), _send(w, letter, words), _format(w, letter, words),
                 _consent(w, letter, words), _stickers(w, words), _tips(w, letter, words),
                 _closing(w, letter, words)):
        flow.add(part)
    _footers(w, flow.pages, letter, words)
    title = words.title.format(department=letter.brief.slot.department)
    return Document(title, [Page("letter", title, items) for items in flow.pages], orientation="portrait")
