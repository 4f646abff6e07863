"""A lean JPEG header reader for the common case: one read, a marker walk, a minimal EXIF look-up.

Validating thousands of phone photos is dominated by header parsing; Pillow's general reader costs several
times more than the few facts the rules need (size, components, EXIF orientation, GPS position, ICC
profile, where the scan starts). Anything unusual — an MPF index (MPO, gain maps), a header longer than the
bytes read, a marker out of place — returns ``None`` and the caller falls back to Pillow.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass

HEADER_BYTES = 128 * 1024
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_NO_LENGTH = {0x01, *range(0xD0, 0xD9)}  # TEM, RSTn, SOI
_MODES = {1: "L", 3: "RGB", 4: "CMYK"}


@dataclass(frozen=True)
class JpegHeader:
    width: int
    height: int
    mode: str
    orientation: int  # 1–8 (invalid or missing: 1)
    has_gps: bool  # a real latitude/longitude
    icc: bytes | None
    scan_start: int  # first byte of entropy-coded data


def read_jpeg_header(data: bytes) -> JpegHeader | None:
    """Facts from the first bytes of a JPEG, or None when Pillow should read it instead."""
    if not data.startswith(b"\xff\xd8"):
        return None
    pos = 2
    size: tuple[int, int, int] | None = None
    exif: bytes | None = None
    icc_parts: dict[int, bytes] = {}
    length_of = struct.Struct(">H").unpack_from
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in _NO_LENGTH:
            pos += 2
            continue
        length = length_of(data, pos + 2)[0]
        end = pos + 2 + length
        if length < 2 or end > len(data):
            return None
        body = data[pos + 4:end]
        if marker == 0xDA:  # start of scan: the header is complete
            if size is None:
                return None
            height, width, components = size
            orientation, has_gps = _exif_facts(exif) if exif else (1, False)
            icc = b"".join(icc_parts[key] for key in sorted(icc_parts)) if icc_parts else None
            return JpegHeader(width, height, _MODES.get(components, ""), orientation, has_gps, icc, end)
        if marker in _SOF:
            if len(body) < 6 or size is not None:
                return None
            height, width = struct.unpack_from(">HH", body, 1)
            size = (height, width, body[5])
            if not width or not height or body[5] not in _MODES:
                return None
        elif marker == 0xE1 and body.startswith(b"Exif\x00\x00") and exif is None:
            exif = body[6:]
        elif marker == 0xE2:
            if body.startswith(b"MPF\x00"):
                return None  # multi-picture: Pillow decides between MPO and a JPEG with a gain map
            if body.startswith(b"ICC_PROFILE\x00") and len(body) > 14:
                icc_parts[body[12]] = body[14:]
        pos = end
    return None


def _exif_facts(tiff: bytes) -> tuple[int, bool]:
    """EXIF orientation and whether the GPS IFD holds a real position; unreadable EXIF counts as none."""
    try:
        order = {b"II": "<", b"MM": ">"}[tiff[:2]]
        ifd = struct.unpack_from(order + "I", tiff, 4)[0]
        orientation, gps_offset = 1, None
        for tag, kind, count, value_at in _entries(tiff, order, ifd):
            if tag == 0x0112 and kind == 3 and count >= 1:
                value = struct.unpack_from(order + "H", tiff, value_at)[0]
                orientation = value if 1 <= value <= 8 else 1
            elif tag == 0x8825 and kind in (4, 13):
                gps_offset = struct.unpack_from(order + "I", tiff, value_at)[0]
        has_gps = False
        if gps_offset is not None:
            degrees = {}
            for tag, kind, count, value_at in _entries(tiff, order, gps_offset):
                if tag in (2, 4) and kind == 5 and count == 3:
                    offset = struct.unpack_from(order + "I", tiff, value_at)[0]
                    parts = struct.unpack_from(order + "6I", tiff, offset)
                    degrees[tag] = _degrees(parts)
            has_gps = any(value != 0.0 for value in degrees.values())
        return orientation, has_gps
    except (KeyError, struct.error, IndexError):
        return 1, False


def _entries(tiff: bytes, order: str, ifd: int) -> list[tuple[int, int, int, int]]:
    count = struct.unpack_from(order + "H", tiff, ifd)[0]
    entries = []
    for index in range(min(count, 1000)):
        at = ifd + 2 + index * 12
        tag, kind, number = struct.unpack_from(order + "HHI", tiff, at)
        entries.append((tag, kind, number, at + 8))
    return entries


def _degrees(parts: tuple[int, ...]) -> float:
    total = 0.0
    for index, scale in enumerate((1.0, 60.0, 3600.0)):
        numerator, denominator = parts[2 * index], parts[2 * index + 1]
        if denominator == 0:
            continue
        value = numerator / denominator
        if math.isnan(value) or math.isinf(value):
            return 0.0
        total += value / scale
    return total
