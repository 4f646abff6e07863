"""What every command shares: opening the app context lazily, printing human text or JSON, argument checks."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from takeover_planner import texts
from takeover_planner.domain.timekeeping import parse_date
from takeover_planner.errors import ValidationError
from takeover_planner.texts import Code
from takeover_planner.texts.render import Text
from takeover_planner.texts.usage import UsageText

if TYPE_CHECKING:
    from takeover_planner.services.context import AppContext


class Cli:
    """Per-invocation state. The context (and so the database) is opened only when a command asks."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.json: bool = bool(getattr(args, "json", False))
        self._context: AppContext | None = None

    def context(self, *, migrate: bool = True) -> AppContext:
        if self._context is None:
            # Imported here: SQLAlchemy costs ~0.2 s, which commands like `validate` and the window's start
            # should not pay up front.
            from takeover_planner.services.context import open_context

            self.ensure_logging()
            self._context = open_context(self.args.home, self.args.db, actor=self.args.user, migrate=migrate)
        return self._context

    def ensure_logging(self) -> None:
        """Send log records to the log file (commands that never open the database have not done so yet),
        so that nothing is printed to the terminal by logging's last-resort handler."""
        from takeover_planner.logging_setup import configure_logging
        from takeover_planner.paths import resolve_paths

        configure_logging(resolve_paths(self.args.home).ensure(), verbose=bool(getattr(self.args, "verbose", False)))

    def log_file_hint(self) -> str:
        from takeover_planner.paths import resolve_paths

        return str(resolve_paths(self.args.home).log_file)

    def out(self, human: str, data: Any = None) -> None:
        """Print ``human`` normally, or ``data`` as JSON with --json."""
        if self.json:
            print(json.dumps(data, ensure_ascii=False, indent=2, default=json_default))
        elif human:
            print(human)

    def close(self) -> None:
        if self._context is not None:
            self._context.close()


def apply_language(args: argparse.Namespace) -> str:
    """Speak ``--language``, else the language chosen in the window (View ▸ Language: system, en or nb), else
    the system's locale. Returns the language now in force."""
    choice = getattr(args, "language", None)
    if choice is None:
        from takeover_planner.paths import resolve_paths
        from takeover_planner.settings import Settings

        choice = str(Settings.load(resolve_paths(args.home)).get("ui.language"))
    return texts.set_language(choice)


def json_default(value: Any) -> Any:
    """``json.dumps``' fallback for what commands print: dates and moments as ISO text."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def date_arg(text: str) -> dt.date:
    """argparse type: a date as YYYY-MM-DD (a bad one is a usage error, exit 2)."""
    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(str(Text(UsageText.BAD_DATE, {"text": text}))) from None


def add_subcommand(sub: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """A subcommand that also accepts the global options after its name."""
    from takeover_planner.cli import add_global_options

    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
    add_global_options(parser, suppress=True)
    return parser


def table(rows: list[list[str]], headers: list[str]) -> str:
    """Rows as aligned columns for people to read (``--json`` is for machines)."""
    if not rows:
        from takeover_planner.texts.cli_reports import CliReport

        return texts.render(CliReport.NONE)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    body = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join([line.rstrip(), *body])


def require(value: str | None, empty: Code) -> str:
    """``value`` stripped; ``empty`` says what is missing when it is blank."""
    if value is None or not value.strip():
        raise ValidationError(empty)
    return value.strip()
