"""The contributor's side of a takeover, without a database: open the brief that came by e-mail, and write the
submission package that goes back (``package submit`` on the command line and the contributor window).

Before a package is written, ``what_cannot_go`` lists every frame that cannot go, in plain words: files that
are missing, empty, not pictures or videos, damaged or too big, people without consent details, text too
long, and (in the window, where "Fix it" is at hand) files Instagram would refuse. Everything ``package
import`` would refuse is caught here first, so a contributor never sends a package that comes back.

The planner's side (writing briefs, importing submissions) is ``services.packages``.
"""

from __future__ import annotations

import enum
import tempfile
from dataclasses import dataclass
from pathlib import Path

from takeover_planner.errors import EXIT_REFUSED, TakeoverError
from takeover_planner.intake.brief import read_brief
from takeover_planner.intake.manifest import BriefManifest, SubmissionManifest
from takeover_planner.intake.safezip import DEFAULT_LIMITS, ZipLimits
from takeover_planner.intake.submission import DraftFrame, SubmissionDraft, write_submission
from takeover_planner.services.story_media import judge
from takeover_planner.texts import Text
from takeover_planner.texts.stories import SubmissionText

MB = 1024 * 1024


class SubmissionRefused(TakeoverError):
    """The package was not written: some frames cannot go (``details["frames"]`` numbers them from 1)."""

    exit_code = EXIT_REFUSED


class Hold(enum.StrEnum):
    """Why a frame cannot go."""

    MISSING = "missing"
    EMPTY = "empty"
    NOT_MEDIA = "not_media"
    DAMAGED = "damaged"
    TOO_BIG = "too_big"
    ALL_TOO_BIG = "all_too_big"  # the package as a whole (frame number 0)
    UNFIXED = "unfixed"
    UNFIXABLE = "unfixable"
    NO_CONSENT = "no_consent"
    TOO_LONG = "too_long"


@dataclass(frozen=True)
class CannotGo:
    number: int  # the frame, from 1 (0: the package as a whole)
    hold: Hold
    text: Text


# The longest texts the submission manifest takes (intake/manifest.py refuses longer ones).
_FRAME_LIMITS = ((SubmissionText.FIELD_TEXT, "text", 2200), (SubmissionText.FIELD_NOTES, "notes", 5000),
                 (SubmissionText.FIELD_CREDIT, "credit", 300), (SubmissionText.FIELD_STICKER, "sticker_value", 1000))
_CONSENT_LIMITS = ((SubmissionText.FIELD_WHO, "subject", 300), (SubmissionText.FIELD_REFERENCE, "reference", 200))
_PROBLEMS = {"missing": (Hold.MISSING, SubmissionText.MISSING), "empty": (Hold.EMPTY, SubmissionText.EMPTY),
             "not_media": (Hold.NOT_MEDIA, SubmissionText.NOT_MEDIA)}


def open_brief(path: Path, *, work_dir: Path | None = None) -> BriefManifest:
    """Read and check a brief package (untrusted); its files are unpacked into a temporary folder inside
    ``work_dir`` only while they are checked."""
    with tempfile.TemporaryDirectory(prefix="brief-", dir=work_dir) as staging:
        return read_brief(Path(path), Path(staging)).manifest


def _file_problem(number: int, path: Path, name: str, require_fixed: bool, limits: ZipLimits) -> CannotGo | None:
    def hold(kind: Hold, code: SubmissionText, **params: object) -> CannotGo:
        return CannotGo(number, kind, Text(code, {"number": number, "file": name, **params}))

    judgement = judge(path)
    info = judgement.info
    if info.problem in _PROBLEMS:
        kind, code = _PROBLEMS[info.problem]
        return hold(kind, code)
    if info.kind not in ("image", "video"):
        return hold(Hold.DAMAGED, SubmissionText.DAMAGED)
    size = path.stat().st_size
    if size > limits.max_member_bytes:
        return hold(Hold.TOO_BIG, SubmissionText.TOO_BIG, size_mb=-(-size // MB), limit_mb=limits.max_member_bytes // MB)
    if require_fixed and judgement.verdict == "error":
        if judgement.fixable:
            return hold(Hold.UNFIXED, SubmissionText.UNFIXED)
        return hold(Hold.UNFIXABLE, SubmissionText.UNFIXABLE)
    return None


def _frame_problems(draft: SubmissionDraft, number: int, frame: DraftFrame, require_fixed: bool,
                    limits: ZipLimits) -> list[CannotGo]:
    name = frame.source.name
    found: list[CannotGo] = []
    original = _file_problem(number, frame.source, name, require_fixed and frame.fixed_source is None, limits)
    if original is not None:
        found.append(original)
    if frame.fixed_source is not None and original is None:
        fixed = _file_problem(number, frame.fixed_source, name, require_fixed, limits)
        if fixed is not None:
            found.append(fixed)
    if frame.shows_people and not frame.consents:
        found.append(CannotGo(number, Hold.NO_CONSENT, Text(SubmissionText.NO_CONSENT, {"number": number,
                                                                                       "file": name})))
    consents = [c for c in draft.consents if c.key in frame.consents]
    fields = [(code, getattr(frame, attr), limit) for code, attr, limit in _FRAME_LIMITS]
    fields += [(code, getattr(c, attr), limit) for c in consents for code, attr, limit in _CONSENT_LIMITS]
    for code, value, limit in fields:
        if len(str(value).strip()) > limit:
            found.append(CannotGo(number, Hold.TOO_LONG, Text(SubmissionText.TOO_LONG, {
                "number": number, "file": name, "field": Text(code), "limit": limit})))
    return found


def what_cannot_go(draft: SubmissionDraft, *, require_fixed: bool = False,
                   limits: ZipLimits = DEFAULT_LIMITS) -> list[CannotGo]:
    """Every frame that cannot go, and why, in frame order (empty: the package can be written).

    ``require_fixed``: a file Instagram would refuse cannot go either (the contributor window, which can fix
    it; the command line sends such files for the comms team to fix).
    """
    found: list[CannotGo] = []
    for number, frame in enumerate(draft.frames, start=1):
        found += _frame_problems(draft, number, frame, require_fixed, limits)
    if not found:
        files = {p.resolve() for f in draft.frames for p in (f.source, f.fixed_source) if p is not None}
        total = sum(p.stat().st_size for p in files)
        if total > min(limits.max_total_bytes, limits.max_package_bytes):
            limit = min(limits.max_total_bytes, limits.max_package_bytes)
            found.append(CannotGo(0, Hold.ALL_TOO_BIG, Text(SubmissionText.ALL_TOO_BIG, {
                "size_mb": -(-total // MB), "limit_mb": limit // MB})))
    return found


def save_submission(draft: SubmissionDraft, out: Path, *, require_fixed: bool = False,
                    limits: ZipLimits = DEFAULT_LIMITS) -> SubmissionManifest:
    """Check the draft (what cannot go first, then names, consents and stickers) and write the submission
    package to ``out`` atomically; nothing is written when a check fails (``SubmissionRefused`` lists every
    frame that cannot go)."""
    problems = what_cannot_go(draft, require_fixed=require_fixed, limits=limits)
    if problems:
        raise SubmissionRefused(SubmissionText.CANNOT_SAVE,
                                details={"frames": sorted({p.number for p in problems if p.number}),
                                         "holds": [{"frame": p.number, "hold": p.hold.value} for p in problems]},
                                problems=[p.text for p in problems])
    return write_submission(draft, Path(out))
