"""The demo municipality's sample insights history, so the dashboard is not empty on first start.

Everything here is marked ``sample`` in the database and shown as "Sample data" wherever it appears: follower
counts for the last five months, a goal that was reached and its successor, and published sample frames with
story insights for the demo's completed takeovers (one frame deliberately "not collected", one with fewer than
five viewers, as real collections have them). A past campaign ("Åpne dører", sample) groups two of those
takeovers so the comparison by campaign has something to show. Nothing is ever sent to Instagram: sample
frames have no publish-ledger entry. Numbers come from a fixed seed, so screenshots are stable.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import select

from takeover_planner.domain.timekeeping import oslo_datetime, today_oslo
from takeover_planner.services import booking, catalog
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import (
    Account,
    Department,
    FollowerCount,
    FollowerGoal,
    StoryFrame,
    StoryInsight,
    TakeoverSlot,
)

HISTORY_DAYS = 150
SAMPLE_CAMPAIGN = "Åpne dører"
# Followers at the start of the history, daily growth, the goal that was reached, the current goal.
ACCOUNTS = {
    "Fjordvik kommune": (1215, 3.1, 1500, 2200),
    "Fjordvik kultur": (560, 1.2, 600, 800),
}
APPEAL = {"Brannvesenet": 1.45, "Svømmehallen": 1.15, "Biblioteket": 0.9, "Kulturhuset": 1.05}
# The sample's words, in the language the demo is loaded in (Fjordvik is Norwegian: Bokmål for a Bokmål user).
FRAME_TEXTS = {
    "en": ("Good morning from us!", "What we do all day", "Meet the team", "Behind the scenes", "Question of the day",
           "See you tomorrow"),
    "nb": ("God morgen fra oss!", "Dette gjør vi hele dagen", "Møt gjengen", "Bak kulissene", "Dagens spørsmål",
           "Vi ses i morgen"),
}
SAMPLE_WORDS = {
    "en": {"frame_note": "Sample frame (demo)", "goal_note": "Sample goal (demo)",
           "goal_raised": "Sample goal (demo): raised after the first one was passed", "set_by": "Sample data",
           "campaign": "Sample history (demo): open days at the swimming pool and the fire station."},
    "nb": {"frame_note": "Eksempelbilde (demo)", "goal_note": "Eksempelmål (demo)",
           "goal_raised": "Eksempelmål (demo): hevet etter at det første ble nådd", "set_by": "Eksempeldata",
           "campaign": "Eksempelhistorikk (demo): åpen dag i svømmehallen og på brannstasjonen."},
}


@dataclass(frozen=True)
class SampleResult:
    followers: int
    goals: int
    frames: int


def _accounts(ctx: AppContext) -> dict[str, int]:
    with ctx.db.session() as s:
        rows = s.execute(select(Account.name, Account.id).where(Account.name.in_(ACCOUNTS))).all()
    return {name: account_id for name, account_id in rows}


def _takeover_days(ctx: AppContext, today: dt.date) -> dict[int, set[dt.date]]:
    """Per account, the days of completed takeovers (followers grow faster on them)."""
    out: dict[int, set[dt.date]] = {}
    with ctx.db.session() as s:
        for slot in s.scalars(select(TakeoverSlot).where(TakeoverSlot.status == "completed",
                                                         TakeoverSlot.end_date < today)):
            days = out.setdefault(slot.account_id, set())
            day = slot.start_date
            while day <= slot.end_date:
                days.add(day)
                day += dt.timedelta(days=1)
    return out


def _followers(ctx: AppContext, today: dt.date, rng: random.Random, words: dict[str, str]) -> tuple[int, int]:
    accounts = _accounts(ctx)
    busy = _takeover_days(ctx, today)
    readings = goals = 0
    with ctx.db.write() as s:
        for name, (start, per_day, reached_goal, next_goal) in ACCOUNTS.items():
            account_id = accounts.get(name)
            if account_id is None:
                continue
            count = float(start)
            reached_on: dt.date | None = None
            for back in range(HISTORY_DAYS, 0, -1):
                day = today - dt.timedelta(days=back)
                count += per_day + rng.uniform(-2.2, 2.6) + (14 if day in busy.get(account_id, ()) else 0)
                moment = oslo_datetime(day, dt.time(20, rng.randint(0, 59))).astimezone(dt.UTC)
                s.add(FollowerCount(account_id=account_id, read_at=moment, followers=round(count), sample=True))
                readings += 1
                if reached_on is None and count >= reached_goal:
                    reached_on = day
            first = today - dt.timedelta(days=HISTORY_DAYS)
            set_again = (reached_on or today) + dt.timedelta(days=3)
            old = FollowerGoal(account_id=account_id, target=reached_goal,
                               due_date=dt.date(first.year, 12, 31),
                               note=words["goal_note"], set_at=oslo_datetime(first, dt.time(9)).astimezone(dt.UTC),
                               set_by=words["set_by"], reached_on=reached_on,
                               replaced_at=oslo_datetime(set_again, dt.time(9)).astimezone(dt.UTC), sample=True)
            new = FollowerGoal(account_id=account_id, target=next_goal, due_date=today + dt.timedelta(days=150),
                               note=words["goal_raised"],
                               set_at=oslo_datetime(min(set_again, today), dt.time(9)).astimezone(dt.UTC),
                               set_by=words["set_by"], sample=True)
            s.add_all([old, new])
            goals += 2
    return readings, goals


def _numbers(reach: int, rng: random.Random) -> dict[str, int]:
    replies = max(0, round(reach / 70 + rng.uniform(-1.5, 2)))
    shares = max(0, round(reach / 140 + rng.uniform(-1, 1)))
    follows = max(0, round(reach / 110 + rng.uniform(-1, 1.5)))
    return {
        "reach": reach, "views": round(reach * rng.uniform(1.15, 1.35)), "replies": replies, "shares": shares,
        "follows": follows, "profile_visits": round(reach / rng.uniform(22, 34)),
        "total_interactions": replies + shares + follows + round(reach / 40),
        "taps_forward": round(reach * rng.uniform(0.55, 0.7)), "taps_back": round(reach * rng.uniform(0.03, 0.07)),
        "exits": round(reach * rng.uniform(0.07, 0.16)), "swipes_forward": round(reach * rng.uniform(0.06, 0.12)),
    }


def _frames(ctx: AppContext, today: dt.date, rng: random.Random, language: str) -> int:
    texts, words = FRAME_TEXTS[language], SAMPLE_WORDS[language]
    made = 0
    with ctx.db.write() as s:
        slots = s.execute(select(TakeoverSlot, Department.name).join(Department)
                          .where(TakeoverSlot.status == "completed", TakeoverSlot.end_date < today)
                          .order_by(TakeoverSlot.start_date)).all()
        missed_done = few_done = False
        for slot, department in slots:
            base = 320 if slot.account.name == "Fjordvik kommune" else 190
            day = slot.start_date
            position = 1  # frames are numbered from 1, as stories.add_frame does
            while day <= slot.end_date:
                reach = round(base * APPEAL.get(department, 1.0) * rng.uniform(0.85, 1.15))
                for index in range(rng.randint(3, 5)):
                    published = oslo_datetime(day, dt.time(9 + 2 * index, rng.randint(0, 20))).astimezone(dt.UTC)
                    frame = StoryFrame(slot_id=slot.id, position=position, planned_at=published, state="published",
                                       text=f"{texts[index % len(texts)]} ({department})",
                                       notes=words["frame_note"], credit=department)
                    s.add(frame)
                    s.flush()
                    position += 1
                    insight = StoryInsight(frame_id=frame.id, account_id=slot.account_id,
                                           media_id=f"sample-{frame.id}", published_at=published, reads=0,
                                           not_enough_viewers=False, gone=False, last_error="", sample=True)
                    if not missed_done and department == "Biblioteket" and index == 1:
                        missed_done = True  # the app was closed all that day: honestly "not collected"
                    elif not few_done and department == "Kulturhuset" and index == 3:
                        few_done = True
                        insight.not_enough_viewers = True
                        insight.last_attempt_at = published + dt.timedelta(hours=23)
                    else:
                        read = published + dt.timedelta(hours=23, minutes=rng.randint(2, 40))
                        for name, value in _numbers(reach, rng).items():
                            setattr(insight, name, value)
                        insight.reads = 7
                        insight.first_read_at = published + dt.timedelta(hours=1, minutes=3)
                        insight.last_read_at = insight.last_attempt_at = read
                    s.add(insight)
                    made += 1
                    reach = max(3, round(reach * rng.uniform(0.78, 0.92)))
                day += dt.timedelta(days=1)
    return made


def _campaign(ctx: AppContext, today: dt.date, words: dict[str, str]) -> None:
    """A past theme week around two completed takeovers, so campaigns can be compared."""
    with ctx.db.session() as s:
        rows = s.execute(select(TakeoverSlot.id, TakeoverSlot.start_date, TakeoverSlot.end_date, Department.name)
                         .join(Department).where(TakeoverSlot.status == "completed",
                                                 Department.name.in_(("Svømmehallen", "Brannvesenet")),
                                                 TakeoverSlot.end_date < today)).all()
    if len(rows) < 2 or any(c.name == SAMPLE_CAMPAIGN for c in catalog.list_campaigns(ctx)):
        return
    start = min(r[1] for r in rows)
    end = max(r[2] for r in rows)
    catalog.add_campaign(ctx, SAMPLE_CAMPAIGN, start, end,
                         words["campaign"],
                         color="#c2415d")
    for row in rows:
        booking.update_details(ctx, row[0], campaign=SAMPLE_CAMPAIGN)


def load_sample_history(ctx: AppContext, *, today: dt.date | None = None, language: str = "en") -> SampleResult:
    """Add the sample history once (nothing is added when any sample row exists already)."""
    day = today or today_oslo()
    with ctx.db.session() as s:
        if s.scalar(select(FollowerCount.id).where(FollowerCount.sample.is_(True)).limit(1)) is not None:
            return SampleResult(0, 0, 0)
    rng = random.Random(20250506)
    language = language if language in SAMPLE_WORDS else "en"
    _campaign(ctx, day, SAMPLE_WORDS[language])
    readings, goals = _followers(ctx, day, rng, SAMPLE_WORDS[language])
    frames = _frames(ctx, day, rng, language)
    return SampleResult(readings, goals, frames)
