"""The review screen's phone preview shows a frame's on-screen text exactly as it will be burned in (issue 19):
the panel it draws covers the same place, scaled, as the text in the burned picture; a video's panel lies over
the whole 9:16 screen; a text too long to set shows its reason instead; sticker frames and frames set to go by
hand have no panel (their text is added on the phone)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops
from PySide6.QtGui import QColor, QImage

from takeover_planner.media.text_overlay import burn_text
from takeover_planner.services import media_service, stories
from takeover_planner.services.context import AppContext
from takeover_planner.services.story_views import FrameInfo
from takeover_planner.services.text_frames_setting import set_text_frames
from takeover_planner.services.text_preview import text_overlay_for
from takeover_planner.ui.review.phone_preview import PhonePreview
from tests.storage.stories_support import book_slot
from tests.unit.media.media_factory import write_clip

W, H = 1080, 1920
TEXT = "Velkommen til biblioteket – åpent på søndag!"


def _frame(ctx: AppContext, slot: int, path: Path, **fields: str) -> FrameInfo:
    asset = media_service.import_file(ctx, path).asset
    assert asset is not None
    return stories.add_frame(ctx, slot, original_asset_id=asset.id, **fields)


def _changed_box(a: QImage, b: QImage) -> tuple[int, int, int, int] | None:
    """Where two renderings of the widget differ (left, top, right, bottom; right and bottom exclusive)."""
    xs, ys = [], []
    for y in range(a.height()):
        for x in range(a.width()):
            if a.pixel(x, y) != b.pixel(x, y):
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs) + 1, max(ys) + 1) if xs else None


def _render(preview: PhonePreview) -> QImage:
    return preview.grab().toImage()


def test_the_preview_draws_the_text_where_it_is_burned_in(qtbot, sqlite_ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_ctx
    slot = book_slot(ctx)
    picture = tmp_path / "plakat.png"
    Image.new("RGB", (W, H), (90, 140, 200)).save(picture)
    frame = _frame(ctx, slot, picture, text=TEXT)
    overlay = text_overlay_for(ctx, frame)
    assert overlay is not None and not overlay.problem and not overlay.over_screen

    preview = PhonePreview()
    qtbot.addWidget(preview)
    preview.resize(360, 640)
    preview.set_safe_zones(False)
    image = QImage(W, H, QImage.Format.Format_RGB32)
    image.fill(QColor(90, 140, 200))
    preview.set_image(image)
    without = _render(preview)
    preview.set_text_overlay(overlay)
    with_text = _render(preview)
    drawn = _changed_box(without, with_text)
    assert drawn is not None, "the text is drawn"

    # The burned picture's text, scaled into the picture as the preview shows it.
    burned = Image.open(burn_text(picture, TEXT, tmp_path / "brent.jpg")).convert("RGB")
    box = ImageChops.difference(burned, Image.open(picture).convert("RGB")).convert("L").point(
        lambda v: 255 if v > 40 else 0).getbbox()
    assert box is not None
    target = preview.overlay_rect()
    screen = preview.screen_rect()
    scale = screen.width() / W  # the 9:16 picture fills the screen
    expected = (screen.left() + box[0] * scale, screen.top() + box[1] * scale,
                screen.left() + box[2] * scale, screen.top() + box[3] * scale)
    assert target is not None
    assert all(abs(d - e) <= 2.5 for d, e in zip(drawn, expected, strict=True)), (drawn, expected)
    assert screen.top() + screen.height() * 0.13 <= drawn[1] and drawn[3] <= screen.bottom() - screen.height() * 0.17


def test_video_sticker_too_long_and_by_hand(sqlite_ctx: AppContext, tmp_path: Path) -> None:
    ctx = sqlite_ctx
    slot = book_slot(ctx)
    clip = write_clip(tmp_path / "klipp.mp4", seconds=3.5)  # 320×568: fitted to the story before the text
    video = text_overlay_for(ctx, _frame(ctx, slot, clip, text=TEXT))
    assert video is not None and video.over_screen and (video.canvas_width, video.canvas_height) == (W, H)
    long = text_overlay_for(ctx, _frame(ctx, slot, clip, text="Les dette. " * 200))
    assert long is not None and long.problem and not long.rgba
    assert text_overlay_for(ctx, _frame(ctx, slot, clip, text=TEXT, sticker_kind="link",
                                        sticker_value="https://fjordvik.kommune.no")) is None
    set_text_frames(ctx, "handoff")
    assert text_overlay_for(ctx, _frame(ctx, slot, clip, text="Hei")) is None


def test_the_review_screen_previews_the_selected_frames_text(qtbot, planner, runner, translations,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path) -> None:
    from takeover_planner.ui.review import ReviewWindow

    ctx, slot = planner.ctx, planner.library_slot
    picture = tmp_path / "plakat.png"
    Image.new("RGB", (W, H), (90, 140, 200)).save(picture)
    with_text = _frame(ctx, slot, picture, text=TEXT).id
    without = _frame(ctx, slot, write_clip(tmp_path / "klipp.mp4", seconds=3.5)).id
    review = ReviewWindow(ctx, runner, slot)
    qtbot.addWidget(review)
    review.show()
    review.reload(select_frame=with_text)
    overlay = review.preview.text_overlay()
    assert overlay is not None and not overlay.over_screen and overlay.rgba
    review.select_frame(without)
    assert review.preview.text_overlay() is None
    review.close()
