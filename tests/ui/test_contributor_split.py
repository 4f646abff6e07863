"""A split clip in the contributor window: every part inherits everything (people, consent, text, notes, sticker,
credit), is labelled "part 2 of 2", and after import no part can be approved without that consent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from takeover_planner.domain.review import FrameState
from takeover_planner.intake.brief import new_brief, write_brief
from takeover_planner.media.fix_types import FixOptions
from takeover_planner.media.rules import load_rules
from takeover_planner.services import consents, packages, stories
from takeover_planner.services.packages import slot_facts
from takeover_planner.storage.models import TakeoverSlot
from takeover_planner.ui.contributor import ContributorWindow
from takeover_planner.ui.review import ReviewWindow
from takeover_planner.ui.tasks import TaskRunner
from tests.ui.conftest import Planner
from tests.unit.media.media_factory import write_clip


def write_test_brief(planner: Planner, out: Path, slot_id: int | None = None) -> Path:
    """The slot's brief package (without its printed PDF: the window needs only the manifest)."""
    with planner.ctx.db.session() as s:
        slot = s.get(TakeoverSlot, slot_id or planner.library_slot)
        assert slot is not None
        facts = slot_facts(slot)
    write_brief(new_brief(facts, load_rules(), "Kari Kommunikasjon"), out)
    return out


@pytest.fixture
def contributor(qtbot: Any, runner: TaskRunner, translations: Any, tmp_path: Path) -> Iterator[ContributorWindow]:
    window = ContributorWindow(runner, translations, work_dir=tmp_path, user_name="")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def test_every_part_of_a_split_clip_carries_the_consent(qtbot: Any, planner: Planner, runner: TaskRunner,
                                                        contributor: ContributorWindow, tmp_path: Path) -> None:
    window = contributor
    window.open_brief(write_test_brief(planner, tmp_path / "brief.zip"))
    window.fix_options = FixOptions(video_preset="ultrafast", target=(216, 384))
    clip = write_clip(tmp_path / "omvisning.mp4", width=64, height=114, seconds=62.0, fps=24, audio=False)
    window.add_files([clip])
    editor = window.editor
    editor.shows_people.setChecked(True)
    qtbot.keyClicks(editor.who, "Elevene i 7B")
    qtbot.keyClicks(editor.reference, "SK-2030-014")
    editor.guardian.setChecked(True)
    qtbot.keyClicks(editor.text, "Velkommen!")
    qtbot.keyClicks(editor.notes, "Lyd på")
    qtbot.keyClicks(editor.credit, "Foto: Ola")
    editor.sticker_kind.setCurrentIndex(2)
    qtbot.keyClicks(editor.sticker_value, "Liker du bøker?")
    assert editor.fix_button.isEnabled()
    qtbot.mouseClick(editor.fix_button, Qt.MouseButton.LeftButton)

    assert len(window.frames) == 2
    for part in window.frames:
        assert part.fixed is not None and part.fixed.is_file() and part.verdict != "error"
        assert (part.shows_people, part.consent_subject, part.consent_reference, part.consent_guardian) == (
            True, "Elevene i 7B", "SK-2030-014", True)
        assert (part.text, part.notes, part.credit, part.sticker_kind, part.sticker_value) == (
            "Velkommen!", "Lyd på", "Foto: Ola", "poll", "Liker du bøker?")
    assert window.frames[0].fixed != window.frames[1].fixed
    assert window.strip.item(1).text().endswith("(part 2 of 2)")
    window.strip.setCurrentRow(1)
    assert editor.heading.text().endswith("(part 2 of 2)") and editor.who.text() == "Elevene i 7B"

    qtbot.keyClicks(window.name, "Ola Bibliotekar")
    out = tmp_path / "innsending.zip"
    window.save_to(out)
    assert window.saved is not None and len(window.saved.consents) == 1, "one consent, shared by both parts"
    assert [f.consents for f in window.saved.frames] == [("frame1",), ("frame1",)]

    ctx = planner.ctx
    imported = packages.import_submission(ctx, out)
    frames = stories.list_frames(ctx, planner.library_slot)
    assert [f.id for f in frames] == list(imported.frame_ids)
    assert all(f.shows_people and [c.id for c in f.consents] == list(imported.consent_ids) for f in frames)

    review = ReviewWindow(ctx, runner, planner.library_slot)
    qtbot.addWidget(review)
    review.show()
    review.select_frame(frames[1].id)
    assert review.state.text().endswith("part 2 of 2")
    consents.withdraw_consent(ctx, imported.consent_ids[0], by="Kari Kommunikasjon")
    review.approver.setText("Kari Kommunikasjon")
    review.approve_all()
    assert [f.state for f in stories.list_frames(ctx, planner.library_slot)] == [FrameState.SUBMITTED] * 2
    review.close()


def test_a_fix_can_be_undone_and_done_again_with_the_other_fit(qtbot: Any, planner: Planner,
                                                               contributor: ContributorWindow,
                                                               tmp_path: Path) -> None:
    window = contributor
    window.open_brief(write_test_brief(planner, tmp_path / "brief.zip"))
    window.fix_options = FixOptions(video_preset="ultrafast", target=(216, 384))
    window.add_files([write_clip(tmp_path / "omvisning.mp4", width=64, height=114, seconds=62.0, fps=24,
                                 audio=False)])
    editor = window.editor
    qtbot.mouseClick(editor.fix_button, Qt.MouseButton.LeftButton)
    assert len(window.frames) == 2 and editor.unfix_button.isVisible() and not editor.fix_button.isEnabled()
    window.strip.setCurrentRow(1)
    qtbot.mouseClick(editor.unfix_button, Qt.MouseButton.LeftButton)
    assert len(window.frames) == 1 and window.frames[0].fixed is None, "the parts become one frame again"
    assert editor.fix_button.isEnabled() and not editor.unfix_button.isVisible()
    editor.fit.setCurrentIndex(1)
    qtbot.mouseClick(editor.fix_button, Qt.MouseButton.LeftButton)
    assert len(window.frames) == 2 and all((f.recipe or {}).get("mode") == "crop" for f in window.frames)
    window.strip.setCurrentRow(0)
    assert editor.fit.currentIndex() == 0, "the next frame starts from the default fit"
    qtbot.keyClicks(window.name, "Ola")
    window.save_to(tmp_path / "innsending.zip")
    assert window.saved is not None
