"""A small, bounded reader for ISO base media files (MP4, MOV, HEIF, AVIF).

FFmpeg and libheif do not tell us where the ``moov`` box sits, whether an edit list cuts the media,
what the display matrix says, or whether a HEIF item points past the end of the file. Those facts sit
in a handful of boxes, which this module reads without touching any media data. Every read is bounded
by the file size and a byte budget; malformed input raises ``BoxError``.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from takeover_planner.media.colour import PRIMARIES_BY_CODE, TRANSFER_BY_CODE
from takeover_planner.media.limits import Deadline

# A track that starts this late (an empty edit) or this far into its media is still "the whole clip".
MAX_HARMLESS_DELAY_S = 0.2


class BoxError(Exception):
    """The box structure is broken."""


@dataclass(frozen=True)
class Box:
    type: bytes
    offset: int  # of the header
    size: int  # including the header
    header: int  # header length (8, 16, or more for uuid)

    @property
    def body(self) -> int:
        return self.offset + self.header

    @property
    def end(self) -> int:
        return self.offset + self.size


@dataclass
class TrackInfo:
    handler: bytes = b""
    orientation: int = 1  # EXIF-style orientation equivalent of the display matrix
    edit_entries: int = 0
    edit_cuts: bool = False  # an edit list that does more than drop a few priming samples
    dolby_vision: bool = False  # the sample description carries a Dolby Vision configuration (dvcC/dvvC/dvwC)
    dolby_vision_profile: int = 0  # its profile (5: IPT-PQ-c2, no backward-compatible base layer; 8: HLG/HDR10 base)
    max_cll: int = 0  # clli/CoLL: the brightest pixel of the content, cd/m² (0: not said)
    mastering_peak: float = 0.0  # mdcv/SmDm: the mastering display's peak luminance, cd/m² (0: not said)


@dataclass
class MovieLayout:
    major_brand: bytes = b""
    compatible: list[bytes] = field(default_factory=list)
    moov_offset: int | None = None
    mdat_offset: int | None = None
    truncated: bool = False
    tracks: list[TrackInfo] = field(default_factory=list)

    @property
    def moov_at_front(self) -> bool | None:
        if self.moov_offset is None:
            return None
        return self.mdat_offset is None or self.moov_offset < self.mdat_offset

    @property
    def is_quicktime(self) -> bool:
        return self.major_brand == b"qt  "

    def video_track(self) -> TrackInfo | None:
        return next((t for t in self.tracks if t.handler == b"vide"), None)


@dataclass
class HeifFacts:
    width: int | None = None
    height: int | None = None
    bit_depth: int | None = None
    transfer: str = ""  # "pq", "hlg", "srgb" or "" (media/colour.py's names)
    primaries: str = ""  # "bt709", "bt2020", "p3", … or "" when no nclx box says
    gain_map: str = ""  # "heif_aux" (an hdrgainmap auxiliary image: Apple, Samsung), "iso" (a tmap item), ""
    extents_past_end: bool = False
    max_cll: int = 0  # a clli property: the brightest pixel, cd/m² (0: not said)
    mastering_peak: float = 0.0  # an mdcv property: the mastering display's peak luminance, cd/m² (0: not said)


def iter_boxes(f: BinaryIO, start: int, end: int, deadline: Deadline | None = None) -> Iterator[Box]:
    """The boxes between ``start`` and ``end``; a box that claims to reach past ``end`` is yielded as is."""
    pos = start
    while pos + 8 <= end:
        if deadline is not None:
            deadline.check()
        f.seek(pos)
        head = f.read(8)
        if len(head) < 8:
            return
        size, kind = struct.unpack(">I4s", head)
        header = 8
        if size == 1:
            large = f.read(8)
            if len(large) < 8:
                raise BoxError("box header cut short")
            size = struct.unpack(">Q", large)[0]
            header = 16
        elif size == 0:
            size = end - pos
        if size < header:
            raise BoxError(f"box {kind!r} at {pos} has an impossible size {size}")
        yield Box(kind, pos, size, header)
        pos += size


def read_body(f: BinaryIO, box: Box, limit: int) -> bytes:
    length = box.size - box.header
    if length > limit:
        raise BoxError(f"box {box.type!r} is larger than the {limit}-byte budget")
    f.seek(box.body)
    data = f.read(length)
    if len(data) < length:
        raise BoxError(f"box {box.type!r} is cut short")
    return data


def read_movie_layout(f: BinaryIO, file_size: int, max_header_bytes: int, deadline: Deadline) -> MovieLayout:
    layout = MovieLayout()
    for box in iter_boxes(f, 0, file_size, deadline):
        if box.type == b"ftyp":
            body = read_body(f, box, 4096)
            layout.major_brand = body[0:4]
            layout.compatible = [body[i:i + 4] for i in range(8, len(body) - 3, 4)]
        elif box.type == b"moov" and layout.moov_offset is None:
            layout.moov_offset = box.offset
            if box.end > file_size:
                layout.truncated = True
                break
            layout.tracks = _read_tracks(f, box, max_header_bytes, deadline)
        elif box.type == b"mdat" and layout.mdat_offset is None:
            layout.mdat_offset = box.offset
            if box.end > file_size:
                layout.truncated = True
        elif box.end > file_size and (layout.moov_offset is None or layout.mdat_offset is None):
            layout.truncated = True
        if layout.moov_offset is not None and layout.mdat_offset is not None and layout.moov_offset > layout.mdat_offset:
            break  # everything we need is known; trailers (Samsung's SEF) may follow
    return layout


def _read_tracks(f: BinaryIO, moov: Box, budget: int, deadline: Deadline) -> list[TrackInfo]:
    movie_scale = 0
    tracks: list[TrackInfo] = []
    for child in iter_boxes(f, moov.body, moov.end, deadline):
        if child.type == b"mvhd":
            body = read_body(f, child, 256)
            movie_scale = _timescale(body)
        elif child.type == b"trak":
            tracks.append(_read_track(f, child, budget, deadline, movie_scale))
    return tracks


def _read_track(f: BinaryIO, trak: Box, budget: int, deadline: Deadline, movie_scale: int) -> TrackInfo:
    track = TrackInfo()
    edits: list[tuple[int, int, float]] = []
    media_scale = 0
    for child in iter_boxes(f, trak.body, trak.end, deadline):
        if child.type == b"tkhd":
            track.orientation = _matrix_orientation(read_body(f, child, 512))
        elif child.type == b"edts":
            for sub in iter_boxes(f, child.body, child.end, deadline):
                if sub.type == b"elst":
                    edits = _edit_entries(read_body(f, sub, budget))
        elif child.type == b"mdia":
            for sub in iter_boxes(f, child.body, child.end, deadline):
                if sub.type == b"hdlr":
                    body = read_body(f, sub, 4096)
                    track.handler = body[8:12]
                elif sub.type == b"mdhd":
                    media_scale = _timescale(read_body(f, sub, 256))
                elif sub.type == b"minf":
                    _read_sample_entry_colour(f, sub, deadline, track)
    track.edit_entries = len(edits)
    track.edit_cuts = _edits_cut(edits, media_scale, movie_scale)
    return track


_DOLBY_VISION_BOXES = (b"dvcC", b"dvvC", b"dvwC")
_SAMPLE_DESCRIPTION_BYTES = 64 * 1024


def _read_sample_entry_colour(f: BinaryIO, minf: Box, deadline: Deadline, track: TrackInfo) -> None:
    """Dolby Vision's configuration and HDR10's static metadata: child boxes of the sample entry in
    minf/stbl/stsd (dvcC/dvvC/dvwC; clli or QuickTime's CoLL; mdcv or QuickTime's SmDm)."""
    for stbl in iter_boxes(f, minf.body, minf.end, deadline):
        if stbl.type != b"stbl":
            continue
        for stsd in iter_boxes(f, stbl.body, stbl.end, deadline):
            if stsd.type == b"stsd":
                try:
                    body = read_body(f, stsd, _SAMPLE_DESCRIPTION_BYTES)
                except BoxError:
                    return  # an odd sample description is not this reader's business to refuse
                _sample_entry_colour(body, track)
                return


def _sample_entry_colour(body: bytes, track: TrackInfo) -> None:
    for tag in _DOLBY_VISION_BOXES:
        payload = _child_payload(body, tag, 5)
        if payload is not None:
            # dv_version_major, dv_version_minor, then dv_profile (7 bits), dv_level (6 bits), three flags.
            track.dolby_vision, track.dolby_vision_profile = True, payload[2] >> 1
            break
    light = _child_payload(body, b"clli", 4)
    coll = _child_payload(body, b"CoLL", 8)  # a full box: version and flags first
    if light is not None:
        track.max_cll = struct.unpack_from(">H", light)[0]
    elif coll is not None:
        track.max_cll = struct.unpack_from(">H", coll, 4)[0]
    mdcv = _child_payload(body, b"mdcv", 24)
    smdm = _child_payload(body, b"SmDm", 28)
    if mdcv is not None:  # 8 chromaticities (u16), then max and min luminance in 0.0001 cd/m²
        track.mastering_peak = struct.unpack_from(">I", mdcv, 16)[0] / 10_000
    elif smdm is not None:  # version and flags, 8 chromaticities, then the max luminance as 24.8 fixed point
        track.mastering_peak = struct.unpack_from(">I", smdm, 20)[0] / 256


def _child_payload(body: bytes, tag: bytes, needed: int) -> bytes | None:
    """The payload of the first box ``tag`` found in ``body`` whose size fits, or None."""
    at = body.find(tag, 4)
    while at >= 4:
        size = struct.unpack_from(">I", body, at - 4)[0]
        if 8 + needed <= size <= len(body) - (at - 4):
            return body[at + 4: at - 4 + size]
        at = body.find(tag, at + 1)
    return None


def _timescale(body: bytes) -> int:
    version = body[0] if body else 0
    offset = 20 if version == 1 else 12
    if len(body) < offset + 4:
        raise BoxError("header box cut short")
    return int(struct.unpack_from(">I", body, offset)[0])


def _edit_entries(body: bytes) -> list[tuple[int, int, float]]:
    if len(body) < 8:
        raise BoxError("elst cut short")
    version = body[0]
    count = struct.unpack_from(">I", body, 4)[0]
    entry = 20 if version == 1 else 12
    if count * entry > len(body) - 8:
        raise BoxError("elst claims more entries than it holds")
    entries = []
    for index in range(count):
        at = 8 + index * entry
        if version == 1:
            duration, media_time = struct.unpack_from(">Qq", body, at)
            rate = struct.unpack_from(">i", body, at + 16)[0] / 65536
        else:
            duration, media_time = struct.unpack_from(">Ii", body, at)
            rate = struct.unpack_from(">i", body, at + 8)[0] / 65536
        entries.append((duration, media_time, rate))
    return entries


def _edits_cut(edits: list[tuple[int, int, float]], media_scale: int, movie_scale: int) -> bool:
    """Does the edit list change what plays? Muxers routinely write harmless ones: a start a fraction of a
    second into the media (encoder delay, AAC priming) and a short empty edit that delays a track by a few
    milliseconds. Several real edits, a long gap, another speed or a real cut are what Instagram refuses."""
    if not edits:
        return False
    if len(edits) == 2 and edits[0][1] == -1 and movie_scale and edits[0][0] / movie_scale <= MAX_HARMLESS_DELAY_S:
        edits = edits[1:]
    if len(edits) > 1:
        return True
    _duration, media_time, rate = edits[0]
    if media_time < 0 or abs(rate - 1.0) > 1e-6:
        return True
    return bool(media_scale) and media_time / media_scale > MAX_HARMLESS_DELAY_S * 2.5


def _matrix_orientation(tkhd: bytes) -> int:
    """The display matrix as the EXIF orientation (1–8) that turns the stored picture the same way."""
    version = tkhd[0] if tkhd else 0
    offset = 40 if version == 1 else 28  # flags, times, track id, reserved, duration, layer, group, volume
    offset += 12
    if len(tkhd) < offset + 36:
        return 1
    a, b, _u, c, d = struct.unpack_from(">iiiii", tkhd, offset)
    signs = (_sign(a), _sign(b), _sign(c), _sign(d))
    return _ORIENTATION_BY_SIGNS.get(signs, 1)


def _sign(value: int) -> int:
    if abs(value) < 0x8000:  # under 0.5 in 16.16 fixed point: a zero entry
        return 0
    return 1 if value > 0 else -1


# (a, b, c, d) of the matrix [a b; c d] (x' = a·x + c·y, y' = b·x + d·y) → EXIF orientation.
_ORIENTATION_BY_SIGNS = {
    (1, 0, 0, 1): 1,
    (-1, 0, 0, 1): 2,
    (-1, 0, 0, -1): 3,
    (1, 0, 0, -1): 4,
    (0, 1, 1, 0): 5,
    (0, 1, -1, 0): 6,
    (0, -1, -1, 0): 7,
    (0, -1, 1, 0): 8,
}

# EXIF orientation → (clockwise degrees, then mirrored left-right): FFmpeg's way of naming the same turn.
ORIENTATION_TURN = {1: (0, False), 2: (0, True), 3: (180, False), 4: (180, True),
                    5: (90, True), 6: (90, False), 7: (270, True), 8: (270, False)}


def read_heif_facts(f: BinaryIO, file_size: int, max_header_bytes: int, deadline: Deadline) -> HeifFacts:
    """Canvas size, bit depth, transfer and whether any item's data lies past the end of the file."""
    facts = HeifFacts()
    for box in iter_boxes(f, 0, file_size, deadline):
        if box.type != b"meta":
            continue
        body = read_body(f, box, max_header_bytes)
        _read_meta(body, 4, len(body), file_size, facts)  # meta is a full box: skip version and flags
        break
    return facts


