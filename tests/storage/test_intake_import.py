"""A real submission (real phone/camera files) imported into its slot: frames, consent, assets, audit."""

from __future__ import annotations

import zipfile

import pytest

from takeover_planner.domain.review import FrameState
from takeover_planner.intake.brief import read_brief
from takeover_planner.intake.errors import PackageRefused, Reason
from takeover_planner.intake.submission import read_submission
from takeover_planner.services import packages, stories
from takeover_planner.services.story_media import stored_path
from takeover_planner.texts.intake import IntakeText
from tests.storage.stories_support import book_slot, db_snapshot, make_submission, store_snapshot


def test_brief_package_round_trip(qapp, ctx, tmp_path):  # qapp: the brief's PDF is painted by Qt
    slot_id = book_slot(ctx)
    out = tmp_path / "brief.zip"
    written = packages.write_slot_brief(ctx, slot_id, out)
    staging = tmp_path / "staging"
    staging.mkdir()
    staged = read_brief(out, staging)
    brief = staged.manifest
    assert brief.brief_uid == written.brief_uid
    assert (brief.slot.slot_id, brief.slot.department, brief.slot.account) == (slot_id, "Biblioteket",
                                                                              "Fjordvik kommune")
    assert brief.slot.material_deadline is not None
    assert any("8 MB" in line for line in brief.rules.en) and any("8 MB" in line for line in brief.rules.nb)
    assert any("guardian" in line for line in brief.consent_rules.en)
    readme = staged.files["README.txt"].read_text(encoding="utf-8")
    assert "Biblioteket" in readme and "Frist for materiell" in readme
    with zipfile.ZipFile(out) as zf:
        assert sorted(zf.namelist()) == ["README.txt", "brief-nb.pdf", f"innsendingsskjema-periode-{slot_id}.html",
                                         "manifest.json"]


def test_submission_imports_as_submitted_frames(ctx, tmp_path, corpus):
    slot_id = book_slot(ctx)
    package = make_submission(ctx, slot_id, corpus, tmp_path / "innsending.zip")
    result = packages.import_submission(ctx, package)
    assert result.slot_id == slot_id and len(result.frame_ids) == 3 and len(result.consent_ids) == 1
    frames = stories.list_frames(ctx, slot_id)
    assert [f.id for f in frames] == list(result.frame_ids)
    assert [f.state for f in frames] == [FrameState.SUBMITTED] * 3
    first = frames[0]
    assert first.shows_people and [c.subject for c in first.consents] == ["Elevene i 7B"]
    assert first.original is not None and first.original.format == "JPEG"
    assert first.original.findings is not None and not first.original.errors
    assert first.text == "Frame 1" and first.credit == "Foto: Kari Nordmann"
    assert first.planned_at is not None and first.planned_at.hour == 8  # 09:30 Oslo (CET) is 08:30 UTC
    # The stored file is the very file the contributor had.
    assert stored_path(ctx, first.original.sha256).read_bytes() == (corpus / "images/rec_Portrait_1.jpg").read_bytes()
    trail = stories.slot_audit_trail(ctx, slot_id)
    actions = [(e.entity_type, e.action) for e in trail]
    assert ("submission", "imported") in actions and ("consent", "added") in actions
    assert actions.count(("story_frame", "submitted")) == 3
    submitted = [e for e in trail if e.action == "submitted"]
    assert {e.actor for e in submitted} == {"Kari Nordmann"}


def test_second_import_of_the_same_package_is_refused_and_changes_nothing(ctx, tmp_path, corpus):
    slot_id = book_slot(ctx)
    package = make_submission(ctx, slot_id, corpus, tmp_path / "innsending.zip")
    first = packages.import_submission(ctx, package)
    db_before, store_before = db_snapshot(ctx), store_snapshot(ctx)
    with pytest.raises(PackageRefused) as refused:
        packages.import_submission(ctx, package)
    assert refused.value.reason == Reason.DUPLICATE
    assert refused.value.code == IntakeText.ALREADY_IMPORTED
    assert refused.value.params["submission"] == first.submission_id
    assert refused.value.details["submission"] == first.submission_id
    assert db_snapshot(ctx) == db_before and store_snapshot(ctx) == store_before


def test_reader_extracts_exact_bytes_and_checks_them(tmp_path, ctx, corpus):
    slot_id = book_slot(ctx)
    package = make_submission(ctx, slot_id, corpus, tmp_path / "s.zip")
    staging = tmp_path / "st"
    staging.mkdir()
    staged = read_submission(package, staging)
    sources = [corpus / "images/rec_Portrait_1.jpg", corpus / "images/es_orientation_landscape_1.jpg",
               corpus / "images/pil_cmyk.jpg"]
    assert [staged.files[f.file].read_bytes() for f in staged.manifest.frames] == [p.read_bytes() for p in sources]
    assert all(path.parent == staging for path in staged.files.values())
