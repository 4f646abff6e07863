"""The README's first command, as a person runs it: the app starts on a (virtual) screen and stays up.

Runs when Xvfb is installed (CI installs it); it starts the real program in its own process, not in-process.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")


def _free_display() -> int:
    for number in range(120, 200):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    pytest.skip("no free X display number")


@pytest.mark.slow
def test_app_starts_on_a_virtual_screen_and_stays_up(tmp_path: Path) -> None:
    display = _free_display()
    xvfb = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb"}
    app = None
    try:
        time.sleep(1.0)
        app = subprocess.Popen([sys.executable, "main.py", "--home", str(tmp_path / "tp")],
                               cwd=Path(__file__).resolve().parents[2], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline and app.poll() is None:
            time.sleep(0.2)
        assert app.poll() is None, f"the app exited early:\n{app.communicate()[0]}"
        # The first start created the database in the data folder.
        assert (tmp_path / "tp" / "data" / "takeover-planner.sqlite3").exists()
    finally:
        if app is not None and app.poll() is None:
            app.send_signal(signal.SIGTERM)
            try:
                output = app.communicate(timeout=15)[0]
            except subprocess.TimeoutExpired:
                app.kill()
                output = app.communicate()[0]
            assert "Traceback" not in output, output
        xvfb.terminate()
        xvfb.wait(10)
