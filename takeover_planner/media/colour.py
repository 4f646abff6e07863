"""Colour science for the fixes: from a phone's HDR or wide-gamut picture to SDR BT.709 (video) or sRGB (pictures).

One function (``to_sdr``) turns a source pixel, non-linear R'G'B' in the source's primaries and transfer, into
an SDR one. A 3D lookup table samples it once per (primaries, transfer, output, peak) and is kept: FFmpeg's
``lut3d`` applies it to video frames (from a ``.cube`` file in the cache folder), Pillow's ``Color3DLUT`` to
pictures. The maths mirrors the reference our tests compare against, FFmpeg's ``zscale`` + ``tonemap=hable``:

1. linear light, display-referred, 1.0 = reference white (100 cd/m²): PQ absolutely (SMPTE ST 2084); HLG through
   its inverse OETF and the BT.2100 OOTF (system gamma 1.2, per component) for a 1000 cd/m² display; SDR video through BT.1886
   (gamma 2.4), sRGB pictures through the sRGB curve;
2. the source primaries to BT.709/sRGB primaries (a 3×3 matrix in linear light, D65 white on both sides);
3. HDR only: Hable's filmic curve on the brightest component (maxRGB, which keeps hues), scaled so that the
   peak becomes white, no extra desaturation (``tonemap=hable:desat=0``); the peak is 1000 cd/m² for HLG (its
   nominal display); for PQ the content's own by its metadata (MaxCLL, else the mastering display's peak, as
   FFmpeg's ``tonemap`` reads it), else 1000 cd/m² (what phones master to);
4. clipped to the gamut and encoded with BT.1886's inverse (video) or the sRGB curve (pictures).
"""

from __future__ import annotations

import math
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REFERENCE_WHITE_NITS = 100.0
HLG_PEAK_NITS = 1000.0
# PQ content without usable metadata: phones master to about 1000 cd/m².
PQ_PEAK_NITS = 1000.0
# A stated peak outside this range is a mistake or a placeholder (0 means "not said"; some encoders write 1 or a
# mastering display's 10000 for "unknown"): it is passed over. Below reference white it would brighten the picture.
_USABLE_PEAK = (REFERENCE_WHITE_NITS, 10_000.0)
LUT_SIZE = 33  # 33 points per axis: FFmpeg and Pillow interpolate between them (tetrahedral / trilinear)
_LUT_VERSION = 1  # bump when the maths changes, so cached .cube files are made again

# CIE xy of the red, green and blue primaries (ITU-T H.273 colour_primaries); all use the D65 white point.
_PRIMARIES: dict[str, tuple[tuple[float, float], ...]] = {
    "bt709": ((0.640, 0.330), (0.300, 0.600), (0.150, 0.060)),
    "bt2020": ((0.708, 0.292), (0.170, 0.797), (0.131, 0.046)),
    "p3": ((0.680, 0.320), (0.265, 0.690), (0.150, 0.060)),
    "bt601-625": ((0.640, 0.330), (0.290, 0.600), (0.150, 0.060)),
    "bt601-525": ((0.630, 0.340), (0.310, 0.595), (0.155, 0.070)),
}
_D65 = (0.3127, 0.3290)
# H.273 code points → our names (primaries 1 = BT.709, 5 = BT.601 625, 6/7 = BT.601 525, 9 = BT.2020,
# 11/12 = DCI-P3 / Display P3; DCI-P3's own white is close enough to D65 for an SDR story).
PRIMARIES_BY_CODE = {1: "bt709", 5: "bt601-625", 6: "bt601-525", 7: "bt601-525", 9: "bt2020", 11: "p3", 12: "p3"}
# Transfer characteristics: 16 = PQ, 18 = HLG; 13 = sRGB; everything else here is an SDR camera/display gamma.
TRANSFER_BY_CODE = {16: "pq", 18: "hlg", 13: "srgb"}
WIDE_GAMUTS = frozenset({"bt2020", "p3"})
HDR_TRANSFERS = frozenset({"hlg", "pq"})

Pixel = tuple[float, float, float]
Matrix = tuple[Pixel, Pixel, Pixel]


