"""Thumbnails cached on disk by content hash: ``<cache>/<ab>/<sha256>-<size>.jpg``.

JPEGs are decoded at a reduced DCT scale (Pillow's ``thumbnail`` uses ``draft``), so a 12 MP photo costs
a fraction of a full decode and little memory; a video gives its first frame. Colours are shown as the fix
will make them: an HDR or wide-gamut video or picture goes through the same tone-mapping LUT
(``media.colour``), and a video's YUV is read with its own matrix and range.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import warnings
from pathlib import Path

from PIL import Image, ImageFilter

from takeover_planner.media.codecs import ensure_codecs
from takeover_planner.media.colour import HDR_TRANSFERS, LUT_SIZE, WIDE_GAMUTS, lut_table, spec_for
from takeover_planner.media.model import MediaInfo

DEFAULT_SIZE = 320
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


class ThumbnailError(Exception):
    """No thumbnail could be made (a broken file); callers show a placeholder."""


class ThumbnailCache:
    def __init__(self, folder: str | os.PathLike[str], size: int = DEFAULT_SIZE) -> None:
        self.folder = Path(folder)
        self.size = size

    def path_for(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / f"{sha256}-{self.size}.jpg"

    def cached(self, sha256: str) -> Path | None:
        path = self.path_for(sha256)
        try:
            with open(path, "rb") as handle:
                # Written without fsync: after a power cut it may be empty or cut short; then it is missing.
                if handle.read(3) != b"\xff\xd8\xff":
                    return None
        except OSError:
            return None
        return path

    def ensure(self, source: str | os.PathLike[str], sha256: str, info: MediaInfo) -> Path:
        """The cached thumbnail, made now if missing. Safe to call from any thread or process."""
        path = self.cached(sha256)
        if path is not None:
            return path
        return self.put(sha256, make_thumbnail(Path(source), info, self.size))

    def put(self, sha256: str, data: bytes) -> Path:
        """Write a thumbnail: temp file and rename, so a reader never sees half of one.

        No fsync, unlike every other file the app writes: this is a cache, and a thumbnail lost in a power
        cut is simply made again (an unreadable one is treated as missing by ``cached``)."""
        path = self.path_for(sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{sha256[:12]}.", suffix=".part", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
            raise
        return path


def make_thumbnail(source: Path, info: MediaInfo, size: int = DEFAULT_SIZE) -> bytes:
    if info.problem or info.kind == "unknown":
        raise ThumbnailError(f"{source.name} is not readable media")
    try:
        picture = _video_frame(source, info, size) if info.kind == "video" else _image(source, info, size)
    except ThumbnailError:
        raise
    except Exception as exc:  # hostile input: any decoder failure means "no thumbnail", never a crash
        raise ThumbnailError(f"{source.name}: {exc}") from None
    # Shrink first, then turn: the box is square, so the result is the same, and turning 320 pixels is
    # nearly free where turning the draft-decoded 1008×756 costs about a tenth of the whole thumbnail.
    picture.thumbnail((size, size), Image.Resampling.BICUBIC, reducing_gap=2.0)
    if info.kind == "image":
        picture = _picture_to_srgb(picture, info)  # after shrinking: the LUT then sees a few thousand pixels
    if info.format != "HEIF" and info.orientation in _TRANSPOSE:
        picture = picture.transpose(_TRANSPOSE[info.orientation])
    if picture.mode != "RGB":
        picture = _flatten(picture)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def _image(source: Path, info: MediaInfo, size: int) -> Image.Image:
    ensure_codecs()
    if info.format == "HEIF":
        # libheif decodes the full picture; going through Pillow's opener would trip its pixel limit on 200 MP.
        import pillow_heif

        picture: Image.Image = pillow_heif.open_heif(source, convert_hdr_to_8bit=True).to_pillow()
        return picture
    with open(source, "rb") as handle:  # closed here even for multi-frame images
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(handle)
        # draft() picks the smallest DCT scale that still gives at least twice the thumbnail's size.
        image.draft("RGB" if image.mode in ("RGB", "L", "YCbCr") else image.mode, (size * 2, size * 2))
        image.load()
    return image


def _picture_to_srgb(picture: Image.Image, info: MediaInfo) -> Image.Image:
    """A picture described only by nclx (wide gamut, PQ or HLG) through the fix's LUT to sRGB; an ICC-described
    one or a gain map's SDR base image is left as it is (as the fix leaves the latter)."""
    if info.icc_description or picture.mode != "RGB" or not (info.colour_transfer in HDR_TRANSFERS
                                                            or info.colour_primaries in WIDE_GAMUTS):
        return picture
    transfer = info.colour_transfer if info.colour_transfer in HDR_TRANSFERS else "srgb"
    spec = spec_for(info.colour_primaries, transfer, "srgb", info.hdr_peak_nits)
    table = [value for pixel in lut_table(spec, LUT_SIZE) for value in pixel]
    return picture.filter(ImageFilter.Color3DLUT(LUT_SIZE, table))


def _video_frame(source: Path, info: MediaInfo, size: int) -> Image.Image:
    """The first frame, at most twice ``size`` across, in the colours the video fix gives it."""
    import av
    import av.filter

    from takeover_planner.media.video_colour import frame_peak, frame_source, to_sdr_chain, video_colour

    with av.open(str(source)) as container:
        stream = container.streams.video[0]
        stream.codec_context.thread_type = "AUTO"
        for frame in container.decode(stream):
            scale = min(1.0, 2 * size / max(frame.width, frame.height, 1))
            width, height = max(2, round(frame.width * scale)), max(2, round(frame.height * scale))
            graph = av.filter.Graph()
            node = frame_source(graph, frame, stream.time_base)
            node = to_sdr_chain(graph, node, info, video_colour(info, frame_peak(frame)), width, height, "rgb24")
            node.link_to(graph.add("buffersink"))
            graph.configure()
            graph.push(frame)
            out = graph.pull()
            assert isinstance(out, av.VideoFrame)
            picture: Image.Image = out.to_image()
            return picture
    raise ThumbnailError(f"{source.name} has no picture")


def _flatten(picture: Image.Image) -> Image.Image:
    if picture.mode in ("RGBA", "LA", "PA", "P"):
        picture = picture.convert("RGBA")
        flat = Image.new("RGB", picture.size, (255, 255, 255))
        flat.paste(picture, mask=picture.getchannel("A"))
        return flat
    if picture.mode.startswith("I"):
        picture = picture.convert("I").point(lambda value: value / 256).convert("L")
    return picture.convert("RGB")
