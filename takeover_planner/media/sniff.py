"""Recognise a file by its first bytes, never by its name.

A ``.mp4`` may be a QuickTime movie, a ``.jpg`` may be a PNG or a text file; the extension only feeds
the "the name says something else" advice.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import PurePath

from takeover_planner.media.model import Kind

SNIFF_BYTES = 64

_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"}
_AVIF_BRANDS = {b"avif", b"avis"}
_MIAF_BRANDS = {b"mif1", b"msf1", b"miaf"}
_QUICKTIME_BOXES = {b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}

_EXTENSIONS = {
    ".jpg": "JPEG", ".jpeg": "JPEG", ".jpe": "JPEG", ".jfif": "JPEG",
    ".png": "PNG", ".apng": "PNG",
    ".heic": "HEIF", ".heif": "HEIF", ".hif": "HEIF",
    ".avif": "AVIF", ".avifs": "AVIF",
    ".webp": "WEBP", ".gif": "GIF", ".tif": "TIFF", ".tiff": "TIFF", ".bmp": "BMP", ".mpo": "MPO",
    ".mp4": "mp4", ".m4v": "mp4", ".mov": "mov", ".qt": "mov", ".webm": "webm", ".mkv": "matroska",
    ".avi": "avi", ".3gp": "3gp",
}


@dataclass(frozen=True)
class Sniffed:
    kind: Kind
    container: str  # JPEG, PNG, GIF, WEBP, TIFF, BMP, HEIF, AVIF; bmff, matroska, avi, mpegts; "" unknown


def sniff(head: bytes) -> Sniffed:
    """What the first bytes say the file is. ``head`` should hold at least SNIFF_BYTES bytes when the file does."""
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed("image", "JPEG")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("image", "PNG")
    if head.startswith((b"GIF87a", b"GIF89a")):
        return Sniffed("image", "GIF")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Sniffed("image", "WEBP")
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return Sniffed("video", "avi")
    if head.startswith((b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")):
        return Sniffed("image", "TIFF")
    if head.startswith(b"BM") and len(head) >= 26 and head[6:10] == b"\x00\x00\x00\x00":
        return Sniffed("image", "BMP")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return Sniffed("video", "matroska")
    if head[4:8] == b"ftyp":
        return _sniff_ftyp(head)
    if head[4:8] in _QUICKTIME_BOXES:
        return Sniffed("video", "bmff")  # an old QuickTime movie without an ftyp box
    if len(head) > 1 and head[0] == 0x47 and _looks_like_mpegts(head):
        return Sniffed("video", "mpegts")
    if head.startswith(b"\x00\x00\x01\xba"):
        return Sniffed("video", "mpegps")
    return Sniffed("unknown", "")


def _sniff_ftyp(head: bytes) -> Sniffed:
    size = int.from_bytes(head[0:4], "big")
    end = min(len(head), size if size >= 16 else len(head))
    brands = {head[8:12]} | {head[i:i + 4] for i in range(16, end - 3, 4)}
    major = head[8:12]
    if major in _AVIF_BRANDS or (major in _MIAF_BRANDS and brands & _AVIF_BRANDS and not brands & _HEIF_BRANDS):
        return Sniffed("image", "AVIF")
    if major in _HEIF_BRANDS or (major in _MIAF_BRANDS and brands & (_HEIF_BRANDS | _MIAF_BRANDS)):
        return Sniffed("image", "HEIF")
    if brands & _AVIF_BRANDS and not brands - _AVIF_BRANDS - _MIAF_BRANDS:
        return Sniffed("image", "AVIF")
    return Sniffed("video", "bmff")


def _looks_like_mpegts(head: bytes) -> bool:
    # One sync byte proves little; real transport streams repeat it every 188 bytes.
    return len(head) >= 189 and head[188] == 0x47


def extension_format(path: str | PurePath) -> str:
    return _EXTENSIONS.get(os.path.splitext(os.fspath(path))[1].lower(), "")


def same_family(claimed: str, found: str) -> bool:
    """Does the extension fit the content? (.jpg for an MPO, .mov for an MP4 and so on are close enough.)"""
    if not claimed or not found:
        return True
    families = ({"JPEG", "MPO"}, {"mp4", "mov", "3gp"}, {"webm", "matroska"}, {"HEIF"}, {"AVIF"})
    for family in families:
        if claimed in family:
            return found in family
    return claimed == found
