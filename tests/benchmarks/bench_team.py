"""Team mode under load: N client processes edit and book against one PostgreSQL server for D seconds.

Checks and prints: lost updates (a shared counter edited with optimistic locking must equal the number of
successful increments), double bookings (overlapping booked/confirmed/completed slots on one account), and how
long a change takes to be seen by the other clients (their ChangeWatcher: LISTEN/NOTIFY + polling), beside a
reference measured in the same run: a bare NOTIFY round trip between two psycopg connections.

    python tests/benchmarks/bench_team.py [--clients 10] [--seconds 60] [--url postgresql+psycopg://…]
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import psycopg

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _ctx(url: str, home: str, actor: str):  # type: ignore[no-untyped-def]
    from takeover_planner.paths import resolve_paths
    from takeover_planner.services.context import AppContext
    from takeover_planner.settings import Settings
    from takeover_planner.storage.database import Database

    paths = resolve_paths(home).ensure()
    return AppContext(paths, Settings(paths), Database(url), actor)


def client(index: int, url: str, home: str, seconds: float, start_at: float, out: mp.Queue) -> None:
    from takeover_planner.domain.slots import SlotStatus
    from takeover_planner.errors import BookingRefused, ConflictError
    from takeover_planner.services import booking
    from takeover_planner.services.changes import ChangeWatcher

    ctx = _ctx(url, home, f"client-{index}")
    seen: dict[int, float] = {}
    watcher = ChangeWatcher(ctx.db, lambda m: seen.setdefault(m, time.time()), poll_seconds=1.0)
    watcher.start()
    rng = random.Random(index)
    increments = conflicts = booked = refused = 0
    my_changes: list[tuple[int, float]] = []
    while time.time() < start_at:
        time.sleep(0.01)
    end = start_at + seconds
    while time.time() < end:
        try:
            if rng.random() < 0.5:
                counter = booking.get_slot(ctx, 1)
                booking.update_details(ctx, 1, notes=str(int(counter.notes or 0) + 1), expected_version=counter.version)
                increments += 1
            else:
                start = dt.date(2030, 1, 1) + dt.timedelta(days=rng.randrange(0, 365))
                booking.book(ctx, department=f"Dept {rng.randrange(10)}", account=f"Account {rng.randrange(2)}",
                             start=start, end=start + dt.timedelta(days=rng.randrange(0, 3)),
                             status=SlotStatus.CONFIRMED)
                booked += 1
            committed = time.time()
            my_changes.append((own_latest_event(ctx), committed))
        except ConflictError:
            conflicts += 1
        except BookingRefused:
            refused += 1
        time.sleep(rng.uniform(0.05, 0.3))
    time.sleep(3.0)  # let the watchers catch up with the last changes
    watcher.stop()
    ctx.db.dispose()
    out.put({"index": index, "increments": increments, "conflicts": conflicts, "booked": booked,
             "refused": refused, "changes": my_changes, "seen": seen})


def own_latest_event(ctx) -> int:  # type: ignore[no-untyped-def]
    """The id of this client's own newest audit event: the marker the others must reach to have seen it."""
    from sqlalchemy import func, select

    from takeover_planner.storage.models import AuditEvent

    with ctx.db.session() as s:
        return int(s.scalar(select(func.max(AuditEvent.id)).where(AuditEvent.actor == ctx.actor)) or 0)


def notify_reference(url: str, rounds: int = 50) -> float:
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    channel = f"bench_{uuid.uuid4().hex[:8]}"
    times = []
    with psycopg.connect(plain, autocommit=True) as listener, psycopg.connect(plain, autocommit=True) as sender:
        listener.execute(f"LISTEN {channel}")
        for _ in range(rounds):
            t0 = time.perf_counter()
            sender.execute(f"NOTIFY {channel}")
            next(iter(listener.notifies(timeout=5, stop_after=1)))
            times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--url", default=DEFAULT_URL)
    args = parser.parse_args()

    from takeover_planner.domain.slots import SlotStatus
    from takeover_planner.services import booking, catalog
    from takeover_planner.storage.migrate import upgrade

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    plain = args.url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = f"{args.url}?options=-csearch_path%3D{schema}"
    home = tempfile.mkdtemp(prefix="bench-team-")
    try:
        ctx = _ctx(url, home, "setup")
        upgrade(ctx.db, Path(home) / "backups")
        for a in range(2):
            catalog.add_account(ctx, f"Account {a}")
        for d in range(10):
            catalog.add_department(ctx, f"Dept {d}")
        booking.book(ctx, department="Dept 0", account="Account 0", start=dt.date(2029, 1, 1),
                     end=dt.date(2029, 1, 1), status=SlotStatus.BOOKED, notes="0")  # slot 1: the shared counter
        reference = notify_reference(args.url)

        spawn = mp.get_context("spawn")
        out: mp.Queue = spawn.Queue()
        start_at = time.time() + 5
        procs = [spawn.Process(target=client, args=(i, url, home, args.seconds, start_at, out))
                 for i in range(args.clients)]
        for p in procs:
            p.start()
        results = [out.get(timeout=args.seconds + 120) for _ in procs]
        for p in procs:
            p.join(30)

        counter = int(booking.get_slot(ctx, 1).notes)
        increments = sum(r["increments"] for r in results)
        with ctx.db.engine.connect() as conn:
            doubles = conn.exec_driver_sql(
                "SELECT count(*) FROM takeover_slot a JOIN takeover_slot b ON a.account_id = b.account_id "
                "AND a.id < b.id AND a.start_date <= b.end_date AND b.start_date <= a.end_date "
                "WHERE a.status IN ('booked','confirmed','completed') AND b.status IN ('booked','confirmed','completed')"
            ).scalar()
        latencies = []
        for writer in results:
            for marker, committed in writer["changes"]:
                for reader in results:
                    if reader["index"] == writer["index"]:
                        continue
                    later = [t for m, t in reader["seen"].items() if int(m) >= marker]
                    if later:
                        latencies.append(max(0.0, min(later) - committed))
        median = statistics.median(latencies) if latencies else float("nan")
        print(f"clients: {args.clients}, duration: {args.seconds:.0f} s")
        print(f"writes: {increments} counter increments, {sum(r['booked'] for r in results)} bookings, "
              f"{sum(r['conflicts'] for r in results)} conflicts refused, {sum(r['refused'] for r in results)} "
              "bookings refused by the rules")
        print(f"lost updates: {increments - counter} (counter {counter}, successful increments {increments})")
        print(f"double bookings: {doubles}")
        print(f"change visible to the others: median {median * 1000:.0f} ms, "
              f"p95 {sorted(latencies)[int(len(latencies) * 0.95)] * 1000 if latencies else float('nan'):.0f} ms "
              f"over {len(latencies)} observations (target ≤ 3000 ms median)")
        print(f"reference, bare NOTIFY round trip: median {reference * 1000:.2f} ms")
        ok = increments == counter and doubles == 0 and median <= 3.0
        print("RESULT:", "holds" if ok else "DOES NOT HOLD")
        ctx.db.dispose()
    finally:
        from takeover_planner.storage.pg_security import role_prefix

        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
            # The schema's group roles are cluster-wide (storage.pg_security): drop them with it.
            prefix = role_prefix(conn.info.dbname, schema)
            names = [r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)",
                                                (prefix,))]
            for name in names:
                conn.execute(f'DROP ROLE "{name}"')


if __name__ == "__main__":
    main()
