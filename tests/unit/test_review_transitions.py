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
from takeover_planner.texts.render import Bilingual
from takeover_planner.texts.stories import FrameStateName, StoriesText

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


def refusal(current: FrameState, target: FrameState, **kwargs: object) -> TransitionRefused:
    kwargs.setdefault("actor", "Kari")
    with pytest.raises(TransitionRefused) as refused:
        plan_transition(3, current, target, **kwargs)  # type: ignore[arg-type]
    return refused.value


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
    assert refused.value.params["frame_id"] == 7
    if current != target:
        assert refused.value.details == {"frame": 7, "from": current.value, "to": target.value}


def test_published_is_final_and_says_so():
    for target in FrameState:
        refused = refusal(S.PUBLISHED, target, comment="x", facts=clean_facts())
        assert refused.code in (StoriesText.FINAL, StoriesText.ALREADY_IN_STATE)
        assert refused.params["state"].code == FrameStateName.PUBLISHED
    assert refusal(S.PUBLISHED, S.SUBMITTED, facts=clean_facts()).code == StoriesText.FINAL


def test_an_illegal_move_lists_the_states_it_could_go_to():
    refused = refusal(S.DRAFT, S.APPROVED, facts=clean_facts())
    assert refused.code == StoriesText.NOT_ALLOWED
    assert {name.code for name in refused.params["allowed"]} == {FrameStateName.SUBMITTED, FrameStateName.WITHDRAWN}
    # The one rendered check of this file: state names are words in the reader's language.
    assert refused.message_in("nb") == ("Storybilde #3 har tilstanden «utkast» og kan ikke bli «godkjent»; "
                                        "det kan bli: sendt inn; trukket tilbake.")


def test_every_transition_needs_an_actor():
    assert refusal(S.DRAFT, S.SUBMITTED, actor="   ", facts=clean_facts()).code == StoriesText.NEEDS_ACTOR


def test_request_changes_needs_a_comment():
    refused = refusal(S.SUBMITTED, S.CHANGES_REQUESTED, actor="Ola", comment="  ", facts=clean_facts())
    assert refused.code == StoriesText.NEEDS_COMMENT


def test_submit_needs_a_file():
    refused = refusal(S.DRAFT, S.SUBMITTED, actor="Ola", facts=clean_facts(has_file=False))
    assert refused.code == StoriesText.NOTHING_TO_SUBMIT


@pytest.mark.parametrize("target", [S.APPROVED, S.SCHEDULED])
def test_gated_targets_need_facts(target):
    current = S.SUBMITTED if target == S.APPROVED else S.APPROVED
    assert refusal(current, target, actor="Ola").code == StoriesText.NEEDS_FACTS


@pytest.mark.parametrize(
    ("facts", "code"),
    [
        (clean_facts(has_file=False), "no_file"),
        (clean_facts(file_errors=None), "file_unchecked"),
        (clean_facts(file_errors=[Bilingual("Instagram takes JPEG only", "Instagram tar bare JPEG")]), "file_error"),
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
    assert refused.value.code == StoriesText.CANNOT_APPROVE
    codes = [p["code"] for p in refused.value.details["problems"]]
    assert code in codes
    assert [p.code.key for p in refused.value.params["problems"]] == [f"stories.{c}" for c in codes]
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
    refused = refusal(S.SUBMITTED, S.APPROVED, facts=facts)
    assert [p["code"] for p in refused.details["problems"]] == ["consent_expired"]
    assert refused.params["problems"][0].params["day"] == dt.date(2027, 3, 2)


def test_scheduling_needs_a_planned_time_and_still_checks_the_gates():
    refused = refusal(S.APPROVED, S.SCHEDULED, actor="publisher", facts=clean_facts(planned_at=None))
    assert refused.code == StoriesText.CANNOT_SCHEDULE
    assert [p["code"] for p in refused.details["problems"]] == ["no_time"]
    too_big = Bilingual("The picture is too big.", "Bildet er for stort.")
    refused = refusal(S.FAILED, S.SCHEDULED, actor="publisher", facts=clean_facts(file_errors=[too_big]))
    assert [p["code"] for p in refused.details["problems"]] == ["file_error"]
    assert refused.params["problems"][0].params["finding"] == too_big


def test_same_state_is_refused():
    refused = refusal(S.APPROVED, S.APPROVED, facts=clean_facts())
    assert refused.code == StoriesText.ALREADY_IN_STATE and refused.params["state"].code == FrameStateName.APPROVED


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
    with pytest.raises(TransitionRefused) as refused:
        parse_state("lost")
    assert refused.value.code == StoriesText.UNKNOWN_STATE and refused.value.params["state"] == "lost"
