"""The review state machine for story frames.

    draft → submitted → changes_requested ⇄ submitted → approved → scheduled → published
    plus failed (publishing went wrong) and withdrawn (taken out of the story).

Every move goes through ``plan_transition``, which refuses anything not in ``ALLOWED`` and checks the gates:
approval (and anything that puts a frame in the publisher's hands again) needs a clean file, complete consent
and a named approver. "Released" frames (approved, scheduled, failed) must keep meeting those gates; when a
fact behind them changes (consent withdrawn, the file replaced), the service moves them back with
``reopen_target``. Published is final: nothing is published twice.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, field

from takeover_planner.domain.consent import ConsentFacts, Problem, consent_problems
from takeover_planner.domain.timekeeping import to_oslo
from takeover_planner.errors import TransitionRefused
from takeover_planner.texts import Text
from takeover_planner.texts.audit import AuditNote, note
from takeover_planner.texts.render import Bilingual
from takeover_planner.texts.stories import FrameStateName, StoriesText


class FrameState(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    FAILED = "failed"
    WITHDRAWN = "withdrawn"


S = FrameState

ALLOWED: dict[FrameState, frozenset[FrameState]] = {
    S.DRAFT: frozenset({S.SUBMITTED, S.WITHDRAWN}),
    S.SUBMITTED: frozenset({S.CHANGES_REQUESTED, S.APPROVED, S.WITHDRAWN}),
    S.CHANGES_REQUESTED: frozenset({S.SUBMITTED, S.WITHDRAWN}),
    # Back to submitted: the approval is revoked because the frame was edited and needs a fresh look.
    S.APPROVED: frozenset({S.SCHEDULED, S.CHANGES_REQUESTED, S.SUBMITTED, S.WITHDRAWN}),
    # Back to approved: taken off the publishing queue without a publish.
    S.SCHEDULED: frozenset({S.PUBLISHED, S.FAILED, S.APPROVED, S.CHANGES_REQUESTED, S.SUBMITTED, S.WITHDRAWN}),
    # Failed → published: posted by hand after the API gave up (a fact the publisher reports).
    S.FAILED: frozenset({S.SCHEDULED, S.PUBLISHED, S.CHANGES_REQUESTED, S.SUBMITTED, S.WITHDRAWN}),
    S.PUBLISHED: frozenset(),
    # A withdrawn frame can be brought back, but only as a draft that goes through review again.
    S.WITHDRAWN: frozenset({S.DRAFT}),
}

# Frames the comms team has released to the publisher: they must keep meeting the approval gates.
RELEASED = frozenset({S.APPROVED, S.SCHEDULED, S.FAILED})
# Targets that release a frame (or release it again): the approval gates are checked on the way in.
GATED_TARGETS = frozenset({S.APPROVED, S.SCHEDULED})
# States in which the frame's content (file, text, consent, time) may no longer change.
FROZEN = frozenset({S.PUBLISHED})

ACTION_NAMES: dict[FrameState, str] = {
    S.DRAFT: "restored",
    S.SUBMITTED: "submitted",
    S.CHANGES_REQUESTED: "changes_requested",
    S.APPROVED: "approved",
    S.SCHEDULED: "scheduled",
    S.PUBLISHED: "published",
    S.FAILED: "failed",
    S.WITHDRAWN: "withdrawn",
}


def parse_state(text: str) -> FrameState:
    try:
        return FrameState(text.strip().lower())
    except ValueError:
        names = ", ".join(s.value for s in FrameState)
        raise TransitionRefused(StoriesText.UNKNOWN_STATE, state=text, known=names) from None


@dataclass(frozen=True)
class ApprovalFacts:
    """What approval looks at, for the file that will actually be published (the fixed copy if there is one)."""

    has_file: bool
    # Error findings' messages of the file that will be published; None: the file has not been checked.
    file_errors: Sequence[Bilingual] | None
    shows_people: bool
    consents: Sequence[ConsentFacts] = field(default_factory=tuple)
    planned_at: dt.datetime | None = None

    @property
    def planned_day(self) -> dt.date | None:
        return to_oslo(self.planned_at).date() if self.planned_at is not None else None


def file_problems(facts: ApprovalFacts) -> list[Problem]:
    if not facts.has_file:
        return [Problem.of(StoriesText.NO_FILE)]
    if facts.file_errors is None:
        return [Problem.of(StoriesText.FILE_UNCHECKED)]
    return [Problem.of(StoriesText.FILE_ERROR, finding=finding) for finding in facts.file_errors]


def approval_problems(facts: ApprovalFacts, approver: str) -> list[Problem]:
    """Every reason the frame cannot be approved now; empty means it can."""
    problems = file_problems(facts)
    problems.extend(consent_problems(facts.shows_people, facts.consents, facts.planned_day))
    if not approver.strip():
        problems.append(Problem.of(StoriesText.NO_APPROVER))
    return problems


def gates_hold(facts: ApprovalFacts) -> bool:
    """The approval gates, without the approver's name (used for the 'released frames stay clean' invariant)."""
    return not file_problems(facts) and not consent_problems(facts.shows_people, facts.consents, facts.planned_day)


