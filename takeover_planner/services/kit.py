"""The contributor kit as a use case: write a slot's kit (one HTML file) for a department without the app.

"Write brief…" (``packages.write_slot_brief``) puts the same kit inside the brief package and beside the PDF;
this writes it on its own, e.g. for a department that asks again. Each kit carries a fresh brief id, like a
brief written again would.
"""

from __future__ import annotations

from pathlib import Path

from takeover_planner.fileio import atomic_write_bytes
from takeover_planner.intake.kit import kit_html
from takeover_planner.intake.manifest import BriefManifest
from takeover_planner.services import audit
from takeover_planner.services.context import AppContext
from takeover_planner.services.packages import prepare_brief


def write_slot_kit(ctx: AppContext, slot_id: int, out: Path, *, language: str = "nb",
                   reach: str = "") -> BriefManifest:
    """Write the contributor kit for ``slot_id`` to ``out`` (atomically), in ``language`` at first; returns the
    brief it carries."""
    prepared = prepare_brief(ctx, slot_id, language=language, reach=reach)
    atomic_write_bytes(out, kit_html(prepared.brief, prepared.rules, language).encode("utf-8"))
    with ctx.db.write() as s:
        audit.record(s, ctx.actor, "slot", slot_id, "kit_written",
                     after={"brief_uid": prepared.brief.brief_uid, "file": Path(out).name, "language": language})
    return prepared.brief
