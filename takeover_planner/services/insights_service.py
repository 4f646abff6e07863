"""Insights use cases for the command line and the window: collect, follower goals, the dashboard's data,
takeover reports (on screen, as PDF or CSV) and the comparison across departments and campaigns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import requests
from sqlalchemy import select

from takeover_planner.domain.timekeeping import now_utc, to_oslo, today_oslo
from takeover_planner.errors import NotFoundError, ValidationError
from takeover_planner.fileio import atomic_write_bytes
from takeover_planner.insights import store
from takeover_planner.insights.report import TakeoverReport, by_campaign, by_department, compare
from takeover_planner.insights.report_csv import report_csv
from takeover_planner.insights.report_pdf import Comparison, layout_report
from takeover_planner.insights.trend import (
    DailyPoint,
    GoalProgress,
    GoalState,
    Trend,
    daily_series,
    fit_trend,
    goal_progress,
)
from takeover_planner.instagram.graph_client import new_session
from takeover_planner.instagram.secrets import SecretStore
from takeover_planner.services import audit
from takeover_planner.services.access import require_planner
from takeover_planner.services.catalog import find_account
from takeover_planner.services.context import AppContext
from takeover_planner.services.insights_collection import CollectEnv, CollectReport
from takeover_planner.services.insights_collection import collect as run_collect
from takeover_planner.storage.models import Account, FollowerGoal
from takeover_planner.texts import current_language
from takeover_planner.texts.access import ActionText
from takeover_planner.texts.insights import InsightsText
from takeover_planner.texts.report import ReportWords

REPORT_FORMATS = (".pdf", ".csv")
MAX_TARGET = 100_000_000


# --- collecting -----------------------------------------------------------------------------------------------


def collect_env(ctx: AppContext, *, secrets: SecretStore | None = None,
                http: Callable[[], requests.Session] = new_session) -> CollectEnv:
    from takeover_planner.services.publishing_service import secret_store, timeouts

    return CollectEnv(ctx.db, secrets or secret_store(), http, timeouts(ctx),
                      graph_version=ctx.settings.get("instagram.graph_version"))


def collect(ctx: AppContext, now: dt.datetime | None = None, *, env: CollectEnv | None = None) -> CollectReport:
    """Read every story insight and follower count that is due; note goals reached on the way."""
    if now is not None and now.tzinfo is None:
        raise ValidationError(InsightsText.NOW_NEEDS_ZONE)
    if now is not None:  # a rehearsal clock: never against Meta's servers
        from takeover_planner.services.publishing_service import refuse_rehearsal_on_meta
        from takeover_planner.texts.publishing import PublishingText

        refuse_rehearsal_on_meta(ctx, PublishingText.NOW_REFUSED_META_INSIGHTS)
    report = run_collect(env or collect_env(ctx), now)
    if report.followers_read:
        _note_goals_reached(ctx, report.now)
    return report


def _note_goals_reached(ctx: AppContext, now: dt.datetime) -> None:
    with ctx.db.write() as s:
        for goal in s.scalars(select(FollowerGoal).where(FollowerGoal.replaced_at.is_(None),
                                                         FollowerGoal.reached_on.is_(None))):
            readings, _sample = store.follower_readings(s, goal.account_id)
            since = to_oslo(goal.set_at).date()
            reached = next((d for d, v in daily_series(readings) if d >= since and v >= goal.target), None)
            if reached is not None:
                goal.reached_on = reached
                audit.record(s, "Insights", "follower_goal", goal.id, "reached",
                             after={"target": goal.target, "reached_on": reached.isoformat()})


# --- goals ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalInfo:
    id: int
    account_id: int
    account: str
    target: int
    due: dt.date
    note: str
    set_at: dt.datetime
    set_by: str
    replaced: bool
    sample: bool
    progress: GoalProgress

    def to_json(self) -> dict[str, object]:
        p = self.progress
        return {
            "id": self.id, "account": self.account, "target": self.target, "due": self.due.isoformat(),
            "note": self.note, "set_at": self.set_at.isoformat(), "set_by": self.set_by, "replaced": self.replaced,
            "sample": self.sample, "state": p.state.value,
            "latest": {"day": p.latest[0].isoformat(), "followers": p.latest[1]} if p.latest else None,
            "trend_per_day": round(p.trend.per_day, 3) if p.trend else None,
            "projected": p.projected.isoformat() if p.projected else None,
            "reached_on": p.reached_on.isoformat() if p.reached_on else None,
            "remaining": p.remaining,
            "needed_per_day": round(p.needed_per_day, 3) if p.needed_per_day is not None else None,
        }


def _goal_info(goal: FollowerGoal, account: str, series: list[DailyPoint], today: dt.date) -> GoalInfo:
    progress = goal_progress(goal.target, goal.due_date, series, since=to_oslo(goal.set_at).date(), today=today)
    return GoalInfo(goal.id, goal.account_id, account, goal.target, goal.due_date, goal.note, goal.set_at,
                    goal.set_by, goal.replaced_at is not None, goal.sample, progress)


def set_goal(ctx: AppContext, account_ref: int | str, target: int, due: dt.date, note: str = "", *,
             today: dt.date | None = None) -> GoalInfo:
    """A new follower goal for the account; it replaces the current one (kept in the history)."""
    day = today or today_oslo()
    if isinstance(target, bool) or not 0 < target <= MAX_TARGET:
        raise ValidationError(InsightsText.BAD_TARGET, limit=MAX_TARGET)
    if due < day:
        raise ValidationError(InsightsText.GOAL_DATE_PASSED, due=due)
    now = now_utc()
    with ctx.db.write() as s:
        require_planner(s, ctx.actor, ActionText.SET_FOLLOWER_GOALS)
        account = find_account(s, account_ref)
        readings, _sample = store.follower_readings(s, account.id)
        series = daily_series(readings)
        if series and series[-1][1] >= target:
            raise ValidationError(InsightsText.TARGET_MET, account=account.name, followers=series[-1][1],
                                  target=target)
        current = store.active_goal(s, account.id)
        if current is not None:
            current.replaced_at = now
        goal = FollowerGoal(account_id=account.id, target=target, due_date=due, note=" ".join(note.split()),
                            set_at=now, set_by=ctx.actor, sample=False)
        s.add(goal)
        s.flush()
        audit.record(s, ctx.actor, "follower_goal", goal.id, "set",
                     before={"target": current.target, "due": current.due_date.isoformat()} if current else None,
                     after={"account": account.name, "target": target, "due": due.isoformat()})
        return _goal_info(goal, account.name, series, day)


def list_goals(ctx: AppContext, account_ref: int | str | None = None, *, include_replaced: bool = False,
               today: dt.date | None = None) -> list[GoalInfo]:
    day = today or today_oslo()
    with ctx.db.session() as s:
        query = select(FollowerGoal, Account.name).join(Account, Account.id == FollowerGoal.account_id)
        if account_ref is not None:
            query = query.where(FollowerGoal.account_id == find_account(s, account_ref).id)
        if not include_replaced:
            query = query.where(FollowerGoal.replaced_at.is_(None))
        rows = s.execute(query.order_by(Account.name, FollowerGoal.set_at.desc(), FollowerGoal.id.desc())).all()
        series: dict[int, list[DailyPoint]] = {}
        out = []
        for goal, name in rows:
            if goal.account_id not in series:
                series[goal.account_id] = daily_series(store.follower_readings(s, goal.account_id)[0])
            out.append(_goal_info(goal, name, series[goal.account_id], day))
        return out


# --- the dashboard --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountFollowers:
    account_id: int
    account: str
    readings: list[tuple[dt.datetime, int]]
    daily: list[DailyPoint]
    sample: bool
    goal: GoalInfo | None
    past_goals: list[GoalInfo] = field(default_factory=list)

    @property
    def trend(self) -> Trend | None:
        """Growth over the last weeks: the goal's own trend, else one fitted to the daily counts (three or more)."""
        if self.goal is not None and self.goal.progress.trend is not None:
            return self.goal.progress.trend
        return fit_trend(self.daily) if len(self.daily) >= 3 else None

    @property
    def invite_new_goal(self) -> bool:
        """No goal, or the current one reached or past its day: time to set a new one."""
        return self.goal is None or self.goal.progress.state in (GoalState.REACHED, GoalState.MISSED)


