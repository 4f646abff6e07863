"""Every legal and every illegal move of the frame state machine, and the gates on approval."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from takeover_planner.domain.consent import ConsentFacts
from takeover_planner.domain.review import (
    ALLOWED,
    RELEASED,
    ApprovalFacts,
    FrameSnapshot,
    FrameState,
    edit_target,
    parse_state,
    plan_reopen,
    plan_transition,
    reopen_target,
)
from takeover_planner.domain.timekeeping import OSLO
from takeover_planner.errors import TransitionRefused

S = FrameState
PLANNED = dt.datetime(2027, 3, 2, 9, 0, tzinfo=OSLO)

LEGAL = {
    (S.DRAFT, S.SUBMITTED), (S.DRAFT, S.WITHDRAWN),
    (S.SUBMITTED, S.CHANGES_REQUESTED), (S.SUBMITTED, S.APPROVED), (S.SUBMITTED, S.WITHDRAWN),
    (S.CHANGES_REQUESTED, S.SUBMITTED), (S.CHANGES_REQUESTED, S.WITHDRAWN),
    (S.APPROVED, S.SCHEDULED), (S.APPROVED, S.CHANGES_REQUESTED), (S.APPROVED, S.SUBMITTED),
    (S.APPROVED, S.WITHDRAWN),
    (S.SCHEDULED, S.PUBLISHED), (S.SCHEDULED, S.FAILED), (S.SCHEDULED, S.APPROVED),
    (S.SCHEDULED, S.CHANGES_REQUESTED), (S.SCHEDULED, S.SUBMITTED), (S.SCHEDULED, S.WITHDRAWN),
    (S.FAILED, S.SCHEDULED), (S.FAILED, S.PUBLISHED), (S.FAILED, S.CHANGES_REQUESTED),
    (S.FAILED, S.SUBMITTED), (S.FAILED, S.WITHDRAWN),
    (S.WITHDRAWN, S.DRAFT),
}
ALL_PAIRS = list(itertools.product(FrameState, FrameState))


def consent(**changes: object) -> ConsentFacts:
    values: dict[str, object] = {
        "id": 1, "subject": "Elevene i 7B", "reference": "SK-2027-014", "given_by": "guardian",
        "scope": frozenset({"instagram", "facebook"}), "valid_until": dt.date(2027, 12, 31), "withdrawn_at": None,
    }
    values.update(changes)
    return ConsentFacts(**values)  # type: ignore[arg-type]


def clean_facts(**changes: object) -> ApprovalFacts:
    values: dict[str, object] = {"has_file": True, "file_errors": [], "shows_people": False,
                                 "consents": (), "planned_at": PLANNED}
    values.update(changes)
    return ApprovalFacts(**values)  # type: ignore[arg-type]


def test_the_table_is_exactly_the_documented_machine():
    assert {(a, b) for a, targets in ALLOWED.items() for b in targets} == LEGAL


@pytest.mark.parametrize(("current", "target"), sorted(LEGAL))
def test_every_legal_transition_is_allowed(current, target):
    move = plan_transition(7, current, target, actor="Kari Nordmann", comment="Bytt bildet", facts=clean_facts())
    assert (move.from_state, move.to_state, move.actor, move.frame_id) == (current, target, "Kari Nordmann", 7)
    assert move.action


@pytest.mark.parametrize(("current", "target"), [p for p in ALL_PAIRS if p not in LEGAL])
def test_every_illegal_transition_is_refused(current, target):
    with pytest.raises(TransitionRefused) as refused:
        plan_transition(7, current, target, actor="Kari Nordmann", comment="x", facts=clean_facts())
    assert "#7" in refused.value.message


def test_published_is_final_and_says_so():
    for target in FrameState:
        with pytest.raises(TransitionRefused, match="published"):
            plan_transition(1, S.PUBLISHED, target, actor="A", comment="x", facts=clean_facts())
    with pytest.raises(TransitionRefused, match="final"):
        plan_transition(1, S.PUBLISHED, S.SUBMITTED, actor="A", facts=clean_facts())


def test_every_transition_needs_an_actor():
    with pytest.raises(TransitionRefused, match="name"):
        plan_transition(1, S.DRAFT, S.SUBMITTED, actor="   ", facts=clean_facts())


def test_request_changes_needs_a_comment():
    with pytest.raises(TransitionRefused, match="comment"):
        plan_transition(1, S.SUBMITTED, S.CHANGES_REQUESTED, actor="Ola", comment="  ", facts=clean_facts())


def test_submit_needs_a_file():
    with pytest.raises(TransitionRefused, match="no picture"):
        plan_transition(1, S.DRAFT, S.SUBMITTED, actor="Ola", facts=clean_facts(has_file=False))


@pytest.mark.parametrize("target", [S.APPROVED, S.SCHEDULED])
def test_gated_targets_need_facts(target):
    current = S.SUBMITTED if target == S.APPROVED else S.APPROVED
    with pytest.raises(TransitionRefused, match="facts"):
        plan_transition(1, current, target, actor="Ola")


@pytest.mark.parametrize(
    ("facts", "code"),
    [
        (clean_facts(has_file=False), "no_file"),
        (clean_facts(file_errors=None), "file_unchecked"),
        (clean_facts(file_errors=["Instagram takes JPEG only"]), "file_error"),
        (clean_facts(shows_people=True), "consent_missing"),
        (clean_facts(shows_people=True, consents=(consent(withdrawn_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC)),)),
         "consent_withdrawn"),
        (clean_facts(shows_people=True, consents=(consent(scope=frozenset({"facebook"})),)), "consent_scope"),
        (clean_facts(shows_people=True, consents=(consent(valid_until=dt.date(2027, 3, 1)),)), "consent_expired"),
        (clean_facts(shows_people=True, planned_at=None, consents=(consent(),)), "consent_no_date"),
        (clean_facts(shows_people=True, consents=(consent(reference=""),)), "consent_no_reference"),
        (clean_facts(shows_people=True, consents=(consent(subject=" "),)), "consent_no_subject"),
        (clean_facts(shows_people=True, consents=(consent(given_by="teacher"),)), "consent_given_by"),
    ],
)
def test_approval_is_refused_for_each_missing_gate(facts, code):
    with pytest.raises(TransitionRefused) as refused:
        plan_transition(3, S.SUBMITTED, S.APPROVED, actor="Kari", facts=facts)
    codes = [p["code"] for p in refused.value.details["problems"]]
    assert code in codes
    assert all(p["nb"] and p["en"] for p in refused.value.details["problems"])


def test_approval_passes_with_people_and_complete_consent():
    facts = clean_facts(shows_people=True, consents=(consent(), consent(id=2, subject="Lærer", given_by="self")))
    move = plan_transition(3, S.SUBMITTED, S.APPROVED, actor="Kari", facts=facts)
    assert move.to_state == S.APPROVED


def test_consent_valid_until_the_planned_day_itself_is_enough():
    facts = clean_facts(shows_people=True, consents=(consent(valid_until=PLANNED.date()),))
    assert plan_transition(3, S.SUBMITTED, S.APPROVED, actor="Kari", facts=facts).to_state == S.APPROVED


def test_planned_day_is_taken_in_oslo():
    # 23:30 UTC on 1 March is already 2 March in Oslo: a consent that ends on 1 March does not cover it.
    late = dt.datetime(2027, 3, 1, 23, 30, tzinfo=dt.UTC)
    facts = clean_facts(shows_people=True, planned_at=late, consents=(consent(valid_until=dt.date(2027, 3, 1)),))
    with pytest.raises(TransitionRefused, match="runs out"):
        plan_transition(3, S.SUBMITTED, S.APPROVED, actor="Kari", facts=facts)


def test_scheduling_needs_a_planned_time_and_still_checks_the_gates():
    with pytest.raises(TransitionRefused, match="planned date and time"):
        plan_transition(3, S.APPROVED, S.SCHEDULED, actor="publisher", facts=clean_facts(planned_at=None))
    with pytest.raises(TransitionRefused, match="breaks a rule"):
        plan_transition(3, S.FAILED, S.SCHEDULED, actor="publisher", facts=clean_facts(file_errors=["too big"]))


def test_same_state_is_refused():
    with pytest.raises(TransitionRefused, match="already approved"):
        plan_transition(3, S.APPROVED, S.APPROVED, actor="Kari", facts=clean_facts())


def test_reopen_and_edit_targets():
    for state in FrameState:
        expected = S.CHANGES_REQUESTED if state in RELEASED else None
        assert reopen_target(state) == expected
        if state == S.PUBLISHED:
            with pytest.raises(TransitionRefused):
                edit_target(state)
        else:
            assert edit_target(state) == (S.SUBMITTED if state in RELEASED else None)


def test_plan_reopen_moves_released_frames_and_lists_published_ones():
    broken = clean_facts(shows_people=True, consents=(consent(withdrawn_at=dt.datetime(2027, 2, 1, tzinfo=dt.UTC)),))
    frames = [FrameSnapshot(i, state, broken) for i, state in enumerate(FrameState, start=1)]
    frames.append(FrameSnapshot(99, S.APPROVED, clean_facts()))  # still fine: untouched
    moves, to_remove = plan_reopen(frames, actor="Kari", comment="Consent withdrawn")
    assert sorted(m.from_state for m in moves) == sorted(RELEASED)
    assert all(m.to_state == S.CHANGES_REQUESTED and m.comment == "Consent withdrawn" for m in moves)
    assert to_remove == [next(f.id for f in frames if f.state == S.PUBLISHED)]


def test_parse_state():
    assert parse_state(" Approved ") == S.APPROVED
    with pytest.raises(TransitionRefused, match="Unknown frame state"):
        parse_state("lost")
