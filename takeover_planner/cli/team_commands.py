"""`person add | set-login | list | deactivate | activate`, `whoami`, `db connect URL`, `db copy --to URL`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from takeover_planner.cli.common import Cli, add_subcommand, table
from takeover_planner.texts import render
from takeover_planner.texts.cli_reports import CliReport, RoleName, heads


def register(sub: Any) -> None:
    person = add_subcommand(sub, "person", "the team's people and their roles")
    person_sub = person.add_subparsers(dest="person_command", metavar="ACTION", required=True)
    p = add_subcommand(person_sub, "add", "add a person (the first one must be a comms officer)")
    p.add_argument("name")
    p.add_argument("--role", required=True, help="comms_officer, contributor or reader")
    p.add_argument("--department", default=None, help="a contributor's department")
    p.add_argument("--email", default="")
    p.add_argument("--login", default=None,
                   help="team database: the person's own PostgreSQL login (created if it does not exist)")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the new login's password from standard input")
    p.set_defaults(handler=_person_add)
    p = add_subcommand(person_sub, "set-login", "team database: give a person who has no login their own login")
    p.add_argument("person", help="name or id")
    p.add_argument("--login", required=True, help="the person's PostgreSQL login (created if it does not exist)")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the new login's password from standard input")
    p.set_defaults(handler=_person_set_login)
    p = add_subcommand(person_sub, "list", "list the team")
    p.set_defaults(handler=_person_list)
    for action, help_text in (("deactivate", "take a person's access away (their login can no longer connect)"),
                              ("activate", "give a deactivated person their access back")):
        p = add_subcommand(person_sub, action, help_text)
        p.add_argument("person", help="name or id")
        p.set_defaults(handler=_person_active, active=action == "activate")
    p = add_subcommand(sub, "whoami", "show who you act as and what you may do")
    p.set_defaults(handler=_whoami)


def register_db_commands(db_sub: Any) -> None:
    """Called by db_commands: these belong to the `db` group."""
    p = add_subcommand(db_sub, "connect", "use this database from now on (a team's PostgreSQL, or back to SQLite)")
    p.add_argument("url", help="postgresql+psycopg://user@host/db, or 'default' for SQLite in the data folder")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the database password from standard input (kept in the OS keyring)")
    p.set_defaults(handler=_db_connect)
    p = add_subcommand(db_sub, "copy", "copy this plan into an empty database and verify it")
    p.add_argument("--to", dest="target", required=True, metavar="URL")
    p.add_argument("--password-stdin", action="store_true", help="read the target's password from standard input")
    p.set_defaults(handler=_db_copy)


def _person_add(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import people

    info = people.add_person(cli.context(), args.name, people.parse_role(args.role), department=args.department,
                             email=args.email, login=args.login, password=_read_password(args))
    said = {(False, False): CliReport.PERSON_ADDED, (True, False): CliReport.PERSON_ADDED_FOR,
            (False, True): CliReport.PERSON_ADDED_LOGIN, (True, True): CliReport.PERSON_ADDED_FOR_LOGIN}
    cli.out(render(said[bool(info.department), bool(info.login)],
                   {"name": info.name, "role": RoleName.of(info.role.value), "department": info.department or "",
                    "login": info.login or ""}),
            {"id": info.id, "name": info.name, "role": info.role.value, "department": info.department,
             "login": info.login})
    return 0


def _person_set_login(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import people

    ctx = cli.context()
    info = people.set_login(ctx, people.find_person(ctx, args.person).id, args.login, _read_password(args))
    cli.out(render(CliReport.PERSON_LOGIN_SET, {"name": info.name, "login": info.login or ""}),
            {"id": info.id, "name": info.name, "login": info.login, "active": info.active})
    return 0


def _person_active(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import people

    ctx = cli.context()
    info = people.set_active(ctx, people.find_person(ctx, args.person).id, args.active)
    cli.out(render(CliReport.PERSON_ACTIVE if info.active else CliReport.PERSON_DEACTIVATED, {"name": info.name}),
            {"id": info.id, "name": info.name, "active": info.active, "login": info.login})
    return 0


def _person_list(_args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import people

    team = people.list_people(cli.context())
    rows = [[str(p.id), p.name, render(RoleName.of(p.role.value)), p.department or "", p.login or "",
             "" if p.active else render(CliReport.INACTIVE)]
            for p in team]
    cli.out(table(rows, [*heads("ID", "NAME", "ROLE", "DEPARTMENT", "LOGIN"), ""]) if team else
            render(CliReport.NO_PEOPLE),
            [{"id": p.id, "name": p.name, "role": p.role.value, "department": p.department, "active": p.active,
              "login": p.login} for p in team])
    return 0


def _whoami(_args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import people

    ctx = cli.context()
    profile = people.whoami(ctx)
    said = CliReport.WHOAMI_PERSONAL if profile.personal else CliReport.WHOAMI
    cli.out(render(said, {"name": profile.name, "role": RoleName.of(profile.role.value),
                          "database": ctx.db.display_url}),
            {"name": profile.name, "role": profile.role.value, "department_id": profile.department_id,
             "personal": profile.personal, "database": ctx.db.display_url})
    return 0


def _read_password(args: argparse.Namespace) -> str | None:
    if not args.password_stdin:
        return None
    password = sys.stdin.readline().rstrip("\r\n")
    return password or None


def _db_connect(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import team

    result = team.connect(cli.context(migrate=False), args.url, password=_read_password(args))
    cli.out(render(CliReport.CONNECTED_KEYRING if result.password_stored else CliReport.CONNECTED,
                   {"database": result.display_url}),
            {"database": result.display_url, "password_stored": result.password_stored,
             "schema": result.schema})
    return 0


def _db_copy(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import team

    report = team.copy_to(cli.context(), args.target, password=_read_password(args))
    lines = [f"{t.table:<16} {t.source_rows:>7} → {t.target_rows:<7} "
             f"{render(CliReport.COPY_OK if t.equal else CliReport.COPY_DIFFERS)}"
             for t in report.tables]
    lines.append(render(CliReport.COPY_EQUAL, {"rows": report.rows}) if report.equal
                 else render(CliReport.COPY_DIFFERENT))
    cli.out("\n".join(lines), {"equal": report.equal, "rows": report.rows, "tables": [
        {"table": t.table, "source_rows": t.source_rows, "target_rows": t.target_rows,
         "source_sha256": t.source_sha256, "target_sha256": t.target_sha256} for t in report.tables]})
    return 0 if report.equal else 1
