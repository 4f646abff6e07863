"""`profile set` and `profile show`: who you are, as briefs and hand-off checklists are signed."""

from __future__ import annotations

import argparse
from typing import Any

from takeover_planner.cli.common import Cli, add_subcommand
from takeover_planner.paths import resolve_paths
from takeover_planner.settings import Settings
from takeover_planner.texts import render
from takeover_planner.texts.cli_reports import CliColumn, CliReport
from takeover_planner.texts.install import InstallText


def register(sub: Any) -> None:
    profile = add_subcommand(sub, "profile", "who you are: signs every brief and hand-off checklist")
    profile_sub = profile.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    p = add_subcommand(profile_sub, "set", "fill in your profile (every field is replaced)")
    p.add_argument("--name", required=True)
    p.add_argument("--email", required=True)
    p.add_argument("--phone", default="")
    p.add_argument("--title", default="", help="e.g. communications adviser")
    p.add_argument("--organisation", default="", help="e.g. Fjordvik kommune")
    p.set_defaults(handler=_set)
    p = add_subcommand(profile_sub, "show", "show your profile")
    p.set_defaults(handler=_show)


def _describe(values: dict[str, str]) -> str:
    labels = {"name": CliColumn.NAME_FIELD, "email": CliColumn.EMAIL_FIELD, "phone": CliColumn.PHONE_FIELD,
              "title": CliColumn.TITLE_FIELD, "organisation": CliColumn.ORGANISATION_FIELD}
    return "\n".join(f"{render(labels[key]) + ':':<14}{value or '-'}" for key, value in values.items())


def _set(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import profile

    settings = Settings.load(resolve_paths(args.home).ensure())
    saved = profile.set_profile(settings, name=args.name, email=args.email, phone=args.phone, title=args.title,
                                organisation=args.organisation)
    values = {field: getattr(saved, field) for field in profile.FIELDS}
    cli.out(render(CliReport.PROFILE_SAVED) + "\n" + _describe(values), values)
    return 0


def _show(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services import profile

    current = profile.load_profile(resolve_paths(args.home))
    values = {field: getattr(current, field) for field in profile.FIELDS}
    human = _describe(values) if current.complete else render(InstallText.NO_PROFILE)
    cli.out(human, {**values, "complete": current.complete})
    return 0
