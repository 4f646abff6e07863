"""On-screen text burned into a story picture: the Graph API has no text or caption for stories, so a frame's
on-screen text reaches Instagram only inside the picture itself.

The text is set in a legible box — white letters on a dark, rounded, 72 % opaque panel, large enough to read on
a phone (about 5 % of the picture's width), broken into lines at word boundaries — and kept inside the story's
safe zone: clear of the top 14 % and the bottom 18 % where Instagram draws its own buttons (the same zones the
review screen's phone preview shades). The font covers æ, ø and å. A text that does not fit in the room it
may take (at most a third of the safe zone, at the smallest legible size) is refused with ``TextTooLong``
rather than shrunk into something nobody can read.

``text_panel`` draws the box once; pictures get it composited in (``burn_text``), videos over every frame
(``media/video_text.py``), and the review screen's phone preview draws the very same image.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from takeover_planner.fileio import atomic_write
from takeover_planner.media.fix_types import TextTooLong
from takeover_planner.texts.stories import StoriesText

SAFE_TOP = 250 / 1920  # Meta: keep text and logos out of the top ~14 % …
SAFE_BOTTOM = 340 / 1920  # … and the bottom ~18 %
SIDE_MARGIN = 0.08  # of the width, each side
SIZES = (0.05, 0.045, 0.04, 0.036)  # font size as a share of the width, largest first; 0.036 is the smallest
MAX_SHARE = 1 / 3  # of the safe zone's height the text box may take
STORY_WIDTH = 1080  # a story is shown at about this width; smaller pictures are set at this size too
_PADDING, _LINE_HEIGHT = 0.45, 1.25  # of the font size: inside the box, and from one line to the next
_GAP = 0.03  # of the height: between the box and the bottom of the safe zone
_OPACITY = 0.72  # of the dark box
FONTS = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf", "arialbd.ttf")
# The numbers above as the contributor kit's page needs them to set the text the same way in a browser
# (resources/kit/kit.js), where the same fonts are asked for by their family names.
BROWSER_LAYOUT = {"safe_top": SAFE_TOP, "safe_bottom": SAFE_BOTTOM, "side_margin": SIDE_MARGIN, "sizes": list(SIZES),
                  "max_share": MAX_SHARE, "story_width": STORY_WIDTH, "padding": _PADDING,
                  "line_height": _LINE_HEIGHT, "gap": _GAP, "opacity": _OPACITY,
                  "fonts": ["DejaVu Sans", "Liberation Sans", "Arial", "sans-serif"]}


@dataclass(frozen=True)
class TextBox:
    """Where the text goes in a picture of a given size (pixels)."""

    lines: tuple[str, ...]
    font_size: int
    left: int
    top: int
    right: int
    bottom: int
    padding: int
    line_height: int


@lru_cache(maxsize=32)  # the same few sizes again and again: a font file is read once, not per layout
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)  # Pillow's own scalable font also has æøå


def _wrap(text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: float) -> list[str] | None:
    """Lines of at most ``width`` pixels, broken between words (None: a single word is wider than that)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if font.getlength(candidate) <= width:
                line = candidate
            elif font.getlength(word) > width:
                return None
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return [line for line in lines if line] or None


def story_size(width: int, height: int) -> tuple[int, int]:
    """The size the text is set at: the picture's own, or scaled up to a story's width (the phone shows a small
    picture that large, so the letters are measured at that size)."""
    if width >= STORY_WIDTH:
        return width, height
    return STORY_WIDTH, round(height * STORY_WIDTH / width)


def text_fits(text: str, width: int, height: int) -> None:
    """Nothing when ``text`` can be set legibly in a picture of that size; TextTooLong otherwise."""
    layout_text(text, *story_size(width, height))


def layout_text(text: str, width: int, height: int) -> TextBox:
    """The box for ``text`` in a ``width`` × ``height`` picture, low in the safe zone (TextTooLong if none fits)."""
    safe_top, safe_bottom = round(height * SAFE_TOP), round(height * (1 - SAFE_BOTTOM))
    room = (safe_bottom - safe_top) * MAX_SHARE
    for share in SIZES:
        size = max(12, round(width * share))
        font = _font(size)
        padding, line_height = round(size * _PADDING), round(size * _LINE_HEIGHT)
        lines = _wrap(" ".join(text.split()) if "\n" not in text else text.strip(), font,
                      width * (1 - 2 * SIDE_MARGIN) - 2 * padding)
        if lines is None:
            continue
        box_height = len(lines) * line_height + 2 * padding
        if box_height > room:
            continue
        box_width = max(font.getlength(line) for line in lines) + 2 * padding
        left = round((width - box_width) / 2)
        bottom = safe_bottom - round(height * _GAP)
        return TextBox(tuple(lines), size, left, bottom - box_height, round(left + box_width), bottom, padding,
                       line_height)
    raise TextTooLong(StoriesText.TEXT_TOO_LONG, characters=len(text.strip()))


@dataclass(frozen=True)
class TextPanel:
    """The text set in its box, ready to lay over a picture or every frame of a video: an RGBA image the size of
    the box (transparent outside its rounded corners) and where its top left corner goes."""

    image: Image.Image
    left: int
    top: int
    box: TextBox


def text_panel(text: str, width: int, height: int) -> TextPanel:
    """``text`` drawn the way it is burned into a ``width`` × ``height`` picture (TextTooLong if it does not fit).

    One drawing serves the published picture, the published video (laid over every frame) and the previews,
    so what the reviewer sees is what goes out."""
    box = layout_text(text, width, height)
    panel = Image.new("RGBA", (box.right - box.left, box.bottom - box.top), (0, 0, 0, 0))
    draw = ImageDraw.Draw(panel)
    draw.rounded_rectangle((0, 0, panel.width - 1, panel.height - 1), radius=box.padding,
                           fill=(0, 0, 0, round(255 * _OPACITY)))
    font = _font(box.font_size)
    for number, line in enumerate(box.lines):
        y = box.padding + number * box.line_height
        x = (width - font.getlength(line)) / 2 - box.left
        draw.text((x, y), line, font=font, fill=(255, 255, 255, 255))
    return TextPanel(panel, box.left, box.top, box)


def burn_text(source: Path, text: str, out: Path, *, quality: int = 90) -> Path:
    """Write ``source`` with ``text`` set into it to ``out`` (a JPEG, written atomically); returns ``out``."""
    with Image.open(source) as opened:
        picture = ImageOps.exif_transpose(opened).convert("RGB")
    if picture.size != story_size(*picture.size):
        picture = picture.resize(story_size(*picture.size), Image.Resampling.LANCZOS)
    panel = text_panel(text, picture.width, picture.height)
    result = picture.convert("RGBA")
    result.alpha_composite(panel.image, (panel.left, panel.top))
    with atomic_write(out, "wb") as handle:
        result.convert("RGB").save(handle, "JPEG", quality=quality, optimize=True)
    return out
