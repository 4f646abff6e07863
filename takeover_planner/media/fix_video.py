"""Make story-ready MP4s from any clip with PyAV: remux when only the container is wrong, else re-encode.

Re-encoding gives H.264 (yuv420p, closed GOP, at most ``video_max_bitrate``) and AAC 48 kHz stereo in an
MP4 with its ``moov`` at the front and no edit lists, tagged BT.709 (primaries, transfer, matrix, limited
range) in the stream and the container. HDR (HLG, PQ, Dolby Vision's base layer) and wide-gamut clips are
tone-mapped to SDR BT.709 through a 3D LUT (``media.colour``); SDR clips keep their look (only a BT.601 or
full-range source is converted to BT.709 limited range). The picture is turned upright (display matrix),
fitted to 1080×1920 by cropping or padding on a blurred copy, the frame rate is clamped into 23–60 fps,
a clip shorter than 3 s is held on its last picture, and one longer than 60 s becomes several parts.
"""

from __future__ import annotations

import contextlib
import math
import queue
import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import av.filter

from takeover_planner.media.fix_types import DEFAULT_FIX, FixedFile, FixOptions, FixRefused
from takeover_planner.media.geometry import crop_box, fit_size
from takeover_planner.media.model import Finding, MediaInfo
from takeover_planner.media.outputs import atomic_output
from takeover_planner.media.progress import CancelToken, ProgressCallback, no_progress
from takeover_planner.media.video_colour import (
    frame_peak,
    frame_source,
    input_matrix,
    to_sdr_chain,
    video_colour,
)
from takeover_planner.texts.media import MediaText

_MUXER_OPTIONS = {"movflags": "+faststart", "use_editlist": "0"}
_AUDIO_RATE = 48_000
_AUDIO_FRAME = 1024
# Filters that turn the stored picture the way the display matrix says (as EXIF orientations).
_TURN_FILTERS: dict[int, list[tuple[str, str]]] = {
    1: [], 2: [("hflip", "")], 3: [("hflip", ""), ("vflip", "")], 4: [("vflip", "")],
    5: [("transpose", "cclock_flip")], 6: [("transpose", "clock")], 7: [("transpose", "clock_flip")],
    8: [("transpose", "cclock")],
}
# The padded background: a small blurred, darkened copy scaled up behind the picture.
_BACKGROUND_SHRINK = 8
_DARKEN = "y=val*0.55:u=128+(val-128)*0.8:v=128+(val-128)*0.8"
# What every re-encoded story says about its colours (H.273 codes: BT.709 primaries, transfer and matrix;
# AVCOL_RANGE_MPEG = limited range). x264 writes them into the stream's VUI, the MP4 muxer into a colr box.
_BT709 = 1
_LIMITED_RANGE = 1
# Our matrix names (media.probe_video) → the names FFmpeg's colorspace filter knows (BT.601 = bt470bg).
_COLORSPACE_MATRIX = {"bt601": "bt470bg", "bt709": "bt709", "bt2020": "bt2020ncl"}
# Dolby Vision profiles whose base layer no other player can show (5: IPT-PQ-c2, single layer, no compatible base).
DOLBY_VISION_WITHOUT_BASE = frozenset({5})


def needs_transcode(findings: list[Finding], force: bool = False) -> bool:
    """Re-encode only when an *error* needs it; a clip whose errors are all container details (moov, edit
    list, WebM→MP4 with good codecs) is remuxed. Advice (9:16, size, HDR) re-encodes only when asked."""
    return force or any(finding.fix == "transcode" and finding.severity == "error" for finding in findings)


