"""`takeover-planner gui [--contributor BRIEF]`, and what runs when no subcommand is given."""

from __future__ import annotations

import argparse
from typing import Any

from takeover_planner.cli.common import Cli, add_subcommand


def register(sub: Any) -> None:
    parser = add_subcommand(sub, "gui", "open the planner window (the default without a subcommand)")
    parser.add_argument("--contributor", metavar="BRIEF", default=None,
                        help="open a brief package in the contributor window")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace, _cli: Cli) -> int:
    return start_gui(args)


def start_gui(args: argparse.Namespace) -> int:
    # Qt is imported only here, so that every other command starts fast and works without a display.
    from takeover_planner.ui.app import run

    return run(home=args.home, db_url=args.db, user=getattr(args, "user", None),
               contributor_brief=getattr(args, "contributor", None))
