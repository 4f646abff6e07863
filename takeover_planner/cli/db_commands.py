"""`db upgrade`, `db status`, and `demo`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from takeover_planner.cli.common import Cli, add_subcommand
from takeover_planner.texts import ENGLISH, Text, render
from takeover_planner.texts.cli_reports import CliReport

if TYPE_CHECKING:
    from takeover_planner.services.team import SecurityStatus


def register(sub: Any) -> None:
    db = add_subcommand(sub, "db", "database maintenance")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = add_subcommand(db_sub, "upgrade", "bring the database schema up to date (backs up SQLite first)")
    up.set_defaults(handler=_upgrade)
    st = add_subcommand(db_sub, "status", "show the database, its schema version and what is pending")
    st.set_defaults(handler=_status)
    from takeover_planner.cli.team_commands import register_db_commands

    register_db_commands(db_sub)
    from takeover_planner.cli.backup_commands import register_backup_commands

    register_backup_commands(db_sub)

    demo = add_subcommand(sub, "demo", "load the demo municipality (Fjordvik; safe to run twice)")
    demo.set_defaults(handler=_demo)


def _upgrade(_args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services.schema import bring_up_to_date
    from takeover_planner.services.team import secure_database

    ctx = cli.context(migrate=False)
    before, backup = bring_up_to_date(ctx)
    security = secure_database(ctx)
    if before.up_to_date:
        human = render(CliReport.DB_UP_TO_DATE, {"head": before.head})
    else:
        human = render(CliReport.DB_UPGRADED, {"database": ctx.db.display_url,
                                               "before": before.current or CliReport.DB_EMPTY, "head": before.head})
        if backup:
            human += "\n" + render(CliReport.DB_BACKUP, {"path": str(backup)})
    if security is not None:
        human += "\n" + _security_line(security)
    cli.out(human, {"database": ctx.db.display_url, "from": before.current, "to": before.head,
                    "backup": str(backup) if backup else None, "security": _security_data(security)})
    return 0


def _security_line(security: SecurityStatus) -> str:
    if security.installed:
        return render(CliReport.ROLES_ENFORCED, {"groups": ", ".join(security.roles.all), "owner": security.owner})
    return render(CliReport.ROLES_MISSING, {"owner": security.owner})


def _security_data(security: SecurityStatus | None) -> dict[str, object] | None:
    if security is None:
        return None
    return {"installed": security.installed, "roles": list(security.roles.all), "owner": security.owner,
            "roles_present": security.roles_present, "policies_present": security.policies_present,
            "audit_trigger_present": security.audit_trigger_present}


def _status(_args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import schema
    from takeover_planner.services.safekeeping import refuse_if_damaged
    from takeover_planner.services.team import database_security

    ctx = cli.context(migrate=False)
    # Where a person looks when something seems wrong: damage in a page the schema query never reads counts too.
    refuse_if_damaged(ctx, cli.args.home)
    status = schema.status(ctx)
    if status.too_new:
        state = Text(CliReport.STATE_TOO_NEW)
    elif status.foreign:
        state = Text(CliReport.STATE_FOREIGN)
    elif status.up_to_date:
        state = Text(CliReport.STATE_UP_TO_DATE)
    elif status.current is None:
        state = Text(CliReport.STATE_EMPTY)
    else:
        state = Text(CliReport.STATE_PENDING, {"count": len(status.pending)})
    # Roles exist only once the schema does; a personal SQLite database has none.
    security = database_security(ctx) if status.current is not None and not status.foreign else None
    human = (render(CliReport.DB_STATUS, {"database": ctx.db.display_url, "current": status.current or "-",
                                          "head": status.head, "state": state}) + "\n"
             + (_security_line(security) + "\n" if security is not None else "")
             + render(CliReport.DB_FOLDERS, {"data": str(ctx.paths.data_dir), "logs": str(ctx.paths.log_file)}))
    cli.out(human, {"database": ctx.db.display_url, "current": status.current, "head": status.head,
                    "pending": list(status.pending), "state": state.in_language(ENGLISH),
                    "data_dir": str(ctx.paths.data_dir),
                    "security": _security_data(security)})
    return 0


def _demo(_args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services.demo import load_demo

    result = load_demo(cli.context())
    if result.loaded:
        human = render(CliReport.DEMO_LOADED, {"accounts": result.accounts, "departments": result.departments,
                                               "campaigns": result.campaigns, "blackouts": result.blackouts,
                                               "slots": result.slots})
    else:
        human = render(CliReport.DEMO_ALREADY)
    cli.out(human, {"loaded": result.loaded, "accounts": result.accounts, "departments": result.departments,
                    "campaigns": result.campaigns, "blackouts": result.blackouts, "slots": result.slots})
    return 0