def fix_video(source: Path, dest: Path, info: MediaInfo, findings: list[Finding], options: FixOptions = DEFAULT_FIX,
              progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> list[FixedFile]:
    """Write the derivative(s) for ``source``: ``dest`` itself, or ``dest`` with ``.part1``… for a long clip."""
    if info.kind != "video" or info.problem:
        raise FixRefused(MediaText.NOT_A_VIDEO, details=info.problem_facts(), file=source.name)
    if info.dolby_vision_profile in DOLBY_VISION_WITHOUT_BASE:
        # Its base layer is IPT-PQ-c2 (Dolby's own colours): read as YUV it turns green and purple, and kept as
        # it is (a remux) Instagram would show it so too.
        raise FixRefused(MediaText.DOLBY_VISION_ONLY, file=source.name, profile=info.dolby_vision_profile)
    try:
        # HDR or wide-gamut colours are advice, but a remux would keep them: such a clip is re-encoded.
        if not needs_transcode(findings, options.reencode) and not video_colour(info).needs_lut:
            return [_remux(source, dest, info, progress, cancel)]
        return _Transcoder(source, dest, info, options, progress, cancel).run()
    except av.FFmpegError as exc:
        raise FixRefused(MediaText.VIDEO_UNCONVERTIBLE, details={"error": str(exc)}, file=source.name) from None


# --- remux -----------------------------------------------------------------------------------------------

def _remux(source: Path, dest: Path, info: MediaInfo, progress: ProgressCallback,
           cancel: CancelToken | None) -> FixedFile:
    progress(0.0, "rewriting the container")
    with av.open(str(source)) as src, atomic_output(dest) as temp:
        video = src.streams.video[0]
        audio = next(iter(src.streams.audio), None)
        with av.open(str(temp), "w", format="mp4", options=_MUXER_OPTIONS) as out:
            out_video = out.add_stream_from_template(video)
            if info.orientation != 1:
                _set_orientation(out_video, info.orientation)
            out_audio = out.add_stream_from_template(audio) if audio is not None else None
            mapping: dict[int, Any] = {video.index: out_video}
            if audio is not None and out_audio is not None:
                mapping[audio.index] = out_audio
            streams = [video] + ([audio] if audio is not None else [])
            total = info.duration_s or 1.0
            for count, packet in enumerate(src.demux(streams)):
                if packet.dts is None:
                    continue  # the demuxer's end-of-stream marker
                if cancel is not None and count % 64 == 0:
                    cancel.raise_if_cancelled()
                packet.stream = mapping[packet.stream_index]
                out.mux(packet)
                if count % 256 == 0 and packet.pts is not None and packet.time_base is not None:
                    progress(min(0.99, float(packet.pts * packet.time_base) / total), "rewriting the container")
    progress(1.0, "done")
    recipe = {"kind": "video", "method": "remux", "steps": [
        "copied the video and sound unchanged into a new MP4", "moved the index (moov) to the front",
        "wrote no edit lists", "dropped metadata tracks and tags (location, device)"]}
    return FixedFile(dest, recipe)


def _set_orientation(stream: Any, orientation: int) -> None:
    """Keep the display matrix on a copied stream (degrees are counter-clockwise in PyAV, hflip after)."""
    turns = {2: (0, True), 3: (180, False), 4: (180, True), 5: (270, True), 6: (270, False),
             7: (90, True), 8: (90, False)}
    degrees, hflip = turns.get(orientation, (0, False))
    stream.set_display_rotation(degrees, hflip=hflip)


# --- transcode -------------------------------------------------------------------------------------------

@dataclass
class _Part:
    index: int
    start: float
    end: float
    temp_cm: Any = None
    temp: Path | None = None
    container: Any = None
    video: Any = None
    audio: Any = None
    frames: int = 0
    samples: int = 0
    path: Path | None = None


@dataclass
class _Plan:
    fps: Fraction
    total: float  # seconds of output in all
    parts: list[tuple[float, float]] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)


