"""Universal design details (issue 16): a focus ring one can see on every control, status lines and refusals read
out to a screen reader, a typed review comment that Esc does not throw away, and Tab into the calendar starting at
the ends of the shown period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QImage,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QProxyStyle,
    QPushButton,
    QSpinBox,
    QStatusBar,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.ui import announce as announce_module
from takeover_planner.ui.callout import Callout
from takeover_planner.ui.contrast import NON_TEXT_AA, contrast_ratio
from takeover_planner.ui.focus_ring import OWN_FOCUS_MARK, FocusRing
from takeover_planner.ui.main_window import MainWindow
from takeover_planner.ui.review.review_window import ReviewWindow
from takeover_planner.ui.status_area import StatusArea
from takeover_planner.ui.theme import apply_theme
from tests.ui.conftest import Planner

# --- a focus ring on every control ------------------------------------------------------------------------------


def _model() -> QStandardItemModel:
    model = QStandardItemModel(3, 2)
    for row in range(3):
        for column in range(2):
            model.setItem(row, column, QStandardItem(f"Rad {row + 1}, kolonne {column + 1}"))
    return model


def _combo() -> QComboBox:
    combo = QComboBox()
    combo.addItems(["Biblioteket", "Brannvesenet"])
    return combo


def _tabs() -> QTabBar:
    tabs = QTabBar()
    tabs.addTab("Måned")
    tabs.addTab("Uke")
    return tabs


def _list() -> QListView:
    view = QListView()
    view.setModel(_model())
    view.setFixedSize(220, 120)
    return view


def _table() -> QTableView:
    view = QTableView()
    view.setModel(_model())
    view.setFixedSize(320, 140)
    return view


def _primary() -> QPushButton:
    button = QPushButton("Ny booking")
    button.setObjectName("primary")  # the theme's white text on the accent colour
    return button


CONTROLS: dict[str, Callable[[], QWidget]] = {
    "push button": lambda: QPushButton("Lagre"),
    "primary button": _primary,
    "combo box": _combo,
    "line edit": lambda: QLineEdit("Fjordvik"),
    "check box": lambda: QCheckBox("Vis avlyste"),
    "spin box": QSpinBox,
    "date edit": lambda: QDateEdit(QDate(2030, 3, 4)),
    "tab bar": _tabs,
    "list view": _list,
    "table view": _table,
    "text area": QPlainTextEdit,
}


def _palette(dark: bool) -> QPalette:
    palette = QPalette(QApplication.palette())
    if dark:  # what a dark desktop theme gives (as in test_views_and_language)
        for role, color in ((QPalette.ColorRole.Window, "#1f2124"), (QPalette.ColorRole.Base, "#26282b"),
                            (QPalette.ColorRole.Button, "#2d3035"), (QPalette.ColorRole.Text, "#e8e8e8"),
                            (QPalette.ColorRole.WindowText, "#e8e8e8"), (QPalette.ColorRole.ButtonText, "#e8e8e8")):
            palette.setColor(role, QColor(color))
    return palette


def _ring_sides(before: QImage, after: QImage, background: QColor) -> dict[str, float]:
    """Of the pixels focus changed, those standing out at 3:1 from the window's background: how much of each side
    of the box round them they cover (1.0 = a closed line along that side)."""
    assert before.size() == after.size()
    points = []
    for y in range(after.height()):
        for x in range(after.width()):
            now = after.pixelColor(x, y)
            if now != before.pixelColor(x, y) and contrast_ratio(now, background) >= NON_TEXT_AA:
                points.append((x, y))
    assert points, "focus changed nothing that stands out from the window"
    left, right = min(p[0] for p in points), max(p[0] for p in points)
    top, bottom = min(p[1] for p in points), max(p[1] for p in points)
    found = set(points)

    assert right - left >= 8 and bottom - top >= 8, f"focus changed only a speck ({left},{top})–({right},{bottom})"

    def covered(line: list[list[tuple[int, int]]]) -> float:
        return sum(all(p in found for p in band) for band in line) / len(line)

    band = range(2)  # 2 px thick all along (Fusion's own mark is 1 px); the rounded corners are left out
    return {
        "top": covered([[(x, top + d) for d in band] for x in range(left + 4, right - 3)]),
        "bottom": covered([[(x, bottom - d) for d in band] for x in range(left + 4, right - 3)]),
        "left": covered([[(left + d, y) for d in band] for y in range(top + 4, bottom - 3)]),
        "right": covered([[(right - d, y) for d in band] for y in range(top + 4, bottom - 3)]),
    }


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("kind", list(CONTROLS))
def test_every_control_shows_a_focus_ring_at_3_to_1(qtbot: Any, kind: str, dark: bool) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = app.palette()
    app.setPalette(_palette(dark))  # what a light or dark desktop theme does
    try:
        _check_ring(qtbot, kind)
    finally:
        app.setPalette(light)


def _check_ring(qtbot: Any, kind: str) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    elsewhere = QPushButton("Et annet sted", window)  # holds the focus while the control is drawn without it
    control = CONTROLS[kind]()
    layout.addWidget(elsewhere)
    layout.addWidget(control)
    apply_theme(window)  # what every window of the app does: the style sheet and the focus ring
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(elsewhere.hasFocus)
    before = window.grab(control.geometry()).toImage()  # the ring is a frame over the control, not in it
    # Not Tab's reason: a text field would select its text, a blue block that is no focus ring.
    control.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(control.hasFocus)
    after = window.grab(control.geometry()).toImage()

    background = window.palette().color(QPalette.ColorRole.Window)
    sides = _ring_sides(before, after, background)
    assert all(share >= 0.9 for share in sides.values()), f"{kind}: no closed ring ({sides})"
    elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(elsewhere.hasFocus)
    assert window.grab(control.geometry()).toImage() == before, "the ring goes when the focus goes"


def test_the_platform_draws_every_control(qtbot: Any) -> None:
    """The ring is a frame over the focused control, not a style: no Python is asked to draw cells or controls."""
    window = QWidget()
    qtbot.addWidget(window)
    apply_theme(window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert not isinstance(app.style(), QProxyStyle), "a style in Python is called for every piece of every control"


def _focused_in_window(qtbot: Any, control: QWidget) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    layout.addWidget(QPushButton("Et annet sted", window))
    layout.addWidget(control)
    apply_theme(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    control.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(control.hasFocus)
    return window


def _ring_of(window: QWidget) -> FocusRing:
    rings = [ring for ring in window.findChildren(FocusRing) if ring.isVisible()]
    assert len(rings) == 1, "one ring, on the control with the focus"
    return rings[0]


def test_the_ring_follows_its_control_and_lets_the_mouse_through(qtbot: Any) -> None:
    button = QPushButton("Lagre")
    window = _focused_in_window(qtbot, button)
    ring = _ring_of(window)
    assert ring.widget() is button and ring.geometry() == button.geometry()
    window.resize(window.width() + 80, window.height() + 60)  # the layout moves and widens the button
    qtbot.waitUntil(lambda: ring.geometry() == button.geometry())
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(1, button.height() // 2))  # on the ring's band
    assert clicks == [True], "the ring lies over the button's edge, but the click is the button's"


def test_the_ring_is_not_read_out_as_a_control(qtbot: Any) -> None:
    window = _focused_in_window(qtbot, QLineEdit("Fjordvik"))
    ring = _ring_of(window)
    accessible = QAccessible.queryAccessibleInterface(window)
    assert accessible is not None
    children = [accessible.child(i).object() for i in range(accessible.childCount())]
    assert ring not in children and len(children) == 2, "a screen reader sees the two controls, not the ring"


def test_a_table_rings_its_current_item_and_the_ring_moves_with_it(qtbot: Any) -> None:
    table = _table()
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)  # no highlight: only a focus mark shows
    window = _focused_in_window(qtbot, table)
    first, second = table.model().index(1, 1), table.model().index(2, 0)

    def item_image(index: Any) -> QImage:
        rect = table.visualRect(index).translated(table.viewport().mapTo(window, QPoint(0, 0)))
        return window.grab(rect).toImage()

    table.setCurrentIndex(second)
    qtbot.wait(20)
    not_current = item_image(first)
    table.setCurrentIndex(first)
    qtbot.waitUntil(lambda: item_image(first) != not_current)
    base = table.palette().color(QPalette.ColorRole.Base)
    sides = _ring_sides(not_current, item_image(first), base)
    assert all(share >= 0.9 for share in sides.values()), f"no closed ring round the current item ({sides})"
    table.setCurrentIndex(second)
    qtbot.waitUntil(lambda: item_image(first) == not_current)  # the ring went with the current item


def test_a_widget_with_its_own_focus_mark_gets_no_ring(qtbot: Any) -> None:
    own = QPushButton("Kalender")
    own.setProperty(OWN_FOCUS_MARK, True)
    window = _focused_in_window(qtbot, own)
    assert not [ring for ring in window.findChildren(FocusRing) if ring.isVisible()]


def test_the_ring_colour_stands_out_in_both_palettes() -> None:
    for dark in (False, True):
        palette = _palette(dark)
        ring = palette.color(QPalette.ColorRole.WindowText)
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
            assert contrast_ratio(ring, palette.color(role)) >= NON_TEXT_AA


# --- status lines and refusals are read out --------------------------------------------------------------------


@pytest.fixture
def spoken(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, QAccessible.AnnouncementPoliteness, object]]:
    said: list[tuple[str, QAccessible.AnnouncementPoliteness, object]] = []

    def deliver(event: QAccessibleAnnouncementEvent) -> None:
        said.append((event.message(), event.politeness(), event.object()))

    monkeypatch.setattr(announce_module, "deliver", deliver)
    return said


def test_a_status_line_is_announced_politely(qtbot: Any, spoken: list[Any]) -> None:
    bar = QStatusBar()
    qtbot.addWidget(bar)
    area = StatusArea(bar)
    area.show("Perioden er booket.")
    assert spoken == [("Perioden er booket.", QAccessible.AnnouncementPoliteness.Polite, area.label)]
    area.show("")
    assert len(spoken) == 1, "an emptied line says nothing"


def test_a_refusal_interrupts_the_screen_reader(qtbot: Any, spoken: list[Any]) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(600, 400)
    callout = Callout(parent)
    callout.show_message("Ikke booket: perioden bryter med bookingreglene.", parent.mapToGlobal(QPoint(100, 100)))
    assert spoken == [("Ikke booket: perioden bryter med bookingreglene.",
                       QAccessible.AnnouncementPoliteness.Assertive, callout)]


def test_a_real_announcement_goes_through_qt(qtbot: Any) -> None:
    label = QWidget()
    qtbot.addWidget(label)
    was_active = QAccessible.isActive()
    QAccessible.setActive(True)  # as when a screen reader listens: the event is built and handed to the platform
    try:
        announce_module.announce(label, "Lastet på nytt fra databasen.")
        announce_module.announce(label, "Ikke booket.", politeness=announce_module.Politeness.Assertive)
    finally:
        QAccessible.setActive(was_active)


# --- Esc in the review window does not lose a typed comment ----------------------------------------------------


def _press(key: Qt.Key) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    QTest.keyClick(widget, key)


def _wait_keyboard_in(qtbot: Any, window: QWidget) -> None:
    def there() -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and focus.window() is window

    qtbot.waitUntil(there)


def _discard_box(qtbot: Any, review: ReviewWindow) -> QMessageBox:
    qtbot.waitUntil(lambda: review.discard_box is not None and review.discard_box.isVisible())
    box = review.discard_box
    assert isinstance(box, QMessageBox)
    return box


def test_esc_with_a_typed_comment_asks_first(window: MainWindow, planner: Planner, qtbot: Any) -> None:
    review = window.open_review(planner.library_slot)
    assert isinstance(review, ReviewWindow)
    _wait_keyboard_in(qtbot, review)
    review.comment.setFocus()
    QTest.keyClicks(review.comment, "Bildet er for lite")

    _press(Qt.Key.Key_Escape)
    box = _discard_box(qtbot, review)
    assert review.isVisible(), "nothing is closed before the answer"
    assert box.text() == "Close the window and discard the comment you typed?"
    assert box.defaultButton() is box.findChild(QPushButton, "keepButton")
    QTest.keyClick(box, Qt.Key.Key_Escape)  # Esc again answers "Keep writing"
    qtbot.waitUntil(lambda: review.discard_box is None)
    assert review.isVisible() and review.comment.toPlainText() == "Bildet er for lite"

    review.close()  # Ctrl+W and the Close button come here too
    box = _discard_box(qtbot, review)
    discard = box.findChild(QPushButton, "discardButton")
    assert isinstance(discard, QPushButton)
    discard.click()
    qtbot.waitUntil(lambda: not review.isVisible())
    assert review.comment.toPlainText() == ""


def test_esc_with_an_empty_comment_closes_at_once(window: MainWindow, planner: Planner, qtbot: Any) -> None:
    review = window.open_review(planner.library_slot)
    assert isinstance(review, ReviewWindow)
    _wait_keyboard_in(qtbot, review)
    review.comment.setPlainText("   ")  # only spaces: nothing to lose
    _press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not review.isVisible())
    assert review.discard_box is None


# --- Tab into the calendar starts at the ends of the shown period ----------------------------------------------


def test_tab_with_no_slot_selected_starts_at_the_first_slot_shown(window: MainWindow, planner: Planner,
                                                                   qtbot: Any) -> None:
    grid = window.page.month_grid
    with qtbot.waitActive(window):
        window.activateWindow()
    grid.setFocus(Qt.FocusReason.TabFocusReason)
    grid.set_cursor_day(dt.date(2030, 3, 25))  # after both slots of the month
    assert grid.selected() == 0
    _press(Qt.Key.Key_Tab)
    assert grid.hasFocus() and grid.selected() == planner.library_slot, "the month's first slot, not none"
    assert grid.cursor_day() == dt.date(2030, 3, 4), "the day cursor goes with it"

    _press(Qt.Key.Key_Right)  # an arrow leaves the slot for a day: none selected again
    assert grid.selected() == 0 and grid.cursor_day() == dt.date(2030, 3, 5)
    QTest.keyClick(grid, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert grid.hasFocus() and grid.selected() == planner.fire_slot, "Shift+Tab: the month's last slot"
