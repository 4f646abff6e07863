"""The database schema for `db status` and `db upgrade`: which revision it has and bringing it up to date
(a SQLite file is backed up first). Start-up upgrades through ``context.open_context``."""

from __future__ import annotations

from pathlib import Path

from takeover_planner.services.context import AppContext
from takeover_planner.storage.migrate import SchemaStatus, schema_status, upgrade


def status(ctx: AppContext) -> SchemaStatus:
    """The revision the database has, this app's head, and the migrations still pending; changes nothing."""
    return schema_status(ctx.db)


def bring_up_to_date(ctx: AppContext) -> tuple[SchemaStatus, Path | None]:
    """Upgrade to this app's head; the status before, and the backup made (if any)."""
    return upgrade(ctx.db, ctx.paths.backup_dir)
