"""Learn an image's facts from its headers: Pillow (and pillow-heif for HEIF) without decoding pixels.

The size, mode, EXIF orientation, GPS, ICC profile, alpha, animation and bit depth all sit in headers.
Completeness (a cut-off file) is checked from the file's end, not by decoding.
"""

from __future__ import annotations

import io
import math
import warnings
from functools import lru_cache
from struct import error as struct_error  # Pillow's header readers raise it on short data
from typing import Any, BinaryIO

from PIL import Image

from takeover_planner.media import bmff, containers
from takeover_planner.media.codecs import ensure_codecs
from takeover_planner.media.colour import HDR_TRANSFERS, PRIMARIES_BY_CODE, TRANSFER_BY_CODE, content_peak
from takeover_planner.media.jpeg_header import HEADER_BYTES, JpegHeader, read_jpeg_header
from takeover_planner.media.limits import Deadline, ProbeLimits
from takeover_planner.media.model import (
    PROBLEM_BOMB,
    PROBLEM_TRUNCATED,
    PROBLEM_UNREADABLE,
    MediaInfo,
)

EXIF_ORIENTATION = 0x0112
EXIF_GPS_IFD = 0x8825
_ALPHA_MODES = {"RGBA", "LA", "PA", "RGBa", "La", "I;16LA"}
# GIFs are walked block by block; small ones are read into memory in one go.
_GIF_IN_MEMORY = 16 * 1024 * 1024
_GAIN_MAP_XMP = b"http://ns.adobe.com/hdr-gain-map/"


def probe_image(f: BinaryIO, info: MediaInfo, container: str, head: bytes, limits: ProbeLimits,
                deadline: Deadline) -> None:
    """Fill ``info`` for an image whose first bytes said ``container``. Sets ``info.problem`` on trouble."""
    ensure_codecs()
    info.kind = "image"
    info.format = container
    if container == "HEIF":
        _probe_heif(f, info, limits, deadline)
        return
    if container == "JPEG":
        f.seek(0)
        start = f.read(HEADER_BYTES)
        # Ultra HDR (and Adobe's gain-map JPEGs) declare the gain map's XMP namespace in the first APP1 segment;
        # the picture itself is the SDR base image, used as it is.
        info.gain_map = "ultrahdr" if _GAIN_MAP_XMP in start else ""
        header = read_jpeg_header(start)
        if header is not None:
            _fill_from_jpeg_header(f, header, info, limits, deadline)
            return
        f.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns (and, under pytest, raises) between its two bomb limits; ours is checked below.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(f, formats=_PILLOW_FORMATS.get(container))
            # Pillow's JPEG reader stops right after the start-of-scan header: the entropy-coded data
            # (where only the end-of-image marker can hold FF D9) begins here.
            scan_start = f.tell()
    except Image.DecompressionBombError as exc:
        info.problem, info.problem_detail = PROBLEM_BOMB, str(exc)
        return
    except (OSError, ValueError, SyntaxError, EOFError, struct_error, IndexError, KeyError, TypeError) as exc:
        _unreadable_image(f, info, container, limits, deadline, exc)
        return
    with image:
        _fill_from_pillow(f, image, info, container, head, limits, deadline, scan_start)


_PILLOW_FORMATS = {
    "JPEG": ["JPEG", "MPO"], "PNG": ["PNG"], "GIF": ["GIF"], "WEBP": ["WEBP"], "TIFF": ["TIFF"],
    "BMP": ["BMP"], "AVIF": ["AVIF"],
}


def _fill_from_pillow(f: BinaryIO, image: Image.Image, info: MediaInfo, container: str, head: bytes,
                      limits: ProbeLimits, deadline: Deadline, scan_start: int) -> None:
    info.format = str(image.format or container)
    info.width, info.height = image.size
    info.mode = image.mode
    if info.width * info.height > limits.max_image_pixels:
        info.problem = PROBLEM_BOMB
        info.problem_detail = f"declares {info.width}×{info.height} pixels"
        return
    exif = _exif_of(image)
    orientation = exif.get(EXIF_ORIENTATION, 1) if exif is not None else 1
    info.orientation = orientation if isinstance(orientation, int) and 1 <= orientation <= 8 else 1
    info.has_gps = exif is not None and _has_position(exif)
    info.rotation, info.mirrored = bmff.ORIENTATION_TURN[info.orientation]
    info.display_width, info.display_height = bmff.display_size(info.width, info.height, info.orientation)
    info.has_alpha = image.mode in _ALPHA_MODES or "transparency" in image.info
    info.frame_count = _frame_count(image)
    _colour(info, image.mode, image.info.get("icc_profile"))
    if container == "PNG" and len(head) > 24:
        info.bit_depth = head[24]
    _check_complete(f, image, info, container, head, limits, deadline, scan_start)


