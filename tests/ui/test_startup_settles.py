"""Once the window's database is open, what start-up made is taken out of the garbage collector's rounds
(``gc.freeze``), so a full collection never stalls the window for tens of milliseconds later on; until then the
collector is paused (start-up makes no garbage) and it runs again afterwards."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_start_up_objects_are_frozen_once_the_database_is_open(tmp_path: Path) -> None:
    code = textwrap.dedent(f"""
        import gc, time
        from takeover_planner.ui.app import launch
        running = launch({str(tmp_path / "home")!r})
        before = gc.get_freeze_count()
        paused = not gc.isenabled()
        deadline = time.monotonic() + 30
        while running.window.store.ctx is None and time.monotonic() < deadline:
            running.app.processEvents()
        running.app.processEvents()
        print(paused, gc.isenabled(), before, gc.get_freeze_count())
        running.window.close()
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr[-2000:]
    paused, running_again, before, after = out.stdout.split()[-4:]
    assert (paused, running_again) == ("True", "True"), out.stdout
    assert int(before) == 0 and int(after) > 10_000, (before, after)
