"""Build the self-contained application folder: ``python packaging/build.py`` → ``dist/TakeoverPlanner/``.

Run it with the Python that has the app and the ``bundle`` extra installed (``pip install -e '.[bundle]'``).
The folder holds the Python runtime, Qt, FFmpeg's libraries inside PyAV and every resource; its executable
``TakeoverPlanner`` (``TakeoverPlanner.exe`` on Windows) starts the window without arguments and is the command
line with them. ``--check`` then runs the bundle from a copy in an empty folder with an empty environment
(``--version``, ``demo``, ``validate`` on a generated picture, ``slot list``, and the window on a virtual screen)
— what CI does after building.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "TakeoverPlanner.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
NAME = "TakeoverPlanner"


def executable(folder: Path) -> Path:
    return folder / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def build() -> Path:
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)], check=True, cwd=ROOT)
    folder = DIST / NAME
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"Built {folder} in {time.monotonic() - started:.0f} s: {size / 2**20:.0f} MiB")
    return folder


def _clean_environment(home: Path) -> dict[str, str]:
    """Nothing of the build machine: no PATH to a Python, no virtual environment, no PYTHON* variables."""
    env = {"HOME": str(home), "TAKEOVER_PLANNER_HOME": str(home / "tp"), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen"}
    if sys.platform == "win32":
        env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", r"C:\Windows")
    return env


def _sample_picture(folder: Path) -> Path:
    from PIL import Image

    picture = folder / "sample.jpg"
    Image.new("RGB", (1080, 1920), (40, 90, 160)).save(picture, quality=90)
    return picture


def _window_stays_up(program: str, place: Path, env: dict[str, str]) -> float:
    """Start the window (no arguments) on a virtual screen: it must stay up and create its database.
    Returns the seconds until the database file appeared (the window opens it after showing itself)."""
    screen = None
    window_env = dict(env)
    if shutil.which("Xvfb"):
        display = next(n for n in range(150, 250) if not Path(f"/tmp/.X{n}-lock").exists())
        screen = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        window_env.update(DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb")
        time.sleep(1.0)
    database = Path(env["TAKEOVER_PLANNER_HOME"]) / "data" / "takeover-planner.sqlite3"
    database.unlink(missing_ok=True)
    started = time.monotonic()
    app = subprocess.Popen([program], cwd=place, env=window_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
    try:
        opened = None
        while time.monotonic() - started < 20 and app.poll() is None:
            if opened is None and database.exists():
                opened = time.monotonic() - started
            time.sleep(0.1)
        if app.poll() is not None or opened is None:
            raise SystemExit(f"the window did not stay up:\n{app.communicate()[0]}")
        return opened
    finally:
        if app.poll() is None:
            app.terminate()
            output = app.communicate(timeout=20)[0]
            if "Traceback" in output:
                raise SystemExit(f"the window failed:\n{output}")
        if screen is not None:
            screen.terminate()
            screen.wait(10)


def check(folder: Path) -> None:
    """Run the bundle from a copy in an empty folder, with an empty environment."""
    with tempfile.TemporaryDirectory(prefix="tp-bundle-check-") as temp:
        place = Path(temp)
        copy = place / "copy" / NAME
        shutil.copytree(folder, copy, symlinks=True)
        home = place / "home"
        home.mkdir()
        env = _clean_environment(home)
        program = str(executable(copy))
        picture = _sample_picture(place)
        for args in (["--version"], ["demo"], ["validate", str(picture)], ["slot", "list"]):
            started = time.monotonic()
            done = subprocess.run([program, *args], cwd=place, env=env, capture_output=True, text=True, timeout=300)
            print(f"$ {NAME} {' '.join(args)}  ({time.monotonic() - started:.1f} s, exit {done.returncode})")
            print("\n".join(done.stdout.splitlines()[:3]))
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                raise SystemExit(f"the bundle failed: {NAME} {' '.join(args)}")
        print(f"$ {NAME}  (the window: database opened after {_window_stays_up(program, place, env):.1f} s; "
              "stayed up 20 s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="after building, run the bundle from a clean copy")
    parser.add_argument("--check-only", action="store_true", help="only run the check on an existing bundle")
    args = parser.parse_args()
    folder = DIST / NAME if args.check_only else build()
    if args.check or args.check_only:
        check(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