def _fill_from_jpeg_header(f: BinaryIO, header: JpegHeader, info: MediaInfo, limits: ProbeLimits,
                           deadline: Deadline) -> None:
    """The fast path for a plain JPEG (see jpeg_header): the same facts Pillow would give."""
    info.format, info.mode = "JPEG", header.mode
    info.width, info.height = header.width, header.height
    if header.width * header.height > limits.max_image_pixels:
        info.problem, info.problem_detail = PROBLEM_BOMB, f"declares {header.width}×{header.height} pixels"
        return
    info.orientation, info.has_gps = header.orientation, header.has_gps
    info.rotation, info.mirrored = bmff.ORIENTATION_TURN[info.orientation]
    info.display_width, info.display_height = bmff.display_size(info.width, info.height, info.orientation)
    _colour(info, header.mode, header.icc)
    if not containers.jpeg_complete(f, info.size_bytes, header.scan_start, deadline):
        info.problem, info.problem_detail = PROBLEM_TRUNCATED, "no end-of-image marker"


def _frame_count(image: Image.Image) -> int:
    if image.format == "JPEG":
        return 1
    try:
        return int(getattr(image, "n_frames", 1))
    except (OSError, ValueError, EOFError, struct_error):
        return 1


def _check_complete(f: BinaryIO, image: Image.Image, info: MediaInfo, container: str, head: bytes,
                    limits: ProbeLimits, deadline: Deadline, scan_start: int) -> None:
    size = info.size_bytes
    if container == "JPEG":
        if not containers.jpeg_complete(f, size, scan_start if image.format == "JPEG" else 0, deadline):
            info.problem, info.problem_detail = PROBLEM_TRUNCATED, "no end-of-image marker"
    elif container == "PNG":
        if not containers.png_complete(containers.read_tail(f, size, 4096)):
            info.problem, info.problem_detail = PROBLEM_TRUNCATED, "no IEND chunk"
    elif container == "WEBP":
        if not containers.webp_complete(head, size):
            info.problem, info.problem_detail = PROBLEM_TRUNCATED, "shorter than its RIFF header says"
    elif container == "GIF":
        source: BinaryIO = f
        if size <= _GIF_IN_MEMORY:
            f.seek(0)
            source = io.BytesIO(f.read(size))
        frames, complete, bomb = containers.gif_scan(source, size, limits.max_image_pixels, deadline)
        if bomb:
            info.problem, info.problem_detail = PROBLEM_BOMB, "a frame reaches far past the canvas"
        elif not complete:
            info.problem, info.problem_detail = PROBLEM_TRUNCATED, "no GIF trailer"
        info.frame_count = max(info.frame_count, frames)
    elif container == "TIFF":
        if _tiff_data_end(image) > size:
            info.problem, info.problem_detail = PROBLEM_TRUNCATED, "image data points past the end of the file"
    elif container == "AVIF":
        _heif_container_facts(f, info, limits, deadline)


def _tiff_data_end(image: Image.Image) -> int:
    tags = getattr(image, "tag_v2", None)
    if tags is None:
        return 0
    end = 0
    for offsets_tag, counts_tag in ((273, 279), (324, 325)):
        offsets, counts = tags.get(offsets_tag), tags.get(counts_tag)
        if offsets is None or counts is None:
            continue
        offsets = offsets if isinstance(offsets, tuple) else (offsets,)
        counts = counts if isinstance(counts, tuple) else (counts,)
        for offset, count in zip(offsets, counts, strict=False):
            end = max(end, int(offset) + int(count))
    return end


def _probe_heif(f: BinaryIO, info: MediaInfo, limits: ProbeLimits, deadline: Deadline) -> None:
    # libheif applies the container's rotation and mirroring itself, so its size is the displayed size
    # and the EXIF orientation inside a HEIF must not be applied a second time.
    import pillow_heif

    facts = _heif_container_facts(f, info, limits, deadline)
    if info.problem:
        return
    if facts is not None and facts.width and facts.height and facts.width * facts.height > limits.max_image_pixels:
        info.problem, info.problem_detail = PROBLEM_BOMB, f"declares {facts.width}×{facts.height} pixels"
        return
    try:
        f.seek(0)
        heif = pillow_heif.open_heif(f, convert_hdr_to_8bit=False)
    except (ValueError, OSError, RuntimeError, EOFError) as exc:
        info.problem, info.problem_detail = PROBLEM_UNREADABLE, _short(exc)
        return
    info.width, info.height = heif.size
    info.display_width, info.display_height = heif.size
    info.mode = heif.mode
    if info.width * info.height > limits.max_image_pixels:
        info.problem, info.problem_detail = PROBLEM_BOMB, f"declares {info.width}×{info.height} pixels"
        return
    info.frame_count = 1  # several top-level HEIF images are alternatives (stereo, edits), not an animation
    info.has_alpha = heif.has_alpha
    info.bit_depth = int(heif.info.get("bit_depth") or 8)
    raw_exif = heif.info.get("exif")
    if raw_exif:
        exif = _load_exif(bytes(raw_exif))
        info.has_gps = exif is not None and _has_position(exif)
    _colour(info, heif.mode, heif.info.get("icc_profile"))
    nclx = heif.info.get("nclx_profile") or {}
    if isinstance(nclx, dict):
        transfer, primaries = int(nclx.get("transfer_characteristics") or 2), int(nclx.get("color_primaries") or 2)
        info.colour_transfer = info.colour_transfer or TRANSFER_BY_CODE.get(transfer, "")
        info.colour_primaries = info.colour_primaries or PRIMARIES_BY_CODE.get(primaries, "")
    info.hdr = info.colour_transfer in HDR_TRANSFERS


