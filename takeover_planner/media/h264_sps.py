"""What an H.264 stream's sequence parameter set says about its pictures, read without decoding one.

FFmpeg only learns an H.264 stream's pixel format by decoding its first picture, and that decode (a
full-size frame allocated, page-faulted in and freed for every file) is most of the cost of probing a
clip. The SPS in the stream's extradata (an ``avcC`` record, or Annex B start codes) holds the same
facts: chroma format, bit depth, and the VUI's range and colour description. ``pixel_format`` names the
format the way FFmpeg's decoder would; for anything it is not sure of it returns ``None`` and the caller
lets FFmpeg decode as before.
"""

from __future__ import annotations

from dataclasses import dataclass

# Profiles whose SPS carries chroma_format_idc, bit depths and scaling matrices (H.264 7.3.2.1.1).
_HIGH_PROFILES = {100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135}
_RANGE_JPEG = 2  # AVColorRange
_MAX_EXP_GOLOMB_ZEROS = 31


class SpsError(Exception):
    """The SPS is cut short or malformed."""


@dataclass(frozen=True)
class SpsFacts:
    chroma_format_idc: int
    bit_depth: int
    video_signal_type: bool  # the VUI says the range (and maybe the colour description)
    full_range: bool
    colour_description: bool
    transfer: int  # transfer_characteristics, meaningful when colour_description
    matrix: int
    primaries: int = 2  # colour_primaries (H.273), meaningful when colour_description


class _Bits:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def u(self, count: int) -> int:
        value = 0
        for _ in range(count):
            byte = self.pos >> 3
            if byte >= len(self.data):
                raise SpsError("the SPS is cut short")
            value = (value << 1) | ((self.data[byte] >> (7 - (self.pos & 7))) & 1)
            self.pos += 1
        return value

    def ue(self) -> int:
        zeros = 0
        while self.u(1) == 0:
            zeros += 1
            if zeros > _MAX_EXP_GOLOMB_ZEROS:
                raise SpsError("an Exp-Golomb code is too long")
        return (1 << zeros) - 1 + self.u(zeros)

    def se(self) -> int:
        code = self.ue()
        return (code + 1) // 2 if code & 1 else -(code // 2)


def first_sps(extradata: bytes) -> bytes | None:
    """The first SPS NAL unit (header byte included, emulation prevention removed), or None."""
    nal: bytes | None = None
    if len(extradata) >= 8 and extradata[0] == 1:  # avcC (ISO/IEC 14496-15)
        if extradata[5] & 0x1F:
            length = int.from_bytes(extradata[6:8], "big")
            nal = extradata[8:8 + length] if 8 + length <= len(extradata) else None
    else:  # Annex B: NAL units after 00 00 01 start codes
        for unit in extradata.split(b"\x00\x00\x01")[1:]:
            if unit and unit[0] & 0x1F == 7:
                nal = unit.rstrip(b"\x00")
                break
    if not nal or nal[0] & 0x1F != 7:
        return None
    return nal.replace(b"\x00\x00\x03", b"\x00\x00")


def parse_sps(nal: bytes) -> SpsFacts:
    bits = _Bits(nal[1:])
    profile_idc = bits.u(8)
    bits.u(16)  # constraint flags, level_idc
    bits.ue()  # seq_parameter_set_id
    chroma_format_idc, bit_depth = 1, 8
    if profile_idc in _HIGH_PROFILES:
        chroma_format_idc = bits.ue()
        if chroma_format_idc == 3:
            bits.u(1)  # separate_colour_plane_flag
        bit_depth = bits.ue() + 8
        bits.ue()  # bit_depth_chroma_minus8
        bits.u(1)  # qpprime_y_zero_transform_bypass_flag
        if bits.u(1):  # seq_scaling_matrix_present_flag
            for index in range(8 if chroma_format_idc != 3 else 12):
                if bits.u(1):
                    _skip_scaling_list(bits, 16 if index < 6 else 64)
    bits.ue()  # log2_max_frame_num_minus4
    poc_type = bits.ue()
    if poc_type == 0:
        bits.ue()
    elif poc_type == 1:
        bits.u(1)
        bits.se()
        bits.se()
        for _ in range(_bounded(bits.ue(), 255)):
            bits.se()
    bits.ue()  # max_num_ref_frames
    bits.u(1)  # gaps_in_frame_num_value_allowed_flag
    bits.ue()  # pic_width_in_mbs_minus1
    bits.ue()  # pic_height_in_map_units_minus1
    if not bits.u(1):  # frame_mbs_only_flag
        bits.u(1)  # mb_adaptive_frame_field_flag
    bits.u(1)  # direct_8x8_inference_flag
    if bits.u(1):  # frame_cropping_flag
        for _ in range(4):
            bits.ue()
    signal = full = described = False
    transfer = matrix = primaries = 2  # unspecified
    if bits.u(1):  # vui_parameters_present_flag
        if bits.u(1) and bits.u(8) == 255:  # aspect_ratio_info_present_flag, aspect_ratio_idc (extended SAR)
            bits.u(32)
        if bits.u(1):  # overscan_info_present_flag
            bits.u(1)
        if bits.u(1):  # video_signal_type_present_flag
            signal = True
            bits.u(3)  # video_format
            full = bool(bits.u(1))
            if bits.u(1):  # colour_description_present_flag
                described = True
                primaries = bits.u(8)
                transfer = bits.u(8)
                matrix = bits.u(8)
    return SpsFacts(chroma_format_idc, bit_depth, signal, full, described, transfer, matrix, primaries)


def _skip_scaling_list(bits: _Bits, size: int) -> None:
    last = following = 8
    for _ in range(size):
        if following:
            following = (last + bits.se() + 256) % 256
        last = following or last


def _bounded(value: int, limit: int) -> int:
    if value > limit:
        raise SpsError(f"a count of {value} is out of range")
    return value


def pixel_format(facts: SpsFacts, container_range: int) -> str | None:
    """FFmpeg's name for the decoded pictures' format; ``container_range`` is the stream's AVColorRange
    before decoding (a container's colour box may set it; the VUI, when it says, wins as in FFmpeg)."""
    colour_range = (_RANGE_JPEG if facts.full_range else 1) if facts.video_signal_type else container_range
    if facts.bit_depth == 8:
        base = {1: "yuv420p", 2: "yuv422p"}.get(facts.chroma_format_idc)
        if base is None:
            return None
        return base.replace("yuv", "yuvj") if colour_range == _RANGE_JPEG else base
    if facts.bit_depth == 10:
        return {1: "yuv420p10le", 2: "yuv422p10le"}.get(facts.chroma_format_idc)
    return None


def pixel_format_of(extradata: bytes, container_range: int) -> tuple[str, SpsFacts] | None:
    """The pixel format and SPS facts from a stream's extradata, or None when they cannot be read."""
    nal = first_sps(extradata)
    if nal is None:
        return None
    try:
        facts = parse_sps(nal)
    except SpsError:
        return None
    name = pixel_format(facts, container_range)
    return (name, facts) if name else None
