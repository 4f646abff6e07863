"""Several processes book overlapping slots at the same instant: exactly one booking may exist afterwards."""

from __future__ import annotations

import multiprocessing as mp
import time

import pytest

from takeover_planner.services import catalog
from takeover_planner.services.booking import list_slots
from takeover_planner.services.context import AppContext
from takeover_planner.settings import Settings
from takeover_planner.storage.database import Database
from takeover_planner.texts.booking import BookingText

RACERS = 6


def _racer(db_url: str, home: str, index: int, start_at: float, results: mp.Queue) -> None:
    import datetime as dt

    from takeover_planner.domain.slots import SlotStatus
    from takeover_planner.errors import BookingRefused
    from takeover_planner.paths import resolve_paths
    from takeover_planner.services import booking

    paths = resolve_paths(home)
    ctx = AppContext(paths=paths, settings=Settings(paths), db=Database(db_url), actor=f"racer-{index}")
    # Overlapping but not identical ranges, all around 10 March.
    start = dt.date(2027, 3, 8 + index % 3)
    end = start + dt.timedelta(days=2)
    while time.time() < start_at:
        time.sleep(0.001)
    try:
        booking.book(ctx, department=f"Dept {index}", account="Fjordvik kommune", start=start, end=end,
                     status=SlotStatus.CONFIRMED)
        results.put(("won", index))
    except BookingRefused as exc:
        results.put(("refused", exc.code.key))
    except Exception as exc:  # reported, so that the test fails with the reason
        results.put(("error", repr(exc)))
    finally:
        ctx.db.dispose()


@pytest.mark.slow
def test_exactly_one_of_many_processes_wins(ctx: AppContext, db_url: str, tmp_path) -> None:
    catalog.add_account(ctx, "Fjordvik kommune")
    for i in range(RACERS):
        catalog.add_department(ctx, f"Dept {i}")
    spawn = mp.get_context("spawn")
    results: mp.Queue = spawn.Queue()
    start_at = time.time() + 4.0  # spawn start-up takes a while on two cores; all wait for the same instant
    procs = [spawn.Process(target=_racer, args=(db_url, str(tmp_path / "home"), i, start_at, results))
             for i in range(RACERS)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    errors = [o for o in outcomes if o[0] == "error"]
    assert not errors, errors
    assert sum(1 for o in outcomes if o[0] == "won") == 1, outcomes
    assert all(o[1] == BookingText.OVERLAP.key for o in outcomes if o[0] == "refused")
    assert len(list_slots(ctx)) == 1
