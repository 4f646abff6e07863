"""The on-screen text as the phone previews draw it (the review screen's, and the contributor window's): the very
panel that is burned into the published picture or video (``media/text_overlay.text_panel``), and where it goes.

A picture's text is set at the picture's story size and lies over the picture; a video is fitted to the whole
1080×1920 story before its text is burned in, so its panel lies over the whole screen. Frames whose text is not
burned in — sticker frames, and every text frame when ``publish.text_frames`` sends them to hand-off — have no
overlay: their text is added by hand on the phone. A text that cannot be set says why instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from takeover_planner.media.geometry import STORY_SIZE
from takeover_planner.media.text_overlay import TextTooLong, story_size, text_panel
from takeover_planner.publishing.text_frames import HANDOFF
from takeover_planner.services.context import AppContext
from takeover_planner.services.contributor_work import WorkFrame
from takeover_planner.services.story_views import FrameInfo
from takeover_planner.services.text_frames_setting import text_frames_choice


@dataclass(frozen=True)
class TextOverlay:
    """The panel as straight-alpha RGBA bytes (``width`` × ``height``), its place on a ``canvas_width`` ×
    ``canvas_height`` canvas, and whether that canvas is the whole 9:16 screen (a video) or the picture."""

    rgba: bytes
    width: int
    height: int
    left: int
    top: int
    canvas_width: int
    canvas_height: int
    over_screen: bool
    problem: str = ""  # set (and no panel) when the text cannot be set legibly: the reason, in words


@dataclass(frozen=True)
class BurnRequest:
    """What the burned text depends on: the text, the kind of file, its displayed size, and whether the file is
    fitted to the whole 1080×1920 story before the text goes in (a video always is; so is a picture that
    still has to be fixed, as "Fix it" makes it by default)."""

    text: str
    kind: str
    width: int | None
    height: int | None
    fitted: bool = False


def text_overlay_for(ctx: AppContext, frame: FrameInfo) -> TextOverlay | None:
    """What to draw over the preview of ``frame`` (None: nothing is burned into this frame)."""
    asset = frame.published_file
    if asset is None or frame.sticker_kind.strip() or text_frames_choice(ctx) == HANDOFF:
        return None
    return file_text_overlay(BurnRequest(frame.text, asset.kind, asset.display_width or asset.width,
                                         asset.display_height or asset.height))


def contributor_burn(frame: WorkFrame, *, by_hand: bool) -> BurnRequest | None:
    """What will be burned into a contributor's frame (None: nothing, or not known until the file is checked).

    A sticker frame goes by hand (the package keeps a sticker only with its value: ``contributor_work.to_draft``),
    and so does every text frame when ``by_hand`` (the ``publish.text_frames`` setting says ``handoff``). A file
    that must still be fixed cannot go as it is: it is set as the fix pads it, on the whole 1080×1920 story."""
    judgement = frame.judgement
    if by_hand or (frame.sticker_kind.strip() and frame.sticker_value.strip()) or judgement is None:
        return None
    info = judgement.info
    if not frame.text.strip() or info.kind not in ("image", "video"):
        return None
    must_fix = frame.fixed is None and any(f.severity == "error" for f in judgement.findings)
    return BurnRequest(frame.text, info.kind, info.display_width or info.width, info.display_height or info.height,
                       fitted=must_fix)


def file_text_overlay(request: BurnRequest) -> TextOverlay | None:
    """The text as it is burned into the file ``request`` describes (None: no text, or a file that takes none).
    Pure and thread-safe: the contributor window calls it off the GUI thread."""
    if not request.text.strip() or request.kind not in ("image", "video"):
        return None
    if request.kind == "video" or request.fitted:
        canvas, over_screen = STORY_SIZE, True
    else:
        if not request.width or not request.height:
            return None
        canvas, over_screen = story_size(request.width, request.height), False
    try:
        panel = text_panel(request.text, *canvas)
    except TextTooLong as exc:
        return TextOverlay(b"", 0, 0, 0, 0, canvas[0], canvas[1], over_screen, problem=exc.message)
    return TextOverlay(panel.image.tobytes(), panel.image.width, panel.image.height, panel.left, panel.top,
                       canvas[0], canvas[1], over_screen)
