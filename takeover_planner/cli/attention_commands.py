"""`attention [--now MOMENT]`: what needs a comms officer's attention (``--json`` for machines)."""

from __future__ import annotations

import argparse
from typing import Any

from takeover_planner.cli.common import Cli, add_subcommand
from takeover_planner.cli.publish_commands import _moment
from takeover_planner.texts import render
from takeover_planner.texts.attention import AttentionText


def register(sub: Any) -> None:
    p = add_subcommand(sub, "attention", "what needs attention: missed deadlines, blackouts, reviews, consent …")
    p.add_argument("--now", type=_moment, default=None, metavar="MOMENT",
                   help="the list as it will be at this moment (ISO, e.g. 2027-03-02T09:00+01:00); default: now")
    p.set_defaults(handler=_attention)


def _attention(args: argparse.Namespace, cli: Cli) -> int:
    # Imported here: the parser is built for every command, the services only for this one.
    from takeover_planner.services.attention import needs_attention

    items = needs_attention(cli.context(), now=args.now)
    human = "\n".join(f"- {item}" for item in items) if items else render(AttentionText.NOTHING)
    cli.out(human, {"items": [item.to_json() for item in items], "count": len(items)})
    return 0
