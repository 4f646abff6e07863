"""Codec set-up done once per process, on first use (not at import time).

pillow-heif registers its HEIF opener with Pillow; every module that opens images calls ``ensure_codecs``.
"""

from __future__ import annotations

import threading

_lock = threading.Lock()
_ready = False


def ensure_codecs() -> None:
    global _ready
    if _ready:
        return
    with _lock:
        if _ready:
            return
        import pillow_heif

        # Thumbnails inside HEIC files are read lazily; decoding in the probe never happens.
        pillow_heif.register_heif_opener()
        _ready = True
