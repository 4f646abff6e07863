"""The selected frame on a phone, with its on-screen text exactly as it will be burned in.

The review screen's ``PhonePreview`` widget, fed from the contributor's work: the picture is the frame's
thumbnail (of the fixed copy once there is one), the text panel is the very drawing that is burned into the
published file (``services/text_preview.file_text_overlay`` → ``media/text_overlay.text_panel``): on the
picture for a picture that goes as it is (one that is not 9:16 is letterboxed, as the phone shows it), on the
whole screen for a video or a file that must still be fixed (as "Fix it" pads it). A sticker frame, or any
text frame when this computer posts text frames by hand, shows no panel; a text too long to set shows the reason
where the text would go.

Setting the text takes about 6–13 ms for a usual text and up to 50 ms for one that turns out too long (measured
on a two-core build machine), so it follows typing after a short pause and is drawn off the GUI thread; an answer that
arrives after the text has changed again is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from takeover_planner.services.contributor_work import WorkFrame
from takeover_planner.services.text_preview import (
    BurnRequest,
    TextOverlay,
    contributor_burn,
    file_text_overlay,
)
from takeover_planner.ui.review.phone_preview import PhonePreview
from takeover_planner.ui.tasks import TaskRunner

PAUSE_MS = 150  # after the last key press: short enough to feel live, long enough not to set every letter


class FramePreview(PhonePreview):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *, text_by_hand: bool = False) -> None:
        super().__init__(parent)
        # Smaller than the review screen's phone: the contributor window must fit a 1280×800 screen (issue 16).
        self.setMinimumSize(QSize(144, 256))
        self._runner = runner
        self._text_by_hand = text_by_hand
        self._frame: WorkFrame | None = None
        self._request: BurnRequest | None = None  # what the panel shown (or being set) was made from
        self._generation = 0  # bumped by every new request: older answers are dropped
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.refresh_text)

    def show_frame(self, frame: WorkFrame | None, image: QImage | None) -> None:
        """Show ``frame`` (its picture now, its text as soon as it is set)."""
        if frame is not self._frame:
            self._request = None
            self.set_text_overlay(None)  # never the last frame's text over this one's picture
        self._frame = frame
        waiting = frame is not None and image is None
        self.set_image(image, self.tr("Checking…") if waiting else "")
        self.refresh_text()

    def text_edited(self) -> None:
        """Something in the frame changed: set its text again after a short pause in the typing."""
        self._pause.start()

    def refresh_text(self) -> None:
        """Set the frame's text now (off the GUI thread), unless nothing it depends on changed."""
        self._pause.stop()
        frame = self._frame
        request = contributor_burn(frame, by_hand=self._text_by_hand) if frame is not None else None
        if request == self._request:
            return
        self._request = request
        self._generation += 1
        if request is None:
            self.set_text_overlay(None)
            return
        generation = self._generation

        def done(overlay: TextOverlay | None) -> None:
            if generation == self._generation:
                self.set_text_overlay(overlay)

        self._runner.run(lambda: file_text_overlay(request), on_done=done)

    def stop(self) -> None:
        """The window is closing: no more setting of text, and late answers are dropped."""
        self._pause.stop()
        self._generation += 1
