"""The watched intake folder (issue 18): with the ``intake.folder`` setting naming a folder, the window imports
the submission packages dropped there on the WRITE lane — the frames arrive, the package and its receipt move to
importert/, a hostile zip to avvist/ — and a missing folder is said once, not on every scan."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from takeover_planner.services.intake_folder import Verdict
from takeover_planner.services.stories import list_frames
from takeover_planner.ui.intake_hook import FolderState
from takeover_planner.ui.main_window import MainWindow
from tests.storage.stories_support import make_submission
from tests.ui.conftest import Planner


def _hostile(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", "{}")
        zf.writestr("../outside.txt", "climbing out")
    return path


def test_the_window_imports_what_is_dropped_into_the_folder(window: MainWindow, planner: Planner, tmp_path: Path,
                                                             corpus: Path) -> None:
    folder = tmp_path / "innsendinger"
    folder.mkdir()
    make_submission(planner.ctx, planner.library_slot, corpus, folder / "biblioteket.zip")
    _hostile(folder / "farlig.zip")
    hook = window.intake
    assert hook.active  # watching from the moment the database opened, though no folder was named yet
    assert not hook.scan()  # no folder named: nothing to do

    planner.ctx.settings.set("intake.folder", str(folder))
    hook.settle_seconds = 0
    assert hook.scan()

    assert hook.last is not None
    verdicts = {o.file: o.verdict for o in hook.last.outcomes}
    assert verdicts == {"biblioteket.zip": Verdict.IMPORTED, "farlig.zip": Verdict.REFUSED}
    assert len(list_frames(planner.ctx, planner.library_slot)) == 3
    assert sorted(p.name for p in (folder / "importert").iterdir()) == ["biblioteket.kvittering.txt",
                                                                       "biblioteket.zip"]
    assert sorted(p.name for p in (folder / "avvist").iterdir()) == ["farlig.kvittering.txt", "farlig.zip"]
    assert not (tmp_path / "outside.txt").exists()
    assert sorted(p.name for p in folder.iterdir()) == ["avvist", "importert"]
    assert window.status_area.folder == folder
    assert not hook.busy


def test_a_missing_folder_is_said_once(window: MainWindow, planner: Planner, tmp_path: Path) -> None:
    hook = window.intake
    planner.ctx.settings.set("intake.folder", str(tmp_path / "gone"))
    assert hook.scan()
    assert hook.last is not None and hook.last.state is FolderState.MISSING
    said = window.status_area.label.text()
    assert "gone" in said  # the one rendered line this file reads
    window.status_area.show("something else")
    assert hook.scan()
    assert window.status_area.label.text() == "something else"  # not said again on the next scan


def test_closing_the_database_stops_the_watch(window: MainWindow) -> None:
    window.shell.database_closing.emit()
    assert not window.intake.active


def test_the_folder_is_chosen_in_settings_and_watched_from_the_next_scan(window: MainWindow, planner: Planner,
                                                                        tmp_path: Path, corpus: Path) -> None:
    folder = tmp_path / "delt"
    folder.mkdir()
    window.team.settings_action.trigger()
    dialog = window.team.settings_dialog
    assert dialog is not None and dialog.intake_folder.text() == ""
    dialog.intake_folder.setText(f"  {folder}  ")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    saved = json.loads(planner.ctx.paths.settings_file.read_text(encoding="utf-8"))
    assert saved["intake.folder"] == str(folder)

    make_submission(planner.ctx, planner.library_slot, corpus, folder / "biblioteket.zip")
    window.intake.settle_seconds = 0
    assert window.intake.scan()
    assert (folder / "importert" / "biblioteket.zip").is_file()
