"""Media use cases: import files into the store with their rows, fix an asset, check the store.

Order of writes keeps files and rows consistent if the process dies at any point: the file goes into the
store first (atomically), the row second. A crash in between leaves a file without a row, which
``check_media(repair=True)`` removes once it is older than a grace period (another machine on a shared
folder may be between those two steps right now).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from takeover_planner.errors import NotFoundError, TakeoverError, ValidationError
from takeover_planner.media.fix import fix_file
from takeover_planner.media.fix_types import FixedFile, FixOptions, FixRefused
from takeover_planner.media.geometry import Focus
from takeover_planner.media.importer import ImportedFile, ImportJob, import_one
from takeover_planner.media.model import Finding, Judgement
from takeover_planner.media.probe import probe_file
from takeover_planner.media.progress import CancelToken, ProgressCallback, no_progress
from takeover_planner.media.rules import RuleSet, load_rules
from takeover_planner.media.store import MediaStore
from takeover_planner.services import audit
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import MediaAsset
from takeover_planner.texts import Text
from takeover_planner.texts.media import MediaText

# A file without a row younger than this may belong to an import still running elsewhere.
ORPHAN_GRACE_S = 3600.0


@dataclass
class MediaImportResult:
    asset: MediaAsset | None  # None when the file could not be stored (missing, empty, too large)
    judgement: Judgement
    created: bool  # a new row (False: the same content was already in the store)
    thumbnail: Path | None
    source: Path
    error: Text | None = None  # why the file was not stored (``asset`` is None), or a note beside a stored one

    @property
    def findings(self) -> list[Finding]:
        return self.judgement.findings


@dataclass
class FixResult:
    original: MediaAsset
    assets: list[MediaAsset]  # one derivative, or one per part of a split clip
    paths: list[Path]

    @property
    def asset(self) -> MediaAsset:
        return self.assets[0]


@dataclass
class MediaCheckReport:
    files: int = 0
    rows: int = 0
    missing: list[str] = field(default_factory=list)  # rows whose file is gone (sha256)
    damaged: list[str] = field(default_factory=list)  # files whose content no longer matches their name
    orphans: list[str] = field(default_factory=list)  # files without a row (older than the grace period)
    leftovers: list[str] = field(default_factory=list)  # temp files of writes that never finished
    repaired: list[str] = field(default_factory=list)  # what --repair did, one line each

    @property
    def clean(self) -> bool:
        """Nothing left that needs a person (orphans and leftovers are only clutter once repaired)."""
        return not self.missing and not self.damaged and (not self.orphans and not self.leftovers or bool(self.repaired))

    def to_json(self) -> dict[str, object]:
        return {"files": self.files, "rows": self.rows, "missing": self.missing, "damaged": self.damaged,
                "orphans": self.orphans, "leftovers": self.leftovers, "repaired": self.repaired,
                "clean": self.clean}


def rules_for(ctx: AppContext, path: str | os.PathLike[str] | None = None) -> RuleSet:
    """The rule set in force: ``path``, else the "rules.path" setting, else the built-in story rules."""
    return load_rules(path or ctx.settings.get("rules.path") or None)


def store_for(ctx: AppContext) -> MediaStore:
    return MediaStore(ctx.media_dir)


def asset_path(ctx: AppContext, asset: MediaAsset) -> Path:
    return store_for(ctx).path_for(asset.sha256)


def _job(ctx: AppContext) -> ImportJob:
    return ImportJob(store_root=str(ctx.media_dir), thumbnail_dir=str(ctx.paths.thumbnail_dir),
                     rules_path=str(ctx.settings.get("rules.path") or ""))


def import_file(ctx: AppContext, path: str | os.PathLike[str], *, original_name: str | None = None) -> MediaImportResult:
    """Store one file and give it a row (the existing row when the content is already known)."""
    source = Path(path)
    if not source.exists():
        raise ValidationError(MediaText.SOURCE_MISSING, path=str(source))
    imported = import_one(str(source), _job(ctx))
    return _record(ctx, imported, original_name or source.name)


def _record(ctx: AppContext, imported: ImportedFile, original_name: str,
            derived_from: MediaAsset | None = None, recipe: dict | None = None) -> MediaImportResult:
    judgement = imported.judgement
    source = Path(imported.source)
    thumbnail = Path(imported.thumbnail) if imported.thumbnail else None
    if not imported.stored:
        return MediaImportResult(None, judgement, False, None, source, imported.why_not_stored())
    try:
        with ctx.db.write() as session:
            asset, created = asset_row(session, imported, actor=ctx.actor, original_name=original_name,
                                       derived_from=derived_from, recipe=recipe)
    except IntegrityError:
        # Another process stored the same content a moment ago: use its row.
        with ctx.db.session() as session:
            asset = session.scalars(select(MediaAsset).where(MediaAsset.sha256 == imported.sha256)).one()
            created = False
    return MediaImportResult(asset, judgement, created, thumbnail, source, imported.error)


def asset_row(session: Session, imported: ImportedFile, *, actor: str, original_name: str,
              derived_from: MediaAsset | None = None, recipe: dict[str, Any] | None = None) -> tuple[MediaAsset, bool]:
    """The media-asset row for a stored file in ``session``: the existing one when the content is known
    (``created`` False), else a new row with its audit event ("imported", or "fixed" for a derivative).

    Takes the caller's session so a package import can write its rows in the same transaction as its frames.
    """
    existing = session.scalars(select(MediaAsset).where(MediaAsset.sha256 == imported.sha256)).first()
    if existing is not None:
        return existing, False
    info = imported.info
    row = MediaAsset(
        sha256=imported.sha256, kind=info.kind, format=info.format, size_bytes=imported.size,
        width=info.width, height=info.height, display_width=info.display_width, display_height=info.display_height,
        duration_s=info.duration_s, original_name=original_name[:500],
        probe={**info.to_dict(), "path": ""}, findings=[f.to_dict() for f in imported.findings],
        derived_from_id=derived_from.id if derived_from is not None else None, recipe=recipe,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor, "media_asset", row.id, "imported" if derived_from is None else "fixed",
                 after={"sha256": row.sha256, "name": row.original_name, "kind": row.kind,
                        "verdict": imported.judgement.verdict})
    return row, True


def get_asset(ctx: AppContext, asset_id: int) -> MediaAsset:
    with ctx.db.session() as session:
        asset = session.get(MediaAsset, asset_id)
    if asset is None:
        raise NotFoundError(MediaText.NO_ASSET, asset_id=asset_id)
    return asset


def fix_asset(ctx: AppContext, asset_id: int, mode: str = "pad", *, focus: Focus | None = None,
              options: FixOptions | None = None, progress: ProgressCallback = no_progress,
              cancel: CancelToken | None = None, channel: str = "instagram") -> FixResult:
    """Make the story-ready derivative(s) of an asset; the original stays untouched in the store. ``channel``
    (``instagram``, ``both``, ``facebook``) is where its frame goes out: the fix meets every rule of those."""
    if mode not in ("crop", "pad"):
        raise ValidationError(MediaText.BAD_FIT_MODE, mode=mode)
    original = get_asset(ctx, asset_id)
    source = asset_path(ctx, original)
    if not source.is_file():
        raise NotFoundError(MediaText.ASSET_FILE_MISSING, details={"path": str(source)}, asset_id=asset_id)
    base = options or FixOptions()
    from takeover_planner.services.media_checks import fix_options_for, rules_for_channel

    rules = rules_for_channel(rules_for(ctx), channel)
    chosen = fix_options_for(rules, FixOptions(**{**base.__dict__, "mode": mode, "focus": focus or base.focus}))
    judgement = rules.judge(probe_file(source))
    work = Path(tempfile.mkdtemp(prefix="fix-", dir=_work_dir(ctx)))
    try:
        stem = Path(original.original_name or original.sha256).stem or original.sha256[:12]
        fixed = fix_file(source, work, judgement, chosen, progress, cancel,
                         dest=work / f"{stem}.story.{'jpg' if judgement.info.kind == 'image' else 'mp4'}")
        assets, paths = [], []
        for item in fixed:
            asset = _store_derivative(ctx, item, original, chosen, rules)
            assets.append(asset)
            paths.append(asset_path(ctx, asset))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return FixResult(original, assets, paths)


def _work_dir(ctx: AppContext) -> Path:
    # Next to the store, so that moving a finished derivative in is a rename on the same disk.
    folder = ctx.media_dir / ".work"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _store_derivative(ctx: AppContext, item: FixedFile, original: MediaAsset, options: FixOptions,
                      rules: RuleSet) -> MediaAsset:
    job = _job(ctx)
    imported = import_one(str(item.path), job)
    if not imported.stored:
        raise TakeoverError(MediaText.FIXED_NOT_STORED, problem=imported.why_not_stored())
    # Judged against every rule of the frame's channels too (the stored findings are the rules in force).
    errors = [f for f in imported.findings if f.severity == "error"] or [
        f for f in rules.evaluate(imported.info) if f.severity == "error"]
    if errors:
        raise FixRefused(MediaText.FIX_STILL_BREAKS, details={"rules": [f.rule for f in errors]},
                         problems=[f.words for f in errors])
    recipe = {**item.recipe, "source_sha256": original.sha256, "rules": f"{rules.name} {rules.version}",
              "made_by": ctx.actor}
    result = _record(ctx, imported, item.path.name, derived_from=original, recipe=recipe)
    assert result.asset is not None
    return result.asset


def check_media(ctx: AppContext, *, repair: bool = False, verify: bool = True,
                grace_s: float = ORPHAN_GRACE_S) -> MediaCheckReport:
    """Compare the store with the rows: missing files, damaged files, files without rows, stale temp files."""
    import time

    store = store_for(ctx)
    report = MediaCheckReport()
    with ctx.db.session() as session:
        known = set(session.scalars(select(MediaAsset.sha256)).all())
    report.rows = len(known)
    on_disk: dict[str, Path] = dict(store.stored())
    report.files = len(on_disk)
    report.missing = sorted(known - on_disk.keys())
    cutoff = time.time() - grace_s
    for sha, path in on_disk.items():
        if sha not in known:
            with contextlib.suppress(FileNotFoundError):
                if path.stat().st_mtime < cutoff:
                    report.orphans.append(sha)
        elif verify and not store.verify(sha):
            report.damaged.append(sha)
    report.leftovers = [str(path) for path in store.leftovers(grace_s)]
    work = ctx.media_dir / ".work"
    if work.is_dir():
        report.leftovers += [str(p) for p in sorted(work.iterdir()) if p.stat().st_mtime < cutoff]
    if repair:
        for sha in report.orphans:
            store.remove(sha)
            report.repaired.append(f"removed {sha} (no database row)")
        for leftover in report.leftovers:
            target = Path(leftover)
            if target.is_dir():
                shutil.rmtree(target, ignore_errors=True)
            else:
                target.unlink(missing_ok=True)
            report.repaired.append(f"removed unfinished write {target.name}")
        for sha in report.damaged:
            moved = store.quarantine(sha)
            report.repaired.append(f"moved damaged {sha} to {moved}")
    return report
