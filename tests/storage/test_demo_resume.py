"""A demo load killed half-way is completed by the next `demo`, not left half loaded for good."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from takeover_planner.paths import resolve_paths
from takeover_planner.services import booking, demo
from takeover_planner.services.context import AppContext
from takeover_planner.settings import Settings
from takeover_planner.storage.database import Database
from takeover_planner.storage.migrate import upgrade

TODAY = dt.date(2027, 3, 10)


def _plan(ctx: AppContext) -> set[tuple[str, str, dt.date, dt.date, str]]:
    return {(s.department, s.account, s.start, s.end, s.status.value) for s in booking.list_slots(ctx)}


def _fresh(tmp_path: Path, name: str) -> AppContext:
    paths = resolve_paths(tmp_path / name).ensure()
    db = Database(paths.default_db_url)
    upgrade(db, paths.backup_dir)
    return AppContext(paths=paths, settings=Settings(paths), db=db, actor="Test Officer")


def test_an_interrupted_demo_is_completed_by_the_next_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clean, broken = _fresh(tmp_path, "clean"), _fresh(tmp_path, "broken")
    try:
        demo.load_demo(clean, today=TODAY)

        real_set_status = booking.set_status
        calls = 0

        def dies_on_the_seventh_step(*args: object, **kwargs: object) -> object:
            nonlocal calls
            calls += 1
            if calls == 7:
                raise KeyboardInterrupt  # stands in for kill -9 between two transactions
            return real_set_status(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(booking, "set_status", dies_on_the_seventh_step)
        with pytest.raises(KeyboardInterrupt):
            demo.load_demo(broken, today=TODAY)
        monkeypatch.setattr(booking, "set_status", real_set_status)
        assert not demo.has_demo(broken)

        resumed = demo.load_demo(broken, today=TODAY)
        assert resumed.loaded and resumed.accounts == 0  # the accounts were there; the rest was completed
        assert demo.has_demo(broken)
        assert _plan(broken) == _plan(clean)
        assert not demo.load_demo(broken, today=TODAY).loaded  # and a finished load adds nothing again
    finally:
        clean.close()
        broken.close()
