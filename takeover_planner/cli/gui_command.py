"""`takeover-planner gui [--contributor BRIEF]`, and what runs when no subcommand is given."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from takeover_planner.cli.common import Cli, add_subcommand, apply_language
from takeover_planner.errors import EXIT_ENVIRONMENT
from takeover_planner.texts import render
from takeover_planner.texts.cli import CliText


def register(sub: Any) -> None:
    parser = add_subcommand(sub, "gui", "open the planner window (the default without a subcommand)")
    parser.add_argument("--contributor", metavar="BRIEF", default=None,
                        help="open a brief package in the contributor window")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace, _cli: Cli) -> int:
    return start_gui(args)


def start_gui(args: argparse.Namespace) -> int:
    if not display_available():
        apply_language(args)
        print(f"takeover-planner: {render(CliText.NO_DISPLAY)}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    # Qt is imported only here, so that every other command starts fast and works without a display.
    from takeover_planner.ui.app import run

    return run(home=args.home, db_url=args.db, user=getattr(args, "user", None),
               contributor_brief=getattr(args, "contributor", None))


def display_available() -> bool:
    """False in a Linux session without a screen, where the window cannot open.

    Without this check Qt aborts the process with a page about platform plugins.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
