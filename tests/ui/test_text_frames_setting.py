"""File ▸ Settings sends frames with on-screen text to hand-off instead of burning the text in (issue 19): the
box is ticked, Save stores ``publish.text_frames = handoff`` and the publishing service reads it; unticking
stores ``burn`` again."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QDialogButtonBox

from takeover_planner.services.text_frames_setting import text_frames_choice
from takeover_planner.settings import Settings
from takeover_planner.ui.main_window import MainWindow
from tests.ui.conftest import Planner


def _save_with(window: MainWindow, planner: Planner, by_hand: bool) -> str:
    window.team.settings_action.trigger()
    dialog = window.team.settings_dialog
    assert dialog is not None
    assert dialog.text_by_hand.isChecked() == (text_frames_choice(planner.ctx) == "handoff"), "shows what is stored"
    dialog.text_by_hand.setChecked(by_hand)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    saved = json.loads(planner.ctx.paths.settings_file.read_text(encoding="utf-8"))
    return str(saved["publish.text_frames"])


def test_text_frames_can_be_set_to_go_by_hand_in_settings(window: MainWindow, planner: Planner) -> None:
    assert text_frames_choice(planner.ctx) == "burn"
    assert _save_with(window, planner, True) == "handoff"
    planner.ctx.settings = Settings.load(planner.ctx.paths)
    assert text_frames_choice(planner.ctx) == "handoff"
    assert _save_with(window, planner, False) == "burn"
