"""The ICS imports into an independent calendar program (calcurse, Debian package ``calcurse``) with the
right days and deadline times. Runs when calcurse is installed; CI installs it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import oslo_datetime
from takeover_planner.exporting import ics
from takeover_planner.texts.export_words import ExportWords
from tests.unit.export.helpers import make_slot

ENGLISH = ExportWords("en")

pytestmark = pytest.mark.skipif(shutil.which("calcurse") is None, reason="calcurse is not installed")

D = dt.date


def calcurse(folder: Path, *args: str) -> str:
    env = {**os.environ, "TZ": "Europe/Oslo", "LC_ALL": "C.UTF-8"}
    done = subprocess.run(["calcurse", "-D", str(folder), *args], env=env, capture_output=True, timeout=60,
                          check=True)
    return done.stdout.decode("utf-8")


def agenda(folder: Path, first: str, last: str) -> dict[str, list[str]]:
    """Day → the items calcurse lists on it ("EVENT|summary" or "APT|HH:MM|summary")."""
    out = calcurse(folder, "--input-datefmt", "4", "--output-datefmt", "%Y-%m-%d", "-Q", "--from", first,
                   "--to", last, "--format-apt", "APT|%(start:%H:%M)|%m\n", "--format-recur-apt",
                   "APT|%(start:%H:%M)|%m\n", "--format-event", "EVENT|%m\n", "--format-recur-event",
                   "EVENT|%m\n")
    days: dict[str, list[str]] = {}
    current = ""
    for line in out.splitlines():
        if line.endswith(":") and line[:4].isdigit():
            current = line[:-1]
        elif line.strip():
            days.setdefault(current, []).append(line.strip())
    return days


def test_calcurse_imports_the_days_and_the_deadlines(tmp_path: Path):
    across_dst = make_slot(id=1, department="Biblioteket", start=D(2027, 3, 26), end=D(2027, 3, 29),
                           material_deadline=oslo_datetime(D(2027, 3, 23), dt.time(12)), notes="æøå, ;\nlinje")
    one_day = make_slot(id=2, department="Brannvesenet", start=D(2027, 4, 7), end=D(2027, 4, 7),
                        material_deadline=oslo_datetime(D(2027, 3, 29), dt.time(9, 30)), status=SlotStatus.BOOKED)
    new_year = make_slot(id=3, department="Kulturhuset", start=D(2027, 12, 30), end=D(2028, 1, 2),
                         material_deadline=None)
    source = tmp_path / "plan.ics"
    source.write_bytes(ics.calendar_bytes([across_dst, one_day, new_year], title="T", words=ENGLISH))
    store = tmp_path / "calcurse"
    store.mkdir()
    report = calcurse(store, "-i", str(source))
    assert "0 skipped" in report, report

    days = agenda(store, "2027-03-20", "2027-04-10")
    takeover = "EVENT|Takeover: Biblioteket – Fjordvik kommune"
    assert [d for d, items in days.items() if takeover in items] == ["2027-03-26", "2027-03-27", "2027-03-28",
                                                                     "2027-03-29"]
    booked = "EVENT|Takeover: Brannvesenet – Fjordvik kommune"
    assert [d for d, items in days.items() if booked in items] == ["2027-04-07"]
    # Deadlines at their Oslo wall-clock time, in winter (+01:00) and just after the switch to summer time.
    assert "APT|12:00|Material deadline: Biblioteket – Fjordvik kommune" in days["2027-03-23"]
    assert "APT|09:30|Material deadline: Brannvesenet – Fjordvik kommune" in days["2027-03-29"]

    around_new_year = agenda(store, "2027-12-28", "2028-01-04")
    newyear = "EVENT|Takeover: Kulturhuset – Fjordvik kommune"
    assert [d for d, items in around_new_year.items() if newyear in items] == [
        "2027-12-30", "2027-12-31", "2028-01-01", "2028-01-02"]
