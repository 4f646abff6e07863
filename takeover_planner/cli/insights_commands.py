"""`insights collect | report | show` and `goal set | list`.

`insights collect` is what Windows Task Scheduler or cron runs (every 30 minutes or so, like `publish-due`): it
reads the insights of stories inside their 24-hour window and the accounts' follower counts. Exit code 0 when
nothing needs a person's attention, 1 when an account could not be read (its reason and what to do are printed).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from takeover_planner.cli.common import Cli, add_subcommand, date_arg
from takeover_planner.cli.lazy_import import lazy_module
from takeover_planner.cli.publish_commands import _moment
from takeover_planner.errors import EXIT_FAILURE
from takeover_planner.insights.report import TakeoverReport
from takeover_planner.insights.trend import GoalState
from takeover_planner.texts import Code, current_language, render
from takeover_planner.texts.cli_publishing import CliPublishing
from takeover_planner.texts.cli_reports import cli_days, cli_moment
from takeover_planner.texts.report import ReportText, ReportWords

if TYPE_CHECKING:
    from takeover_planner.services import insights_service as svc
else:  # loaded when a command uses it, not when the parser is built (see lazy_import)
    svc = lazy_module("takeover_planner.services.insights_service")


def register(sub: Any) -> None:
    insights = add_subcommand(sub, "insights", "story insights and takeover reports")
    i_sub = insights.add_subparsers(dest="insights_command", metavar="ACTION", required=True)
    p = add_subcommand(i_sub, "collect", "read the insights that are due (for cron / Task Scheduler; run it every "
                                         "30 minutes or so)")
    p.add_argument("--now", type=_moment, default=None,
                   help="rehearsal clock: act as if it were this time (ISO, e.g. 2025-05-06T10:00+02:00); "
                        "only against a test server, never Meta's hosts; default: now")
    p.set_defaults(handler=_collect)
    p = add_subcommand(i_sub, "report", "write a takeover's report as PDF or CSV (chosen by the file name)")
    p.add_argument("--slot", type=int, required=True, help="the slot's id")
    p.add_argument("--out", type=Path, required=True, help="the .pdf or .csv file to write")
    p.add_argument("--plain", action="store_true", help="CSV for scripts: UTF-8, commas, English keys")
    p.set_defaults(handler=_report)
    p = add_subcommand(i_sub, "show", "print a takeover's figures")
    p.add_argument("--slot", type=int, required=True, help="the slot's id")
    p.set_defaults(handler=_show)

    goal = add_subcommand(sub, "goal", "follower goals per account")
    g_sub = goal.add_subparsers(dest="goal_command", metavar="ACTION", required=True)
    p = add_subcommand(g_sub, "set", "set a follower goal (it replaces the account's current goal)")
    p.add_argument("account", help="the account's name or id")
    p.add_argument("--target", type=int, required=True, help="the number of followers to reach")
    p.add_argument("--by", dest="due", type=date_arg, required=True, help="the day to reach it by, YYYY-MM-DD")
    p.add_argument("--note", default="", help="why this goal (shown with it)")
    p.set_defaults(handler=_goal_set)
    p = add_subcommand(g_sub, "list", "show the goals, where they stand and when they will be reached")
    p.add_argument("account", nargs="?", default=None, help="only this account")
    p.add_argument("--all", action="store_true", help="include goals that were replaced")
    p.set_defaults(handler=_goal_list)


def _when(moment: dt.datetime | None) -> str:
    return cli_moment(moment)


def _collect(args: argparse.Namespace, cli: Cli) -> int:
    report = svc.collect(cli.context(), args.now)
    words = ReportWords(current_language())
    lines = []
    for account in report.accounts:
        parts = []
        if account.followers is not None:
            parts.append(render(CliPublishing.FOLLOWERS, {"count": words.number(account.followers)}))
        if account.stories_read:
            read = CliPublishing.STORIES_READ_ONE if account.stories_read == 1 else CliPublishing.STORIES_READ_MANY
            parts.append(render(read, {"count": account.stories_read}))
        if account.not_enough_viewers:
            parts.append(render(CliPublishing.FEW_VIEWERS, {"count": account.not_enough_viewers}))
        if account.gone:
            parts.append(render(CliPublishing.DELETED, {"count": account.gone}))
        line = f"{account.account}: " + (", ".join(parts) if parts else render(CliPublishing.NOTHING_READ))
        if account.problem:
            line += "\n  " + render(CliPublishing.PROBLEM, {"problem": account.problem}) + (
                "\n  " + render(CliPublishing.WHAT_TO_DO, {"advice": account.advice}) if account.advice else "")
        lines.append(line)
    for missed in report.missed:
        lines.append(render(CliPublishing.NOT_COLLECTED, {"frame": missed.frame_id, "account": missed.account,
                                                          "when": _when(missed.published_at)}))
    if not lines:
        lines.append(render(CliPublishing.NOTHING_WAS_DUE))
    if report.next_due_at is not None:
        lines.append(render(CliPublishing.NEXT_READ, {"when": _when(report.next_due_at)}))
    cli.out("\n".join(lines), report.to_json())
    return EXIT_FAILURE if report.problems else 0


def _report(args: argparse.Namespace, cli: Cli) -> int:
    result = svc.export_report(cli.context(), args.slot, args.out, language=args.language, plain=args.plain)
    facts: dict[str, object] = {"slot": args.slot, "path": str(result.path), "frames": result.frames}
    if result.pages:
        facts["pages"] = render(CliPublishing.PAGES_ONE if result.pages == 1 else CliPublishing.PAGES_MANY,
                                {"count": result.pages})
    cli.out(render(CliPublishing.REPORT_WRITTEN_PAGES if result.pages else CliPublishing.REPORT_WRITTEN, facts),
            {"path": str(result.path), "format": result.format, "frames": result.frames, "pages": result.pages})
    return 0


def report_json(report: TakeoverReport) -> dict[str, object]:
    f = report.followers
    return {
        "slot_id": report.slot_id, "department": report.department, "account": report.account,
        "campaign": report.campaign, "start": report.start.isoformat(), "end": report.end.isoformat(),
        "sample": report.sample, "published": report.published, "collected": report.collected,
        "totals": report.totals, "stayed_to_last_frame": report.stayed,
        "days": [{"day": d.day.isoformat(), "frames": d.frames, "first_reach": d.first_reach,
                  "last_reach": d.last_reach, "share": d.share} for d in report.retention],
        "followers": {"during": f.during, "during_days": f.during_days, "during_per_day": f.during_per_day,
                      "before_per_day": f.before_per_day, "before_days": f.before_days},
        "frames": [{"number": r.number, "frame_id": r.frame_id, "day": r.day.isoformat(),
                    "published_at": r.published_at.isoformat() if r.published_at else None,
                    "insights": r.status.value, "read_at": r.read_at.isoformat() if r.read_at else None,
                    **{k: r.value(k) for k in r.numbers.names()}} for r in report.frames],
    }


def _show(args: argparse.Namespace, cli: Cli) -> int:
    report = svc.takeover_report(cli.context(), args.slot)
    words = ReportWords(current_language())
    lines = [render(CliPublishing.SHOW_HEADING, {"department": report.department, "account": report.account,
                                                 "days": cli_days(report.start, report.end)})
             + (f" ({report.campaign})" if report.campaign else "")
             + ("  " + render(CliPublishing.SAMPLE_DATA) if report.sample else "")]
    lines.append(words(ReportText.FRAMES_COLLECTED, collected=report.collected, published=report.published))
    published, insights, *numbers = render(CliPublishing.SHOW_COLUMNS).split("|")
    lines.append(f"{'#':>3}  {published:16}  {insights:28}  " + "  ".join(f"{n:>7}" for n in numbers))
    for r in report.frames:
        cells = [words.number(r.value(k)) if r.value(k) is not None else "–"
                 for k in ("reach", "views", "replies", "exits")]
        lines.append(f"{r.number:>3}  {_when(r.published_at):16}  {words.collection(r.status):28}  "
                     + "  ".join(f"{c:>7}" for c in cells))
    lines.append(render(CliPublishing.STAYED, {"share": words.percent(report.stayed)}))
    f = report.followers
    lines.append(render(CliPublishing.FOLLOWER_CHANGE, {
        "during": words.number(f.during, signed=True),
        "per_day": words.number(f.during_per_day, decimals=1, signed=True),
        "before": words.number(f.before_per_day, decimals=1, signed=True)}))
    cli.out("\n".join(lines), report_json(report))
    return 0


_GOAL_WORDS: dict[GoalState, Code] = {
    GoalState.REACHED: CliPublishing.GOAL_REACHED,
    GoalState.ON_TRACK: CliPublishing.GOAL_ON_TRACK,
    GoalState.BEHIND: CliPublishing.GOAL_BEHIND,
    GoalState.STALLED: CliPublishing.GOAL_STALLED,
    GoalState.MISSED: CliPublishing.GOAL_MISSED,
    GoalState.NO_TREND: CliPublishing.GOAL_NO_TREND,
    GoalState.NO_DATA: CliPublishing.GOAL_NO_DATA,
}


def _day(day: dt.date | None) -> str:
    return cli_days(day, day) if day is not None else "?"


def _goal_line(goal: svc.GoalInfo) -> str:
    p = goal.progress
    words = ReportWords(current_language())
    latest = (render(CliPublishing.GOAL_LATEST, {"count": words.number(p.latest[1]), "day": _day(p.latest[0])})
              if p.latest else render(CliPublishing.NO_READING))
    state = render(_GOAL_WORDS[p.state], {
        "reached": _day(p.reached_on), "projected": _day(p.projected),
        "pace": words.number(p.trend.per_day, decimals=1, signed=True) if p.trend else "?",
        "needed": words.number(p.needed_per_day, decimals=1) if p.needed_per_day is not None else "?"})
    flags = " " + render(CliPublishing.REPLACED) if goal.replaced else ""
    flags += " " + render(CliPublishing.SAMPLE_DATA) if goal.sample else ""
    return render(CliPublishing.GOAL_LINE, {"account": goal.account, "target": words.number(goal.target),
                                            "due": _day(goal.due), "flags": flags, "latest": latest,
                                            "state": state})


def _goal_set(args: argparse.Namespace, cli: Cli) -> int:
    goal = svc.set_goal(cli.context(), args.account, args.target, args.due, args.note)
    cli.out(_goal_line(goal), goal.to_json())
    return 0


def _goal_list(args: argparse.Namespace, cli: Cli) -> int:
    goals = svc.list_goals(cli.context(), args.account, include_replaced=args.all)
    text = "\n".join(_goal_line(g) for g in goals) or render(CliPublishing.NO_GOALS)
    cli.out(text, [g.to_json() for g in goals])
    return 0
