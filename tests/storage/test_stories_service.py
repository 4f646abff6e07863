"""The story plan and its review through the services: gates, consent withdrawal, edits, bulk, audit."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from takeover_planner.domain.review import ALLOWED, FrameState
from takeover_planner.domain.timekeeping import OSLO
from takeover_planner.errors import TakeoverError, TransitionRefused
from takeover_planner.services import consents, packages, stories
from takeover_planner.services.story_views import FrameInfo
from takeover_planner.storage.models import AuditEvent, MediaAsset, StoryFrame
from takeover_planner.texts.stories import StoriesText
from tests.storage.stories_support import book_slot, make_submission

S = FrameState


@pytest.fixture
def imported(ctx, tmp_path, corpus):
    slot_id = book_slot(ctx)
    result = packages.import_submission(ctx, make_submission(ctx, slot_id, corpus, tmp_path / "s.zip"))
    return slot_id, list(result.frame_ids), result.consent_ids[0]


def _bad_asset(ctx) -> int:
    with ctx.db.write() as s:
        row = MediaAsset(sha256="f" * 64, kind="image", format="PNG", size_bytes=10, original_name="x.png",
                         findings=[{"rule": "image.format", "severity": "error", "fixable": True,
                                    "message_en": "Instagram takes JPEG only.", "message_nb": "Bare JPEG."}])
        s.add(row)
        s.flush()
        return row.id


def _good_asset(ctx) -> int:
    with ctx.db.write() as s:
        row = MediaAsset(sha256="e" * 64, kind="image", format="JPEG", size_bytes=10, original_name="y.jpg",
                         findings=[])
        s.add(row)
        s.flush()
        return row.id


def _move(ctx, frame_id: int, target: FrameState, actor: str = "publisher", comment: str = "") -> None:
    """A state change as the publisher makes it (through ``move_frame``, in a transaction of its own)."""
    with ctx.db.write() as s:
        stories.move_frame(s, stories.lock_frame(s, frame_id), target, actor, comment)


def _frame(ctx, slot_id: int, frame_id: int) -> FrameInfo:
    return next(f for f in stories.list_frames(ctx, slot_id) if f.id == frame_id)


def _shows_people(ctx, frame_id: int) -> None:
    """What a submission says when a frame shows people (the review window has no such edit)."""
    with ctx.db.write() as s:
        s.get(StoryFrame, frame_id).shows_people = True


def test_approve_and_request_changes_record_decisions_and_audit(ctx, imported):
    slot_id, (a, b, c), _consent = imported
    approved = stories.approve(ctx, a, by="Kari Kommunikasjon")
    assert approved.state == S.APPROVED and approved.last_decision.by == "Kari Kommunikasjon"
    changed = stories.request_changes(ctx, b, by="Kari Kommunikasjon", comment="Teksten dekker ansiktet")
    assert changed.state == S.CHANGES_REQUESTED and changed.last_decision.comment == "Teksten dekker ansiktet"
    trail = [(e.entity_id, e.action, e.actor, e.comment) for e in stories.slot_audit_trail(ctx, slot_id)]
    assert (a, "approved", "Kari Kommunikasjon", "") in trail
    assert (b, "changes_requested", "Kari Kommunikasjon", "Teksten dekker ansiktet") in trail
    with pytest.raises(TransitionRefused) as refused:
        stories.approve(ctx, c, by="  ")
    assert refused.value.code == StoriesText.NEEDS_ACTOR
    with pytest.raises(TransitionRefused) as refused:
        stories.request_changes(ctx, c, by="Kari", comment="")
    assert refused.value.code == StoriesText.NEEDS_COMMENT


def test_no_approval_without_consent_or_with_a_broken_file(ctx, imported):
    _slot_id, (a, b, _c), consent_id = imported
    _shows_people(ctx, b)  # shows people, no consent linked
    with pytest.raises(TransitionRefused) as refused:
        stories.approve(ctx, b, by="Kari")
    assert [p["code"] for p in refused.value.details["problems"]] == ["consent_missing"]
    stories.set_files(ctx, a, derivative_asset_id=_bad_asset(ctx))
    with pytest.raises(TransitionRefused) as refused:
        stories.approve(ctx, a, by="Kari")
    (problem,) = refused.value.params["problems"]
    assert problem.code == StoriesText.FILE_ERROR and problem.params["finding"].nb == "Bare JPEG."
    # Linking the consent makes frame b approvable; dropping the broken fixed copy makes a approvable.
    consents.link(ctx, b, consent_id)
    assert stories.approve(ctx, b, by="Kari").state == S.APPROVED
    stories.set_files(ctx, a, clear_derivative=True)
    assert stories.approve(ctx, a, by="Kari").state == S.APPROVED


def test_withdrawn_consent_stops_unpublished_frames_and_lists_published_ones(ctx, imported):
    slot_id, (a, b, _c), consent_id = imported
    consents.link(ctx, b, consent_id)
    stories.approve(ctx, a, by="Kari")
    stories.approve(ctx, b, by="Kari")
    _move(ctx, a, S.SCHEDULED)
    _move(ctx, a, S.PUBLISHED)
    _move(ctx, b, S.SCHEDULED)
    result = consents.withdraw_consent(ctx, consent_id, by="Ola Foresatt-registrerer", comment="Mor ringte")
    assert [(m.frame_id, m.from_state, m.to_state) for m in result.moved] == [(b, S.SCHEDULED, S.CHANGES_REQUESTED)]
    assert [f.id for f in result.to_remove] == [a]
    assert _frame(ctx, slot_id, b).state == S.CHANGES_REQUESTED
    assert _frame(ctx, slot_id, a).state == S.PUBLISHED
    assert "withdrawn" in _frame(ctx, slot_id, b).last_decision.comment
    with pytest.raises(TakeoverError) as refused:
        consents.withdraw_consent(ctx, consent_id, by="Ola")
    assert refused.value.code == StoriesText.ALREADY_WITHDRAWN and refused.value.params["consent_id"] == consent_id
    with pytest.raises(TransitionRefused):
        _move(ctx, b, S.SCHEDULED)
    actions = [(e.entity_type, e.action) for e in stories.slot_audit_trail(ctx, slot_id)]
    assert ("consent", "withdrawn") in actions


def test_editing_an_approved_frame_sends_it_back_and_published_frames_are_frozen(ctx, imported):
    _slot_id, (_a, _b, c), _consent = imported
    stories.approve(ctx, c, by="Kari")
    edited = stories.set_files(ctx, c, derivative_asset_id=_good_asset(ctx))
    assert edited.state == S.SUBMITTED
    stories.approve(ctx, c, by="Kari")
    _move(ctx, c, S.SCHEDULED)
    _move(ctx, c, S.PUBLISHED)
    with pytest.raises(TakeoverError) as refused:
        stories.set_files(ctx, c, clear_derivative=True)
    assert refused.value.code == StoriesText.PUBLISHED_FROZEN
    with pytest.raises(TransitionRefused) as refused:
        _move(ctx, c, S.SUBMITTED)
    assert refused.value.code == StoriesText.FINAL


def test_bulk_approval_reports_refusals(ctx, imported):
    slot_id, (a, b, c), _consent = imported
    _shows_people(ctx, b)
    result = stories.approve_all(ctx, slot_id, by="Kari")
    assert sorted(result.done) == sorted([a, c]) and list(result.refused) == [b]
    assert result.refused[b].code == StoriesText.CANNOT_APPROVE
    again = stories.request_changes_all(ctx, slot_id, by="Kari", comment="Mangler samtykke")
    assert again.done == (b,)


def test_reorder_and_add(ctx, imported):
    slot_id, (a, b, c), _consent = imported
    frames = stories.reorder_frames(ctx, slot_id, [c, a, b])
    assert [f.id for f in frames] == [c, a, b] and [f.position for f in frames] == [1, 2, 3]
    with pytest.raises(TakeoverError) as refused:
        stories.reorder_frames(ctx, slot_id, [c, a])
    assert refused.value.code == StoriesText.ORDER_INCOMPLETE
    new = stories.add_frame(ctx, slot_id, original_asset_id=None, text="Plakat",
                            planned_at=dt.datetime(2027, 3, 2, 12, tzinfo=OSLO), sticker_kind="link",
                            sticker_value="https://fjordvik.kommune.no/nyhet")
    assert new.state == S.DRAFT and new.position == 4 and new.manual_only
    with pytest.raises(TransitionRefused) as refused:
        stories.submit(ctx, new.id)
    assert refused.value.code == StoriesText.NOTHING_TO_SUBMIT


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.integers(0, 2), st.sampled_from(list(FrameState)), st.booleans()),
                      max_size=12))
def test_random_service_sequences_write_an_audit_event_for_every_state_change(sqlite_ctx, tmp_path_factory, corpus,
                                                                             steps):
    ctx = sqlite_ctx
    tmp = tmp_path_factory.mktemp("seq")
    slot_id = book_slot(ctx, department=f"Enhet {tmp.name}")
    frame_ids = list(packages.import_submission(ctx, make_submission(ctx, slot_id, corpus, tmp / "s.zip")).frame_ids)
    published: dict[int, int] = {}
    for index, target, withdraw in steps:
        frame_id = frame_ids[index]
        if withdraw and target == S.DRAFT:
            for consent in _frame(ctx, slot_id, frame_id).consents:
                if consent.withdrawn_at is None:
                    consents.withdraw_consent(ctx, consent.id, by="Kari")
            continue
        try:
            _move(ctx, frame_id, target, ctx.actor, "because")
        except TakeoverError:
            continue
        if target == S.PUBLISHED:
            published[frame_id] = published.get(frame_id, 0) + 1
    assert all(n == 1 for n in published.values())
    with ctx.db.session() as s:
        for frame_id in frame_ids:
            events = s.scalars(select(AuditEvent).where(AuditEvent.entity_type == "story_frame",
                                                        AuditEvent.entity_id == frame_id,
                                                        AuditEvent.before.is_not(None))
                               .order_by(AuditEvent.id)).all()
            moves = [(e.before["state"], e.after["state"]) for e in events if "state" in (e.before or {})
                     and e.before["state"] != e.after["state"]]
            state = S.DRAFT.value  # imported frames are created as drafts and submitted at once
            for before, after in moves:
                assert before == state and S(after) in ALLOWED[S(before)]
                state = after
            frame = _frame(ctx, slot_id, frame_id)
            assert frame.state.value == state
            if frame.state in (S.APPROVED, S.SCHEDULED, S.FAILED):
                assert not frame.file_problems() and not frame.consent_problems()