@dataclass(frozen=True)
class Transition:
    """A checked move, ready to be applied and written to the audit trail."""

    frame_id: int
    from_state: FrameState
    to_state: FrameState
    actor: str
    comment: str

    @property
    def action(self) -> str:
        return ACTION_NAMES[self.to_state]


def can_transition(current: FrameState, target: FrameState) -> bool:
    return target in ALLOWED[current]


def plan_transition(
    frame_id: int,
    current: FrameState,
    target: FrameState,
    *,
    actor: str,
    comment: str = "",
    facts: ApprovalFacts | None = None,
) -> Transition:
    """Check a move and return it; raise ``TransitionRefused`` (with the reasons) if it is not allowed."""
    actor = " ".join(actor.split())
    comment = comment.strip()
    if target == current:
        raise TransitionRefused(StoriesText.ALREADY_IN_STATE, frame_id=frame_id, state=state_name(current))
    if not can_transition(current, target):
        details = {"frame": frame_id, "from": current.value, "to": target.value}
        if not ALLOWED[current]:
            raise TransitionRefused(StoriesText.FINAL, details=details, frame_id=frame_id,
                                    state=state_name(current), target=state_name(target))
        raise TransitionRefused(StoriesText.NOT_ALLOWED, details=details, frame_id=frame_id,
                                state=state_name(current), target=state_name(target),
                                allowed=[state_name(s) for s in sorted(ALLOWED[current])])
    if not actor:
        raise TransitionRefused(StoriesText.NEEDS_ACTOR, frame_id=frame_id)
    if target == S.CHANGES_REQUESTED and not comment:
        raise TransitionRefused(StoriesText.NEEDS_COMMENT, frame_id=frame_id)
    if target == S.SUBMITTED and facts is not None and not facts.has_file:
        raise TransitionRefused(StoriesText.NOTHING_TO_SUBMIT, frame_id=frame_id)
    if target in GATED_TARGETS:
        if facts is None:
            raise TransitionRefused(StoriesText.NEEDS_FACTS, frame_id=frame_id, target=state_name(target))
        problems = approval_problems(facts, actor)
        if target == S.SCHEDULED and facts.planned_at is None:
            problems.append(Problem.of(StoriesText.NO_TIME))
        if problems:
            code = StoriesText.CANNOT_APPROVE if target == S.APPROVED else StoriesText.CANNOT_SCHEDULE
            raise TransitionRefused(code, details={"frame": frame_id, "problems": [p.to_json() for p in problems]},
                                    frame_id=frame_id, problems=[p.message for p in problems])
    return Transition(frame_id, current, target, actor, comment)


def reopen_target(current: FrameState) -> FrameState | None:
    """Where a released frame goes when a fact behind its approval changes; None if it stays put.

    Unpublished released frames go back to 'changes requested' (someone must act); published ones stay
    published (the caller lists them for removal); frames not yet released are unaffected.
    """
    if current in RELEASED:
        return S.CHANGES_REQUESTED
    return None


@dataclass(frozen=True)
class FrameSnapshot:
    """A frame's state and approval facts as they are *after* some change to them."""

    id: int
    state: FrameState
    facts: ApprovalFacts


def plan_reopen(
    frames: Sequence[FrameSnapshot], *, actor: str, comment: str
) -> tuple[list[Transition], list[int]]:
    """After a change (consent withdrawn, a file replaced), move released frames whose gates no longer hold
    back to 'changes requested', and list published frames that no longer meet them (to be removed by hand)."""
    moves: list[Transition] = []
    to_remove: list[int] = []
    for frame in frames:
        if gates_hold(frame.facts):
            continue
        target = reopen_target(frame.state)
        if target is not None:
            moves.append(plan_transition(frame.id, frame.state, target, actor=actor, comment=comment))
        elif frame.state == S.PUBLISHED:
            to_remove.append(frame.id)
    return moves, to_remove


def edit_target(current: FrameState) -> FrameState | None:
    """Where a frame goes when its content is edited: released frames lose their approval and are reviewed again."""
    if current in FROZEN:
        raise TransitionRefused(StoriesText.PUBLISHED_FINAL)
    if current in RELEASED:
        return S.SUBMITTED
    return None


def plan_edit(frame_id: int, current: FrameState, *, actor: str, facts: ApprovalFacts) -> Transition | None:
    """The move an edit of a frame's content causes (``facts`` as they are after the edit), or None.

    A published frame cannot be edited at all; a released one loses its approval.
    """
    target = edit_target(current)
    if target is None:
        return None
    if not facts.has_file:
        target = S.CHANGES_REQUESTED
    return plan_transition(frame_id, current, target, actor=actor, facts=facts,
                           comment=note(AuditNote.EDITED_AFTER_APPROVAL))


def state_name(state: FrameState) -> Text:
    """A state as words for a person, in the language in force when shown."""
    return Text(FrameStateName.of(state.value))
