"""Small generated media for tests: JPEGs with EXIF orientation and GPS, PNGs, short H.264/AAC clips.

Kept tiny so the whole media suite stays fast; every helper writes one file and returns its path.
"""

from __future__ import annotations

import io
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
from PIL import Image, ImageDraw

GPS_IFD = 0x8825


def gradient_image(width: int, height: int, mode: str = "RGB") -> Image.Image:
    """A picture whose corners differ, so a turn or a mirror shows in the pixels."""
    image = Image.new("RGB", (width, height), (40, 40, 40))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width // 3, height // 3), fill=(255, 0, 0))  # top-left: red
    draw.rectangle((width - width // 3, 0, width, height // 3), fill=(0, 255, 0))  # top-right: green
    draw.rectangle((0, height - height // 3, width // 3, height), fill=(0, 0, 255))  # bottom-left: blue
    return image.convert(mode) if mode != "RGB" else image


def write_jpeg(path: Path, width: int = 600, height: int = 400, *, orientation: int = 1, gps: bool = False,
               quality: int = 90, icc: bytes | None = None) -> Path:
    image = gradient_image(width, height)
    exif = Image.Exif()
    exif[0x0112] = orientation
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (59.0, 54.0, 30.0), 3: "E", 4: (10.0, 45.0, 10.0)}
    kwargs = {"exif": exif.tobytes(), "quality": quality}
    if icc is not None:
        kwargs["icc_profile"] = icc
    image.save(path, "JPEG", **kwargs)
    return path


def write_png(path: Path, width: int = 300, height: int = 200, *, alpha: bool = False) -> Path:
    image = gradient_image(width, height, "RGBA" if alpha else "RGB")
    if alpha:
        image.putalpha(Image.new("L", (width, height), 128))
    image.save(path, "PNG")
    return path


def jpeg_bytes(width: int = 64, height: int = 48) -> bytes:
    buffer = io.BytesIO()
    gradient_image(width, height).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def write_clip(path: Path, *, width: int = 320, height: int = 568, seconds: float = 1.0, fps: int = 30,
               codec: str = "libx264", audio: bool = True, audio_rate: int = 48000, faststart: bool = True,
               rotation: int = 0, container: str | None = None, pix_fmt: str = "yuv420p") -> Path:
    """A short clip: moving colour bars, optional AAC tone, optional display rotation (counter-clockwise)."""
    options = {"movflags": "+faststart"} if faststart and (container or path.suffix.lstrip(".")) in ("mp4", "mov") else {}
    with av.open(str(path), "w", format=container, options=options) as out:
        video: Any = out.add_stream(codec, rate=fps)
        video.width, video.height = width, height
        video.pix_fmt = pix_fmt
        if codec == "libx264":
            video.options = {"preset": "ultrafast"}
        if rotation:
            video.set_display_rotation(rotation)
        sound: Any = None
        if audio:
            sound = out.add_stream("aac", rate=audio_rate, layout="stereo")
        frames = max(1, round(seconds * fps))
        base = gradient_image(width, height)
        looks = []
        for step in range(8):  # eight distinct pictures, cycled: motion without a Pillow image per frame
            shifted = Image.new("RGB", (width, height))
            offset = (step * width // 8) % width
            shifted.paste(base, (offset, 0))
            shifted.paste(base, (offset - width, 0))
            looks.append(av.VideoFrame.from_image(shifted).reformat(format=pix_fmt))
        for index in range(frames):
            frame = looks[index % len(looks)]
            frame.pts = index
            frame.time_base = Fraction(1, fps)
            for packet in video.encode(frame):
                out.mux(packet)
        for packet in video.encode(None):
            out.mux(packet)
        if sound is not None:
            samples = int(seconds * audio_rate)
            position = 0
            while position < samples:
                count = min(1024, samples - position)
                chunk = av.AudioFrame(format="fltp", layout="stereo", samples=count)
                for plane in chunk.planes:
                    plane.update(bytes(plane.buffer_size))
                chunk.sample_rate = audio_rate
                chunk.pts = position
                chunk.time_base = Fraction(1, audio_rate)
                for packet in sound.encode(chunk):
                    out.mux(packet)
                position += count
            for packet in sound.encode(None):
                out.mux(packet)
    return path
