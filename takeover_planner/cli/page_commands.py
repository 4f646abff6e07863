"""`account link` / `account unlink`: cross-post an Instagram account's takeovers to a Facebook Page account."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from takeover_planner.cli.common import Cli, add_subcommand
from takeover_planner.cli.lazy_import import lazy_module
from takeover_planner.texts import render
from takeover_planner.texts.cli_reports import CliReport

if TYPE_CHECKING:
    from takeover_planner.services import page_accounts
else:  # loaded when a command uses it, not when the parser is built (see lazy_import)
    page_accounts = lazy_module("takeover_planner.services.page_accounts")


def register_account_commands(acc_sub: Any) -> None:
    """Called by catalog_commands to add the Facebook Page actions to the `account` group."""
    p = add_subcommand(acc_sub, "link", "cross-post every frame of an Instagram account's takeovers to a Facebook "
                                        "Page account as well (at the same planned time)")
    p.add_argument("name", help="the Instagram account (name or #id)")
    p.add_argument("--facebook-page", dest="page", required=True, help="the Facebook Page account")
    p.set_defaults(handler=_link)
    p = add_subcommand(acc_sub, "unlink", "stop cross-posting an Instagram account to its Facebook Page")
    p.add_argument("name", help="the Instagram account (name or #id)")
    p.set_defaults(handler=_unlink)


def _ref(name: str) -> int | str:
    return int(name[1:]) if name.startswith("#") and name[1:].isdigit() else name


def _link(args: argparse.Namespace, cli: Cli) -> int:
    info = page_accounts.link_page(cli.context(), _ref(args.name), _ref(args.page))
    cli.out(render(CliReport.PAGE_LINKED, {"instagram": info.instagram, "page": info.page}),
            info.to_json())
    return 0


def _unlink(args: argparse.Namespace, cli: Cli) -> int:
    info = page_accounts.unlink_page(cli.context(), _ref(args.name))
    cli.out(render(CliReport.PAGE_UNLINKED, {"instagram": info.instagram}), info.to_json())
    return 0
