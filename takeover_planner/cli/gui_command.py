"""`takeover-planner gui [--contributor BRIEF]`, and what runs when no subcommand is given."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from takeover_planner.cli.common import Cli, add_subcommand
from takeover_planner.errors import EXIT_ENVIRONMENT


def register(sub: Any) -> None:
    parser = add_subcommand(sub, "gui", "open the planner window (the default without a subcommand)")
    parser.add_argument("--contributor", metavar="BRIEF", default=None,
                        help="open a brief package in the contributor window")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace, _cli: Cli) -> int:
    return start_gui(args)


def start_gui(args: argparse.Namespace) -> int:
    problem = missing_display()
    if problem:
        print(f"takeover-planner: {problem}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    # Qt is imported only here, so that every other command starts fast and works without a display.
    from takeover_planner.ui.app import run

    return run(home=args.home, db_url=args.db, user=getattr(args, "user", None),
               contributor_brief=getattr(args, "contributor", None))


def missing_display() -> str:
    """Why the window cannot open here (a Linux session without a screen), or "" when it can.

    Without this check Qt aborts the process with a page about platform plugins.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return ""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return ""
    return ("There is no screen to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set). Start it from "
            "a desktop session, or use the command line: takeover-planner --help")
