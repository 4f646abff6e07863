"""The command line: `takeover-planner [global options] SUBCOMMAND …`; no subcommand starts the window.

Each command group lives in its own module with ``register(subparsers)``; a handler takes
``(args, cli)`` and returns an exit code. Handlers raise ``TakeoverError`` for anything the user can fix;
``main`` turns that into a plain message (or JSON) and the error's exit code, never a traceback. Messages are
in the language of ``--language``, else the language setting, else the system's locale.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from takeover_planner import __version__, texts
from takeover_planner.cli import usage_language
from takeover_planner.cli.common import Cli, apply_language
from takeover_planner.cli.reporting import emit_error, emit_refusal, os_error_text
from takeover_planner.errors import EXIT_ENVIRONMENT, EXIT_FAILURE, EXIT_USAGE, TakeoverError
from takeover_planner.texts import Text
from takeover_planner.texts.general import GeneralText

log = logging.getLogger(__name__)

# One line per command module; each has register(subparsers).
COMMAND_MODULES: tuple[str, ...] = (
    "takeover_planner.cli.db_commands",
    "takeover_planner.cli.catalog_commands",
    "takeover_planner.cli.slot_commands",
    "takeover_planner.cli.export_commands",
    "takeover_planner.cli.gui_command",
    "takeover_planner.cli.team_commands",
    "takeover_planner.cli.media_commands",
    "takeover_planner.cli.story_commands",
    "takeover_planner.cli.intake_commands",
    "takeover_planner.cli.publish_commands",
    "takeover_planner.cli.insights_commands",
    "takeover_planner.cli.attention_commands",
    "takeover_planner.cli.profile_commands",
)


class _Parser(argparse.ArgumentParser):
    """argparse exits with 2 on bad usage, which is what we promise; keep its message short."""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="takeover-planner",
        description="Plan, collect, check, approve and publish Instagram story takeovers.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def add_global_options(parser: argparse.ArgumentParser, *, suppress: bool = False) -> None:
    """Global options work before or after the subcommand (`--home X slot list` and `slot list --home X`)."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--home", metavar="DIR", default=default,
                        help="keep all data, settings and logs under DIR (or set TAKEOVER_PLANNER_HOME)")
    parser.add_argument("--db", metavar="URL", default=default,
                        help="database URL, e.g. postgresql+psycopg://user@host/db (or TAKEOVER_PLANNER_DB_URL)")
    parser.add_argument("--user", metavar="NAME", default=default,
                        help="on a personal SQLite database: your name in the audit trail (or "
                             "TAKEOVER_PLANNER_USER); refused on PostgreSQL, where your database login says who "
                             "you are")
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS if suppress else False,
                        help="print machine-readable JSON")
    parser.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS if suppress else False,
                        help="log debug detail to the log file")
    parser.add_argument("--language", choices=texts.LANGUAGES, default=default,
                        help="nb (Bokmål) or en: the language of messages, and of exports, reports and "
                             "checklists (default: the language setting, else the system's; a brief: nb; a hand-off "
                             "checklist: the slot's brief's)")


def _global_only(args_list: list[str]) -> argparse.Namespace | None:
    """The parsed global options when no subcommand was given (start the window), else None.

    Checked before the full parser is built, so that starting the window does not import every command.
    """
    if any(a in ("-h", "--help", "--version") for a in args_list):
        return None
    parser = _Parser(prog="takeover-planner", add_help=False)
    add_global_options(parser)
    try:
        known, rest = parser.parse_known_args(args_list)
    except SystemExit:
        return None
    return known if not rest else None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # argparse's own refusals (exit 2) speak the person's language too, so it must be known before parsing.
    usage_language.install()
    usage_language.language_before_parsing(args_list)
    gui_args = _global_only(args_list)
    if gui_args is not None:
        from takeover_planner.cli.gui_command import start_gui

        return start_gui(gui_args)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if not getattr(args, "command", None):
        from takeover_planner.cli.gui_command import start_gui

        return start_gui(args)
    apply_language(args)
    cli = Cli(args)
    try:
        return int(args.handler(args, cli))
    except TakeoverError as exc:
        from takeover_planner.services.safekeeping import explain_damage

        exc = explain_damage(exc, getattr(args, "home", None), getattr(args, "db", None))
        emit_refusal(cli, exc)
        return exc.exit_code
    except KeyboardInterrupt:
        emit_error(cli, Text(GeneralText.INTERRUPTED), 130)
        return 130
    except BrokenPipeError:
        return EXIT_FAILURE
    except OSError as exc:
        # The file system said no (a folder that is not there, no permission, a full disk): the person can
        # fix that, so it is a plain message; the detail still goes to the log.
        cli.ensure_logging()
        log.warning("File system refused %s", args.command, exc_info=True)
        message, reason = os_error_text(exc)
        emit_error(cli, message, EXIT_ENVIRONMENT, reason=reason)
        return EXIT_ENVIRONMENT
    except Exception as exc:  # a bug: full detail to the log, a short pointer on screen
        cli.ensure_logging()
        log.exception("Unexpected error in %s", args.command)
        bug = Text(GeneralText.UNEXPECTED, {"kind": type(exc).__name__, "log": cli.log_file_hint()})
        emit_error(cli, bug, EXIT_FAILURE)
        return EXIT_FAILURE
    finally:
        cli.close()


def gui_main() -> int:
    """Entry point for the gui-script and main.py: always the window, global options allowed."""
    parser = _Parser(prog="takeover-planner-gui")
    add_global_options(parser)
    parser.add_argument("--contributor", metavar="BRIEF", default=None, help="open a brief in the contributor window")
    args = parser.parse_args()
    from takeover_planner.cli.gui_command import start_gui

    return start_gui(args)


__all__ = ["main", "gui_main", "build_parser", "EXIT_USAGE"]
