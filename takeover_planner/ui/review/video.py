"""Play a video frame in the phone preview with QtMultimedia, when this Qt has it.

The player is made only when the user presses Play (so a window with no video never starts a media
backend), renders into a QVideoSink, and hands each frame to the preview as an image.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QPushButton, QWidget

from takeover_planner.ui.review.phone_preview import PhonePreview

if TYPE_CHECKING:  # imported for real only on first play: importing it starts Qt's audio back-ends
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink

log = logging.getLogger(__name__)


def multimedia_available() -> bool:
    """Whether Qt Multimedia is installed, without importing it (importing starts its audio back-ends)."""
    import importlib.util

    try:
        return importlib.util.find_spec("PySide6.QtMultimedia") is not None
    except (ImportError, ValueError):
        return False


class VideoControl(QObject):
    def __init__(self, preview: PhonePreview, parent: QWidget) -> None:
        super().__init__(parent)
        self.preview = preview
        self.button = QPushButton(parent)
        self.button.setObjectName("playButton")
        self.button.clicked.connect(self.toggle)
        self._source: Path | None = None
        self._player: QMediaPlayer | None = None  # made on first play
        self._sink: QVideoSink | None = None
        self._audio: QAudioOutput | None = None
        self._available = multimedia_available()
        self.set_source(None)

    def retranslate(self) -> None:
        playing = self._player is not None and self._is_playing()
        self.button.setText(self.tr("Pause") if playing else self.tr("Play video"))
        if not self._available:
            self.button.setToolTip(self.tr("Video playback needs Qt Multimedia, which this installation lacks."))

    def set_source(self, path: Path | None) -> None:
        if path != self._source:
            self.stop()
        self._source = path
        self.button.setVisible(path is not None)
        self.button.setEnabled(path is not None and self._available)
        self.retranslate()

    def _is_playing(self) -> bool:
        if self._player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def toggle(self) -> None:
        if self._source is None or not self._available:
            return
        if self._player is None:
            from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoSink

            player, sink, audio = QMediaPlayer(self), QVideoSink(self), QAudioOutput(self)
            player.setAudioOutput(audio)
            player.setVideoSink(sink)
            sink.videoFrameChanged.connect(self._on_frame)
            player.setSource(QUrl.fromLocalFile(str(self._source)))
            self._player, self._sink, self._audio = player, sink, audio
        if self._is_playing():
            self._player.pause()
        else:
            self._player.play()
        self.retranslate()

    def _on_frame(self, frame: QVideoFrame) -> None:
        image = frame.toImage()
        if not image.isNull():
            self.preview.set_image(image)

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()
            self._player.deleteLater()
            self._player = None
            self._sink = None
            self._audio = None
