"""At 1024×700 — a small laptop — every control of the toolbar keeps its own room, in English and in Bokmål."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from takeover_planner.ui.main_window import MainWindow
from takeover_planner.ui.toolbar import PlannerToolbar

MENU_TITLES = {"en": "&File", "nb": "&Fil"}


def placed(toolbar: PlannerToolbar, widget: QWidget) -> QRect:
    """The widget's rectangle in the toolbar's coordinates."""
    return QRect(widget.mapTo(toolbar, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("language", ["en", "nb"])
def test_no_toolbar_control_overlaps_another_at_1024_by_700(window: MainWindow, qtbot, language: str) -> None:
    window.set_language(language)
    # Qt posts the language change to every window: it arrives on the next turn of the event loop.
    qtbot.waitUntil(lambda: window.file_menu.title() == MENU_TITLES[language], timeout=2000)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024, timeout=2000)
    toolbar = window.page.toolbar
    toolbar.layout().activate()
    controls: list[QWidget] = [toolbar.today_button, toolbar.previous_button, toolbar.next_button, toolbar.title,
                               *toolbar.view_buttons.values(), toolbar.search, toolbar.new_button]
    for first, second in itertools.combinations(controls, 2):
        assert not placed(toolbar, first).intersects(placed(toolbar, second)), (first.objectName(), second)
    right_edge = toolbar.contentsRect().right()
    assert all(placed(toolbar, c).right() <= right_edge for c in controls)
    assert toolbar.search.width() >= toolbar.search.minimumWidth() > 0
    for button in (toolbar.new_button, *toolbar.view_buttons.values()):
        assert button.width() >= button.sizeHint().width()
