"""On-screen text burned into a story video, the way ``text_overlay`` burns it into a picture.

The Graph API has no text for stories, so a video frame's text reaches Instagram only inside its pictures. The
text's panel is drawn once (``text_overlay.text_panel``, the same drawing the pictures and the previews use) at
the story's size and laid over every decoded frame by FFmpeg's ``overlay`` filter in a small PyAV filter graph.
Everything else is the video fix's re-encode (``fix_video``): the clip is turned upright, fitted to 1080×1920
(so the panel sits in the phone's safe zone whatever the clip's shape), HDR tone-mapped, encoded as H.264
yuv420p tagged BT.709 with AAC sound in an MP4 with its index at the front. The result is always one file: a
clip too long for a story was refused long before it got here, and is not split now.
"""

from __future__ import annotations

import math
from dataclasses import replace
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import av.filter
from av.video.format import VideoFormat
from PIL import Image

from takeover_planner.media.fix_types import DEFAULT_FIX, FixOptions, FixRefused
from takeover_planner.media.fix_video import _Transcoder
from takeover_planner.media.model import MediaInfo
from takeover_planner.media.probe import probe_file
from takeover_planner.media.progress import CancelToken, ProgressCallback, no_progress
from takeover_planner.media.text_overlay import TextPanel, text_panel
from takeover_planner.texts.media import MediaText


def burn_text_into_video(source: Path, text: str, out: Path, *, options: FixOptions = DEFAULT_FIX,
                         progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> Path:
    """Write ``source`` with ``text`` over every frame to ``out`` (an MP4, written atomically); returns ``out``.

    Raises ``TextTooLong`` when the text cannot be set legibly (before any decoding), ``FixRefused`` when the
    file is not a video this app can re-encode."""
    options = replace(options, mode="pad", reencode=True, duration_range=(options.duration_range[0], math.inf))
    panel = text_panel(text, *options.target)
    info = probe_file(source)
    if info.kind != "video" or info.problem:
        raise FixRefused(MediaText.NOT_A_VIDEO, details=info.problem_facts(), file=source.name)
    try:
        (fixed,) = _TextTranscoder(source, out, info, options, progress, cancel, panel).run()
    except av.FFmpegError as exc:
        raise FixRefused(MediaText.VIDEO_UNCONVERTIBLE, details={"error": str(exc)}, file=source.name) from None
    return fixed.path


class _TextTranscoder(_Transcoder):
    """The video fix's re-encode with the panel laid over each frame between its filters and the encoder."""

    def __init__(self, source: Path, dest: Path, info: MediaInfo, options: FixOptions, progress: ProgressCallback,
                 cancel: CancelToken | None, panel: TextPanel) -> None:
        super().__init__(source, dest, info, options, progress, cancel)
        self._overlay = _Overlay(panel, options.target, self.plan.fps)

    def _video(self, frame: Any) -> None:
        # The held last picture of a short clip comes back as the frame already burned: not twice.
        if frame is not self.last_frame:
            frame = self._overlay.apply(frame)
        super()._video(frame)


class _Overlay:
    """buffer (the frame) + buffer (the panel, pushed once) → overlay → yuv420p → buffersink."""

    def __init__(self, panel: TextPanel, size: tuple[int, int], fps: Fraction) -> None:
        width, height = size
        self._time_base = 1 / fps
        graph = self._graph = av.filter.Graph()  # kept: its filters hold it only weakly
        self._main = graph.add_buffer(width=width, height=height, format=VideoFormat("yuv420p"),
                                      time_base=self._time_base)
        over = graph.add_buffer(width=panel.image.width, height=panel.image.height, format=VideoFormat("rgba"),
                                time_base=self._time_base)
        # eof_action=repeat: the panel's one picture stays for every frame after it; straight (not
        # premultiplied) alpha, as Pillow draws it. White and black are grey, so any RGB→YUV matrix gives the
        # same values: the panel looks as it does in the picture.
        blend = graph.add("overlay", f"x={panel.left}:y={panel.top}:eof_action=repeat:format=yuv420")
        self._main.link_to(blend, 0, 0)
        over.link_to(blend, 0, 1)
        convert = graph.add("format", "yuv420p")
        blend.link_to(convert)
        self._sink = graph.add("buffersink")
        convert.link_to(self._sink)
        graph.configure()
        picture = _rgba_frame(panel.image)
        picture.pts, picture.time_base = 0, self._time_base
        over.push(picture)
        over.push(None)
        self._count = 0

    def apply(self, frame: Any) -> Any:
        frame.pts, frame.time_base = self._count, self._time_base
        self._count += 1
        self._main.push(frame)
        return self._sink.pull()


def _rgba_frame(image: Image.Image) -> av.VideoFrame:
    """The panel as an ``rgba`` frame (``VideoFrame.from_image`` would drop its alpha), row by row into the
    frame's own line size."""
    frame = av.VideoFrame(image.width, image.height, "rgba")
    plane = frame.planes[0]
    row = image.width * 4
    data = image.tobytes()
    if plane.line_size == row:
        plane.update(data)
    else:
        padding = bytes(plane.line_size - row)
        plane.update(b"".join(data[y * row:(y + 1) * row] + padding for y in range(image.height)))
    return frame
