"""What cannot go in a submission package is caught before anything is written: `package submit` with a PDF,
an empty file and a missing file refuses (exit 3), names each frame and writes no package; the parts of a split
video store their shared original once, and such a package imports."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

from takeover_planner.cli import main
from takeover_planner.intake.brief import write_brief
from takeover_planner.intake.submission import DraftConsent, DraftFrame, SubmissionDraft
from takeover_planner.services import packages, stories
from takeover_planner.services.context import AppContext
from takeover_planner.services.submissions import Hold, save_submission, what_cannot_go
from tests.storage.stories_support import book_slot, brief_for
from tests.unit.media.media_factory import write_jpeg, write_png


def test_package_submit_refuses_files_that_cannot_go(sqlite_ctx: AppContext, tmp_path: Path, capsys) -> None:
    slot_id = book_slot(sqlite_ctx)
    brief = write_brief(brief_for(sqlite_ctx, slot_id), tmp_path / "brief.zip")
    assert brief.slot.slot_id == slot_id
    pdf = tmp_path / "program.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\n")
    empty = tmp_path / "tom.jpg"
    empty.write_bytes(b"")
    good = write_jpeg(tmp_path / "plakat.jpg", 1080, 1920)
    out = tmp_path / "innsending.zip"
    code = main(["--home", str(tmp_path / "home"), "--json", "package", "submit", "--brief", str(tmp_path / "brief.zip"),
                 "--out", str(out), "--name", "Ola", "--frame", str(good), "--frame", str(pdf), "--frame", str(empty),
                 "--frame", str(tmp_path / "borte.mp4")])
    answer = json.loads(capsys.readouterr().out)
    assert code == 3 and answer["code"] == "submission.cannot_save" and not out.exists()
    assert answer["details"]["frames"] == [2, 3, 4]
    assert [h["hold"] for h in answer["details"]["holds"]] == ["not_media", "empty", "missing"]
    problems = [p["code"] for p in answer["params"]["problems"]]
    assert problems == ["submission.not_media", "submission.empty", "submission.missing"]
    assert all(str(tmp_path) not in json.dumps(p["params"]) for p in answer["params"]["problems"]), "names, no paths"


def test_split_parts_share_one_stored_original(sqlite_ctx: AppContext, tmp_path: Path) -> None:
    slot_id = book_slot(sqlite_ctx)
    brief = brief_for(sqlite_ctx, slot_id)
    # A stand-in for a split video: one original, two fixed parts, the same consent on both.
    original = write_jpeg(tmp_path / "omvisning.jpg", 1080, 1920)
    parts = [write_jpeg(tmp_path / f"del{i}.jpg", 1080, 1920 + i) for i in (1, 2)]
    day = brief.slot.start
    frames = [DraftFrame(original, planned_date=day, planned_time=dt.time(10, 0), shows_people=True,
                         consents=["pupils"], fixed_source=part, fix_recipe={"mode": "pad"}) for part in parts]
    draft = SubmissionDraft(brief, "Ola", "", "", frames, [DraftConsent("pupils", "Elevene i 7B", "SK-1", "guardian")])
    assert what_cannot_go(draft, require_fixed=True) == []
    out = save_submission(draft, tmp_path / "innsending.zip", require_fixed=True)
    assert out.frames[0].file == out.frames[1].file
    with zipfile.ZipFile(tmp_path / "innsending.zip") as zf:
        media = [n for n in zf.namelist() if n.startswith("media/")]
    assert len(media) == 3, "the original once, and each part"
    result = packages.import_submission(sqlite_ctx, tmp_path / "innsending.zip")
    imported = stories.list_frames(sqlite_ctx, slot_id)
    assert len(result.frame_ids) == 2 and imported[0].original == imported[1].original
    assert [c.id for c in imported[1].consents] == list(result.consent_ids)


def test_people_without_consent_details_and_unfixed_files_cannot_go(sqlite_ctx: AppContext, tmp_path: Path) -> None:
    brief = brief_for(sqlite_ctx, book_slot(sqlite_ctx))
    landscape = write_png(tmp_path / "plakat.png", 800, 600, alpha=True)
    frames = [DraftFrame(landscape, shows_people=True)]
    holds = [p.hold for p in what_cannot_go(SubmissionDraft(brief, "Ola", frames=frames), require_fixed=True)]
    assert holds == [Hold.UNFIXED, Hold.NO_CONSENT]
    assert [p.hold for p in what_cannot_go(SubmissionDraft(brief, "Ola", frames=frames))] == [Hold.NO_CONSENT]