def _heif_container_facts(f: BinaryIO, info: MediaInfo, limits: ProbeLimits,
                          deadline: Deadline) -> bmff.HeifFacts | None:
    try:
        facts = bmff.read_heif_facts(f, info.size_bytes, limits.max_header_bytes, deadline)
    except bmff.BoxError as exc:
        info.problem, info.problem_detail = PROBLEM_UNREADABLE, str(exc)
        return None
    if facts.extents_past_end:
        info.problem, info.problem_detail = PROBLEM_TRUNCATED, "image data points past the end of the file"
    if facts.bit_depth:
        info.bit_depth = facts.bit_depth
    info.colour_transfer = facts.transfer or info.colour_transfer
    info.colour_primaries = facts.primaries or info.colour_primaries
    info.gain_map = facts.gain_map or info.gain_map
    info.hdr = info.colour_transfer in HDR_TRANSFERS
    info.hdr_peak_nits = content_peak(facts.max_cll, facts.mastering_peak)
    return facts


def _unreadable_image(f: BinaryIO, info: MediaInfo, container: str, limits: ProbeLimits, deadline: Deadline,
                      exc: BaseException) -> None:
    """Pillow refused the file; say why as precisely as the container lets us."""
    info.problem, info.problem_detail = PROBLEM_UNREADABLE, _short(exc)
    text = str(exc).lower()
    if "truncated" in text:
        info.problem = PROBLEM_TRUNCATED
    elif "too large" in text or "decompression bomb" in text:
        info.problem = PROBLEM_BOMB
    elif container == "AVIF":
        try:
            facts = bmff.read_heif_facts(f, info.size_bytes, limits.max_header_bytes, deadline)
        except bmff.BoxError:
            return
        if facts.width and facts.height:
            info.width, info.height = facts.width, facts.height
            if facts.width * facts.height > limits.max_image_pixels:
                info.problem = PROBLEM_BOMB
                info.problem_detail = f"declares {facts.width}×{facts.height} pixels"


def _exif_of(image: Image.Image) -> Image.Exif | None:
    # getexif() on a PNG decodes the whole image to look for a late eXIf chunk: read only what the
    # header already holds. Elsewhere getexif() reads the header's EXIF block (JPEG has parsed it already,
    # for the DPI, and caches it), which costs nothing more.
    if image.format == "PNG":
        raw = image.info.get("exif")
        return _load_exif(raw if isinstance(raw, bytes) else bytes(raw)) if raw else None
    try:
        return image.getexif()
    except (OSError, ValueError, SyntaxError, struct_error, EOFError, KeyError, TypeError):
        return None


def _load_exif(raw: bytes) -> Image.Exif | None:
    exif = Image.Exif()
    try:
        exif.load(raw)
    except (OSError, ValueError, SyntaxError, struct_error, EOFError, KeyError, TypeError):
        return None
    return exif


def _has_position(exif: Image.Exif) -> bool:
    """A GPS IFD with a real latitude and longitude (empty or 0/0 rationals and NaN are no position)."""
    if EXIF_GPS_IFD not in exif:
        return False
    try:
        gps = exif.get_ifd(EXIF_GPS_IFD)
    except (OSError, ValueError, SyntaxError, struct_error, EOFError, KeyError, TypeError):
        return False
    return _degrees(gps.get(2)) != 0.0 or _degrees(gps.get(4)) != 0.0


def _degrees(value: Any) -> float:
    if not isinstance(value, tuple | list):
        return 0.0
    total = 0.0
    for part, scale in zip(value, (1.0, 60.0, 3600.0), strict=False):
        try:
            number = float(part)
        except (TypeError, ValueError, ZeroDivisionError):
            return 0.0
        if math.isnan(number) or math.isinf(number):
            return 0.0
        total += abs(number) / scale
    return total


def _colour(info: MediaInfo, mode: str, icc: Any) -> None:
    if mode == "CMYK":
        info.colour_space = "cmyk"
        return
    if icc:
        description = _icc_description(bytes(icc))
        info.icc_description = description
        info.colour_space = "sRGB" if _is_srgb(description) else "other"
    else:
        info.colour_space = ""


def _is_srgb(description: str) -> bool:
    """An sRGB profile by its name; "DCI-P3 D65 Gamut with sRGB Transfer" (Samsung) is a wide gamut."""
    words = description.lower().replace(" ", "")
    return "srgb" in words and not any(wide in words for wide in ("p3", "2020", "adobe", "prophoto"))


@lru_cache(maxsize=64)
def _icc_description(icc: bytes) -> str:
    # Phones embed the same few profiles in every picture, so the parse is cached by the bytes.
    from PIL import ImageCms

    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return str(ImageCms.getProfileDescription(profile)).strip()
    except (OSError, ValueError, TypeError, ImageCms.PyCMSError):
        return "unreadable profile"


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "…"
