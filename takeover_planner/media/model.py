"""What a probe learns about a file, and what the rules say about it.

``MediaInfo`` is plain data (picklable, so worker processes can return it) and knows nothing about
Instagram; ``Finding`` is one rule's verdict on it, with its message in English and Norwegian Bokmål.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from takeover_planner.texts.render import Bilingual

Kind = Literal["image", "video", "unknown"]
Severity = Literal["error", "advice"]
Verdict = Literal["ok", "advice", "error"]

# Problems a probe can report about the file itself (not about Instagram's rules). The rule set turns
# each into a finding; the probe never raises for a hostile file.
PROBLEM_EMPTY = "empty"
PROBLEM_NOT_MEDIA = "not_media"
PROBLEM_UNREADABLE = "unreadable"
PROBLEM_TRUNCATED = "truncated"
PROBLEM_BOMB = "bomb"
PROBLEM_TOO_LARGE = "too_large"
PROBLEM_TIMEOUT = "timeout"
PROBLEM_MISSING = "missing"


@dataclass
class MediaInfo:
    """Everything the rules look at. ``None`` means "not known", never "zero"."""

    path: str
    size_bytes: int = 0
    kind: Kind = "unknown"
    format: str = ""  # JPEG, MPO, PNG, HEIF, AVIF, WEBP, GIF, TIFF; mp4, mov, webm, …
    extension_format: str = ""  # what the file name claims, for the "wrong extension" advice
    width: int | None = None  # stored pixels
    height: int | None = None
    display_width: int | None = None  # after EXIF orientation / display matrix
    display_height: int | None = None
    rotation: int = 0  # clockwise degrees a viewer turns the stored picture (0, 90, 180, 270)
    mirrored: bool = False
    # images
    orientation: int = 1  # EXIF orientation, 1–8 (invalid values read as 1)
    mode: str = ""  # Pillow mode: RGB, RGBA, CMYK, P, L, …
    bit_depth: int | None = None
    icc_description: str = ""
    colour_space: str = ""  # "sRGB", "other", "cmyk" or "" (no profile: taken as sRGB)
    has_alpha: bool = False
    frame_count: int = 1
    has_gps: bool = False
    hdr: bool = False  # an HDR transfer (HLG or PQ): the fix tone-maps it to SDR
    # video
    container: str = ""  # mp4, mov, webm, …
    video_codec: str = ""
    video_profile: str = ""
    pixel_format: str = ""
    chroma: str = ""  # "4:2:0", "4:2:2", "4:4:4", ""
    interlaced: bool | None = None
    duration_s: float | None = None
    fps: float | None = None
    bit_rate: int | None = None
    audio_codec: str = ""
    audio_sample_rate: int | None = None
    audio_channels: int | None = None
    moov_at_front: bool | None = None
    edit_list: bool | None = None  # an edit list that cuts, delays or repeats media
    # colour (video stream tags / picture nclx box; see media/colour.py for the names)
    colour_transfer: str = ""  # "hlg", "pq" (HDR), "srgb", or "" (an SDR gamma, or not said)
    colour_primaries: str = ""  # "bt709", "bt2020", "p3", "bt601-625", "bt601-525" or "" (not said)
    colour_matrix: str = ""  # video: "bt709", "bt2020", "bt601", "" (not said)
    colour_range: str = ""  # video: "tv" (limited) or "pc" (full), "" (not said)
    dolby_vision: bool = False  # a Dolby Vision configuration box; the colours above are its base layer's
    dolby_vision_profile: int = 0  # its profile, when said (5: no backward-compatible base layer; the fix refuses it)
    hdr_peak_nits: float = 0.0  # the content's peak by its metadata (MaxCLL, else mastering display), cd/m²; 0: not said
    gain_map: str = ""  # pictures: "heif_aux" (HEIC hdrgainmap), "iso" (tmap item), "ultrahdr" (JPEG XMP); noted only
    # what went wrong while reading, if anything (see PROBLEM_*), with a short technical detail
    problem: str = ""
    problem_detail: str = ""

    def problem_facts(self) -> dict[str, str]:
        """What went wrong, technically: for a refusal's ``details`` (the log), not for its words."""
        return {"kind": self.kind, "problem": self.problem, "detail": self.problem_detail}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    fixable: bool
    message_en: str
    message_nb: str
    fix: str = ""  # "image", "remux", "transcode" or "" (how a fix would go)

    def message(self, language: str = "en") -> str:
        return self.message_nb if language.startswith(("nb", "no")) else self.message_en

    @property
    def words(self) -> Bilingual:
        """The message in both languages, as a parameter of another message (a refused fix lists findings)."""
        return Bilingual(self.message_en, self.message_nb)

    def to_json(self, language: str = "en") -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "fixable": self.fixable,
                "message": self.message(language)}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Judgement:
    """A probed file and the findings of one rule set."""

    info: MediaInfo
    findings: list[Finding] = field(default_factory=list)

    @property
    def verdict(self) -> Verdict:
        return verdict_of(self.findings)

    @property
    def fixable(self) -> bool:
        """True when a fix would clear every error (and there is something to fix)."""
        errors = [f for f in self.findings if f.severity == "error"]
        return all(f.fixable for f in errors) and any(f.fixable for f in self.findings)

    def to_json(self, language: str = "en") -> dict[str, Any]:
        """The shape ``validate --json`` promises, one file."""
        info = self.info
        return {
            "path": info.path,
            "kind": info.kind,
            "format": info.format,
            "size_bytes": info.size_bytes,
            "width": info.width,
            "height": info.height,
            "display_width": info.display_width,
            "display_height": info.display_height,
            "rotation": info.rotation,
            "duration_s": info.duration_s,
            "fps": info.fps,
            "video_codec": info.video_codec or None,
            "audio_codec": info.audio_codec or None,
            "verdict": self.verdict,
            "findings": [finding.to_json(language) for finding in self.findings],
        }


def verdict_of(findings: list[Finding]) -> Verdict:
    if any(f.severity == "error" for f in findings):
        return "error"
    if findings:
        return "advice"
    return "ok"
