"""Planner window benchmark: cold start, month and view switches, search, memory.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_ui.py [--runs 5] [--db-dir DIR]

The database is ten years of takeovers around today (5,000 slots, 150 departments with contacts, three
accounts, campaigns and blackouts), written once with bulk inserts and reused from ``--db-dir``.

Printed figures (limits from issue 7), each beside a reference measured in the same run:
- cold start: a new process, from before it is spawned to the first paint of the month grid with the current
  month's slots (the real start path: the CLI's imports, ``ui.app.launch``, the database opened on a worker);
  reference: a bare ``QApplication`` + ``QMainWindow`` shown and painted, measured the same way;
- month and view switches: the time from the click's action to the view repainted with its slots, over 120
  months forward and through month → week → agenda; reference: repainting the same view with nothing changed;
- search: the longest the window's event loop was blocked while typing a search and while the all-years read
  runs behind it (a 2 ms heartbeat timer measures the gaps); reference: the same heartbeat with the window idle;
- memory: resident set size after browsing all 120 months; reference: the process right after its first paint.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SLOTS = 5_000
DEPARTMENTS = 150
LIMITS = {"cold": 1.0, "switch": 0.050, "search": 0.050, "memory_mb": 300.0}


# --- the database ----------------------------------------------------------------------------------------


def build_database(home: Path) -> None:
    """Ten years around today, bulk-inserted (the booking service would take minutes for 5,000 slots)."""
    from takeover_planner.services.context import open_context
    from takeover_planner.storage.models import (
        Account,
        Blackout,
        Campaign,
        ContactPerson,
        Department,
        TakeoverSlot,
    )

    ctx = open_context(str(home), actor="Benchmark")
    rnd = random.Random(14)
    today = dt.date.today()
    start = today - dt.timedelta(days=5 * 365)
    with ctx.db.write() as s:
        accounts = [Account(name=name, handle=name.lower().replace(" ", "")) for name in
                    ("Fjordvik kommune", "Fjordvik kultur", "Fjordvik ung")]
        s.add_all(accounts)
        departments = []
        for i in range(DEPARTMENTS):
            department = Department(name=f"Enhet {i + 1:03d}", color=f"#{rnd.randrange(0x202020, 0xD0D0D0):06x}")
            department.contacts.append(ContactPerson(name=f"Kontakt {i + 1}", email=f"enhet{i + 1}@fjordvik.example"))
            departments.append(department)
        s.add_all(departments)
        s.flush()
        s.add_all(Campaign(name=f"Temauke {year}", start_date=dt.date(year, 6, 1), end_date=dt.date(year, 6, 7))
                  for year in range(start.year, start.year + 11))
        s.add_all(Blackout(name=f"Valg {year}", start_date=dt.date(year, 9, 9), end_date=dt.date(year, 9, 9))
                  for year in range(start.year, start.year + 11))
        day = {a.id: start for a in accounts}
        statuses = ["requested", "booked", "confirmed", "completed", "cancelled"]
        rows = []
        for n in range(SLOTS):
            account = accounts[n % len(accounts)]
            first = day[account.id]
            last = first + dt.timedelta(days=rnd.randint(0, 2))
            day[account.id] = last + dt.timedelta(days=rnd.randint(1, 3))
            status = "completed" if last < today and rnd.random() < 0.8 else rnd.choice(statuses[:3])
            rows.append(TakeoverSlot(account_id=account.id, department_id=rnd.choice(departments).id,
                                     start_date=first, end_date=last, status=status))
        s.add_all(rows)
    ctx.close()


def ensure_database(db_dir: Path) -> Path:
    marker = db_dir / f"ready-{dt.date.today().isoformat()}"
    if not marker.exists():
        import shutil

        shutil.rmtree(db_dir, ignore_errors=True)
        db_dir.mkdir(parents=True)
        build_database(db_dir)
        marker.write_text("ok", encoding="utf-8")
    return db_dir


# --- cold start ------------------------------------------------------------------------------------------

CHILD_APP = textwrap.dedent("""
    import sys, time
    import takeover_planner.cli  # what the real entry point imports before the window
    from takeover_planner.ui.app import launch
    running = launch(sys.argv[1])
    page = running.window.page
    def painted():
        if running.window.store.ctx is not None and page.model.rowCount() > 0:
            print(repr(time.time()), flush=True)
            running.window.close()
            running.app.quit()
    page.month_grid.painted.connect(painted)
    running.app.exec()
