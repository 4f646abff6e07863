"""`db backups` and `db restore BACKUP`: the SQLite file's automatic backups, and putting one back.

Neither opens the database, so both work when it is damaged.
"""

from __future__ import annotations

import argparse
from typing import Any

from takeover_planner.cli.common import Cli, add_subcommand, table
from takeover_planner.texts import render
from takeover_planner.texts.cli_reports import CliReport, heads


def register_backup_commands(db_sub: Any) -> None:
    """Called by db_commands: these belong to the `db` group."""
    p = add_subcommand(db_sub, "backups", "list the automatic backups of this computer's database file")
    p.set_defaults(handler=_backups)
    p = add_subcommand(db_sub, "restore", "put a backup in place of the database file (the current one is kept)")
    p.add_argument("backup", metavar="BACKUP", help="a name from `db backups`, or the path of a backup file")
    p.set_defaults(handler=_restore)


def _backups(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import safekeeping

    found = safekeeping.list_backups(args.home, args.db)
    rows = [[b.name, b.taken.astimezone().strftime("%Y-%m-%d %H:%M"), b.label,
             f"{b.path.stat().st_size // 1024} KiB"] for b in found.backups]
    human = (table(rows, heads("BACKUP", "TAKEN", "OCCASION", "SIZE")) + "\n"
             + render(CliReport.BACKUPS_FOLDER, {"folder": str(found.folder)}) if rows
             else render(CliReport.NO_BACKUPS, {"folder": str(found.folder)}))
    cli.out(human, {"database": found.database, "folder": str(found.folder), "backups": [
        {"name": b.name, "path": str(b.path), "taken": b.taken.isoformat(), "occasion": b.label}
        for b in found.backups]})
    return 0


def _restore(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import safekeeping

    done = safekeeping.restore(args.home, args.db, args.backup)
    human = render(CliReport.RESTORED, {"database": str(done.database), "backup": done.backup.name})
    if done.kept_aside:
        human += "\n" + render(CliReport.KEPT_ASIDE, {"path": str(done.kept_aside)})
    cli.out(human, {"database": str(done.database), "backup": str(done.backup.path),
                    "kept_aside": str(done.kept_aside) if done.kept_aside else None})
    return 0