def account_followers(ctx: AppContext, account_ref: int | str, *, today: dt.date | None = None) -> AccountFollowers:
    day = today or today_oslo()
    with ctx.db.session() as s:
        account = find_account(s, account_ref)
        readings, sample = store.follower_readings(s, account.id)
        daily = daily_series(readings)
        goals = s.scalars(select(FollowerGoal).where(FollowerGoal.account_id == account.id)
                          .order_by(FollowerGoal.set_at.desc(), FollowerGoal.id.desc())).all()
        infos = [_goal_info(g, account.name, daily, day) for g in goals]
        current = next((g for g in infos if not g.replaced), None)
        return AccountFollowers(account.id, account.name, readings, daily, sample, current,
                                [g for g in infos if g.replaced])


@dataclass(frozen=True)
class AccountChoice:
    id: int
    name: str
    has_readings: bool


def accounts(ctx: AppContext) -> list[AccountChoice]:
    """Accounts for the dashboard's picker; those with follower readings first."""
    with ctx.db.session() as s:
        rows = s.scalars(select(Account).order_by(Account.name)).all()
        out = [AccountChoice(a.id, a.name, bool(store.follower_readings(s, a.id)[0])) for a in rows]
    return sorted(out, key=lambda a: (not a.has_readings, a.name.casefold()))