class _Transcoder:
    def __init__(self, source: Path, dest: Path, info: MediaInfo, options: FixOptions,
                 progress: ProgressCallback, cancel: CancelToken | None) -> None:
        self.source, self.dest, self.info, self.options = source, dest, info, options
        self.progress, self.cancel = progress, cancel
        self.plan = self._plan()
        self.finished: list[FixedFile] = []
        self.part: _Part | None = None
        self.part_index = -1
        self.audio_queue: deque[Any] = deque()
        self.audio_samples = 0
        self.has_audio = False
        self.last_frame: Any = None
        self.frame_index = 0

    def _plan(self) -> _Plan:
        info, options = self.info, self.options
        low, high = options.fps_range
        rate = Fraction(info.fps or 30).limit_denominator(1001)
        steps = []
        if rate < low:
            rate = Fraction(math.ceil(low) + 1)  # 24 for 23: a standard rate with a margin over the limit
            steps.append(f"raised the frame rate from {info.fps} to {rate} fps")
        elif rate > high:
            rate = Fraction(int(high))
            steps.append(f"lowered the frame rate from {info.fps} to {rate} fps")
        duration = info.duration_s or 0.0
        shortest, longest = options.duration_range
        total = duration
        if duration < shortest:
            total = shortest + options.hold_margin_s
            steps.append(f"held the last picture to make {duration:.2f} s last {total:.2f} s")
        count = max(1, math.ceil(total / longest)) if total > longest else 1
        length = total / count
        parts = [(index * length, (index + 1) * length if index < count - 1 else math.inf) for index in range(count)]
        if count > 1:
            steps.append(f"split {duration:.1f} s into {count} parts of {length:.1f} s")
        return _Plan(fps=rate, total=total, parts=parts, steps=steps)

    # The run: decode → filter graph → encoder(s) → MP4 part(s).
    def run(self) -> list[FixedFile]:
        self.progress(0.0, "re-encoding")
        try:
            with av.open(str(self.source)) as src:
                video = src.streams.video[0]
                video.codec_context.thread_type = "AUTO"
                audio = next(iter(src.streams.audio), None)
                self.has_audio = audio is not None
                graph: Any = None
                sink_steps: list[str] = []
                resampler = av.AudioResampler(format="fltp", layout="stereo", rate=_AUDIO_RATE,
                                              frame_size=_AUDIO_FRAME) if audio is not None else None
                self._next_part()
                streams = [video] + ([audio] if audio is not None else [])
                with _Decoder(src, streams) as decoder:
                    for kind, frame in decoder:
                        if kind == "video":
                            if graph is None:  # built for the first picture: it says what the frames carry
                                graph, sink_steps = self._graph(video, frame)
                            graph.push(frame)
                            self._drain(graph)
                        elif resampler is not None:
                            for chunk in resampler.resample(frame):
                                self._audio(chunk)
                if graph is not None:
                    graph.push(None)
                    self._drain(graph, final=True)
                if resampler is not None:
                    for chunk in resampler.resample(None):
                        self._audio(chunk)
            self._hold_last_frame()
            self._finish_part(final=True)
        except BaseException:
            self._abandon()
            raise
        self.progress(1.0, "done")
        steps = [*self.plan.steps, *sink_steps,
                 f"encoded H.264 yuv420p {self.options.target[0]}×{self.options.target[1]} at {self.plan.fps} fps "
                 f"(x264 {self.options.video_preset}, crf {self.options.video_crf}, "
                 f"at most {self.options.video_max_bitrate // 1_000_000} Mbit/s)",
                 "encoded the sound as AAC 48 kHz stereo" if self.has_audio else "no sound track",
                 "moov at the front, no edit lists, no metadata"]
        for fixed in self.finished:
            fixed.recipe["steps"] = steps
        return self.finished

    def _graph(self, video: Any, first: Any) -> tuple[Any, list[str]]:
        info, options = self.info, self.options
        graph = av.filter.Graph()
        node = frame_source(graph, first, video.time_base)
        steps: list[str] = []
        for name, argument in _TURN_FILTERS.get(info.orientation, []):
            node = _link(node, graph.add(name, argument))
        if info.orientation != 1:
            steps.append(f"turned the picture upright (display matrix as EXIF orientation {info.orientation})")
        shown_w = info.display_width or video.codec_context.width
        shown_h = info.display_height or video.codec_context.height
        target_w, target_h = options.target
        spec = video_colour(info, frame_peak(first))  # the stream's SEI may say the peak when the box did not
        if spec.needs_lut:
            # Tone-mapped at the size the story needs (the crop, or the fitted picture the pad starts from),
            # not at the camera's: the LUT's cost follows the pixels it sees.
            steps.append(spec.describe())
            if options.mode == "crop":
                left, top, right, bottom = crop_box(shown_w, shown_h, options.target, options.focus)
                node = _link(node, graph.add("crop", f"{right - left}:{bottom - top}:{left}:{top}"))
                shown_w, shown_h = right - left, bottom - top
                steps.append(f"cropped {right - left}×{bottom - top} around the focus point")
                node = to_sdr_chain(graph, node, info, spec, target_w, target_h)
            else:
                shown_w, shown_h = fit_size(shown_w, shown_h, options.target, even=True)
                node = to_sdr_chain(graph, node, info, spec, shown_w, shown_h)
        else:
            # Everything after this point works on 8-bit 4:2:0 BT.709 limited range (10-bit sources too).
            width, height = video.codec_context.width, video.codec_context.height
            if info.orientation in (5, 6, 7, 8):  # turned a quarter: the frames are now height × width
                width, height = height, width
            for name, argument in self._sdr_to_bt709(steps, width, height):
                node = _link(node, graph.add(name, argument))
        if options.mode == "crop" and not spec.needs_lut:
            left, top, right, bottom = crop_box(shown_w, shown_h, options.target, options.focus)
            node = _link(node, graph.add("crop", f"{right - left}:{bottom - top}:{left}:{top}"))
            node = _link(node, graph.add("scale", f"{target_w}:{target_h}"))
            steps.append(f"cropped {right - left}×{bottom - top} around the focus point")
        elif options.mode == "pad":
            split = graph.add("split", "2")
            node.link_to(split)
            fitted_w, fitted_h = fit_size(shown_w, shown_h, options.target, even=True)
            foreground = _link(split, graph.add("scale", f"{fitted_w}:{fitted_h}"), output=0)
            left, top, right, bottom = crop_box(shown_w, shown_h, options.target)
            small_w = max(2, target_w // _BACKGROUND_SHRINK // 2 * 2)
            small_h = max(2, target_h // _BACKGROUND_SHRINK // 2 * 2)
            back = _link(split, graph.add("crop", f"{right - left}:{bottom - top}:{left}:{top}"), output=1)
            back = _link(back, graph.add("scale", f"{small_w}:{small_h}"))
            back = _link(back, graph.add("gblur", "sigma=4"))
            back = _link(back, graph.add("lutyuv", _DARKEN))
            back = _link(back, graph.add("scale", f"{target_w}:{target_h}"))
            overlay = graph.add("overlay", f"{(target_w - fitted_w) // 2}:{(target_h - fitted_h) // 2}")
            back.link_to(overlay, 0, 0)
            foreground.link_to(overlay, 0, 1)
            node = overlay
            steps.append(f"fitted {fitted_w}×{fitted_h} on a blurred, darkened background")
        node = _link(node, graph.add("fps", f"{self.plan.fps.numerator}/{self.plan.fps.denominator}"))
        node = _link(node, graph.add("format", "yuv420p"))
        _link(node, graph.add("buffersink"))
        graph.configure()
        steps.append("tagged BT.709 (primaries, transfer, matrix, limited range)")
        return graph, steps

    def _sdr_to_bt709(self, steps: list[str], width: int, height: int) -> list[tuple[str, str]]:
        """The filters that bring an SDR picture to 8-bit 4:2:0 BT.709 limited range, keeping its look.

        An untagged clip is read the way players read it: BT.601 below 720 lines, BT.709 from there. Only the
        matrix and the range change (primaries and curve are declared equal): a phone's BT.601 tags describe
        how its YUV was made, and players show such clips without any gamut conversion.

        FFmpeg's ``colorspace`` filter does it, not ``scale``: swscale's YUV→YUV matrix conversion is off by one
        or two code values (darker, +3 % mean saturation on the corpus's BT.601 clips), and, left without a
        pinned output format, it kept a full-range clip's ``yuvj420p`` holding limited-range samples, which the
        next scaler read wrongly (+4 % more on a 4K Android clip)."""
        matrix, in_range = input_matrix(self.info, video_colour(self.info))
        if matrix == "bt709" and in_range == "tv":
            return [("format", "yuv420p")]
        steps.append(f"converted {'BT.601' if matrix == 'bt601' else matrix.upper()} "
                     f"{'full' if in_range == 'pc' else 'limited'} range to BT.709 limited range")
        space = _COLORSPACE_MATRIX.get(matrix, "bt709")
        convert = ("colorspace", f"ispace={space}:space=bt709:irange={in_range}:range=tv:iprimaries=bt709"
                                 ":primaries=bt709:itrc=bt709:trc=bt709:format=yuv420p")
        if width % 2 == 0 and height % 2 == 0:
            return [convert]
        # colorspace refuses odd sizes of subsampled formats: stretched by one pixel first (the fit or the crop
        # that follows resamples anyway), in the clip's own pixel format and range.
        return [("scale", f"w={width + width % 2}:h={height + height % 2}"), convert]

    def _drain(self, graph: Any, final: bool = False) -> None:
        while True:
            try:
                frame = graph.pull()
            except (av.BlockingIOError, av.EOFError):
                return
            self._video(frame)

    def _video(self, frame: Any) -> None:
        if self.cancel is not None and self.frame_index % 8 == 0:
            self.cancel.raise_if_cancelled()
        seconds = float(self.frame_index / self.plan.fps)
        while self.part is not None and seconds >= self.part.end:
            self._finish_part(final=False)
            self._next_part()
        assert self.part is not None
        frame.pts = self.part.frames
        frame.time_base = 1 / self.plan.fps
        frame.pict_type = av.video.frame.PictureType.NONE
        for packet in self.part.video.encode(frame):
            self.part.container.mux(packet)
        self.part.frames += 1
        self.frame_index += 1
        self.last_frame = frame
        if self.frame_index % 15 == 0:
            self.progress(min(0.99, seconds / max(self.plan.total, 0.001)), "re-encoding")

    def _hold_last_frame(self) -> None:
        if self.last_frame is None:
            raise FixRefused(MediaText.NO_PICTURE, file=self.source.name)
        while float(self.frame_index / self.plan.fps) < self.plan.total - 1e-6:
            self._video(self.last_frame)

    def _audio(self, chunk: Any) -> None:
        self.audio_queue.append(chunk)
        self._flush_audio()

    def _flush_audio(self, pad_to: float | None = None) -> None:
        part = self.part
        if part is None or part.audio is None:
            return
        while self.audio_queue:
            chunk = self.audio_queue[0]
            start = self.audio_samples / _AUDIO_RATE
            if start >= part.end:
                return  # it belongs to a later part
            self.audio_queue.popleft()
            self._encode_audio(part, chunk)
        while pad_to is not None and self.audio_samples / _AUDIO_RATE < pad_to:
            silence = av.AudioFrame(format="fltp", layout="stereo", samples=_AUDIO_FRAME)
            for plane in silence.planes:
                plane.update(bytes(plane.buffer_size))
            silence.sample_rate = _AUDIO_RATE
            self._encode_audio(part, silence)

    def _encode_audio(self, part: _Part, chunk: Any) -> None:
        chunk.pts = part.samples
        chunk.time_base = Fraction(1, _AUDIO_RATE)
        for packet in part.audio.encode(chunk):
            part.container.mux(packet)
        part.samples += chunk.samples
        self.audio_samples += chunk.samples

    def _next_part(self) -> None:
        self.part_index += 1
        start, end = self.plan.parts[self.part_index]
        count = len(self.plan.parts)
        path = self.dest if count == 1 else self.dest.with_name(f"{self.dest.stem}.part{self.part_index + 1}{self.dest.suffix}")
        part = _Part(index=self.part_index, start=start, end=end, path=path)
        part.temp_cm = atomic_output(path)
        part.temp = part.temp_cm.__enter__()
        part.container = av.open(str(part.temp), "w", format="mp4", options=_MUXER_OPTIONS)
        options = self.options
        stream = part.container.add_stream("libx264", rate=self.plan.fps)
        stream.width, stream.height = options.target
        stream.pix_fmt = "yuv420p"
        context = stream.codec_context
        context.color_primaries, context.color_trc, context.colorspace = _BT709, _BT709, _BT709
        context.color_range = _LIMITED_RANGE
        stream.codec_context.gop_size = max(1, round(float(self.plan.fps) * 2))
        # PyAV defaults to slice threads, which makes x264 use its slower sliced threading; FFmpeg's
        # command line lets x264 thread by frames, and so does this.
        stream.codec_context.thread_type = "AUTO"
        stream.options = {
            "preset": options.video_preset, "crf": str(options.video_crf), "profile": "high",
            "maxrate": str(options.video_max_bitrate), "bufsize": str(options.video_max_bitrate * 2),
            "x264-params": "open-gop=0",
        }
        part.video = stream
        if self.has_audio:
            audio = part.container.add_stream("aac", rate=_AUDIO_RATE, layout="stereo")
            audio.bit_rate = options.audio_bitrate
            part.audio = audio
        self.part = part
        self._flush_audio()

    def _finish_part(self, final: bool) -> None:
        part = self.part
        if part is None:
            return
        for packet in part.video.encode(None):
            part.container.mux(packet)
        if part.audio is not None:
            end = part.end if not final else self.frame_index / self.plan.fps
            if final:
                self._flush_audio(pad_to=float(end))
            for packet in part.audio.encode(None):
                part.container.mux(packet)
        part.container.close()
        part.temp_cm.__exit__(None, None, None)
        assert part.path is not None
        self.finished.append(FixedFile(part.path, {
            "kind": "video", "method": "transcode", "part": part.index + 1, "parts": len(self.plan.parts),
            "mode": self.options.mode, "target": list(self.options.target), "fps": str(self.plan.fps),
            "focus": [self.options.focus.x, self.options.focus.y],
        }))
        self.part = None

    def _abandon(self) -> None:
        """Close and delete whatever part was being written; finished parts are removed too."""
        part = self.part
        if part is not None:
            # The temp file is deleted below, whatever state the muxer was left in.
            with contextlib.suppress(av.FFmpegError, OSError, ValueError):
                part.container.close()
            part.temp_cm.__exit__(RuntimeError, RuntimeError("abandoned"), None)
            self.part = None
        for fixed in self.finished:
            fixed.path.unlink(missing_ok=True)
        self.finished = []


class _Decoder:
    """Demux and decode on a thread of its own, a few frames ahead of the filters and the encoder.

    FFmpeg's command line runs decoding, filtering and encoding side by side; PyAV releases the GIL inside
    the codecs, so a second thread gives the same overlap here. The queue is short: memory stays bounded.
    """

    _END = ("end", None)

    def __init__(self, container: Any, streams: list[Any]) -> None:
        self._container, self._streams = container, streams
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=8)
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="video-decode", daemon=True)

    def __enter__(self) -> _Decoder:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        while self._thread.is_alive():  # unblock a producer waiting on a full queue
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.05)
        self._thread.join()

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        while True:
            item = self._queue.get()
            if item is self._END:
                if self._error is not None:
                    raise self._error
                return
            yield item

    def _run(self) -> None:
        try:
            for packet in self._container.demux(self._streams):
                kind = packet.stream.type
                for frame in packet.decode():
                    if not self._put((kind, frame)):
                        return
        except BaseException as exc:  # handed to the consuming thread, which raises it
            self._error = exc
        finally:
            self._put(self._END)

    def _put(self, item: tuple[str, Any]) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False


def _link(node: Any, target: Any, output: int = 0) -> Any:
    node.link_to(target, output, 0)
    return target
