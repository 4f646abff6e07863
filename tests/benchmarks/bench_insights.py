"""Benchmark: the insights window's data for a busy team, and one collection run, beside references measured
in the same run.

    .venv/bin/python tests/benchmarks/bench_insights.py [--takeovers 300] [--frames 8] [--years 3] [--stories 50]

- Reports: ``takeover_reports`` + ``comparison`` (what the "Takeover reports" and "Comparison" tabs load) for
  ``--takeovers`` takeovers of ``--frames`` frames each, every frame with insights. Reference: fetching the same
  story_insight, story_frame and publish-ledger rows with plain SQL (no figures computed).
- Followers: ``account_followers`` (daily series, least-squares trend, goal state) for ``--years`` years of
  readings every 6 hours. Reference: the plain SQL fetch of those readings.
- Collect: one ``collect`` run with ``--stories`` stories due, against the fake Graph API on 127.0.0.1 (two
  requests per story plus the follower count), recording every answer. Reference: the same number of plain
  GET requests to the same server through the same HTTP client, nothing recorded.
Each figure is the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the fake Graph API lives in tests/fakes

from sqlalchemy import text  # noqa: E402

from takeover_planner.domain.timekeeping import now_utc  # noqa: E402
from takeover_planner.services import insights_service  # noqa: E402
from takeover_planner.services.context import AppContext, open_context  # noqa: E402
from takeover_planner.storage.models import (  # noqa: E402
    Account,
    Department,
    FollowerCount,
    FollowerGoal,
    PublishJob,
    StoryFrame,
    StoryInsight,
    TakeoverSlot,
)

DEPARTMENTS = ["Biblioteket", "Brannvesenet", "Helsestasjonen", "Kulturskolen", "Renovasjon", "Svømmehallen",
               "Hjemmetjenesten", "Parkvesenet", "Vei og trafikk", "Kulturhuset"]


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def seed(ctx: AppContext, takeovers: int, frames: int, years: int) -> int:
    rnd = random.Random(9)
    today = dt.date.today()
    with ctx.db.write() as s:
        account = Account(name="Fjordvik kommune", handle="fjordvik")
        departments = [Department(name=n) for n in DEPARTMENTS]
        s.add_all([account, *departments])
        s.flush()
        count = 1000.0
        for i in range(years * 365 * 4):
            moment = dt.datetime.combine(today, dt.time(12), tzinfo=dt.UTC) - dt.timedelta(hours=6 * i)
            count -= rnd.uniform(0, 2)
            s.add(FollowerCount(account_id=account.id, read_at=moment, followers=max(1, round(count))))
        s.add(FollowerGoal(account_id=account.id, target=5000, due_date=today + dt.timedelta(days=200)))
        for t in range(takeovers):
            day = today - dt.timedelta(days=3 * t + 2)
            slot = TakeoverSlot(account_id=account.id, department_id=rnd.choice(departments).id, start_date=day,
                                end_date=day, status="completed")
            s.add(slot)
            s.flush()
            for f in range(frames):
                published = dt.datetime.combine(day, dt.time(8 + f), tzinfo=dt.UTC)
                frame = StoryFrame(slot_id=slot.id, position=f, planned_at=published, state="published")
                s.add(frame)
                s.flush()
                media = str(17_900_000_000_000_000 + t * 100 + f)
                s.add(PublishJob(frame_id=frame.id, account_id=account.id, state="published", media_id=media,
                                 published_at=published))
                reach = rnd.randint(50, 600)
                s.add(StoryInsight(frame_id=frame.id, account_id=account.id, media_id=media, published_at=published,
                                   reach=reach, views=reach + 40, replies=reach // 60, exits=reach // 8,
                                   follows=reach // 100, reads=7, last_read_at=published + dt.timedelta(hours=23),
                                   not_enough_viewers=False, gone=False, last_error="", sample=False))
        return account.id


def bench_collect(stories: int, repeat: int) -> tuple[float, float]:
    from takeover_planner.instagram.graph_client import GraphClient
    from takeover_planner.services import publishing_service
    from tests.fakes.fake_graph import FakeWebDav
    from tests.fakes.fake_insights import FakeInstagramInsights
    from tests.fakes.publish_world import due_time, make_world

    collect_times, plain_times = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as home:
            ctx = open_context(home, actor="Bench")
            fake = FakeInstagramInsights().start()
            dav = FakeWebDav().start()
            try:
                world = make_world(ctx, fake, dav)
                for minute in range(stories):
                    world.add_frame(minute=minute % 60)
                publishing_service.publish_due(ctx, due_time(120), env=world.env())
                moment = now_utc() + dt.timedelta(hours=1, minutes=5)
                fake.now = moment.timestamp()
                env = insights_service.collect_env(ctx, secrets=world.secrets)
                start = time.perf_counter()
                report = insights_service.collect(ctx, moment, env=env)
                collect_times.append(time.perf_counter() - start)
                assert report.stories_read == stories, report.to_json()
                graph = GraphClient(fake.base_url, fake.version, fake.token)
                start = time.perf_counter()
                for _ in range(2 * stories + 1):
                    graph.get("me", {"fields": "user_id,username"})
                plain_times.append(time.perf_counter() - start)
                graph.session.close()
            finally:
                fake.stop()
                dav.stop()
                ctx.close()
    return min(collect_times), min(plain_times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--takeovers", type=int, default=300)
    parser.add_argument("--frames", type=int, default=8)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--stories", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as home:
        ctx = open_context(home, actor="Bench")
        account_id = seed(ctx, args.takeovers, args.frames, args.years)

        def reports() -> None:
            insights_service.comparison(insights_service.takeover_reports(ctx))

        def plain_reports() -> None:
            with ctx.db.engine.connect() as conn:
                conn.execute(text("SELECT * FROM story_insight")).all()
                conn.execute(text("SELECT * FROM story_frame")).all()
                conn.execute(text("SELECT * FROM publish_job")).all()
                conn.execute(text("SELECT * FROM takeover_slot")).all()

        def followers() -> None:
            insights_service.account_followers(ctx, account_id)

        def plain_followers() -> None:
            with ctx.db.engine.connect() as conn:
                conn.execute(text("SELECT read_at, followers, sample FROM follower_count WHERE account_id = :a "
                                  "ORDER BY read_at"), {"a": account_id}).all()

        frames = args.takeovers * args.frames
        r, rr = best(reports, args.repeat), best(plain_reports, args.repeat)
        f, fr = best(followers, args.repeat), best(plain_followers, args.repeat)
        ctx.close()
    c, cr = bench_collect(args.stories, args.repeat)
    print(f"reports + comparison, {args.takeovers} takeovers / {frames} frames: {r:.3f} s "
          f"(plain SQL fetch {rr:.3f} s, ratio {r / rr:.1f}×)")
    print(f"followers, goal and trend, {args.years * 365 * 4} readings: {f:.3f} s "
          f"(plain SQL fetch {fr:.3f} s, ratio {f / fr:.1f}×)")
    print(f"collect, {args.stories} stories due ({2 * args.stories + 1} requests): {c:.3f} s "
          f"(as many plain GETs {cr:.3f} s, ratio {c / cr:.1f}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
