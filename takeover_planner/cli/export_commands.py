"""`export ics | csv | pdf --out PATH [--from] [--to] [--department] [--account] [--excel] [--language]`."""

from __future__ import annotations

import argparse
from typing import Any

from takeover_planner.cli.common import Cli, add_subcommand, date_arg
from takeover_planner.exporting.labels import LANGUAGES
from takeover_planner.services import export_service
from takeover_planner.services.export_service import ExportOptions, ExportResult


def register(sub: Any) -> None:
    export = add_subcommand(sub, "export", "export the takeover calendar as ICS, CSV or PDF")
    export_sub = export.add_subparsers(dest="export_format", metavar="FORMAT", required=True)
    p = add_subcommand(export_sub, "ics", "iCalendar for Outlook and other calendars")
    _common(p, "a .ics file, or a folder for the full calendar plus one file per department")
    p.add_argument("--per-department", action="store_true", default=None,
                   help="one file per department (implied when --out is a folder)")
    p.set_defaults(handler=_export)
    p = add_subcommand(export_sub, "csv", "a table, one row per slot")
    _common(p, "the .csv file to write")
    p.add_argument("--excel", action="store_true",
                   help="for a Norwegian Excel: UTF-8 with BOM, semicolons, CRLF, formula-safe cells")
    p.set_defaults(handler=_export)
    p = add_subcommand(export_sub, "pdf", "a printable month-by-month overview and a list (A4 landscape)")
    _common(p, "the .pdf file to write")
    p.set_defaults(handler=_export)


def _common(p: argparse.ArgumentParser, out_help: str) -> None:
    p.add_argument("--out", required=True, metavar="PATH", help=out_help)
    p.add_argument("--from", dest="start", type=date_arg, default=None, help="slots touching this day or later")
    p.add_argument("--to", dest="end", type=date_arg, default=None, help="slots touching this day or earlier")
    p.add_argument("--department", default=None, help="only this department's slots")
    p.add_argument("--account", default=None, help="only this account's slots")
    p.add_argument("--language", choices=LANGUAGES, default=None,
                   help="words in the export: nb or en (default: the app's language)")


def _export(args: argparse.Namespace, cli: Cli) -> int:
    options = ExportOptions(start=args.start, end=args.end, department=args.department, account=args.account,
                            language=args.language)
    options.check()  # before opening the database: a usage mistake needs no database
    result = export_service.run_export(
        cli.context(), args.export_format, args.out, options, excel=bool(getattr(args, "excel", False)),
        per_department=getattr(args, "per_department", None),
    )
    cli.out(_summary(result), result.as_dict())
    return 0


def _summary(result: ExportResult) -> str:
    what = f"{result.slot_count} slot{'s' if result.slot_count != 1 else ''}"
    if result.per_department:
        lines = [f"Wrote {what} to {result.files[0]} and one calendar per department:"]
        lines += [f"  {name}: {path}" for name, path in result.per_department.items()]
        return "\n".join(lines)
    pages = f" ({result.pages} pages)" if result.pages else ""
    return f"Wrote {what} to {result.files[0]}{pages}."
