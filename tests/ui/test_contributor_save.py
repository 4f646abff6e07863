"""Save in the contributor window lists what cannot go (not media, empty, missing on disk, unfixed), writes
nothing, and offers to remove those frames; after removing them the rest is saved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from takeover_planner.ui.contributor import ContributorWindow
from takeover_planner.ui.tasks import TaskRunner
from tests.ui.conftest import Planner
from tests.ui.test_contributor_split import write_test_brief
from tests.unit.media.media_factory import write_jpeg, write_png


@pytest.fixture
def contributor(qtbot: Any, runner: TaskRunner, translations: Any, tmp_path: Path) -> Iterator[ContributorWindow]:
    window = ContributorWindow(runner, translations, work_dir=tmp_path, user_name="Ola Bibliotekar")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def test_save_lists_what_cannot_go_and_writes_nothing(planner: Planner, contributor: ContributorWindow,
                                                      tmp_path: Path) -> None:
    window = contributor
    window.open_brief(write_test_brief(planner, tmp_path / "brief.zip"))
    pdf = tmp_path / "program.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\n")
    empty = tmp_path / "tom.jpg"
    empty.write_bytes(b"")
    moved = write_jpeg(tmp_path / "flyttet.jpg", 1080, 1920)
    window.add_files([write_jpeg(tmp_path / "plakat.jpg", 1080, 1920), pdf, empty, moved,
                      write_png(tmp_path / "logo.png", 800, 600, alpha=True)])
    moved.unlink()
    out = tmp_path / "innsending.zip"
    window.save_to(out)

    assert not out.exists() and window.saved is None
    box = window.cannot_go
    assert box is not None and box.isVisible()
    listed = box.informativeText().splitlines()
    assert len(listed) == 4 and all(line.startswith("• Frame ") for line in listed)
    assert str(tmp_path) not in box.informativeText(), "file names only, never paths"
    assert window.message.isVisible()
    remove = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    remove.click()
    assert [f.name for f in window.frames] == ["plakat.jpg"]
    assert out.is_file() and window.saved is not None and len(window.saved.frames) == 1
