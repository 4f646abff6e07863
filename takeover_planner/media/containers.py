"""Cheap structural checks that a header-only probe cannot make through Pillow: is the file complete?

Each reads only the end of the file, or walks block headers without decoding anything.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from takeover_planner.media.limits import Deadline

TAIL_BYTES = 64 * 1024
SHORT_TAIL_BYTES = 512
_CHUNK = 1024 * 1024


def read_tail(f: BinaryIO, size: int, count: int = TAIL_BYTES) -> bytes:
    start = max(0, size - count)
    f.seek(start)
    return f.read(size - start)


def jpeg_complete(f: BinaryIO, size: int, scan_start: int, deadline: Deadline) -> bool:
    """Does the first image's entropy-coded data end with an EOI marker?

    Inside scan data a 0xFF byte is always followed by 0x00 or a restart marker, so the first FF D9
    after the start of the scan is the end of the primary image. The tail usually holds it; files with
    an appended trailer (motion photos, gain maps) are searched from the scan start.
    """
    scan_start = max(0, min(scan_start, size))
    for window in (SHORT_TAIL_BYTES, TAIL_BYTES):  # nearly always the marker is in the last few bytes
        tail_start = max(scan_start, size - window)
        f.seek(tail_start)
        if b"\xff\xd9" in f.read(size - tail_start):
            return True
    position = scan_start
    carry = b""
    while position < tail_start:
        deadline.check()
        f.seek(position)
        chunk = f.read(min(_CHUNK, tail_start - position))
        if not chunk:
            break
        if b"\xff\xd9" in carry + chunk:
            return True
        carry = chunk[-1:]
        position += len(chunk)
    return False


def png_complete(tail: bytes) -> bool:
    return b"IEND" in tail


def webp_complete(head: bytes, size: int) -> bool:
    if len(head) < 8:
        return False
    declared = struct.unpack_from("<I", head, 4)[0] + 8
    return declared <= size


def gif_scan(f: BinaryIO, size: int, max_pixels: int, deadline: Deadline) -> tuple[int, bool, bool]:
    """Walk a GIF's blocks: (frames, complete, a frame reaches past the pixel budget).

    Pillow grows the canvas to a frame's extents, so a 100×100 GIF may still hold a 65535×65535 frame.
    """
    f.seek(0)
    header = f.read(13)
    if len(header) < 13:
        return 0, False, False
    width, height, flags = struct.unpack_from("<HHB", header, 6)
    position = 13 + (3 * (2 << (flags & 7)) if flags & 0x80 else 0)
    frames = 0
    right, bottom = width, height
    while position < size:
        deadline.check()
        f.seek(position)
        block = f.read(1)
        if not block:
            break
        if block == b";":
            return frames, True, right * bottom > max_pixels
        if block == b"!":
            position = _skip_sub_blocks(f, position + 2, size)
        elif block == b",":
            descriptor = f.read(9)
            if len(descriptor) < 9:
                break
            x, y, w, h, local = struct.unpack("<HHHHB", descriptor)
            right, bottom = max(right, x + w), max(bottom, y + h)
            frames += 1
            position += 10 + (3 * (2 << (local & 7)) if local & 0x80 else 0) + 1  # + LZW minimum code size
            position = _skip_sub_blocks(f, position, size)
        else:
            break
        if position < 0:
            break
    return frames, False, right * bottom > max_pixels


def _skip_sub_blocks(f: BinaryIO, position: int, size: int) -> int:
    while position < size:
        f.seek(position)
        length = f.read(1)
        if not length:
            return -1
        if length[0] == 0:
            return position + 1
        position += 1 + length[0]
    return -1


def matroska_complete(f: BinaryIO, size: int) -> bool:
    """Does the Segment reach as far as it says? (A live recording's unknown size counts as complete.)"""
    f.seek(0)
    head = f.read(64)
    position = 0
    for expected in (b"\x1a\x45\xdf\xa3", b"\x18\x53\x80\x67"):  # the EBML header, then the Segment
        if head[position:position + 4] != expected:
            return False
        length, value, unknown = _ebml_vint(head, position + 4)
        if length == 0:
            return False
        body = position + 4 + length
        if expected == b"\x18\x53\x80\x67":
            return unknown or body + value <= size
        position = body + value
        if position + 4 > len(head):
            f.seek(position)
            head = head[:position] + f.read(16)
            if len(head) < position + 12:
                return False
    return False


def _ebml_vint(data: bytes, at: int) -> tuple[int, int, bool]:
    """(length in bytes, value, all value bits set = unknown size)."""
    if at >= len(data) or data[at] == 0:
        return 0, 0, False
    first = data[at]
    length = 8 - first.bit_length() + 1
    if at + length > len(data):
        return 0, 0, False
    value = first & (0xFF >> length)
    for byte in data[at + 1:at + length]:
        value = (value << 8) | byte
    return length, value, value == (1 << (7 * length)) - 1
