"""A video's colours in FFmpeg filter graphs: what the decoded frames carry, and the way to SDR BT.709.

Shared by the video fix (``media.fix_video``) and the video thumbnails (``media.thumbnails``), so a story's
thumbnail shows the colours its fixed clip will have: HDR tone-mapped through the same 3D LUT
(``media.colour``), SDR read with its own matrix and range.
"""

from __future__ import annotations

import struct
from fractions import Fraction
from typing import Any

from av.sidedata.sidedata import Type as SideDataType

from takeover_planner.media.colour import ColourSpec, content_peak, cube_file, spec_for
from takeover_planner.media.model import MediaInfo
from takeover_planner.paths import resolve_paths

LUT_FOLDER = "colour-luts"


def video_colour(info: MediaInfo, peak_nits: float = 0.0) -> ColourSpec:
    """What a re-encode does to a clip's colours (see media.colour); ``peak_nits`` overrides the probe's peak."""
    transfer = info.colour_transfer if info.colour_transfer in ("hlg", "pq") else "sdr"
    return spec_for(info.colour_primaries, transfer, "bt709", peak_nits or info.hdr_peak_nits)


def frame_source(graph: Any, frame: Any, time_base: Any) -> Any:
    """A graph's input for frames like ``frame``, declaring the matrix and range they carry.

    FFmpeg (since 7.1) negotiates a link's YUV matrix and range as it does its pixel format, and a scaler
    converts each frame from what the frame says to what its output link says. PyAV's ``add_buffer`` declares
    neither, so the links said "unspecified", which swscale takes for BT.601: every scale turned a BT.709
    clip's YUV into BT.601 YUV, later tagged BT.709 (the mean colour moved with the picture's content: +19 %
    saturation on the corpus's 8K clip, +3.6 % on Apple's spatial video). FFmpeg's command line declares them;
    so does this."""
    return graph.add("buffer", video_size=f"{frame.width}x{frame.height}", pix_fmt=frame.format.name,
                     time_base=str(time_base or Fraction(1, 90_000)), pixel_aspect="1/1",
                     colorspace=str(int(frame.colorspace)), range=str(int(frame.color_range)))


def frame_peak(frame: Any) -> float:
    """PQ content's peak from a decoded frame's HDR10 side data (FFmpeg hands on the stream's SEI messages and
    the container's boxes there), 0 when it has none that is usable."""
    max_cll, mastering = 0.0, 0.0
    try:
        side_data = list(frame.side_data)
    except ValueError:  # PyAV refuses the whole list when one entry is of a kind it has no name for (MV-HEVC's)
        return 0.0
    for data in side_data:
        raw = bytes(data)
        if data.type == SideDataType.CONTENT_LIGHT_LEVEL and len(raw) >= 8:
            max_cll = struct.unpack_from("=I", raw)[0]  # AVContentLightMetadata: MaxCLL, MaxFALL
        elif data.type == SideDataType.MASTERING_DISPLAY_METADATA and len(raw) >= 88:
            # AVMasteringDisplayMetadata: 8 rationals of chromaticities, min and max luminance, two flags.
            numerator, denominator = struct.unpack_from("=ii", raw, 72)
            if struct.unpack_from("=i", raw, 84)[0] and denominator:
                mastering = numerator / denominator
    return content_peak(max_cll, mastering)


def input_matrix(info: MediaInfo, spec: ColourSpec) -> tuple[str, str]:
    """The matrix and range to read a clip's YUV with, as swscale names them; an untagged clip is read as
    players read it (BT.2020 when its primaries are, else BT.601 below 720 lines and BT.709 from there)."""
    if spec.primaries == "bt2020":
        default = "bt2020"
    else:
        default = "bt601" if (info.height or 0) < 720 and not spec.hdr else "bt709"
    return info.colour_matrix or default, info.colour_range or "tv"


def to_sdr_chain(graph: Any, node: Any, info: MediaInfo, spec: ColourSpec, width: int, height: int,
                 output: str = "yuv420p") -> Any:
    """Scale to ``width``×``height`` in 16-bit RGB with the clip's own matrix and range, apply the LUT (when the
    colours need it), and end in ``output``: 8-bit 4:2:0 BT.709 limited range, or ``rgb24`` for a still."""
    matrix, in_range = input_matrix(info, spec)
    # A still (a thumbnail) is rounded accurately: swscale's fast YUV→RGB path, cheap for a whole clip, moves a
    # small picture's mean colour by a few per cent.
    flags = ":flags=bicubic+accurate_rnd+full_chroma_int" if output == "rgb24" else ""
    node = _link(node, graph.add("scale", f"w={width}:h={height}:in_color_matrix={matrix}:in_range={in_range}"
                                          f"{flags}"))
    if spec.needs_lut:
        cube = cube_file(spec, resolve_paths().cache_dir / LUT_FOLDER)
        node = _link(node, graph.add("format", "gbrp16le"))
        # Options as keywords, not an argument string: the LUT's path is not escaped for FFmpeg's parser.
        node = _link(node, graph.add("lut3d", file=str(cube), interp="tetrahedral"))
    if output == "rgb24":
        return _link(node, graph.add("format", "rgb24"))
    node = _link(node, graph.add("scale", "out_color_matrix=bt709:out_range=tv"))
    return _link(node, graph.add("format", output))


def _link(node: Any, target: Any) -> Any:
    node.link_to(target, 0, 0)
    return target
