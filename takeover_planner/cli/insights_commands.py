"""`insights collect | report | show` and `goal set | list`.

`insights collect` is what Windows Task Scheduler or cron runs (every 30 minutes or so, like `publish-due`): it
reads the insights of stories inside their 24-hour window and the accounts' follower counts. Exit code 0 when
nothing needs a person's attention, 1 when an account could not be read (its reason and what to do are printed).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from takeover_planner.cli.common import Cli, add_subcommand, date_arg
from takeover_planner.cli.publish_commands import _moment
from takeover_planner.domain.timekeeping import to_oslo
from takeover_planner.errors import EXIT_FAILURE
from takeover_planner.insights.report import TakeoverReport
from takeover_planner.insights.trend import GoalState
from takeover_planner.services import insights_service as svc
from takeover_planner.texts import ENGLISH
from takeover_planner.texts.report import ReportText, ReportWords


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
    return to_oslo(moment).strftime("%Y-%m-%d %H:%M") if moment else "—"


def _collect(args: argparse.Namespace, cli: Cli) -> int:
    report = svc.collect(cli.context(), args.now)
    lines = []
    for account in report.accounts:
        parts = []
        if account.followers is not None:
            parts.append(f"{account.followers:,} followers")
        if account.stories_read:
            parts.append(f"{account.stories_read} stor{'y' if account.stories_read == 1 else 'ies'} read")
        if account.not_enough_viewers:
            parts.append(f"{account.not_enough_viewers} with fewer than 5 viewers (no insights yet)")
        if account.gone:
            parts.append(f"{account.gone} deleted")
        line = f"{account.account}: " + (", ".join(parts) if parts else "nothing read")
        if account.problem:
            line += f"\n  Problem: {account.problem}" + (f"\n  What to do: {account.advice}" if account.advice else "")
        lines.append(line)
    for missed in report.missed:
        lines.append(f"Not collected: frame #{missed.frame_id} ({missed.account}, published "
                     f"{_when(missed.published_at)}) — its 24 hours passed without a read.")
    if not lines:
        lines.append("Nothing was due.")
    if report.next_due_at is not None:
        lines.append(f"Next read due: {_when(report.next_due_at)}")
    cli.out("\n".join(lines), report.to_json())
    return EXIT_FAILURE if report.problems else 0


def _report(args: argparse.Namespace, cli: Cli) -> int:
    result = svc.export_report(cli.context(), args.slot, args.out, language=args.language, plain=args.plain)
    pages = f", {result.pages} page{'s' if result.pages != 1 else ''}" if result.pages else ""
    cli.out(f"Wrote the report for slot #{args.slot} to {result.path} ({result.frames} frames{pages}).",
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
    words = ReportWords(ENGLISH)  # the rest of this summary is in English too
    lines = [f"{report.department} on {report.account}, {report.start} – {report.end}"
             + (f" ({report.campaign})" if report.campaign else "")
             + ("  [sample data]" if report.sample else "")]
    lines.append(words(ReportText.FRAMES_COLLECTED, collected=report.collected, published=report.published))
    lines.append(f"{'#':>3}  {'published':16}  {'insights':28}  {'reach':>7}  {'views':>7}  {'replies':>7}  "
                 f"{'exits':>7}")
    for r in report.frames:
        cells = [words.number(r.value(k)) if r.value(k) is not None else "–"
                 for k in ("reach", "views", "replies", "exits")]
        lines.append(f"{r.number:>3}  {_when(r.published_at):16}  {words.collection(r.status):28}  "
                     + "  ".join(f"{c:>7}" for c in cells))
    lines.append(f"Stayed to the last frame: {words.percent(report.stayed)}")
    f = report.followers
    lines.append(f"Followers during the takeover: {words.number(f.during, signed=True)} "
                 f"({words.number(f.during_per_day, decimals=1, signed=True)} a day); the weeks before: "
                 f"{words.number(f.before_per_day, decimals=1, signed=True)} a day")
    cli.out("\n".join(lines), report_json(report))
    return 0


_GOAL_WORDS = {
    GoalState.REACHED: "reached on {reached} — time to set a new goal (takeover-planner goal set …)",
    GoalState.ON_TRACK: "on track: reached about {projected} at {pace} a day",
    GoalState.BEHIND: "behind: at {pace} a day it is reached about {projected}; {needed} a day would be needed",
    GoalState.STALLED: "not growing ({pace} a day): at this pace it is never reached",
    GoalState.MISSED: "its day passed without reaching it — set a new goal",
    GoalState.NO_TREND: "not enough follower readings for a trend yet",
    GoalState.NO_DATA: "no follower count read yet (run takeover-planner insights collect)",
}


def _goal_line(goal: svc.GoalInfo) -> str:
    p = goal.progress
    latest = f"{p.latest[1]:,} on {p.latest[0]}" if p.latest else "no reading"
    state = _GOAL_WORDS[p.state].format(
        reached=p.reached_on, projected=p.projected, pace=f"{p.trend.per_day:+.1f}" if p.trend else "?",
        needed=f"{p.needed_per_day:.1f}" if p.needed_per_day is not None else "?")
    flags = " (replaced)" if goal.replaced else ""
    flags += " [sample data]" if goal.sample else ""
    return f"{goal.account}: {goal.target:,} followers by {goal.due}{flags} — now {latest}; {state}"


def _goal_set(args: argparse.Namespace, cli: Cli) -> int:
    goal = svc.set_goal(cli.context(), args.account, args.target, args.due, args.note)
    cli.out(_goal_line(goal), goal.to_json())
    return 0


def _goal_list(args: argparse.Namespace, cli: Cli) -> int:
    goals = svc.list_goals(cli.context(), args.account, include_replaced=args.all)
    text = "\n".join(_goal_line(g) for g in goals) or "No follower goals yet. Set one with: takeover-planner goal set " \
                                                        "ACCOUNT --target N --by YYYY-MM-DD"
    cli.out(text, [g.to_json() for g in goals])
    return 0
