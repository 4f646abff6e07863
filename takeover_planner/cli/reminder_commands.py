"""`slot email ID --out FILE.eml [--kind brief|reminder|missed] [--contact E-MAIL]`: an e-mail draft to the
department, with the brief, the contributor kit and the deadline as a calendar invitation."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from takeover_planner.cli.common import Cli, add_subcommand
from takeover_planner.texts import BOKMAAL, render
from takeover_planner.texts.cli_reports import CliReport

KINDS = ("brief", "reminder", "missed")


def register_slot_email(slot_sub: Any) -> None:
    """Called by ``slot_commands`` so the action sits with the other slot actions."""
    p = add_subcommand(slot_sub, "email", "write an e-mail to the department (.eml, opens as a draft in Outlook)")
    p.add_argument("id", type=int)
    p.add_argument("--out", required=True, type=Path, metavar="FILE.eml")
    p.add_argument("--kind", choices=KINDS, default="brief",
                   help="brief (default), reminder before the deadline, or missed after it")
    p.add_argument("--contact", default="", metavar="E-MAIL",
                   help="your e-mail address, when your profile has none")
    p.set_defaults(handler=_email)


def _email(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services.reminders import EmailKind, write_email

    # The global --language; without it Bokmål, like the brief: the e-mail goes to a department.
    draft = write_email(cli.context(), args.id, args.out, kind=EmailKind(args.kind),
                        language=args.language or BOKMAAL, reach=args.contact)
    human = render(CliReport.EMAIL_WRITTEN, {"to": draft.to, "attachments": ", ".join(draft.attachments),
                                             "path": str(draft.path)})
    cli.out(human, draft.as_dict())
    return 0