@dataclass(frozen=True)
class ColourSpec:
    """Where a picture's colours come from and where they go."""

    primaries: str  # a key of _PRIMARIES
    transfer: str  # "sdr" (BT.709/BT.1886 video gamma), "srgb", "hlg" or "pq"
    output: str = "bt709"  # "bt709" (video, BT.1886) or "srgb" (pictures)
    peak_nits: float = HLG_PEAK_NITS  # the source's brightest white; used for HDR only

    @property
    def hdr(self) -> bool:
        return self.transfer in HDR_TRANSFERS

    @property
    def needs_lut(self) -> bool:
        """False when the source already is what the output wants: nothing to convert, only tags to write."""
        same_gamut = self.primaries in ("bt709", "bt601-625", "bt601-525")
        same_curve = self.transfer == ("srgb" if self.output == "srgb" else "sdr")
        return not (same_gamut and same_curve)

    def describe(self) -> str:
        """For a fix's recipe: what was converted, in the words a colourist would use."""
        names = {"bt709": "BT.709", "bt2020": "BT.2020", "p3": "Display P3", "bt601-625": "BT.601",
                 "bt601-525": "BT.601"}
        curve = {"sdr": "SDR", "srgb": "sRGB", "hlg": "HLG", "pq": "PQ"}[self.transfer]
        target = "SDR BT.709" if self.output == "bt709" else "sRGB"
        if self.hdr:
            return (f"tone-mapped {curve} {names[self.primaries]} to {target} "
                    f"(Hable, peak {self.peak_nits:g} cd/m²)")
        return f"converted {curve} {names[self.primaries]} to {target}"


def spec_for(primaries: str, transfer: str, output: str, peak_nits: float = 0.0) -> ColourSpec:
    """A spec from probe facts; unknown primaries are taken as BT.709 and an unknown curve as SDR.

    ``peak_nits`` is PQ content's peak by its metadata (``content_peak``; 0: not said, 1000 cd/m² then). HLG
    keeps its nominal 1000 cd/m² display: its signal is relative to the display, not to the content."""
    chosen = primaries if primaries in _PRIMARIES else "bt709"
    curve = transfer if transfer in ("sdr", "srgb", "hlg", "pq") else ("srgb" if output == "srgb" else "sdr")
    peak = {"hlg": HLG_PEAK_NITS, "pq": peak_nits or PQ_PEAK_NITS}.get(curve, REFERENCE_WHITE_NITS)
    return ColourSpec(chosen, curve, output, peak)


def content_peak(max_cll: float, mastering_peak: float) -> float:
    """The content's peak luminance (cd/m², whole) from HDR10 static metadata, or 0 when none is usable:
    MaxCLL (its brightest pixel) first, else the mastering display's peak, the order FFmpeg's ``tonemap``
    reads them in."""
    for value in (max_cll, mastering_peak):
        if _USABLE_PEAK[0] <= value <= _USABLE_PEAK[1]:
            return float(round(value))
    return 0.0


# --- transfer functions (non-linear signal ↔ linear light, 1.0 = reference white) -------------------------

def _pq_to_linear(signal: float) -> float:
    m1, m2 = 2610 / 16384, 2523 / 4096 * 128
    c1, c2, c3 = 3424 / 4096, 2413 / 4096 * 32, 2392 / 4096 * 32
    power = max(signal, 0.0) ** (1 / m2)
    nits = 10000.0 * (max(power - c1, 0.0) / (c2 - c3 * power)) ** (1 / m1)
    return nits / REFERENCE_WHITE_NITS


def _hlg_inverse_oetf(signal: float) -> float:
    a, b, c = 0.17883277, 0.28466892, 0.55991073
    signal = max(signal, 0.0)
    if signal <= 0.5:
        return signal * signal / 3
    return (math.exp((signal - c) / a) + b) / 12


def _srgb_to_linear(signal: float) -> float:
    return signal / 12.92 if signal <= 0.04045 else ((signal + 0.055) / 1.055) ** 2.4


def _linear_to_srgb(light: float) -> float:
    return light * 12.92 if light <= 0.0031308 else 1.055 * light ** (1 / 2.4) - 0.055


def _linearise(pixel: Pixel, spec: ColourSpec) -> Pixel:
    r, g, b = pixel
    if spec.transfer == "pq":
        return _pq_to_linear(r), _pq_to_linear(g), _pq_to_linear(b)
    if spec.transfer == "hlg":
        # BT.2100's OOTF for a 1000 cd/m² display (system gamma 1.2), applied per component as zimg (FFmpeg's
        # zscale, our reference) does: it keeps a little more colour than applying it through the luminance.
        scale = HLG_PEAK_NITS / REFERENCE_WHITE_NITS
        return (_hlg_inverse_oetf(r) ** 1.2 * scale, _hlg_inverse_oetf(g) ** 1.2 * scale,
                _hlg_inverse_oetf(b) ** 1.2 * scale)
    if spec.transfer == "srgb":
        return _srgb_to_linear(r), _srgb_to_linear(g), _srgb_to_linear(b)
    return max(r, 0.0) ** 2.4, max(g, 0.0) ** 2.4, max(b, 0.0) ** 2.4


