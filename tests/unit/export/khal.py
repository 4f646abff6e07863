"""khal (Debian package ``khal``), a calendar program that is not ours: import an ICS file into a fresh calendar
and read back, day by day, what it lists. khal keeps its calendar as a vdir (a folder of .ics files) and needs a
config file naming it and its date formats; both live in a temporary folder, never in the user's home."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

HAVE_KHAL = shutil.which("khal") is not None
needs_khal = pytest.mark.skipif(not HAVE_KHAL, reason="khal is not installed")

CONFIG = """\
[calendars]
[[plan]]
path = {vdir}
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/Oslo
default_timezone = Europe/Oslo

[default]
default_calendar = plan
"""


class Khal:
    """One khal set-up with one calendar, in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.vdir = folder / "calendar"
        self.vdir.mkdir(parents=True)
        self.config = folder / "khal.conf"
        self.config.write_text(CONFIG.format(vdir=self.vdir), encoding="utf-8")

    def run(self, *args: str) -> str:
        # HOME and XDG_DATA_HOME point into the folder: khal writes its cache database there.
        env = {**os.environ, "HOME": str(self.folder), "XDG_DATA_HOME": str(self.folder / "data"),
               "XDG_CONFIG_HOME": str(self.folder / "config"), "TZ": "Europe/Oslo", "LC_ALL": "C.UTF-8"}
        done = subprocess.run(["khal", "-c", str(self.config), *args], env=env, capture_output=True, timeout=120,
                              check=False)
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        return done.stdout.decode("utf-8")

    def import_file(self, source: Path) -> None:
        """``khal import --batch``: no questions asked; khal exits non-zero on a file it cannot read."""
        self.run("import", "--batch", str(source))

    def days(self, first: str, last: str) -> dict[str, list[str]]:
        """Day (YYYY-MM-DD) → the items khal lists on it, as "start time|title" (no time: an all-day item)."""
        out = self.run("list", "--day-format", "DAY {date}", "--format", "{start-time}|{title}", first, last)
        listed: dict[str, list[str]] = {}
        current = ""
        for line in out.splitlines():
            if line.startswith("DAY "):
                current = line.removeprefix("DAY ").strip()
            elif line.strip():
                listed.setdefault(current, []).append(line.strip())
        return listed

    def stored(self) -> int:
        """How many items the calendar's folder holds."""
        return len(list(self.vdir.glob("*.ics")))
