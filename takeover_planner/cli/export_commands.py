"""`export ics | csv | xlsx | pdf --out PATH [--from] [--to] [--department] [--account] [--excel] [--raw]
[--language]`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from takeover_planner.cli.common import Cli, add_subcommand, date_arg
from takeover_planner.cli.lazy_import import lazy_module
from takeover_planner.errors import ValidationError
from takeover_planner.texts import Text, render
from takeover_planner.texts.cli_reports import CliReport
from takeover_planner.texts.feeds import FeedText

if TYPE_CHECKING:
    from takeover_planner.services import export_service
    from takeover_planner.services.export_service import ExportOptions, ExportResult
else:  # loaded when a command uses it, not when the parser is built (see lazy_import)
    export_service = lazy_module("takeover_planner.services.export_service")


def register(sub: Any) -> None:
    export = add_subcommand(sub, "export", "export the takeover calendar as ICS, CSV, Excel workbook or PDF")
    export_sub = export.add_subparsers(dest="export_format", metavar="FORMAT", required=True)
    p = add_subcommand(export_sub, "ics", "iCalendar for Outlook and other calendars")
    _common(p, "a .ics file, or a folder for the full calendar plus one file per department", required=False)
    p.add_argument("--publish", action="store_true",
                   help="upload the full calendar and one feed per department to the media host and print their "
                        "public addresses (to subscribe to)")
    p.add_argument("--per-department", action="store_true", default=None,
                   help="one file per department (implied when --out is a folder)")
    p.add_argument("--no-periods", dest="periods", action="store_false",
                   help="leave out blackout periods and campaigns/theme weeks (shown as events of their own)")
    p.set_defaults(handler=_export)
    p = add_subcommand(export_sub, "csv", "a table, one row per slot")
    _common(p, "the .csv file to write")
    p.add_argument("--excel", action="store_true",
                   help="for a Norwegian Excel: UTF-8 with BOM, semicolons, CRLF")
    p.add_argument("--raw", action="store_true",
                   help="for scripts: formula-like cells (=, +, -, @) exactly as stored, without the leading "
                        "space that keeps spreadsheets from running them")
    p.set_defaults(handler=_export)
    p = add_subcommand(export_sub, "xlsx", "an Excel workbook: real dates, one sheet per year")
    _common(p, "the .xlsx file to write")
    p.set_defaults(handler=_export)
    p = add_subcommand(export_sub, "pdf", "a printable month-by-month overview and a list (A4 landscape)")
    _common(p, "the .pdf file to write")
    p.set_defaults(handler=_export)


def _common(p: argparse.ArgumentParser, out_help: str, *, required: bool = True) -> None:
    p.add_argument("--out", required=required, default=None, metavar="PATH", help=out_help)
    p.add_argument("--from", dest="start", type=date_arg, default=None, help="slots touching this day or later")
    p.add_argument("--to", dest="end", type=date_arg, default=None, help="slots touching this day or earlier")
    p.add_argument("--department", default=None, help="only this department's slots")
    p.add_argument("--account", default=None, help="only this account's slots")


def _export(args: argparse.Namespace, cli: Cli) -> int:
    options = export_service.ExportOptions(start=args.start, end=args.end, department=args.department, account=args.account,
                            language=args.language)  # the global --language, else the one in force
    options.check()  # before opening the database: a usage mistake needs no database
    publish = bool(getattr(args, "publish", False))
    if args.out is None and not publish:
        raise ValidationError(FeedText.OUT_OR_PUBLISH)
    if publish and args.out is None:
        return _publish(args, cli, options)
    result = export_service.run_export(
        cli.context(), args.export_format, args.out, options, excel=bool(getattr(args, "excel", False)),
        raw=bool(getattr(args, "raw", False)), per_department=getattr(args, "per_department", None),
        periods=bool(getattr(args, "periods", True)),
    )
    if publish:
        return _publish(args, cli, options, result)
    cli.out(_summary(result), result.as_dict())
    return 0


def _publish(args: argparse.Namespace, cli: Cli, options: ExportOptions, written: ExportResult | None = None) -> int:
    from takeover_planner.services.calendar_feeds import publish_feeds

    feeds = publish_feeds(cli.context(), options, periods=bool(getattr(args, "periods", True)))
    lines = [_summary(written)] if written is not None else []
    lines.append(render(CliReport.PUBLISHED_FEEDS, {"what": _slots(feeds.slot_count), "url": feeds.full}))
    lines += [f"  {name}: {url}" for name, url in feeds.per_department.items()]
    data: dict[str, object] = {"published": feeds.as_dict()}
    if written is not None:
        data.update(written.as_dict())
    cli.out("\n".join(lines), data)
    return 0


def _slots(count: int) -> Text:
    return Text(CliReport.SLOTS_ONE if count == 1 else CliReport.SLOTS_MANY, {"count": count})


def _summary(result: ExportResult) -> str:
    what = _slots(result.slot_count)
    if result.per_department:
        lines = [render(CliReport.WROTE_PER_DEPARTMENT, {"what": what, "path": str(result.files[0])})]
        lines += [f"  {name}: {path}" for name, path in result.per_department.items()]
        return "\n".join(lines)
    if result.pages:
        return render(CliReport.WROTE_EXPORT_PAGES, {"what": what, "path": str(result.files[0]), "pages": result.pages})
    return render(CliReport.WROTE_EXPORT, {"what": what, "path": str(result.files[0])})
