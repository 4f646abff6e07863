"""pytest-qt fixtures for the planner window: strict by default.

- Every test here fails on a Qt warning (``qt_log_level_fail``), except the offscreen platform's notice that
  it cannot size windows the way a desktop does.
- Background work runs inline (``TaskRunner(inline=True)``): results arrive on the next line, no threads.
- After each window test, no timer of the window may still be running and no worker thread may be left.
- Data lives in a fresh SQLite database per test; the window is attached to it directly.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.services.context import AppContext
from takeover_planner.ui.i18n import ENGLISH, Translations
from takeover_planner.ui.main_window import MainWindow
from takeover_planner.ui.tasks import TaskRunner

# Known, harmless notices of the offscreen platform (no window manager to ask).
QT_LOG_IGNORED = (
    r"This plugin does not support propagateSizeHints\(\)",
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
)

MONTH = dt.date(2030, 3, 1)  # a fixed month, so positions in the grid do not depend on today


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*QT_LOG_IGNORED))


@dataclass
class Planner:
    """The seeded data of a test: ids to find things again."""

    ctx: AppContext
    kommune: int
    kultur: int
    library: int
    fire: int
    parks: int
    library_slot: int  # booked, 4–6 March 2030 on the kommune account
    fire_slot: int  # requested, 11–12 March 2030 on the kommune account
    blackout: int  # 20 March 2030, all accounts


@pytest.fixture
def planner(sqlite_ctx: AppContext) -> Planner:
    from takeover_planner.services import booking, catalog

    ctx = sqlite_ctx
    kommune = catalog.add_account(ctx, "Fjordvik kommune", handle="fjordvikkommune").id
    kultur = catalog.add_account(ctx, "Fjordvik kultur", handle="fjordvikkultur").id
    library = catalog.add_department(ctx, "Biblioteket", contact_name="Kari Nordmann", email="kari@fjordvik.example",
                                     phone="+47 400 00 001", color="#2f6fde").id
    fire = catalog.add_department(ctx, "Brannvesenet", contact_name="Ola Nordmann", email="ola@fjordvik.example",
                                  color="#c2415d").id
    parks = catalog.add_department(ctx, "Parkvesenet", color="#2e9e6a").id
    library_slot = booking.book(ctx, department=library, account=kommune, start=dt.date(2030, 3, 4),
                                end=dt.date(2030, 3, 6), status=SlotStatus.BOOKED).slot.id
    fire_slot = booking.book(ctx, department=fire, account=kommune, start=dt.date(2030, 3, 11),
                             end=dt.date(2030, 3, 12)).slot.id
    blackout = catalog.add_blackout(ctx, "Valgdagen", dt.date(2030, 3, 20), dt.date(2030, 3, 20),
                                    reason="Election day").blackout.id
    return Planner(ctx, kommune, kultur, library, fire, parks, library_slot, fire_slot, blackout)


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    locale_before = QLocale()
    translations = Translations(qapp)
    translations.apply(ENGLISH)
    yield translations
    translations.remove()
    QLocale.setDefault(locale_before)


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    inline = TaskRunner(inline=True)
    yield inline
    inline.shutdown()
    inline.deleteLater()


def _active_timers(widget: QWidget) -> list[QTimer]:
    return [t for t in widget.findChildren(QTimer) if t.isActive()]


@pytest.fixture
def window(qtbot, planner: Planner, runner: TaskRunner, translations: Translations) -> Iterator[MainWindow]:
    threads_before = {t.ident for t in threading.enumerate()}
    win = MainWindow(planner.ctx.paths, planner.ctx.settings, runner, translations)
    planner.ctx.settings.set("demo.offered", True)
    qtbot.addWidget(win)
    win.attach(planner.ctx)
    win.page.set_view("month")
    win.page.go_to(MONTH)
    win.show()
    qtbot.waitExposed(win)
    yield win
    for review in win.review_windows.values():  # a comment left typed would make the quit below ask first
        comment = getattr(review, "comment", None)
        if comment is not None:
            comment.clear()
    for dialog in QApplication.topLevelWidgets():
        if dialog is not win and dialog.isVisible() and dialog.isWindow():
            dialog.close()
    win.close()
    leftover = _active_timers(win)
    assert not leftover, f"timers still running after close: {[t.objectName() or t for t in leftover]}"
    new_threads = [t for t in threading.enumerate() if t.ident not in threads_before and t.is_alive()]
    assert not new_threads, f"threads left behind: {new_threads}"


# --- driving the mouse ---------------------------------------------------------------------------------


def send_mouse(widget: QWidget, kind: QMouseEvent.Type, pos: QPointF, buttons: Qt.MouseButton,
               button: Qt.MouseButton = Qt.MouseButton.LeftButton) -> None:
    global_pos = QPointF(widget.mapToGlobal(pos.toPoint()))
    event = QMouseEvent(kind, pos, global_pos, button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def drag(widget: QWidget, start: QPointF, end: QPointF, steps: int = 6) -> None:
    """Press at ``start``, move in steps, release at ``end`` (the way a hand drags)."""
    left = Qt.MouseButton.LeftButton
    send_mouse(widget, QMouseEvent.Type.MouseButtonPress, start, left)
    for i in range(1, steps + 1):
        point = start + (end - start) * (i / steps)
        send_mouse(widget, QMouseEvent.Type.MouseMove, point, left, Qt.MouseButton.NoButton)
    send_mouse(widget, QMouseEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def center(rect) -> QPointF:  # type: ignore[no-untyped-def]
    return QPointF(rect.center())


def point(x: float, y: float) -> QPoint:
    return QPoint(int(x), int(y))
