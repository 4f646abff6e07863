"""Progress reports and cancellation for long media work (a video transcode, a batch import).

A ``CancelToken`` is set from any thread (the GUI's Cancel button); the worker checks it between frames
and stops with ``Cancelled``, leaving no half-written file behind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

ProgressCallback = Callable[[float, str], None]  # (fraction 0–1, what is happening)


class Cancelled(Exception):
    """The user cancelled; nothing was written."""


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled("cancelled")


def no_progress(_fraction: float, _message: str) -> None:
    """The default progress callback: report nothing."""