def _children(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, pos)
        header = 8
        if size == 1:
            if pos + 16 > end:
                raise BoxError("box header cut short")
            size = struct.unpack_from(">Q", data, pos + 8)[0]
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            raise BoxError(f"box {kind!r} does not fit its parent")
        yield kind, pos + header, pos + size
        pos += size


def _read_meta(data: bytes, start: int, end: int, file_size: int, facts: HeifFacts) -> None:
    for kind, body, stop in _children(data, start, end):
        if kind == b"iloc":
            facts.extents_past_end = _iloc_past_end(data[body:stop], file_size)
        elif kind == b"iinf" and b"tmap" in data[body:stop]:
            facts.gain_map = "iso"  # ISO 21496-1: a tone-map item derived from the base image and a gain map
        elif kind == b"iprp":
            for sub, sub_body, sub_stop in _children(data, body, stop):
                if sub == b"ipco":
                    _read_properties(data, sub_body, sub_stop, facts)


def _read_properties(data: bytes, start: int, end: int, facts: HeifFacts) -> None:
    for kind, body, stop in _children(data, start, end):
        if kind == b"ispe" and stop - body >= 12:
            width, height = struct.unpack_from(">II", data, body + 4)
            if width * height > (facts.width or 0) * (facts.height or 0):
                facts.width, facts.height = width, height
        elif kind == b"pixi" and stop - body >= 6:
            channels = data[body + 4]
            depths = data[body + 5: body + 5 + channels]
            if depths:
                facts.bit_depth = max(facts.bit_depth or 0, max(depths))
        elif kind == b"colr" and stop - body >= 10 and data[body:body + 4] == b"nclx":
            # The first nclx box is the primary image's in practice (a gain map's own box comes later).
            primaries, transfer = struct.unpack_from(">HH", data, body + 4)
            facts.primaries = facts.primaries or PRIMARIES_BY_CODE.get(primaries, "")
            facts.transfer = facts.transfer or TRANSFER_BY_CODE.get(transfer, "")
        elif kind == b"clli" and stop - body >= 4 and not facts.max_cll:
            facts.max_cll = struct.unpack_from(">H", data, body)[0]
        elif kind == b"mdcv" and stop - body >= 24 and not facts.mastering_peak:
            facts.mastering_peak = struct.unpack_from(">I", data, body + 16)[0] / 10_000
        elif kind == b"auxC" and not facts.gain_map and _aux_type(data, body, stop) in GAIN_MAP_AUX_TYPES:
            facts.gain_map = "heif_aux"


