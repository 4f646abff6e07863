"""Make a story-ready JPEG from any picture: upright, 1080×1920, sRGB, opaque, under 8 MiB, no metadata.

Colours become sRGB through the embedded ICC profile (LittleCMS) or, for a picture described by an nclx box
(HEIF/AVIF: Display P3, BT.2020, PQ, HLG), through the same 3D LUT as video (``media.colour``), HDR tone-mapped.
A gain-map picture (iPhone HEIC, Ultra HDR JPEG) is its SDR base image: used as it is, the gain map left out.

JPEGs are decoded at a reduced DCT scale (``draft``) when the story needs fewer pixels than the camera
took, which is most of the time and most of the cost saved.
"""

from __future__ import annotations

import io
import math
import warnings
from pathlib import Path
from typing import Any

from PIL import Image, ImageCms, ImageFilter

from takeover_planner.fileio import atomic_write_bytes
from takeover_planner.media.codecs import ensure_codecs
from takeover_planner.media.colour import HDR_TRANSFERS, LUT_SIZE, WIDE_GAMUTS, lut_table, spec_for
from takeover_planner.media.fix_types import DEFAULT_FIX, FixedFile, FixOptions, FixRefused
from takeover_planner.media.geometry import crop_box, fit_size
from takeover_planner.media.model import MediaInfo
from takeover_planner.media.progress import CancelToken, ProgressCallback, no_progress
from takeover_planner.texts.media import MediaText

# The same turn Pillow's ImageOps.exif_transpose makes for each EXIF orientation.
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# The padded background: a blurred copy this many times smaller than the story, then darkened.
_BACKGROUND_SHRINK = 8
_BACKGROUND_BLUR = 4.0
_BACKGROUND_BRIGHTNESS = 0.55
_SRGB = None


def fix_image(source: Path, dest: Path, info: MediaInfo, options: FixOptions = DEFAULT_FIX,
              progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> FixedFile:
    if info.kind != "image" or info.problem:
        raise FixRefused(MediaText.NOT_A_PICTURE, details=info.problem_facts(), file=source.name)
    ensure_codecs()
    progress(0.0, "decoding")
    recipe: dict[str, Any] = {"kind": "image", "mode": options.mode, "target": list(options.target),
                              "focus": [options.focus.x, options.focus.y], "steps": []}
    try:
        picture, icc = _decode(source, info, options, recipe)
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as exc:
        raise FixRefused(MediaText.PICTURE_UNREADABLE, details={"error": str(exc)}, file=source.name) from None
    if cancel is not None:
        cancel.raise_if_cancelled()
    progress(0.4, "converting")
    picture = _to_srgb(picture, icc, info, recipe)
    if info.format != "HEIF" and info.orientation in _TRANSPOSE:
        # libheif has already turned a HEIF upright; everything else carries the turn in EXIF.
        picture = picture.transpose(_TRANSPOSE[info.orientation])
        recipe["steps"].append(f"applied EXIF orientation {info.orientation}")
    picture = _fit(picture, options, recipe)
    if cancel is not None:
        cancel.raise_if_cancelled()
    progress(0.8, "encoding")
    data, quality = _encode(picture, options)
    recipe.update({"format": "JPEG", "quality": quality, "size": list(picture.size), "metadata": "none"})
    recipe["steps"].append("stripped all metadata")
    atomic_write_bytes(dest, data)
    progress(1.0, "done")
    return FixedFile(dest, recipe)


def _decode(source: Path, info: MediaInfo, options: FixOptions, recipe: dict[str, Any]) -> tuple[Image.Image, bytes | None]:
    if info.format == "HEIF":
        import pillow_heif

        heif = pillow_heif.open_heif(source, convert_hdr_to_8bit=True)
        icc = heif.info.get("icc_profile")
        picture = heif.to_pillow()
        recipe["steps"].append("decoded HEIF (rotation applied by libheif)")
        return picture, bytes(icc) if icc else None
    # The file object is ours: closing it afterwards also covers multi-frame images, which Pillow keeps open.
    with open(source, "rb") as handle:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(handle)
        icc = image.info.get("icc_profile")
        if image.format in ("JPEG", "MPO"):
            wanted = _decode_size(info, options)
            image.draft("RGB" if image.mode in ("RGB", "L", "YCbCr") else image.mode, wanted)
            if image.size != (info.width, info.height):
                recipe["steps"].append(f"decoded at reduced scale {image.size[0]}×{image.size[1]}")
        if getattr(image, "n_frames", 1) > 1:
            image.seek(0)
            recipe["steps"].append("kept the first frame")
        image.load()
    return image, bytes(icc) if icc else None


def _decode_size(info: MediaInfo, options: FixOptions) -> tuple[int, int]:
    """The smallest stored size that still gives the story every pixel it needs."""
    width, height = info.width or 1, info.height or 1
    shown_w, shown_h = info.display_width or width, info.display_height or height
    target_w, target_h = options.target
    if options.mode == "crop":
        scale = max(target_w / shown_w, target_h / shown_h)
    else:
        scale = min(target_w / shown_w, target_h / shown_h)
    scale = min(1.0, scale)
    return max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale))


