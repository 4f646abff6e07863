"""`validate`, `fix` and `media check`: judge files against the story rules, fix them, check the store.

`validate` and `fix` work on plain files and never open the database; `media check` compares the media
store with the database rows.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from takeover_planner.cli.common import Cli, add_subcommand
from takeover_planner.errors import EXIT_FAILURE, EXIT_OK, ValidationError
from takeover_planner.texts import current_language, render
from takeover_planner.texts.cli import CliText
from takeover_planner.texts.cli_publishing import CliMedia
from takeover_planner.texts.render import Text
from takeover_planner.texts.usage import UsageText

if TYPE_CHECKING:
    from takeover_planner.media.rules import RuleSet

_VERDICT_MARK = {"ok": "ok    ", "advice": "advice", "error": "ERROR "}


def register(sub: Any) -> None:
    p = add_subcommand(sub, "validate", "check media files against Instagram's story rules")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (folders are searched)")
    p.add_argument("--rules", metavar="PATH", default=None, help="a rule set file instead of the built-in one")
    p.add_argument("--for", dest="channel", choices=("instagram", "facebook", "both"), default="instagram",
                   help="the channel the files go to: Instagram (the rules in force), a Facebook Page story, or "
                        "both (a cross-posted takeover)")
    p.add_argument("--lang", choices=("en", "nb"), default=None,
                   help="language of the findings (default: that of --language, else the language in force)")
    p.set_defaults(handler=_validate)

    p = add_subcommand(sub, "fix", "write story-ready copies of media files (the originals stay untouched)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (folders are searched)")
    p.add_argument("--out", metavar="DIR", required=True, help="folder for the fixed copies")
    p.add_argument("--mode", choices=("crop", "pad"), default="pad",
                   help="fit to 1080×1920 by cropping, or by padding on a blurred background (default)")
    p.add_argument("--focus", metavar="X,Y", default="0.5,0.5", type=_focus_arg,
                   help="for --mode crop: the point to keep, 0–1 across and down (default 0.5,0.5)")
    p.add_argument("--reencode", action="store_true",
                   help="re-encode (and fit to 1080×1920) even a video that only needs a new container")
    p.add_argument("--rules", metavar="PATH", default=None, help="a rule set file instead of the built-in one")
    p.add_argument("--for", dest="channel", choices=("instagram", "facebook", "both"), default="instagram",
                   help="fix for Instagram (the rules in force), a Facebook Page story, or both")
    p.add_argument("--lang", choices=("en", "nb"), default="en", help="language of the messages (default en)")
    p.set_defaults(handler=_fix)

    media = add_subcommand(sub, "media", "the media store")
    media_sub = media.add_subparsers(dest="media_command", metavar="ACTION", required=True)
    p = add_subcommand(media_sub, "check", "compare the media folder with the database")
    p.add_argument("--repair", action="store_true",
                   help="remove files without a row and unfinished writes; move damaged files aside")
    p.add_argument("--quick", action="store_true", help="do not re-hash every file")
    p.set_defaults(handler=_media_check)


def _focus_arg(text: str) -> tuple[float, float]:
    try:
        x_text, y_text = text.split(",")
        x, y = float(x_text), float(y_text)
    except ValueError:
        raise argparse.ArgumentTypeError(str(Text(UsageText.BAD_FOCUS))) from None
    if not (0 <= x <= 1 and 0 <= y <= 1):
        raise argparse.ArgumentTypeError(str(Text(UsageText.FOCUS_OUTSIDE)))
    return x, y


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given, folders searched (hidden entries skipped); a path that does not exist is a usage error."""
    found: list[str] = []
    for text in paths:
        try:
            mode = os.stat(text).st_mode
        except OSError:
            raise ValidationError(CliText.PATH_MISSING, path=text) from None
        if stat.S_ISDIR(mode):
            for root, dirs, files in os.walk(text):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [os.path.join(root, name) for name in sorted(files) if not name.startswith(".")]
        else:
            found.append(text)
    return found


def _rules(cli: Cli, path: str | None) -> RuleSet:
    from takeover_planner.services.media_checks import rules_for_channel, rules_in_force

    channel = getattr(cli.args, "channel", "instagram")
    if path:
        return rules_for_channel(rules_in_force(path), channel)
    # The "rules.path" setting, without opening the database (validate stays fast).
    from takeover_planner.paths import resolve_paths
    from takeover_planner.settings import Settings

    return rules_for_channel(rules_in_force(settings=Settings.load(resolve_paths(cli.args.home))), channel)