def _encode(light: float, output: str) -> float:
    light = min(max(light, 0.0), 1.0)
    return _linear_to_srgb(light) if output == "srgb" else light ** (1 / 2.4)


# --- primaries ----------------------------------------------------------------------------------------------

def _xyz(x: float, y: float) -> Pixel:
    return x / y, 1.0, (1 - x - y) / y


def _inverse(m: Matrix) -> Matrix:
    (a, b, c), (d, e, f), (g, h, i) = m
    det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
    return (((e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det),
            ((f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det),
            ((d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det))


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    return tuple(tuple(sum(m[row][k] * n[k][col] for k in range(3)) for col in range(3))  # type: ignore[return-value]
                 for row in range(3))


def _apply(m: Matrix, pixel: Pixel) -> Pixel:
    return (m[0][0] * pixel[0] + m[0][1] * pixel[1] + m[0][2] * pixel[2],
            m[1][0] * pixel[0] + m[1][1] * pixel[1] + m[1][2] * pixel[2],
            m[2][0] * pixel[0] + m[2][1] * pixel[1] + m[2][2] * pixel[2])


@lru_cache(maxsize=16)
def _rgb_to_xyz(primaries: str) -> Matrix:
    columns = [_xyz(*point) for point in _PRIMARIES[primaries]]
    base: Matrix = tuple(tuple(columns[col][row] for col in range(3)) for row in range(3))  # type: ignore[assignment]
    white = _apply(_inverse(base), _xyz(*_D65))
    return tuple(tuple(base[row][col] * white[col] for col in range(3)) for row in range(3))  # type: ignore[return-value]


@lru_cache(maxsize=16)
def gamut_matrix(source: str, target: str = "bt709") -> Matrix:
    """Linear RGB in ``source`` primaries → linear RGB in ``target`` primaries."""
    return _multiply(_inverse(_rgb_to_xyz(target)), _rgb_to_xyz(source))


# --- tone mapping -------------------------------------------------------------------------------------------

def _hable(x: float) -> float:
    a, b, c, d, e, f = 0.15, 0.50, 0.10, 0.20, 0.02, 0.30
    return (x * (x * a + b * c) + d * e) / (x * (x * a + b) + d * f) - e / f


def _tone_map(pixel: Pixel, peak: float) -> Pixel:
    """FFmpeg's ``tonemap=hable:desat=0`` for one linear pixel (BT.709 primaries): the curve on the brightest
    component, the same scale on all three, so hues are kept and nothing is pushed out of gamut. (FFmpeg's
    default desaturation of colours over 200 cd/m² greyed bright phone footage noticeably: not used.)"""
    r, g, b = pixel
    brightest = max(r, g, b, 1e-6)
    scale = _hable(brightest) / _hable(peak) / brightest
    return r * scale, g * scale, b * scale


def to_sdr(pixel: Pixel, spec: ColourSpec) -> Pixel:
    """One non-linear source pixel (0–1 per channel) → the non-linear SDR output pixel (0–1 per channel)."""
    light = _apply(gamut_matrix(spec.primaries), _linearise(pixel, spec))
    if spec.hdr:
        light = _tone_map(light, spec.peak_nits / REFERENCE_WHITE_NITS)
    return _encode(light[0], spec.output), _encode(light[1], spec.output), _encode(light[2], spec.output)


# --- lookup tables ------------------------------------------------------------------------------------------

@lru_cache(maxsize=8)
def lut_table(spec: ColourSpec, size: int = LUT_SIZE) -> tuple[Pixel, ...]:
    """The table, red fastest (the order of both a .cube file and Pillow's Color3DLUT)."""
    step = 1 / (size - 1)
    return tuple(to_sdr((r * step, g * step, b * step), spec)
                 for b in range(size) for g in range(size) for r in range(size))


def cube_file(spec: ColourSpec, folder: Path, size: int = LUT_SIZE) -> Path:
    """The table as an Adobe/Resolve ``.cube`` file in ``folder``, written once (atomically) and reused."""
    name = (f"{spec.primaries}-{spec.transfer}-to-{spec.output}-{spec.peak_nits:g}nits-{size}"
            f"-v{_LUT_VERSION}.cube")
    path = folder / name
    if path.is_file():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f"# Takeover Planner: {spec.describe().replace('cd/m²', 'nits')}", f"LUT_3D_SIZE {size}"]
    lines += [f"{r:.6f} {g:.6f} {b:.6f}" for r, g, b in lut_table(spec, size)]
    fd, temp = tempfile.mkstemp(prefix=".lut.", suffix=".cube", dir=folder)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write("\n".join(lines) + "\n")
    os.replace(temp, path)  # two processes making the same table write the same bytes: either one wins
    return path
