"""From brief to approval with the real windows: a contributor builds a submission from real phone files
(dropped on the strip, one fixed with "Fix it", consent answered), the planner imports it, asks for changes
on one frame and approves the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from takeover_planner.domain.review import FrameState
from takeover_planner.services import packages, stories
from takeover_planner.ui.contributor import ContributorWindow
from takeover_planner.ui.review import ReviewWindow

FILES = ("images/rec_Portrait_1.jpg", "heic/ph_xiaomi.heic", "images/es_orientation_landscape_1.jpg")


def drop_files(widget, paths: list[Path]) -> None:
    """Drop files on a widget the way a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    target = widget.viewport()
    pos = QPointF(target.rect().center())
    # (Qt 6.12 deprecates building drag-enter events by hand; the drop itself is what adds the files.)
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # Delivered to the handler directly: without a real drag in progress, Qt's dispatcher drops a lone drop.
    widget.dropEvent(drop)
    assert drop.isAccepted()


@pytest.fixture
def contributor(qtbot, runner, translations, tmp_path):
    window = ContributorWindow(runner, translations, work_dir=tmp_path, user_name="")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


@pytest.mark.slow
def test_contributor_builds_a_submission_and_the_planner_reviews_it(qtbot, planner, runner, contributor, corpus,
                                                                    tmp_path):
    ctx = planner.ctx
    brief_path = tmp_path / "oppdragsbrev.zip"
    packages.write_slot_brief(ctx, planner.library_slot, brief_path)

    # --- the contributor -----------------------------------------------------------------------------
    window = contributor
    window.open_brief(brief_path)
    assert "Biblioteket" in window.slot_title.text() and window.deadline.isVisible()
    drop_files(window.strip, [corpus / FILES[0], corpus / FILES[1]])
    window.add_files([corpus / FILES[2]])
    assert window.strip.count() == 3
    assert [f.verdict for f in window.frames] == ["advice", "error", "advice"]

    # The HEIC photo: Instagram would refuse it; "Fix it" makes a JPEG copy and the original stays as it was.
    window.strip.setCurrentRow(1)
    assert window.editor.fix_button.isEnabled()
    heic_before = (corpus / FILES[1]).read_bytes()
    qtbot.mouseClick(window.editor.fix_button, Qt.MouseButton.LeftButton)
    heic = window.frames[1]
    assert heic.fixed is not None and heic.fixed.is_file() and heic.verdict != "error"
    assert (corpus / FILES[1]).read_bytes() == heic_before
    assert "untouched" in window.editor.findings.text()

    # Frame 1 shows pupils: answer the consent questions in the editor.
    window.strip.setCurrentRow(0)
    editor = window.editor
    editor.shows_people.setChecked(True)
    qtbot.keyClicks(editor.who, "Elevene i 7B")
    qtbot.keyClicks(editor.reference, "SK-2030-014")
    editor.guardian.setChecked(True)
    qtbot.keyClicks(editor.text, "Velkommen til biblioteket!")
    assert window.frames[0].consent_subject == "Elevene i 7B" and window.frames[0].consent_guardian

    # Saving without a name is refused with a message, and nothing is written.
    out = tmp_path / "innsending.zip"
    window.save_to(out)
    assert window.message.isVisible() and "name" in window.message.text() and not out.exists()
    qtbot.keyClicks(window.name, "Ola Bibliotekar")
    window.save_to(out)
    assert out.is_file() and window.saved is not None and len(window.saved.frames) == 3
    assert window.saved.frames[1].fixed_file is not None

    # --- the planner ---------------------------------------------------------------------------------
    review = ReviewWindow(ctx, runner, planner.library_slot)
    qtbot.addWidget(review)
    review.show()
    qtbot.waitExposed(review)
    review.import_package(out)
    assert review.frames.rowCount() == 3
    first, second, third = review.frames.frames()
    assert first.shows_people and not first.consent_problems()
    assert second.derivative is not None and not second.file_problems()

    review.select_frame(third.id)
    assert review.preview.image() is not None  # the phone preview shows the picture
    review.safe_zones.setChecked(False)
    assert not review.preview.safe_zones_shown()
    qtbot.keyClicks(review.comment, "Bildet er tatt på skrå; kan dere ta et nytt?")
    qtbot.mouseClick(review.changes_button, Qt.MouseButton.LeftButton)
    review.approver.setText("Kari Kommunikasjon")
    qtbot.mouseClick(review.approve_all_button, Qt.MouseButton.LeftButton)

    states = {f.id: f.state for f in stories.list_frames(ctx, planner.library_slot)}
    assert states == {first.id: FrameState.APPROVED, second.id: FrameState.APPROVED,
                      third.id: FrameState.CHANGES_REQUESTED}
    assert not review.message.isVisible()
    trail = [review.trail.index(r, 2).data() for r in range(review.trail.rowCount())]
    assert any("Submitted → Approved" in t for t in trail)
    assert any("Submitted → Changes requested" in t for t in trail)
    review.close()


def test_a_bad_brief_is_refused_in_the_window(contributor, tmp_path):
    bogus = tmp_path / "brief.zip"
    bogus.write_bytes(b"PK\x03\x04 not really a zip")
    contributor.open_brief(bogus)
    assert contributor.message.isVisible() and "zip" in contributor.message.text()
    assert not contributor.save_button.isEnabled()