def _validate(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services.media_checks import judge_file

    rules = _rules(cli, args.rules)
    files = expand_paths(args.paths)
    language = args.lang or current_language()
    results = []
    worst = EXIT_OK
    for path in files:
        judgement = judge_file(path, rules)
        if judgement.verdict == "error":
            worst = EXIT_FAILURE
        results.append(judgement.to_json(language))
        if not cli.json:
            _print_judgement(judgement.to_json(language), language)
    if cli.json:
        # One compact document: thousands of files print fast (an indented dump is several times slower).
        print(json.dumps({"files": results}, ensure_ascii=False))
    else:
        errors = sum(1 for item in results if item["verdict"] == "error")
        advice = sum(1 for item in results if item["verdict"] == "advice")
        print(render(CliMedia.VALIDATED, {"files": len(results), "errors": errors, "advice": advice}, language))
    return worst


def _print_judgement(item: dict[str, Any], language: str) -> None:
    size = ""
    if item["display_width"] and item["display_height"]:
        size = f" {item['display_width']}×{item['display_height']}"
    duration = f" {item['duration_s']:.2f} s" if item.get("duration_s") else ""
    print(f"{_VERDICT_MARK[item['verdict']]} {item['path']}  ({item['format'] or item['kind']}{size}{duration})")
    for finding in item["findings"]:
        mark = "✗" if finding["severity"] == "error" else "·"
        fixable = " " + render(CliMedia.FIXABLE, {}, language) if finding["fixable"] else ""
        print(f"    {mark} {finding['rule']}: {finding['message']}{fixable}")


def _fix(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.media.fix_types import FixOptions, FixRefused
    from takeover_planner.media.geometry import Focus
    from takeover_planner.media.progress import ProgressCallback
    from takeover_planner.services.media_checks import fix_loose_file, judge_file

    rules = _rules(cli, args.rules)
    files = expand_paths(args.paths)
    out_dir = Path(args.out)
    if out_dir.exists() and not out_dir.is_dir():
        raise ValidationError(CliText.OUT_IS_FILE, path=str(out_dir))
    options = FixOptions(mode=args.mode, focus=Focus(*args.focus), reencode=args.reencode)
    results = []
    status = EXIT_OK
    for name in files:
        path = Path(name)
        judgement = judge_file(path, rules)
        entry: dict[str, Any] = {"path": name, "verdict": judgement.verdict, "outputs": [], "error": None}
        progress: ProgressCallback = _progress_printer(path) if not cli.json and sys.stderr.isatty() else _quiet
        try:
            fixed = fix_loose_file(path, out_dir, options=options, rules=rules, judgement=judgement,
                                   progress=progress)
        except FixRefused as exc:
            entry["error"], entry["code"] = exc.message, exc.code.key  # scripts read the code, not the words
            status = EXIT_FAILURE
        else:
            entry["outputs"] = [str(item.path) for item in fixed.parts]
            entry["method"] = fixed.parts[0].recipe.get("method", "image") if fixed.parts else ""
            entry["verdicts_after"] = [j.verdict for j in fixed.after]
            if fixed.still_broken:
                status = EXIT_FAILURE
        results.append(entry)
        if not cli.json:
            if entry["error"]:
                print(render(CliMedia.REFUSED, {"path": str(path), "error": entry["error"]}))
            else:
                outputs = ", ".join(entry["outputs"])
                print(render(CliMedia.FIXED, {"path": str(path), "outputs": outputs, "method": entry["method"],
                                              "verdicts": "/".join(entry["verdicts_after"])}))
    if cli.json:
        cli.out("", {"files": results})
    return status


def _quiet(_fraction: float, _message: str) -> None:
    """No progress output (JSON mode or not a terminal)."""


def _progress_printer(path: Path) -> Any:
    def report(fraction: float, message: str) -> None:
        print(f"\r  {path.name}: {message} {fraction:4.0%}", end="", file=sys.stderr, flush=True)
        if fraction >= 1.0:
            print("", file=sys.stderr)

    return report


def _media_check(args: argparse.Namespace, cli: Cli) -> int:
    from takeover_planner.services.media_service import check_media

    report = check_media(cli.context(), repair=args.repair, verify=not args.quick)
    if cli.json:
        cli.out("", report.to_json())
    else:
        print(render(CliMedia.COUNTS, {"files": report.files, "rows": report.rows}))
        for sha in report.missing:
            print(render(CliMedia.MISSING, {"sha": sha}))
        for sha in report.damaged:
            print(render(CliMedia.DAMAGED, {"sha": sha}))
        for sha in report.orphans:
            print(render(CliMedia.ORPHAN, {"sha": sha}))
        for leftover in report.leftovers:
            print(render(CliMedia.LEFTOVER, {"path": str(leftover)}))
        for line in report.repaired:
            print(render(CliMedia.REPAIRED, {"line": line}))
        if report.clean:
            print(render(CliMedia.AGREE))
        elif not args.repair and (report.orphans or report.leftovers or report.damaged):
            print(render(CliMedia.RUN_REPAIR))
    return EXIT_OK if report.clean else EXIT_FAILURE
