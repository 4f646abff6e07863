"""Bounds on every probe: how big a file we look at, how much we read, how long we take, how many pixels.

A hostile file must come back as a finding quickly, never as a crash, a hang or a memory blow-up.
"""

from __future__ import annotations

import time
from dataclasses import dataclass


@dataclass(frozen=True)
class ProbeLimits:
    # Larger files are not probed at all (a story video may be 100 MB; 4 GiB leaves room for raw camera files).
    max_file_bytes: int = 4 * 1024**3
    # Headers we parse ourselves (JPEG markers, ISO-BMFF boxes) are read at most this far.
    max_header_bytes: int = 16 * 1024**2
    # The largest phone sensors give 200 MP; a file that declares more is treated as a decompression bomb.
    max_image_pixels: int = 250_000_000
    # 8K is 33 MP; past 16384 × 8192 a video frame is not a phone's any more.
    max_video_pixels: int = 16384 * 8192
    # Wall-clock budget of one probe (FFmpeg's interrupt callback and our own parsers check it).
    max_seconds: float = 10.0
    # How much FFmpeg reads first to learn the streams' parameters (keeps 4K/8K probes cheap: it decodes
    # less); when that is not enough to learn the pixel format or frame rate, the probe asks again with
    # FFmpeg's defaults.
    probe_bytes: int = 64 * 1024


DEFAULT_LIMITS = ProbeLimits()


class ProbeTimeout(Exception):
    """The probe ran past its time budget."""


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self._end:
            raise ProbeTimeout(f"gave up after {self.seconds:g} s")

    @property
    def remaining(self) -> float:
        return max(0.0, self._end - time.monotonic())
