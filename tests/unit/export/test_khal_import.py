"""The exported calendar and a department's feed import into khal (Debian package ``khal``) with the right days,
the deadlines at their Oslo time and the blackouts as their own events. Runs when khal is installed; CI installs it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import oslo_datetime
from takeover_planner.exporting import ics
from takeover_planner.exporting.records import ExportPeriod
from takeover_planner.texts.export_words import ExportWords
from tests.unit.export.helpers import make_slot
from tests.unit.export.khal import Khal, needs_khal

pytestmark = needs_khal

ENGLISH = ExportWords("en")
D = dt.date

ACROSS_DST = make_slot(id=1, department="Biblioteket", department_id=1, start=D(2027, 3, 26), end=D(2027, 3, 29),
                       material_deadline=oslo_datetime(D(2027, 3, 23), dt.time(12)), notes="æøå, ;\nlinje")
ONE_DAY = make_slot(id=2, department="Brannvesenet", department_id=2, start=D(2027, 4, 7), end=D(2027, 4, 7),
                    material_deadline=oslo_datetime(D(2027, 3, 29), dt.time(9, 30)), status=SlotStatus.BOOKED)
ELECTION = ExportPeriod(kind="blackout", id=1, created_at=None, version=1, name="Valgdagen", start=D(2027, 3, 31),
                        end=D(2027, 3, 31))


def days_with(listed: dict[str, list[str]], item: str) -> list[str]:
    return [day for day, items in listed.items() if item in items]


def feeds() -> tuple[bytes, dict[int, bytes]]:
    return ics.calendar_set([ACROSS_DST, ONE_DAY], title="Takeovers", department_title=lambda n: f"Takeovers: {n}",
                            words=ENGLISH, periods=[ELECTION])


def test_khal_imports_the_full_calendar(tmp_path: Path):
    full, _per_department = feeds()
    source = tmp_path / "plan.ics"
    source.write_bytes(full)
    khal = Khal(tmp_path / "khal")
    khal.import_file(source)
    assert khal.stored() == 5  # two takeovers, two deadlines, one blackout

    listed = khal.days("2027-03-20", "2027-04-10")
    assert days_with(listed, "|Takeover: Biblioteket – Fjordvik kommune") == ["2027-03-26", "2027-03-27",
                                                                             "2027-03-28", "2027-03-29"]
    assert days_with(listed, "|Takeover: Brannvesenet – Fjordvik kommune") == ["2027-04-07"]
    # Deadlines at their Oslo wall-clock time, in winter (+01:00) and just after the switch to summer time.
    assert days_with(listed, "12:00|Material deadline: Biblioteket – Fjordvik kommune") == ["2027-03-23"]
    assert days_with(listed, "09:30|Material deadline: Brannvesenet – Fjordvik kommune") == ["2027-03-29"]
    assert days_with(listed, "|Blackout period: Valgdagen – All accounts") == ["2027-03-31"]


def test_khal_imports_a_department_feed_with_only_that_department(tmp_path: Path):
    _full, per_department = feeds()
    source = tmp_path / "biblioteket.ics"
    source.write_bytes(per_department[ACROSS_DST.department_id])
    khal = Khal(tmp_path / "khal")
    khal.import_file(source)

    listed = khal.days("2027-03-20", "2027-04-10")
    titles = {item.split("|", 1)[1] for items in listed.values() for item in items}
    assert titles == {"Takeover: Biblioteket – Fjordvik kommune", "Material deadline: Biblioteket – Fjordvik kommune",
                      "Blackout period: Valgdagen – All accounts"}
    assert days_with(listed, "|Takeover: Biblioteket – Fjordvik kommune")[0] == "2027-03-26"
