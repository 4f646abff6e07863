"""The first start asks who you are (once); the answers are the profile that signs briefs."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from takeover_planner.paths import resolve_paths
from takeover_planner.services import profile
from takeover_planner.settings import Settings
from takeover_planner.ui.dialogs.profile_dialog import ProfileDialog, ask_profile_once
from takeover_planner.ui.main_window import MainWindow


def _fill(dialog: ProfileDialog, **values: str) -> None:
    for field, value in values.items():
        edit = dialog.findChild(QLineEdit, f"profile_{field}")
        assert edit is not None
        edit.setText(value)


def test_the_first_start_asks_for_the_profile_and_saving_it_signs_briefs(qtbot, tmp_path, runner,
                                                                         translations) -> None:
    home = tmp_path / "fresh"
    paths = resolve_paths(home).ensure()
    settings = Settings.load(paths)
    win = MainWindow(paths, settings, runner, translations, home=str(home), user="Test Officer")
    qtbot.addWidget(win)
    win.start()
    dialog = win.profile_prompt
    assert dialog is not None and dialog.isVisible()
    assert win.demo_prompt is None  # one question at a time: the demo offer would cover this dialog

    _fill(dialog, name="Kari Nordmann", email="not an address")
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.problem.isVisible()  # refused: stays open and says why

    _fill(dialog, email="kari@fjordvik.kommune.no", phone="+47 900 11 222")
    dialog.save_button.click()
    assert not dialog.isVisible()
    saved = profile.load_profile(paths)  # on disk, not only in the window's settings
    assert (saved.name, saved.email, saved.phone) == ("Kari Nordmann", "kari@fjordvik.kommune.no", "+47 900 11 222")
    assert win.demo_prompt is not None and win.demo_prompt.isVisible()  # and then the demo is offered
    win.demo_prompt.reject()
    win.close()


def test_a_filled_in_profile_is_not_asked_for_again(qtbot, tmp_path) -> None:
    paths = resolve_paths(tmp_path).ensure()
    settings = Settings.load(paths)
    profile.set_profile(settings, name="Kari Nordmann", email="kari@fjordvik.kommune.no")
    assert ask_profile_once(None, settings) is None
