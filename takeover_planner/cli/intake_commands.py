"""`intake scan FOLDER`: import every submission package lying in the shared intake folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from takeover_planner.cli.common import Cli, add_subcommand


def register(sub: Any) -> None:
    intake = add_subcommand(sub, "intake", "the intake folder departments drop their submission packages in")
    intake_sub = intake.add_subparsers(dest="intake_command", metavar="ACTION", required=True)
    p = add_subcommand(intake_sub, "scan", "import every package in FOLDER; receipts beside them, then move them "
                                            "to importert/ or avvist/")
    p.add_argument("folder", type=Path)
    p.add_argument("--settle", type=float, default=2.0, metavar="SECONDS",
                   help="how long to watch each file for changes before taking it (default 2)")
    p.set_defaults(handler=_scan)


def _scan(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services.intake_folder import scan_folder
    from takeover_planner.texts import Text
    from takeover_planner.texts.intake_folder import ScanText

    outcomes = scan_folder(cli.context(), args.folder, settle_seconds=max(0.0, args.settle))
    lines = [str(outcome.summary()) for outcome in outcomes] or [
        str(Text(ScanText.NOTHING, {"folder": str(args.folder)}))]
    # A refused package is an answer, not a failure of the scan: the exit code stays 0, the receipt says why.
    cli.out("\n".join(lines), {"folder": str(args.folder), "packages": [o.as_dict() for o in outcomes]})
    return 0
