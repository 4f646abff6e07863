"""Shared set-up for the stories and intake tests: a booked slot, a brief, a submission from real files,
and snapshots of the database and the media store to prove that a refusal changed nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

from sqlalchemy import select

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.intake.brief import new_brief
from takeover_planner.intake.manifest import BriefManifest
from takeover_planner.intake.submission import DraftConsent, DraftFrame, SubmissionDraft, write_submission
from takeover_planner.media.rules import load_rules
from takeover_planner.services import booking, catalog
from takeover_planner.services.context import AppContext
from takeover_planner.services.packages import slot_facts
from takeover_planner.storage.models import Base, TakeoverSlot

START = dt.date(2027, 3, 1)
JPEGS = ("images/rec_Portrait_1.jpg", "images/es_orientation_landscape_1.jpg", "images/pil_cmyk.jpg")


def book_slot(ctx: AppContext, department: str = "Biblioteket") -> int:
    if not catalog.list_accounts(ctx):
        catalog.add_account(ctx, "Fjordvik kommune", handle="fjordvikkommune")
    catalog.add_department(ctx, department, contact_name="Kari Nordmann", email="kari@fjordvik.kommune.no")
    offset = len(booking.list_slots(ctx)) * 7
    result = booking.book(ctx, department=department, account="Fjordvik kommune",
                          start=START + dt.timedelta(days=offset), end=START + dt.timedelta(days=offset + 2),
                          status=SlotStatus.CONFIRMED)
    return result.slot.id


def brief_for(ctx: AppContext, slot_id: int) -> BriefManifest:
    with ctx.db.session() as s:
        slot = s.get(TakeoverSlot, slot_id)
        assert slot is not None
        facts = slot_facts(slot)
    return new_brief(facts, load_rules(), ctx.actor)


def draft(brief: BriefManifest, corpus: Path, files: tuple[str, ...] = JPEGS) -> SubmissionDraft:
    day = brief.slot.start
    frames = [DraftFrame(corpus / name, planned_date=day, planned_time=dt.time(9 + i, 30), text=f"Frame {i + 1}",
                         credit="Foto: Kari Nordmann") for i, name in enumerate(files)]
    frames[0].shows_people = True
    frames[0].consents = ["class7b"]
    consents = [DraftConsent("class7b", "Elevene i 7B", "SK-2027-014", "guardian", ["instagram"],
                             day + dt.timedelta(days=300))]
    return SubmissionDraft(brief, "Kari Nordmann", "kari@fjordvik.kommune.no", "Her er materiellet!", frames, consents)


def make_submission(ctx: AppContext, slot_id: int, corpus: Path, out: Path,
                    files: tuple[str, ...] = JPEGS) -> Path:
    write_submission(draft(brief_for(ctx, slot_id), corpus, files), out)
    return out


def db_snapshot(ctx: AppContext) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in primary-key order (plus the SQLite file's bytes when there is one)."""
    snap: dict[str, list[tuple[object, ...]]] = {}
    with ctx.db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = conn.execute(select(table).order_by(*table.primary_key.columns)).all()
            snap[table.name] = [tuple(r) for r in rows]
    if ctx.db.is_sqlite:
        # Fold the write-ahead log into the file, then compare the file itself, byte for byte.
        file = ctx.db.engine.url.database
        assert file is not None
        raw = sqlite3.connect(file)
        try:
            busy = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            raw.close()
        assert busy == 0
        snap["__file__"] = [(hashlib.sha256(Path(file).read_bytes()).hexdigest(),)]
    return snap


def store_snapshot(ctx: AppContext) -> dict[str, str]:
    root = ctx.media_dir
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}