# The auxiliary-image types that mark an HDR gain map (HEIF's auxC box), as the phones in the real corpus write them.
GAIN_MAP_AUX_TYPES = frozenset({
    b"urn:com:apple:photo:2020:aux:hdrgainmap",
    b"urn:com:samsung:photo:2024:aux:hdrgainmap",
})


def _aux_type(data: bytes, body: int, stop: int) -> bytes:
    """An auxC box's aux_type: the NUL-terminated URN after the full box's version and flags."""
    urn = data[body + 4:stop]
    end = urn.find(b"\0")
    return urn[:end] if end >= 0 else urn


def _iloc_past_end(body: bytes, file_size: int) -> bool:
    reader = _Cursor(body)
    version = reader.u8()
    reader.skip(3)
    sizes = reader.u8()
    offset_size, length_size = sizes >> 4, sizes & 15
    sizes = reader.u8()
    base_size, index_size = sizes >> 4, (sizes & 15) if version in (1, 2) else 0
    count = reader.u16() if version < 2 else reader.u32()
    for _ in range(count):
        reader.skip(2 if version < 2 else 4)  # item id
        method = reader.u16() & 15 if version in (1, 2) else 0
        reader.skip(2)  # data reference index
        base = reader.uint(base_size)
        extents = reader.u16()
        for _ in range(extents):
            reader.skip(index_size)
            offset = reader.uint(offset_size)
            length = reader.uint(length_size)
            if method == 0 and base + offset + length > file_size:
                return True
    return False


class _Cursor:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, count: int) -> bytes:
        if self.pos + count > len(self.data):
            raise BoxError("box cut short")
        chunk = self.data[self.pos:self.pos + count]
        self.pos += count
        return chunk

    def skip(self, count: int) -> None:
        self.take(count)

    def u8(self) -> int:
        return self.take(1)[0]

    def u16(self) -> int:
        return int.from_bytes(self.take(2), "big")

    def u32(self) -> int:
        return int.from_bytes(self.take(4), "big")

    def uint(self, size: int) -> int:
        if size not in (0, 4, 8):
            raise BoxError(f"unsupported field size {size}")
        return int.from_bytes(self.take(size), "big") if size else 0


def display_size(width: int, height: int, orientation: int) -> tuple[int, int]:
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)