# --- takeover reports -----------------------------------------------------------------------------------------


def takeover_report(ctx: AppContext, slot_id: int, *, now: dt.datetime | None = None) -> TakeoverReport:
    with ctx.db.session() as s:
        return store.report_for_slot(s, slot_id, now or now_utc())


def takeover_reports(ctx: AppContext, *, now: dt.datetime | None = None) -> list[TakeoverReport]:
    """Every takeover with at least one published frame, newest first."""
    moment = now or now_utc()
    with ctx.db.session() as s:
        return store.reports_for_slots(s, store.slots_with_published_frames(s), moment)


def comparison(reports: list[TakeoverReport]) -> Comparison:
    return Comparison(compare(reports, by_department), compare(reports, by_campaign))


@dataclass(frozen=True)
class ReportFile:
    path: Path
    format: str
    frames: int
    pages: int = 0


def export_report(ctx: AppContext, slot_id: int, out: str | Path, *, language: str | None = None,
                  now: dt.datetime | None = None, plain: bool = False) -> ReportFile:
    """Write the takeover report as PDF or CSV (chosen by the file name's extension), atomically."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in REPORT_FORMATS:
        raise ValidationError(InsightsText.REPORT_SUFFIX, name=path.name)
    if path.exists() and path.is_dir():
        raise ValidationError(InsightsText.REPORT_IS_FOLDER, path=str(path), suffix=suffix)
    if not path.parent.exists():
        raise NotFoundError(InsightsText.NO_FOLDER, path=str(path.parent))
    moment = now or now_utc()
    words = ReportWords(language or current_language())
    report = takeover_report(ctx, slot_id, now=moment)
    if suffix == ".csv":
        atomic_write_bytes(path, report_csv(report, words=words, excel=not plain))
        return ReportFile(path, "csv", len(report.frames))
    from takeover_planner.exporting.typst_pdf import render_pdf

    document = layout_report(report, words, made=moment, comparison=comparison(takeover_reports(ctx, now=moment)))
    atomic_write_bytes(path, render_pdf(document))
    return ReportFile(path, "pdf", len(report.frames), len(document.pages))
