"""`account`, `department`, `campaign` and `blackout`: add and list (plus remove where it is safe); `account set`
changes an account's Graph API settings and `account move-slot` gives a slot to another account."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from takeover_planner.cli.common import Cli, add_subcommand, date_arg, require, table
from takeover_planner.cli.lazy_import import lazy_module
from takeover_planner.errors import ValidationError
from takeover_planner.instagram.graph_hosts import GRAPH_HOSTS
from takeover_planner.texts import render
from takeover_planner.texts.catalog import CatalogText
from takeover_planner.texts.cli import CliText
from takeover_planner.texts.cli_reports import CliReport, cli_days, cli_table_date, heads

if TYPE_CHECKING:
    from takeover_planner.services import catalog
else:  # loaded when a command uses it, not when the parser is built (see lazy_import)
    catalog = lazy_module("takeover_planner.services.catalog")


# Other command modules add their own actions to the `account` group (e.g. set-token, check).
ACCOUNT_EXTENSIONS: list[str] = ["takeover_planner.cli.publish_commands", "takeover_planner.cli.page_commands"]


def register(sub: Any) -> None:
    account = add_subcommand(sub, "account", "Instagram accounts")
    acc_sub = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    p = add_subcommand(acc_sub, "add", "add an Instagram account")
    p.add_argument("name")
    p.add_argument("--handle", default="", help="the @handle, without @")
    p.add_argument("--api", dest="api_variant", choices=sorted(GRAPH_HOSTS), default="instagram_login",
                   help="which Instagram API the account uses")
    p.add_argument("--ig-user-id", default=None, help="the Instagram user id (from the API)")
    p.add_argument("--graph-host", default=None, help="override the Graph API base URL")
    p.add_argument("--graph-version", default="v25.0")
    p.add_argument("--platform", choices=["instagram", "facebook_page"], default="instagram",
                   help="an Instagram account (the default) or a Facebook Page")
    p.add_argument("--page-id", default=None, help="the Facebook Page's id (with --platform facebook_page)")
    p.set_defaults(handler=_account_add)
    p = add_subcommand(acc_sub, "set", "change an account's handle or Graph API settings")
    p.add_argument("name", help="the account's name (or #id)")
    p.add_argument("--handle", default=None, help="the @handle, without @")
    p.add_argument("--ig-user-id", default=None, help="the Instagram user id (from the API); '' clears it")
    p.add_argument("--graph-host", default=None, help="the Graph API base URL; '' goes back to the default")
    p.add_argument("--graph-version", default=None, help="the Graph API version, like v25.0")
    p.set_defaults(handler=_account_set)
    p = add_subcommand(acc_sub, "move-slot", "give a slot to another account (the booking rules are checked)")
    p.add_argument("slot", type=int, help="the slot's id")
    p.add_argument("--to", dest="account", required=True, help="the account that takes the slot over")
    p.set_defaults(handler=_account_move_slot)
    p = add_subcommand(acc_sub, "list", "list accounts")
    p.set_defaults(handler=_account_list)
    p = add_subcommand(acc_sub, "remove", "remove an account that has no slots (and no access token)")
    p.add_argument("name")
    p.set_defaults(handler=_account_remove)
    _load_account_extensions(acc_sub)

    dept = add_subcommand(sub, "department", "departments (enheter) and their contact persons")
    dept_sub = dept.add_subparsers(dest="department_command", metavar="ACTION", required=True)
    p = add_subcommand(dept_sub, "add", "add a department")
    p.add_argument("name")
    p.add_argument("--contact", default="", help="the contact person's name")
    p.add_argument("--email", default="")
    p.add_argument("--phone", default="")
    p.add_argument("--color", default="", help="calendar colour, e.g. #2f6fde")
    p.add_argument("--notes", default="")
    p.set_defaults(handler=_department_add)
    p = add_subcommand(dept_sub, "list", "list departments")
    p.set_defaults(handler=_department_list)
    p = add_subcommand(dept_sub, "remove", "remove a department (one with slots can only be archived)")
    p.add_argument("name")
    p.add_argument("--archive", action="store_true", help="archive instead: hide it, keep its slots and history")
    p.add_argument("--cancel-future", action="store_true", help="with --archive: also cancel its future slots")
    p.set_defaults(handler=_department_remove)

    camp = add_subcommand(sub, "campaign", "campaigns and theme weeks")
    camp_sub = camp.add_subparsers(dest="campaign_command", metavar="ACTION", required=True)
    p = add_subcommand(camp_sub, "add", "add a campaign or theme week")
    p.add_argument("name")
    p.add_argument("--start", type=date_arg, default=None)
    p.add_argument("--end", type=date_arg, default=None)
    p.add_argument("--description", default="")
    p.set_defaults(handler=_campaign_add)
    p = add_subcommand(camp_sub, "list", "list campaigns")
    p.set_defaults(handler=_campaign_list)

    black = add_subcommand(sub, "blackout", "blackout periods (no takeovers)")
    black_sub = black.add_subparsers(dest="blackout_command", metavar="ACTION", required=True)
    p = add_subcommand(black_sub, "add", "add a blackout period")
    p.add_argument("name")
    p.add_argument("--start", type=date_arg, required=True)
    p.add_argument("--end", type=date_arg, required=True)
    p.add_argument("--account", default=None, help="only this account (default: all accounts)")
    p.add_argument("--reason", default="")
    p.set_defaults(handler=_blackout_add)
    p = add_subcommand(black_sub, "list", "list blackout periods")
    p.set_defaults(handler=_blackout_list)


def _load_account_extensions(acc_sub: Any) -> None:
    import importlib

    for name in ACCOUNT_EXTENSIONS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register_account_commands(acc_sub)


def _account_add(args: argparse.Namespace, cli: Cli) -> int:
    info = catalog.add_account(cli.context(), require(args.name, CliText.ACCOUNT_NAME_EMPTY),
                               handle=args.handle,
                               api_variant=args.api_variant, ig_user_id=args.ig_user_id,
                               graph_host=args.graph_host, graph_version=args.graph_version,
                               platform=args.platform, page_id=args.page_id)
    cli.out(render(CliReport.ACCOUNT_ADDED, {"id": info.id, "name": info.name}), info.__dict__)
    return 0


def _account_set(args: argparse.Namespace, cli: Cli) -> int:
    name = require(args.name, CliText.ACCOUNT_NAME_EMPTY)
    changes = {key: getattr(args, key) for key in ("handle", "ig_user_id", "graph_host", "graph_version")
               if getattr(args, key) is not None}
    if not changes:
        raise ValidationError(CatalogText.NOTHING_TO_SET, name=name)
    ref: int | str = int(name[1:]) if name.startswith("#") and name[1:].isdigit() else name
    ctx = cli.context()
    with ctx.db.session() as s:
        account_id = catalog.find_account(s, ref).id
    info = catalog.update_account(ctx, account_id, **changes)
    cli.out(render(CliReport.ACCOUNT_SET, {"id": info.id, "name": info.name,
                                           "user_id": info.ig_user_id or CliReport.NONE, "host": info.graph_host,
                                           "version": info.graph_version,
                                           "handle": f", @{info.handle}" if info.handle else ""}),
            info.__dict__)
    return 0


def _account_move_slot(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import booking

    result = booking.change_account(cli.context(), args.slot, args.account)
    slot = result.slot
    cli.out(render(CliReport.SLOT_NOW_ON, {"id": slot.id, "department": slot.department,
                                           "days": cli_days(slot.start, slot.end), "account": slot.account}),
            slot.as_dict())
    return 0


def _account_list(_args: argparse.Namespace, cli: Cli) -> int:
    accounts = catalog.list_accounts(cli.context())
    names = {a.id: a.name for a in accounts}
    rows = [[str(a.id), a.name, f"@{a.handle}" if a.handle else "", a.api_variant,
             a.platform + (f" {a.page_id}" if a.page_id else ""),
             names.get(a.facebook_page_account_id, "") if a.facebook_page_account_id else ""] for a in accounts]
    cli.out(table(rows, heads("ID", "NAME", "HANDLE", "API", "PLATFORM", "CROSS_POSTS_TO")),
            [a.__dict__ for a in accounts])
    return 0


def _account_remove(args: argparse.Namespace, cli: Cli) -> int:
    removed = catalog.remove_account(cli.context(), require(args.name, CliText.ACCOUNT_NAME_EMPTY))
    a = removed.account
    human = render(CliReport.ACCOUNT_REMOVED, {"id": a.id, "name": a.name})
    if removed.blackouts_removed:
        human += " " + render(CliReport.BLACKOUTS_WENT, {"count": removed.blackouts_removed})
    cli.out(human, {"id": a.id, "name": a.name, "result": "deleted", "blackouts_removed": removed.blackouts_removed})
    return 0


def _department_add(args: argparse.Namespace, cli: Cli) -> int:
    info = catalog.add_department(cli.context(), args.name, contact_name=args.contact, email=args.email,
                                  phone=args.phone, color=args.color, notes=args.notes)
    cli.out(render(CliReport.DEPARTMENT_ADDED, {"id": info.id, "name": info.name}), _department_json(info))
    return 0


def _department_json(d: catalog.DepartmentInfo) -> dict[str, Any]:
    return {"id": d.id, "name": d.name, "color": d.color, "archived": d.archived, "slots": d.slot_count,
            "contacts": [c.__dict__ for c in d.contacts]}


def _department_list(_args: argparse.Namespace, cli: Cli) -> int:
    departments = catalog.list_departments(cli.context())
    rows = []
    for d in departments:
        c = d.primary_contact
        rows.append([str(d.id), d.name + (" " + render(CliReport.ARCHIVED) if d.archived else ""), c.name if c else "",
                     c.email if c else "", str(d.slot_count)])
    cli.out(table(rows, heads("ID", "NAME", "CONTACT", "EMAIL", "SLOTS")),
            [_department_json(d) for d in departments])
    return 0


def _department_remove(args: argparse.Namespace, cli: Cli) -> int:
    ctx = cli.context()
    department = next((d for d in catalog.list_departments(ctx) if d.name.lower() == args.name.strip().lower()), None)
    if department is None:
        from takeover_planner.errors import NotFoundError

        raise NotFoundError(CatalogText.NO_DEPARTMENT_NAMED, name=args.name)
    mode = "delete"
    if args.archive:
        mode = "archive-cancel-future" if args.cancel_future else "archive"
    done = catalog.remove_department(ctx, department.id, mode=mode)
    said = CliReport.DEPARTMENT_DELETED if done == "deleted" else CliReport.DEPARTMENT_ARCHIVED
    cli.out(render(said, {"name": department.name}), {"id": department.id, "result": done})
    return 0


def _campaign_add(args: argparse.Namespace, cli: Cli) -> int:
    info = catalog.add_campaign(cli.context(), args.name, args.start, args.end, args.description)
    cli.out(render(CliReport.CAMPAIGN_ADDED, {"id": info.id, "name": info.name}), info.__dict__)
    return 0


def _campaign_list(_args: argparse.Namespace, cli: Cli) -> int:
    campaigns = catalog.list_campaigns(cli.context())
    rows = [[str(c.id), c.name, cli_table_date(c.start), cli_table_date(c.end)]
            for c in campaigns]
    cli.out(table(rows, heads("ID", "NAME", "START", "END")), [c.__dict__ for c in campaigns])
    return 0


def _blackout_add(args: argparse.Namespace, cli: Cli) -> int:
    result = catalog.add_blackout(cli.context(), args.name, args.start, args.end, account=args.account,
                                  reason=args.reason)
    b = result.blackout
    human = render(CliReport.BLACKOUT_ADDED, {"id": b.id, "name": b.name, "days": cli_days(b.start, b.end),
                                              "account": b.account or CliReport.ALL_ACCOUNTS})
    if result.affected_slot_ids:
        ids = ", ".join(f"#{i}" for i in result.affected_slot_ids)
        human += "\n" + render(CliReport.BLACKOUT_COVERS, {"ids": ids})
    cli.out(human, {**b.__dict__, "affected_slots": list(result.affected_slot_ids)})
    return 0


def _blackout_list(_args: argparse.Namespace, cli: Cli) -> int:
    blackouts = catalog.list_blackouts(cli.context())
    rows = [[str(b.id), b.name, cli_table_date(b.start), cli_table_date(b.end),
             b.account or render(CliReport.ALL_ACCOUNTS)]
            for b in blackouts]
    cli.out(table(rows, heads("ID", "NAME", "START", "END", "ACCOUNT")),
            [b.__dict__ for b in blackouts])
    return 0