def _to_srgb(picture: Image.Image, icc: bytes | None, info: MediaInfo, recipe: dict[str, Any]) -> Image.Image:
    mode = picture.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        picture = picture.convert("I") if mode != "F" else picture
        picture = picture.point(lambda value: value / 256 if mode.startswith("I;16") else value).convert("L")
        recipe["steps"].append("reduced to 8 bits")
    if picture.mode == "P":
        picture = picture.convert("RGBA" if "transparency" in picture.info else "RGB")
    if picture.mode in ("LA", "La", "PA", "RGBa"):
        picture = picture.convert("RGBA")
    if picture.mode == "RGBA":
        alpha_low, _alpha_high = picture.getchannel("A").getextrema()
        if isinstance(alpha_low, int | float) and alpha_low < 255:
            recipe["steps"].append("flattened transparency onto white")
        flat = Image.new("RGB", picture.size, (255, 255, 255))
        flat.paste(picture, mask=picture.getchannel("A"))
        picture = flat
    if not icc and picture.mode == "RGB" and (info.colour_transfer in HDR_TRANSFERS
                                              or info.colour_primaries in WIDE_GAMUTS):
        picture = _nclx_to_srgb(picture, info, recipe)
    if info.gain_map:
        recipe["steps"].append("used the SDR base image as it is (the HDR gain map is left out)")
    if icc and info.colour_space in ("other", "cmyk") and picture.mode in ("RGB", "CMYK"):
        try:
            source_profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(picture, source_profile, _srgb_profile(), outputMode="RGB")
            picture = converted if converted is not None else picture
            recipe["steps"].append(f"converted colours from '{info.icc_description or info.colour_space}' to sRGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            recipe["steps"].append("colour profile unusable; colours kept as they are")
    if picture.mode != "RGB":
        if picture.mode == "CMYK":
            recipe["steps"].append("converted CMYK to RGB")
        picture = picture.convert("RGB")
    return picture


def _nclx_to_srgb(picture: Image.Image, info: MediaInfo, recipe: dict[str, Any]) -> Image.Image:
    """Colours given by an nclx box (no ICC profile): through the LUT (tone-mapped when HDR) to sRGB."""
    transfer = info.colour_transfer if info.colour_transfer in HDR_TRANSFERS else "srgb"
    spec = spec_for(info.colour_primaries, transfer, "srgb", info.hdr_peak_nits)
    table = [value for pixel in lut_table(spec, LUT_SIZE) for value in pixel]
    recipe["steps"].append(spec.describe())
    return picture.filter(ImageFilter.Color3DLUT(LUT_SIZE, table))


def _srgb_profile() -> Any:
    global _SRGB
    if _SRGB is None:
        _SRGB = ImageCms.createProfile("sRGB")
    return _SRGB


def _fit(picture: Image.Image, options: FixOptions, recipe: dict[str, Any]) -> Image.Image:
    target = options.target
    width, height = picture.size
    if options.mode == "crop":
        box = crop_box(width, height, target, options.focus)
        recipe["steps"].append(f"cropped {box[2] - box[0]}×{box[3] - box[1]} around the focus point")
        return picture.resize(target, Image.Resampling.LANCZOS, box=box, reducing_gap=2.0)
    fitted = fit_size(width, height, target)
    foreground = picture.resize(fitted, Image.Resampling.LANCZOS, reducing_gap=2.0)
    small = (max(1, target[0] // _BACKGROUND_SHRINK), max(1, target[1] // _BACKGROUND_SHRINK))
    background = picture.resize(small, Image.Resampling.BILINEAR, box=crop_box(width, height, target),
                                reducing_gap=2.0)
    background = background.filter(ImageFilter.GaussianBlur(_BACKGROUND_BLUR))
    background = background.point(lambda value: int(value * _BACKGROUND_BRIGHTNESS))
    canvas = background.resize(target, Image.Resampling.BILINEAR)
    canvas.paste(foreground, ((target[0] - fitted[0]) // 2, (target[1] - fitted[1]) // 2))
    recipe["steps"].append(f"fitted {fitted[0]}×{fitted[1]} on a blurred, darkened background")
    return canvas


def _encode(picture: Image.Image, options: FixOptions) -> tuple[bytes, int]:
    quality = options.jpeg_quality
    while True:
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=quality, subsampling="4:2:0", optimize=False, progressive=False)
        data = buffer.getvalue()
        if len(data) < options.max_image_bytes or quality <= 10:
            return data, quality
        quality -= 10
