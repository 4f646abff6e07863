"""The image fix: upright, 1080×1920 by crop (around a focus point) or pad, sRGB, opaque, no metadata."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from takeover_planner.media.fix import fix_file
from takeover_planner.media.fix_types import FixOptions, FixRefused
from takeover_planner.media.geometry import Focus, crop_box, fit_size
from takeover_planner.media.probe import probe_file
from takeover_planner.media.progress import Cancelled, CancelToken
from takeover_planner.media.rules import load_rules
from tests.unit.media.media_factory import write_jpeg, write_png


def _load(path: Path) -> Image.Image:
    with Image.open(path) as image:
        image.load()
        return image


def _fix(path: Path, out: Path, **options: object) -> Path:
    fixed = fix_file(path, out, load_rules().judge(probe_file(path)), FixOptions(**options))  # type: ignore[arg-type]
    assert len(fixed) == 1
    return fixed[0].path


def _colour_at(image: Image.Image, x: float, y: float) -> tuple[int, int, int]:
    pixel = image.convert("RGB").getpixel((int(x * (image.width - 1)), int(y * (image.height - 1))))
    assert isinstance(pixel, tuple)
    return pixel[0], pixel[1], pixel[2]


def _is(colour: tuple[int, int, int], name: str) -> bool:
    r, g, b = colour
    return {"red": r > 180 and g < 80 and b < 80, "green": g > 180 and r < 80 and b < 80,
            "blue": b > 180 and r < 80 and g < 80}[name]


def test_crop_box_keeps_the_focus_point_inside() -> None:
    assert crop_box(4000, 3000) == (1156, 0, 2844, 3000)
    assert crop_box(4000, 3000, focus=Focus(0.0, 0.5))[0] == 0
    assert crop_box(4000, 3000, focus=Focus(1.0, 0.5))[2] == 4000
    assert crop_box(1080, 1920) == (0, 0, 1080, 1920)
    assert fit_size(4000, 3000) == (1080, 810)
    assert fit_size(16, 17000, even=True) == (2, 1920)
    with pytest.raises(ValueError):
        Focus(1.5, 0.5)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_comes_out_upright(tmp_path: Path, orientation: int) -> None:
    # Store the picture so that applying the orientation gives the upright gradient (red top-left).
    upright = _load(write_jpeg(tmp_path / "up.jpg", 1200, 2133)).copy()
    inverse = {1: None, 2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
               4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_90,
               7: Image.Transpose.TRANSVERSE, 8: Image.Transpose.ROTATE_270}[orientation]
    stored = upright.transpose(inverse) if inverse is not None else upright
    exif = Image.Exif()
    exif[0x0112] = orientation
    source = tmp_path / f"o{orientation}.jpg"
    stored.save(source, "JPEG", exif=exif.tobytes(), quality=92)
    out = _load(_fix(source, tmp_path / "out", mode="crop"))
    assert out.size == (1080, 1920)
    assert _is(_colour_at(out, 0.05, 0.05), "red")
    assert _is(_colour_at(out, 0.95, 0.05), "green")
    assert _is(_colour_at(out, 0.05, 0.95), "blue")


def test_pad_mode_fits_the_whole_picture_on_a_darker_background(tmp_path: Path) -> None:
    source = write_jpeg(tmp_path / "wide.jpg", 1600, 900)
    out = _load(_fix(source, tmp_path / "out", mode="pad"))
    assert out.size == (1080, 1920)
    band_top = (1920 - 608) // 2
    assert _is(_colour_at(out, 0.03, (band_top + 20) / 1920), "red")  # the picture's own corner, not cropped
    top = _colour_at(out, 0.5, 0.02)
    assert max(top) < 160  # the background is darkened


def test_crop_focus_point_chooses_the_part_kept(tmp_path: Path) -> None:
    source = write_jpeg(tmp_path / "wide.jpg", 3000, 1000)
    left = _load(_fix(source, tmp_path / "left", mode="crop", focus=Focus(0.0, 0.5)))
    right = _load(_fix(source, tmp_path / "right", mode="crop", focus=Focus(1.0, 0.5)))
    assert _is(_colour_at(left, 0.1, 0.1), "red")
    assert _is(_colour_at(right, 0.9, 0.1), "green")


def test_metadata_and_gps_are_stripped(tmp_path: Path) -> None:
    source = write_jpeg(tmp_path / "gps.jpg", 800, 600, gps=True, orientation=6)
    assert probe_file(source).has_gps
    out = _fix(source, tmp_path / "out")
    image = _load(out)
    assert not image.info.get("exif") and not image.info.get("icc_profile") and not image.info.get("xmp")
    info = probe_file(out)
    assert not info.has_gps and info.orientation == 1 and info.format == "JPEG"


def test_transparency_is_flattened_and_png_becomes_jpeg(tmp_path: Path) -> None:
    out = _fix(write_png(tmp_path / "alpha.png", alpha=True), tmp_path / "out")
    info = probe_file(out)
    assert (info.format, info.mode, info.has_alpha) == ("JPEG", "RGB", False)
    assert load_rules().judge(info).verdict == "ok"


def test_a_wide_gamut_profile_is_converted_to_srgb(tmp_path: Path) -> None:
    lab_like = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB"))
    assert lab_like  # LittleCMS works here
    profile = ImageCms.createProfile("sRGB")
    icc = ImageCms.ImageCmsProfile(profile).tobytes()
    source = write_jpeg(tmp_path / "srgb.jpg", 400, 300, icc=icc)
    assert probe_file(source).colour_space == "sRGB"
    out = _fix(source, tmp_path / "out")
    assert "icc_profile" not in _load(out).info


def test_output_stays_under_the_size_limit(tmp_path: Path) -> None:
    noise = Image.effect_noise((1080, 1920), 120).convert("RGB")
    source = tmp_path / "noise.png"
    noise.save(source)
    out = _fix(source, tmp_path / "out", max_image_bytes=700_000)
    assert out.stat().st_size < 700_000


def test_cancel_and_refusals_leave_nothing(tmp_path: Path) -> None:
    source = write_jpeg(tmp_path / "a.jpg", 400, 300)
    token = CancelToken()
    token.cancel()
    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        fix_file(source, out, load_rules().judge(probe_file(source)), FixOptions(), cancel=token)
    assert not out.exists() or list(out.iterdir()) == []
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(source.read_bytes()[:300])
    with pytest.raises(FixRefused):
        fix_file(broken, out, load_rules().judge(probe_file(broken)))


def test_progress_is_reported(tmp_path: Path) -> None:
    seen: list[float] = []
    source = write_jpeg(tmp_path / "a.jpg", 400, 300)
    fix_file(source, tmp_path / "out", load_rules().judge(probe_file(source)), FixOptions(),
             progress=lambda fraction, _message: seen.append(fraction))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


def test_jpeg_is_decoded_at_reduced_scale(tmp_path: Path) -> None:
    source = write_jpeg(tmp_path / "big.jpg", 4000, 3000)
    fixed = fix_file(source, tmp_path / "out", load_rules().judge(probe_file(source)), FixOptions(mode="pad"))
    assert any("reduced scale" in step for step in fixed[0].recipe["steps"])
    assert io.BytesIO(fixed[0].path.read_bytes()).getbuffer().nbytes < 8 * 1024**2
