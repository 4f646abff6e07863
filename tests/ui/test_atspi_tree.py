"""What a screen reader gets: the real window on a virtual screen, read through AT-SPI as Orca reads it.

The program runs in its own process on Xvfb with Qt's accessibility bridge on, on a D-Bus session of its own with
Debian's at-spi2-core; ``atspi_walk.py`` (Debian's Python with python3-pyatspi) walks the tree and prints it. In
English and in Bokmål: no push button, menu item, check box, combo box or text field without a name, in the
window and in its New booking dialog; the month's slots are named items ("Biblioteket, 4.–6. mars 2027,
bekreftet") in date order, then its days; and when the keyboard moves, the item it lands on announces the focus,
which is what Orca reads aloud. The program then ends normally from File ▸ Quit.

That test skips without those Debian packages, unless TAKEOVER_PLANNER_REQUIRE_ATSPI=1 (CI installs them). The
calendar's accessible items are also checked in this process (no screen reader needed), with the keys Tab and
the arrows.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtTest import QTest

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.paths import resolve_paths
from takeover_planner.services.booking import SlotInfo
from takeover_planner.settings import Settings
from takeover_planner.ui.calendar.accessibility import CalendarAccessible
from takeover_planner.ui.calendar.grid_view import CalendarGrid
from takeover_planner.ui.calendar.layout import month_grid_start, month_grid_weeks
from takeover_planner.ui.calendar.slot_model import SlotTableModel
from takeover_planner.ui.i18n import date_text, locale_for, range_text, translations_dir
from tests.conftest import ATSPI_BUS_LAUNCHER, DEBIAN_PYTHON

REPO = Path(__file__).resolve().parents[2]
WALKER = Path(__file__).with_name("atspi_walk.py")
APP_NAME = "Takeover Planner"
# The roles of controls a person operates: each must have a name a screen reader can say. Menu items count
# whether their menu is open or not; other controls while they are visible (a hidden widget is not in reach).
MENU_ROLES = {"menu item", "check menu item", "radio menu item"}
CONTROL_ROLES = {"push button", "toggle button", "check box", "radio button", "combo box", "text", "entry",
                 "password text", "spin button", "page tab", *MENU_ROLES}
STATUS_SOURCES = {"requested": "Requested", "booked": "Booked", "confirmed": "Confirmed",
                  "completed": "Completed", "cancelled": "Cancelled"}



def _free_display() -> int:
    for number in range(200, 300):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    pytest.skip("no free X display number")


def _wait_for(check: Any, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} did not come up within {seconds:.0f} s")


def _stop(process: subprocess.Popen[Any]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A virtual screen, a D-Bus session and the accessibility bus on it; yields the environment to run in."""
    started: list[subprocess.Popen[Any]] = []
    try:
        bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1",
                                "--address=unix:tmpdir=/tmp"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
        started.append(bus)
        assert bus.stdout is not None
        with bus.stdout:
            address = bus.stdout.readline().strip()
        assert address.startswith("unix:"), "dbus-daemon gave no address"
        display = _free_display()
        started.append(subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        _wait_for(lambda: Path(f"/tmp/.X11-unix/X{display}").exists(), 15, "Xvfb")
        runtime = tmp_path / "run"
        runtime.mkdir(mode=0o700)
        env = {**os.environ, "DISPLAY": f":{display}", "DBUS_SESSION_BUS_ADDRESS": address,
               "XDG_RUNTIME_DIR": str(runtime), "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
        started.append(subprocess.Popen([str(ATSPI_BUS_LAUNCHER), "--launch-immediately"], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        yield env
    finally:
        for process in reversed(started):
            _stop(process)


def _prepare_home(home: Path, language: str) -> list[dict[str, Any]]:
    """The demo municipality in a fresh SQLite database, the window set to ``language``; returns its slots."""
    cli = [sys.executable, "-m", "takeover_planner", "--home", str(home), "--language", language]
    subprocess.run([*cli, "demo"], cwd=REPO, check=True, capture_output=True)
    settings = Settings.load(resolve_paths(str(home)))
    settings.set("ui.language", language)
    settings.set("demo.offered", True)  # no first-start questions over the window
    settings.save()
    listed = subprocess.run([*cli, "--json", "slot", "list"], cwd=REPO, check=True, capture_output=True, text=True)
    slots: list[dict[str, Any]] = json.loads(listed.stdout)["slots"]
    return slots


def _translated(context: str, source: str, language: str) -> str:
    """What the window says for ``source`` in ``language`` (its own translation catalogue)."""
    translator = QTranslator()
    loaded = translator.load(f"takeover_planner_{language}", str(translations_dir()))
    return (translator.translate(context, source) or source) if loaded else source


def _status_word(status: str, language: str) -> str:
    """The slot status as the window says it in ``language``, in lower case."""
    word = _translated("Status", STATUS_SOURCES[status], language)
    return word[:1].lower() + word[1:]


def _expected_month(slots: list[dict[str, Any]], language: str) -> tuple[list[str], list[dt.date]]:
    """The names the month on screen (today's) must give its slots, in date order, and its days."""
    today = dt.date.today()
    first = month_grid_start(today.year, today.month)
    days = [first + dt.timedelta(days=i) for i in range(month_grid_weeks(today.year, today.month) * 7)]
    locale = locale_for(language)
    shown = []
    for slot in slots:
        start, end = dt.date.fromisoformat(slot["start"]), dt.date.fromisoformat(slot["end"])
        if slot["status"] != "cancelled" and start <= days[-1] and end >= days[0]:  # the default status filter
            shown.append(((start, end, slot["department"], slot["id"]),
                          f"{slot['department']}, {range_text(start, end, locale)}, "
                          f"{_status_word(slot['status'], language)}"))
    return [name for _key, name in sorted(shown)], days


def _nodes(tree: dict[str, Any], path: tuple[str, ...] = ()) -> Iterator[tuple[dict[str, Any], tuple[str, ...]]]:
    here = (*path, f"{tree['role']} {tree['name']!r}")
    yield tree, here
    for child in tree["children"]:
        yield from _nodes(child, here)


@pytest.mark.slow
@pytest.mark.usefixtures("atspi_tools")
@pytest.mark.parametrize("language", ["en", "nb"])
def test_a_screen_reader_finds_every_control_named_and_the_month_as_items(
        session: dict[str, str], tmp_path: Path, language: str) -> None:
    home = tmp_path / "tp"
    slots = _prepare_home(home, language)
    expected, days = _expected_month(slots, language)
    assert expected, "the demo municipality has slots around today"
    app = subprocess.Popen([sys.executable, "-m", "takeover_planner", "--home", str(home), "gui"], cwd=REPO,
                           env=session, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        walk = subprocess.run(
            [str(DEBIAN_PYTHON), str(WALKER), "--app", APP_NAME, "--timeout", "60",
             *(arg for name in expected for arg in ("--expect", name)),
             "--press", "Right", "--press", "Tab", "--dialog-by", "Ctrl+N",
             "--dialog-close", _translated("BookingDialog", "Cancel", language), "--quit-by", "Ctrl+Q"],
            env=session, capture_output=True, text=True, timeout=120, check=False)
        assert walk.returncode == 0, f"the window never appeared on the accessibility bus:\n{walk.stderr}"
        # File ▸ Quit: the window closes and the program ends normally, with Qt holding the calendar's items.
        try:
            exit_code = app.wait(30)
        except subprocess.TimeoutExpired:
            exit_code = None
    finally:
        _stop(app)
    output = app.communicate()[0]
    assert "Traceback" not in output, output
    result = json.loads(walk.stdout)
    assert result["quit_chosen"] and exit_code == 0, f"the program did not end cleanly ({exit_code}):\n{output}"
    tree = result["tree"]
    assert tree["role"] == "application"

    # The window, and the New booking dialog (Ctrl+N) with its fields.
    assert result["dialog"] is not None, "File ▸ New booking opened no dialog"
    assert any(node["role"] == "combo box" for node, _ in _nodes(result["dialog"]))
    unnamed = [" > ".join(path[-3:]) for root in (tree, result["dialog"]) for node, path in _nodes(root)
               if node["role"] in CONTROL_ROLES and ("visible" in node["states"] or node["role"] in MENU_ROLES)
               and not node["name"].strip()]
    assert unnamed == [], "controls without a name:\n" + "\n".join(unnamed)
    assert sum(1 for node, _ in _nodes(tree) if node["role"] == "menu item") > 20  # the menus are in the tree

    # The month on screen: its slots by name in date order, then its days by date.
    calendars = [node for node, _ in _nodes(tree) if node["role"] == "list" and "showing" in node["states"]
                 and any(child["name"] in expected for child in node["children"])]
    assert len(calendars) == 1, "one calendar on screen lists the slots"
    items = calendars[0]["children"]
    assert all(item["role"] == "list item" and "showing" in item["states"] for item in items)
    assert [item["name"] for item in items[:len(expected)]] == expected
    day_names = [item["name"] for item in items[len(expected):]]
    locale = locale_for(language)
    assert len(day_names) == len(days)
    assert all(name.startswith(date_text(day, locale, long=True)) for name, day in zip(day_names, days, strict=True))
    assert calendars[0]["name"].strip()

    # The keyboard moves and the item it lands on is announced: after a click into the calendar (which announces
    # the calendar and the item it is on), Right lands on a day and Tab on a slot.
    announced = [event["name"] for event in result["focus_events"] if event["role"] == "list item"]
    assert len(announced) >= 2, result["focus_events"]
    assert announced[-2] in day_names, result["focus_events"]
    assert announced[-1] in expected, result["focus_events"]


# --- the calendar's items, in this process (what Qt hands the bridge) ------------------------------------------


def _slot(slot_id: int, department: str, start: dt.date, end: dt.date, status: SlotStatus) -> SlotInfo:
    return SlotInfo(id=slot_id, account_id=1, account="Fjordvik kommune", department_id=slot_id,
                    department=department, department_color="#336699", campaign_id=None, campaign=None, start=start,
                    end=end, status=status, cancel_reason="", notes="", news_url="", material_deadline=None,
                    version=1)


@pytest.fixture
def model() -> SlotTableModel:
    model = SlotTableModel()
    model.set_slots([_slot(2, "Parkvesenet", dt.date(2027, 3, 10), dt.date(2027, 3, 10), SlotStatus.REQUESTED),
                     _slot(1, "Biblioteket", dt.date(2027, 3, 4), dt.date(2027, 3, 6), SlotStatus.CONFIRMED),
                     _slot(3, "Brannvesenet", dt.date(2027, 5, 4), dt.date(2027, 5, 6), SlotStatus.BOOKED)], {})
    return model


@pytest.fixture
def grid(qtbot, model: SlotTableModel) -> CalendarGrid:  # type: ignore[no-untyped-def]
    widget = CalendarGrid()
    qtbot.addWidget(widget)
    widget.set_model(model)
    widget.set_range(month_grid_start(2027, 3), month_grid_weeks(2027, 3), 3)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _items(iface: QAccessibleInterface) -> list[QAccessibleInterface]:
    return [iface.child(i) for i in range(iface.childCount())]


def test_the_calendar_lists_its_slots_then_its_days_as_named_items(grid: CalendarGrid) -> None:
    iface = QAccessible.queryAccessibleInterface(grid)
    assert isinstance(iface, CalendarAccessible)
    assert iface.role() == QAccessible.Role.List and iface.text(QAccessible.Text.Name)
    items = _items(iface)
    weeks = month_grid_weeks(2027, 3)
    assert len(items) == 2 + weeks * 7  # May's slot is not on screen
    assert [item.text(QAccessible.Text.Name) for item in items[:2]] == [
        "Biblioteket, 4 Mar 2027 – 6 Mar 2027, confirmed", "Parkvesenet, 10 Mar 2027, requested"]
    assert items[2].text(QAccessible.Text.Name) == "Monday 1 March 2027"  # March 2027 begins on a Monday
    assert items[2 + 4].text(QAccessible.Text.Description) == "Biblioteket"  # who has 5 March
    assert items[0].text(QAccessible.Text.Description) == "Fjordvik kommune"
    assert all(item.role() == QAccessible.Role.ListItem for item in items)
    assert [iface.indexOfChild(item) for item in items] == list(range(len(items)))
    assert iface.child(0) is items[0]  # one object per item: Qt keeps the pointers it was given
    # Each item is where it is drawn: the slot on its bar, the day on its cell (screen coordinates).
    bar = grid.bar_rects()[1][0]
    assert items[0].rect().center() == grid.mapToGlobal(bar.toAlignedRect().center())
    assert iface.childAt(items[0].rect().center().x(), items[0].rect().center().y()) is items[0]
    assert items[2].rect().contains(grid.mapToGlobal(grid.day_rect(dt.date(2027, 3, 1)).center().toPoint()))


def test_the_item_the_keyboard_is_on_is_the_focused_one(  # type: ignore[no-untyped-def]
        grid: CalendarGrid, qtbot) -> None:
    iface = QAccessible.queryAccessibleInterface(grid)
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus)
    grid.set_cursor_day(dt.date(2027, 3, 3))
    QTest.keyClick(grid, Qt.Key.Key_Right)
    focus = iface.focusChild()
    assert focus is not None and focus.text(QAccessible.Text.Name) == "Thursday 4 March 2027"
    assert focus.state().focused and focus.state().selected
    QTest.keyClick(grid, Qt.Key.Key_Tab)  # the slot on that day
    focus = iface.focusChild()
    assert focus is not None and focus.text(QAccessible.Text.Name).startswith("Biblioteket, ")
    assert focus.state().focused and focus.state().selected
    assert not _items(iface)[1].state().focused
    QTest.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # marks 4–5 March to book
    marked = [item.text(QAccessible.Text.Name) for item in _items(iface) if item.state().selected]
    assert marked == ["Thursday 4 March 2027", "Friday 5 March 2027"]


def test_a_slot_reads_in_bokmaal(grid: CalendarGrid) -> None:
    before = QLocale()
    QLocale.setDefault(locale_for("nb"))  # what the window does when the language is Bokmål
    try:
        name = QAccessible.queryAccessibleInterface(grid).child(0).text(QAccessible.Text.Name)
    finally:
        QLocale.setDefault(before)
    assert name.startswith("Biblioteket, 4.–6. mars 2027, ")


def test_moves_and_renames_are_announced(  # type: ignore[no-untyped-def]
        grid: CalendarGrid, model: SlotTableModel, qtbot, monkeypatch) -> None:
    """What Orca is told: a focus event when the keyboard lands on a day or a slot, a name change when the slot it
    is on changes status."""
    from takeover_planner.ui.calendar import accessibility

    told: list[tuple[QAccessible.Event, str]] = []
    monkeypatch.setattr(accessibility.QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(accessibility.QAccessible, "updateAccessibility", staticmethod(
        lambda event: told.append((event.type(), event.accessibleInterface().text(QAccessible.Text.Name)))))
    QAccessible.queryAccessibleInterface(grid)
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus)
    grid.set_cursor_day(dt.date(2027, 3, 3))
    QTest.keyClick(grid, Qt.Key.Key_Tab)
    assert told[-1] == (QAccessible.Event.Focus, "Biblioteket, 4 Mar 2027 – 6 Mar 2027, confirmed")
    model.set_slots([_slot(1, "Biblioteket", dt.date(2027, 3, 4), dt.date(2027, 3, 6), SlotStatus.COMPLETED)], {})
    grid.repaint()
    assert told[-1] == (QAccessible.Event.NameChanged, "Biblioteket, 4 Mar 2027 – 6 Mar 2027, completed")
    count = len(told)
    grid.repaint()  # nothing new: nothing said
    assert len(told) == count
    QTest.keyClick(grid, Qt.Key.Key_Right)  # Tab put the day cursor on the slot's first day
    assert told[-1] == (QAccessible.Event.Focus, "Friday 5 March 2027")
