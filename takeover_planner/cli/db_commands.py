"""`db upgrade`, `db status`, and `demo`."""

from __future__ import annotations

import argparse
from typing import Any

from takeover_planner.cli.common import Cli, add_subcommand


def register(sub: Any) -> None:
    db = add_subcommand(sub, "db", "database maintenance")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = add_subcommand(db_sub, "upgrade", "bring the database schema up to date (backs up SQLite first)")
    up.set_defaults(handler=_upgrade)
    st = add_subcommand(db_sub, "status", "show the database, its schema version and what is pending")
    st.set_defaults(handler=_status)
    from takeover_planner.cli.team_commands import register_db_commands

    register_db_commands(db_sub)

    demo = add_subcommand(sub, "demo", "load the demo municipality (Fjordvik; safe to run twice)")
    demo.set_defaults(handler=_demo)


def _upgrade(_args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.storage.migrate import upgrade

    ctx = cli.context(migrate=False)
    before, backup = upgrade(ctx.db, ctx.paths.backup_dir)
    if before.up_to_date:
        human = f"The database is up to date (schema {before.head})."
    else:
        human = f"Upgraded {ctx.db.display_url} from {before.current or 'empty'} to {before.head}."
        if backup:
            human += f"\nBackup: {backup}"
    cli.out(human, {"database": ctx.db.display_url, "from": before.current, "to": before.head,
                    "backup": str(backup) if backup else None})
    return 0


def _status(_args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.storage.migrate import schema_status

    ctx = cli.context(migrate=False)
    status = schema_status(ctx.db)
    if status.too_new:
        state = "newer than this app"
    elif status.foreign:
        state = "not a Takeover Planner database"
    elif status.up_to_date:
        state = "up to date"
    elif status.current is None:
        state = "empty (will be created on first use)"
    else:
        state = f"{len(status.pending)} migration(s) pending"
    human = (f"Database: {ctx.db.display_url}\nSchema:   {status.current or '-'} (this app: {status.head})\n"
             f"State:    {state}\nData:     {ctx.paths.data_dir}\nLogs:     {ctx.paths.log_file}")
    cli.out(human, {"database": ctx.db.display_url, "current": status.current, "head": status.head,
                    "pending": list(status.pending), "state": state, "data_dir": str(ctx.paths.data_dir)})
    return 0


def _demo(_args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services.demo import load_demo

    result = load_demo(cli.context())
    if result.loaded:
        human = (f"Loaded the demo municipality: {result.accounts} accounts, {result.departments} departments, "
                 f"{result.campaigns} theme weeks, {result.blackouts} blackouts, {result.slots} slots.")
    else:
        human = "The demo municipality is already loaded; nothing was added."
    cli.out(human, {"loaded": result.loaded, "accounts": result.accounts, "departments": result.departments,
                    "campaigns": result.campaigns, "blackouts": result.blackouts, "slots": result.slots})
    return 0
