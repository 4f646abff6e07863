"""The built wheel, installed normally, works from any folder: its resources travel inside the package.

The wheel is built from a copy of the sources (so the shared checkout gets no build/ folder) and installed,
without its dependencies, into a fresh virtual environment. The dependencies come from this test run's own
environment through a ``.pth`` line: that keeps the test offline and fast, and the check is about the
package itself — the test asserts that ``takeover_planner`` is imported from the fresh environment, never the
checkout. It then runs ``--version``, ``demo``, ``validate`` on a real photo, an ICS export and the window (on
Qt's offscreen platform) from another folder. Building needs the build requirements (setuptools, wheel) from the
package index or pip's cache.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import venv
from pathlib import Path

import pytest

from tests.conftest import CORPUS

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with only the wheel installed; returns its bin folder."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    shutil.copytree(ROOT / "takeover_planner", source / "takeover_planner",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    wheels = work / "wheels"
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)], work, env, 300)
    wheel = next(wheels.glob("takeover_planner-*.whl"))

    target = work / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    python = target / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q",
          str(wheel)], work, env)
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                     work, env).stdout.strip())
    # Appended after the fresh site-packages, so the installed wheel wins over the checkout's editable install.
    (site / "zz_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return target / "bin"


def _clean_env(home: Path) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TMPDIR")}
    return {**keep, "HOME": str(home), "TAKEOVER_PLANNER_HOME": str(home / "tp"),
            "TAKEOVER_PLANNER_USER": "Test Officer", "PYTHONDONTWRITEBYTECODE": "1"}


def test_the_installed_wheel_runs_from_another_folder(installed: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = _clean_env(tmp_path)
    where = _run([str(installed / "python"), "-c", "import takeover_planner; print(takeover_planner.__file__)"],
                 elsewhere, env).stdout.strip()
    assert Path(where).is_relative_to(installed.parent), where

    cli = str(installed / "takeover-planner")
    _run([cli, "--version"], elsewhere, env)
    _run([cli, "demo"], elsewhere, env)
    picture = CORPUS / "images" / "es_orientation_landscape_1.jpg"
    checked = json.loads(_run([cli, "--json", "validate", str(picture)], elsewhere, env).stdout)
    assert checked["files"][0]["verdict"] == "advice", checked
    _run([cli, "export", "ics", "--out", str(elsewhere / "plan.ics")], elsewhere, env)
    assert (elsewhere / "plan.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    _window_stays_up(cli, elsewhere, {**env, "QT_QPA_PLATFORM": "offscreen",
                                      "TAKEOVER_PLANNER_HOME": str(tmp_path / "window")})


def _window_stays_up(cli: str, cwd: Path, env: dict[str, str]) -> None:
    """No arguments: the window (its icons and translations come from the installed package) opens its
    database and stays up."""
    database = Path(env["TAKEOVER_PLANNER_HOME"]) / "data" / "takeover-planner.sqlite3"
    app = subprocess.Popen([cli], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and app.poll() is None and not database.exists():
            time.sleep(0.1)
        time.sleep(2)  # past the first paint
        assert app.poll() is None and database.exists(), app.communicate(timeout=10)[0]
    finally:
        if app.poll() is None:
            app.terminate()
        output = app.communicate(timeout=20)[0]
    assert "Traceback" not in output, output
