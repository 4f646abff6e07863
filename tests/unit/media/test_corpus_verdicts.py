"""The verdict a careful person gives every file of the real-media corpus, pinned.

Each entry: (verdict, fixable, error rules, advice rules). A new corpus file without an entry fails, so the
table stays complete. Skips (with the reason) when the corpus folder is not there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from takeover_planner.media.probe import probe_file
from takeover_planner.media.rules import load_rules

EXPECTED: dict[str, tuple[str, bool, list[str], list[str]]] = {
    "heic/es_iphone11promax_IMG_5195.HEIC": ("error", True, ['image.format'], ['image.aspect', 'image.colour', 'privacy.gps']),
    "heic/es_iphone13promax.HEIC": ("error", True, ['image.format'], ['image.aspect', 'image.colour']),
    "heic/es_nokia83_hdr.heif": ("error", True, ['image.format'], ['image.aspect', 'privacy.gps']),
    "heic/imm_iphone7_IMG_2682.heic": ("error", True, ['image.format'], ['image.aspect', 'image.colour', 'privacy.gps']),
    "heic/ph_corrupted.heic": ("error", False, ['file.unreadable'], []),
    "heic/ph_iphone13pro_pug_depth.heic": ("error", True, ['image.format'], ['image.aspect', 'image.colour', 'privacy.gps']),
    "heic/ph_iphone8plus_arrow.heic": ("error", True, ['image.format'], ['image.aspect', 'image.colour']),
    "heic/ph_iphonexs_two_images.heic": ("error", True, ['image.format'], ['image.aspect', 'image.colour', 'image.resolution', 'privacy.gps']),
    "heic/ph_samsung_s24u_200MP.heic": ("error", True, ['image.format'], ['image.aspect', 'image.colour']),
    "heic/ph_sony_a7s3_10bit.hif": ("error", True, ['image.format'], ['image.aspect']),
    "heic/ph_truncated.heic": ("error", False, ['file.truncated'], []),
    "heic/ph_vision_pro_spatial.heic": ("error", True, ['image.format'], ['image.aspect', 'image.colour']),
    "heic/ph_xiaomi.heic": ("error", True, ['image.format'], ['image.aspect', 'privacy.gps']),
    "images/es_canon_sx60_orientation6.jpg": ("advice", True, [], ['image.aspect', 'image.orientation']),
    "images/es_gps_DSCN0010.jpg": ("advice", True, [], ['image.aspect', 'image.resolution', 'privacy.gps']),
    "images/es_gps_DSCN0042.jpg": ("advice", True, [], ['image.aspect', 'image.resolution', 'privacy.gps']),
    "images/es_iphone6_hdr_gps.jpg": ("advice", True, [], ['image.aspect', 'privacy.gps']),
    "images/es_kodak_cx7530_odd_gps.jpg": ("advice", True, [], ['image.aspect', 'image.resolution', 'privacy.gps']),
    "images/es_nikon_d300_progressive.jpeg": ("advice", True, [], ['image.aspect', 'image.resolution']),
    "images/es_orientation_landscape_1.jpg": ("advice", True, [], ['image.aspect', 'image.resolution']),
    "images/es_orientation_landscape_2.jpg": ("advice", True, [], ['image.aspect', 'image.colour', 'image.orientation', 'image.resolution']),
    "images/es_orientation_landscape_3.jpg": ("advice", True, [], ['image.aspect', 'image.colour', 'image.orientation', 'image.resolution']),
    "images/es_orientation_landscape_4.jpg": ("advice", True, [], ['image.aspect', 'image.colour', 'image.orientation', 'image.resolution']),
    "images/es_orientation_landscape_5.jpg": ("advice", True, [], ['image.aspect', 'image.colour', 'image.orientation', 'image.resolution']),
    "images/es_orientation_landscape_6.jpg": ("advice", True, [], ['image.aspect', 'image.colour', 'image.orientation', 'image.resolution']),
    "images/es_orientation_landscape_7.jpg": ("advice", True, [], ['image.aspect', 'image.colour', 'image.orientation', 'image.resolution']),
    "images/es_orientation_landscape_8.jpg": ("advice", True, [], ['image.aspect', 'image.colour', 'image.orientation', 'image.resolution']),
    "images/es_samsung_sm-g930f_gps.jpg": ("advice", True, [], ['image.aspect', 'privacy.gps']),
    "images/es_tless0_rgba_lzw.tiff": ("error", True, ['image.format'], ['image.aspect', 'image.colour', 'image.resolution', 'image.transparency']),
    "images/imm_10bit_hdr_p3.avif": ("error", True, ['image.format'], ['image.aspect', 'image.hdr']),
    "images/imm_moto_g9plus_empty_gps.jpg": ("advice", True, [], ['image.aspect']),
    "images/irs_animated.webp": ("error", True, ['image.format'], ['image.animation', 'image.aspect', 'image.resolution', 'image.transparency']),
    "images/irs_lossless.webp": ("error", True, ['image.format'], ['image.aspect', 'image.resolution']),
    "images/ph_rgb_16bit.png": ("error", True, ['image.format'], ['image.aspect', 'image.resolution']),
    "images/ph_rgba_16bit.png": ("error", True, ['image.format'], ['image.aspect', 'image.resolution', 'image.transparency']),
    "images/pil_animated_lossless.webp": ("error", True, ['image.format'], ['image.animation', 'image.aspect', 'image.resolution', 'image.transparency']),
    "images/pil_apng_delay.png": ("error", True, ['image.format'], ['image.animation', 'image.aspect', 'image.resolution', 'image.transparency']),
    "images/pil_chi_animated.gif": ("error", True, ['image.format'], ['image.animation', 'image.aspect', 'image.resolution', 'image.transparency']),
    "images/pil_cmyk.jpg": ("advice", True, [], ['image.aspect', 'image.colour', 'image.resolution']),
    "images/pil_cmyk_jpeg_strip.tif": ("error", True, ['image.format'], ['image.aspect', 'image.colour', 'image.resolution']),
    "images/pil_decompression_bomb.gif": ("error", False, ['file.bomb'], []),
    "images/pil_decompression_bomb_extents.gif": ("error", False, ['file.bomb'], []),
    "images/pil_flower_lossy_exif.webp": ("error", True, ['image.format'], ['image.aspect', 'image.resolution']),
    "images/pil_multipage.tiff": ("error", True, ['image.format'], ['image.animation', 'image.aspect', 'image.resolution']),
    "images/pil_palette_trns.png": ("error", True, ['image.format'], ['image.aspect', 'image.resolution', 'image.transparency']),
    "images/pil_pixel6_ultrahdr_truncated.jpg": ("error", False, ['file.truncated'], []),
    "images/pil_png_zlib_text_bomb.png": ("error", False, ['file.bomb'], []),
    "images/pil_rot1mir0.avif": ("error", True, ['image.format'], ['image.aspect', 'image.orientation', 'image.resolution']),
    "images/pil_star_animated.avifs": ("error", True, ['image.format'], ['image.animation', 'image.aspect', 'image.resolution', 'image.transparency']),
    "images/pil_sugarshack_3ds.mpo": ("error", True, ['image.format'], ['image.animation', 'image.aspect', 'image.resolution']),
    "images/pil_transparent_lossy_alpha.webp": ("error", True, ['image.format'], ['image.aspect', 'image.resolution', 'image.transparency']),
    "images/pil_transparent_rgba.png": ("error", True, ['image.format'], ['image.aspect', 'image.resolution', 'image.transparency']),
    "images/pil_truncated.png": ("error", False, ['file.truncated'], []),
    "images/pil_truncated_progressive.jpg": ("error", False, ['file.truncated'], []),
    "images/pil_xiaomi_orientation6_empty_gps.jpg": ("advice", True, [], ['image.aspect', 'image.orientation', 'image.resolution']),
    "images/rec_Portrait_0.jpg": ("advice", True, [], ['image.aspect', 'image.resolution']),
    "images/rec_Portrait_1.jpg": ("advice", True, [], ['image.aspect', 'image.resolution']),
    "images/rec_Portrait_2.jpg": ("advice", True, [], ['image.aspect', 'image.orientation', 'image.resolution']),
    "images/rec_Portrait_3.jpg": ("advice", True, [], ['image.aspect', 'image.orientation', 'image.resolution']),
    "images/rec_Portrait_4.jpg": ("advice", True, [], ['image.aspect', 'image.orientation', 'image.resolution']),
    "images/rec_Portrait_5.jpg": ("advice", True, [], ['image.aspect', 'image.orientation', 'image.resolution']),
    "images/rec_Portrait_6.jpg": ("advice", True, [], ['image.aspect', 'image.orientation', 'image.resolution']),
    "images/rec_Portrait_7.jpg": ("advice", True, [], ['image.aspect', 'image.orientation', 'image.resolution']),
    "images/rec_Portrait_8.jpg": ("advice", True, [], ['image.aspect', 'image.orientation', 'image.resolution']),
    "images/vips_16x17000.avif": ("error", True, ['image.format'], ['image.aspect', 'image.resolution']),
    "images/vips_17000x17000.avif": ("error", False, ['file.bomb'], []),
    "images/vips_indexed_palette.png": ("error", True, ['image.format'], ['image.aspect', 'image.resolution']),
    "images/vips_iphone_xs_portrait.avif": ("error", True, ['image.format'], ['image.aspect', 'image.colour', 'privacy.gps']),
    "images/vips_progressive_orientation6.jpg": ("advice", True, [], ['image.aspect', 'image.orientation', 'image.resolution']),
    "images/vips_truncated.jpg": ("error", False, ['file.truncated'], []),
    "images/vips_ultra-hdr.jpg": ("advice", True, [], ['image.aspect']),
    "video/ax_8k_hevc_300ms.mp4": ("error", True, ['video.bitrate', 'video.moov', 'video.too_short', 'video.width'], ['video.aspect_9_16']),
    "video/ax_android14_hevc_hlg.mp4": ("error", True, ['video.too_short'], ['privacy.gps', 'video.aspect_9_16', 'video.hdr', 'video.resolution']),
    "video/ax_android_portrait_4k60_rot90.mp4": ("error", True, ['video.bitrate', 'video.moov', 'video.too_short', 'video.width'], []),
    "video/ax_android_slow_motion.mp4": ("error", True, ['video.fps', 'video.too_short'], ['video.aspect_9_16', 'video.resolution']),
    "video/ax_apple_spatial_mvhevc.mov": ("error", True, ['video.fps', 'video.moov', 'video.too_short', 'video.width'], ['video.aspect_9_16']),
    "video/ax_av1.mp4": ("error", True, ['video.codec', 'video.moov', 'video.too_short'], ['privacy.gps', 'video.aspect_9_16', 'video.resolution']),
    "video/ax_bt601_odd_height.mov": ("error", True, ['video.moov', 'video.too_short'], ['privacy.gps', 'video.aspect_9_16', 'video.resolution']),
    "video/ax_h264_aac_baseline.mp4": ("error", True, ['video.too_short'], ['privacy.gps', 'video.aspect_9_16', 'video.resolution']),
    "video/ax_hevc_bframes_noaudio.mp4": ("error", True, ['video.moov', 'video.too_short'], ['video.aspect_9_16', 'video.resolution']),
    "video/ax_hevc_rot90_metadata_track.mp4": ("error", True, ['video.bitrate', 'video.moov', 'video.too_short'], ['privacy.gps']),
    "video/ax_iphone12promax_hevc_hlg.mp4": ("error", True, ['video.moov', 'video.too_short'], ['privacy.gps', 'video.hdr']),
    "video/ax_iphone14pro_dolbyvision.MOV": ("error", True, ['video.moov', 'video.too_short'], ['privacy.gps', 'video.hdr', 'video.resolution']),
    "video/ax_pixel7_rot180_noaudio.mp4": ("error", True, ['video.moov', 'video.too_short'], ['video.aspect_9_16', 'video.resolution']),
    "video/ax_rotate_and_reflect.mp4": ("error", True, ['video.too_short'], ['privacy.gps', 'video.aspect_9_16', 'video.resolution']),
    "video/ax_samsung_sef_slow_motion.mp4": ("error", True, ['video.moov', 'video.too_short'], ['video.aspect_9_16', 'video.resolution']),
    "video/ax_vertical_720x1080.mp4": ("error", True, ['video.moov', 'video.too_short'], ['privacy.gps', 'video.aspect_9_16', 'video.resolution']),
    "video/ax_video_only_noaudio.mp4": ("error", True, ['video.moov', 'video.too_short'], ['privacy.gps', 'video.aspect_9_16', 'video.resolution']),
    "video/ax_vp9_square_642.webm": ("error", True, ['video.codec', 'video.container', 'video.too_short'], ['video.aspect_9_16', 'video.resolution']),
}

# Displayed sizes (after EXIF orientation or the display matrix), rotation and format facts worth pinning.
DISPLAYED = {
    "images/rec_Portrait_5.jpg": (1200, 1800, 90),
    "images/rec_Portrait_6.jpg": (1200, 1800, 90),
    "images/rec_Portrait_7.jpg": (1200, 1800, 270),
    "images/rec_Portrait_8.jpg": (1200, 1800, 270),
    "images/rec_Portrait_0.jpg": (1200, 1800, 0),
    "images/es_orientation_landscape_6.jpg": (600, 450, 90),
    "images/es_canon_sx60_orientation6.jpg": (1536, 2048, 90),
    "images/pil_rot1mir0.avif": (640, 427, 90),
    "heic/es_iphone13promax.HEIC": (3024, 4032, 0),
    "heic/ph_samsung_s24u_200MP.heic": (12240, 16320, 0),
    "video/ax_android_portrait_4k60_rot90.mp4": (2160, 3840, 90),
    "video/ax_iphone14pro_dolbyvision.MOV": (720, 1280, 90),
    "video/ax_pixel7_rot180_noaudio.mp4": (1920, 1080, 180),
    "video/ax_rotate_and_reflect.mp4": (720, 1080, 90),
    "video/ax_vertical_720x1080.mp4": (720, 1080, 0),
}


def _corpus_files(corpus: Path) -> list[str]:
    return sorted(f"{p.parent.name}/{p.name}" for p in corpus.glob("*/*") if p.is_file())


def test_every_corpus_file_has_a_pinned_verdict(corpus: Path) -> None:
    assert _corpus_files(corpus) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_verdict(corpus: Path, name: str) -> None:
    verdict, fixable, errors, advice = EXPECTED[name]
    judgement = load_rules().judge(probe_file(corpus / name))
    assert judgement.verdict == verdict
    assert judgement.fixable == fixable
    assert sorted(f.rule for f in judgement.findings if f.severity == "error") == errors
    assert sorted(f.rule for f in judgement.findings if f.severity == "advice") == advice
    for finding in judgement.findings:
        assert finding.message_en and finding.message_nb and finding.message_en != finding.message_nb


@pytest.mark.parametrize("name", sorted(DISPLAYED))
def test_displayed_size_and_rotation(corpus: Path, name: str) -> None:
    width, height, rotation = DISPLAYED[name]
    info = probe_file(corpus / name)
    assert (info.display_width, info.display_height, info.rotation) == (width, height, rotation)


def test_formats_recognised_by_content(corpus: Path) -> None:
    facts = {name: probe_file(corpus / name) for name in (
        "images/pil_sugarshack_3ds.mpo", "images/pil_cmyk.jpg", "video/ax_iphone12promax_hevc_hlg.mp4",
        "heic/ph_sony_a7s3_10bit.hif", "video/ax_vp9_square_642.webm", "images/vips_ultra-hdr.jpg")}
    assert facts["images/pil_sugarshack_3ds.mpo"].format == "MPO"
    assert facts["images/pil_cmyk.jpg"].colour_space == "cmyk"
    assert facts["video/ax_iphone12promax_hevc_hlg.mp4"].container == "mov"  # QuickTime despite .mp4
    assert facts["heic/ph_sony_a7s3_10bit.hif"].bit_depth == 10
    assert facts["video/ax_vp9_square_642.webm"].container == "webm"
    assert facts["images/vips_ultra-hdr.jpg"].format == "JPEG"  # a gain map in MPF is still a JPEG


def test_video_facts(corpus: Path) -> None:
    info = probe_file(corpus / "video/ax_android_portrait_4k60_rot90.mp4")
    assert (info.video_codec, info.audio_codec, info.audio_sample_rate, info.audio_channels) == ("h264", "aac", 48000, 2)
    assert info.fps == pytest.approx(60.0, abs=0.1)  # nominal 60; the average over 18 frames is 60.058
    assert info.moov_at_front is False
    slow = probe_file(corpus / "video/ax_android_slow_motion.mp4")
    assert slow.audio_codec == "" and slow.fps == pytest.approx(13.325, abs=0.01)
    assert probe_file(corpus / "video/ax_samsung_sef_slow_motion.mp4").problem == ""  # SEF trailer is no damage