""")

# `takeover-planner` with no subcommand builds the whole parser (every command module) before the window.
CHILD_APP_FULL_CLI = CHILD_APP.replace("import takeover_planner.cli  # what the real entry point imports before the window",
                                       "import takeover_planner.cli; takeover_planner.cli.build_parser()")

CHILD_BARE = textwrap.dedent("""
    import sys, time
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("hello"))
    window.resize(1280, 820)
    def done():
        print(repr(time.time()), flush=True)
        app.quit()
    from PySide6.QtCore import QTimer
    window.show()
    QTimer.singleShot(0, lambda: (window.repaint(), done()))
    app.exec()
""")


def _spawn(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    started = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120,
                         env=env, cwd=str(ROOT))
    if out.returncode != 0 or not out.stdout.strip():
        raise RuntimeError(f"child failed ({out.returncode}): {out.stderr[-2000:]}")
    return float(out.stdout.strip().splitlines()[-1]) - started


def cold_start(home: Path, runs: int) -> tuple[list[float], list[float], list[float]]:
    from takeover_planner.paths import resolve_paths
    from takeover_planner.ui.main_window import WINDOW_STATE_FILE

    _spawn(CHILD_BARE)  # warm the file cache once, like a second start on a desktop
    app, full, bare = [], [], []
    state = resolve_paths(str(home)).config_dir / WINDOW_STATE_FILE
    for _ in range(runs):
        # The window reopens the last view; the month view is the one measured.
        state.unlink(missing_ok=True)
        bare.append(_spawn(CHILD_BARE))
        app.append(_spawn(CHILD_APP, str(home)))
        state.unlink(missing_ok=True)
        full.append(_spawn(CHILD_APP_FULL_CLI, str(home)))
    return app, full, bare


# --- in-process measurements -------------------------------------------------------------------------------


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def in_process(home: Path) -> dict[str, object]:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from takeover_planner.ui.app import launch

    running = launch(str(home))
    app, window = running.app, running.window
    page = window.page
    deadline = time.monotonic() + 30
    while (window.store.ctx is None or page.model.rowCount() == 0) and time.monotonic() < deadline:
        app.processEvents()
    app.processEvents()
    memory_start = rss_mb()

    def wait_loaded() -> None:
        start, end = page.visible_range()
        while not window.store.has_range(start, end):
            app.processEvents()

    def timed(action) -> float:  # type: ignore[no-untyped-def]
        began = time.perf_counter()
        action()
        wait_loaded()
        page.current_view_widget().repaint()
        return time.perf_counter() - began

    # reference: the same repaint with nothing changed
    idle = [timed(lambda: None) for _ in range(30)]
    months = []
    for _ in range(120):
        months.append(timed(page.go_next))
        app.processEvents()  # let the read-ahead of the next year start, as it would between clicks
    memory_after = rss_mb()
    for _ in range(120):
        page.go_previous()
    app.processEvents()
    views = []
    for _ in range(20):
        for view in ("week", "agenda", "month"):
            views.append(timed(lambda v=view: page.set_view(v)))
    # search: heartbeat gaps while typing and while the all-years read runs in the background
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def beat() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e9)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(2)
    heartbeat.timeout.connect(beat)

    def run_loop(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.0005)

    heartbeat.start()
    last[0] = clock.nsecsElapsed()
    run_loop(0.5)
    idle_gaps = list(gaps)
    gaps.clear()
    page.set_view("agenda")
    search = page.toolbar.search
    keystrokes = []
    for char in "enhet 042 kontakt":
        began = time.perf_counter()
        QTest.keyClick(search, char)
        keystrokes.append(time.perf_counter() - began)
        run_loop(0.06)  # a fast typist: 60 ms between keys
    run_loop(1.0)  # the debounced filter and the all-years read land here
    heartbeat.stop()
    search_gaps = list(gaps)
    matches = page.model.rowCount()
    page.set_view("month")
    window.close()
    QApplication.processEvents()
    return {
        "idle": idle, "months": months, "views": views, "memory_start": memory_start, "memory_after": memory_after,
        "idle_gaps": idle_gaps, "search_gaps": search_gaps, "keystrokes": keystrokes, "matches": matches,
        "slots_loaded": window.store.slot_count,
    }


# --- report -------------------------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def verdict(ok: bool) -> str:
    return "OK" if ok else "OVER"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="cold starts to time (median reported)")
    parser.add_argument("--db-dir", type=Path, default=Path(tempfile.gettempdir()) / "takeover-planner-bench-ui")
    args = parser.parse_args()

    home = ensure_database(args.db_dir)
    print(f"database: {SLOTS} slots, {DEPARTMENTS} departments, ten years around today, in {home}")
    app_times, full_times, bare_times = cold_start(home, args.runs)
    cold, bare, full = statistics.median(app_times), statistics.median(bare_times), statistics.median(full_times)
    print(f"cold start to the painted current month (main.py / takeover-planner-gui): median {cold:.3f} s, worst "
          f"{max(app_times):.3f} s over {args.runs} starts | reference bare Qt window {bare:.3f} s (×{cold / bare:.1f}) "
          f"| limit {LIMITS['cold']:.1f} s {verdict(cold <= LIMITS['cold'])}")
    print(f"  the same through `takeover-planner` with no subcommand (builds the whole CLI parser first): median "
          f"{full:.3f} s (×{full / bare:.1f}) {verdict(full <= LIMITS['cold'])}")

    result = in_process(home)
    months, views, idle = result["months"], result["views"], result["idle"]
    assert isinstance(months, list) and isinstance(views, list) and isinstance(idle, list)
    idle_median = statistics.median(idle)
    for name, values in (("month switch (120 months forward)", months), ("view switch (month/week/agenda)", views)):
        median = statistics.median(values)
        p95 = sorted(values)[int(len(values) * 0.95) - 1]
        print(f"{name}: median {ms(median)}, p95 {ms(p95)}, worst {ms(max(values))} | reference repaint "
              f"{ms(idle_median)} | limit {ms(LIMITS['switch'])} median {verdict(median <= LIMITS['switch'])}")
    search_gaps, idle_gaps, keystrokes = result["search_gaps"], result["idle_gaps"], result["keystrokes"]
    assert isinstance(search_gaps, list) and isinstance(idle_gaps, list) and isinstance(keystrokes, list)
    worst = max(search_gaps)
    print(f"search while typing (and reading all years behind it): longest block {ms(worst)}, worst keystroke "
          f"{ms(max(keystrokes))}, {result['matches']} matches, {result['slots_loaded']} slots in memory | "
          f"reference idle loop {ms(max(idle_gaps))} | limit {ms(LIMITS['search'])} "
          f"{verdict(worst <= LIMITS['search'])}")
    memory_after, memory_start = result["memory_after"], result["memory_start"]
    assert isinstance(memory_after, float) and isinstance(memory_start, float)
    print(f"memory after browsing 120 months: {memory_after:.0f} MB | reference after the first paint "
          f"{memory_start:.0f} MB | limit {LIMITS['memory_mb']:.0f} MB {verdict(memory_after <= LIMITS['memory_mb'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
