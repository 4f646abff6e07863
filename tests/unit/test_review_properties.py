"""Random sequences of review actions against the state machine; the invariants must hold after every step.

The model below applies actions exactly the way ``services.stories`` does (plan with the domain, then apply
and write an audit event), but in memory, so hypothesis can try thousands of sequences quickly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from takeover_planner.domain.consent import ConsentFacts
from takeover_planner.domain.review import (
    ALLOWED,
    RELEASED,
    ApprovalFacts,
    FrameSnapshot,
    FrameState,
    Transition,
    gates_hold,
    plan_edit,
    plan_reopen,
    plan_transition,
)
from takeover_planner.domain.timekeeping import OSLO
from takeover_planner.errors import TransitionRefused
from takeover_planner.texts.render import Bilingual

S = FrameState
BASE = dt.datetime(2027, 6, 1, 9, 0, tzinfo=OSLO)
ACTORS = st.sampled_from(["Kari", "Ola Nordmann", "", "  ", "publisher"])
COMMENTS = st.sampled_from(["", "Bytt bilde", "Teksten er for lang"])
FILE_ERRORS = st.sampled_from([None, (), (Bilingual("JPEG only", "Bare JPEG"),),
                                (Bilingual("too big", "for stor"), Bilingual("wrong codec", "feil koding"))])


@dataclass
class Frame:
    id: int
    state: FrameState = S.DRAFT
    has_file: bool = True
    file_errors: tuple[Bilingual, ...] | None = ()
    shows_people: bool = False
    consent_ids: set[int] = field(default_factory=set)
    planned_at: dt.datetime | None = BASE


class ReviewMachine(RuleBasedStateMachine):
    @initialize(n_frames=st.integers(1, 4), n_consents=st.integers(1, 3), people=st.lists(st.booleans(), min_size=4))
    def setup(self, n_frames: int, n_consents: int, people: list[bool]) -> None:
        # Frames that show people start linked to consent 1, so that withdrawals hit approved frames often.
        self.frames = {i: Frame(i, shows_people=people[i - 1], consent_ids={1} if people[i - 1] else set())
                       for i in range(1, n_frames + 1)}
        self.consents = {
            i: ConsentFacts(i, f"Person {i}", f"ref-{i}", "self", frozenset({"instagram"}), None, None)
            for i in range(1, n_consents + 1)
        }
        self.audit: list[Transition] = []
        self.published_count: dict[int, int] = {}
        self.listed_for_removal: set[int] = set()

    # --- helpers: the same apply-and-audit step the service performs --------------------------------

    def facts(self, frame: Frame) -> ApprovalFacts:
        return ApprovalFacts(frame.has_file, frame.file_errors, frame.shows_people,
                             tuple(self.consents[c] for c in sorted(frame.consent_ids)), frame.planned_at)

    def apply(self, move: Transition) -> None:
        frame = self.frames[move.frame_id]
        assert frame.state == move.from_state
        frame.state = move.to_state
        self.audit.append(move)
        if move.to_state == S.PUBLISHED:
            self.published_count[frame.id] = self.published_count.get(frame.id, 0) + 1

    def pick(self, data: st.DataObject) -> Frame:
        return self.frames[data.draw(st.sampled_from(sorted(self.frames)))]

    def edit(self, frame: Frame, actor: str, change: dict[str, object]) -> None:
        """Edit content: refused for published frames; released frames lose their approval."""
        candidate = replace(frame, **change)  # type: ignore[arg-type]
        try:
            move = plan_edit(frame.id, frame.state, actor=actor, facts=self.facts(candidate))
        except TransitionRefused:
            return  # nothing changes: neither the content nor the state
        for key, value in change.items():
            setattr(frame, key, value)
        if move is not None:
            self.apply(move)

    def reopen(self, frame_ids: set[int], actor: str) -> None:
        snaps = [FrameSnapshot(f.id, f.state, self.facts(f)) for f in self.frames.values() if f.id in frame_ids]
        try:
            moves, removal = plan_reopen(snaps, actor=actor or "system", comment="Consent changed")
        except TransitionRefused:
            raise AssertionError("reopening must always be possible") from None
        for move in moves:
            self.apply(move)
        self.listed_for_removal.update(removal)

    # --- rules ---------------------------------------------------------------------------------------

    @rule(data=st.data(), to_state=st.sampled_from(list(FrameState)), actor=ACTORS, comment=COMMENTS)
    def any_move(self, data: st.DataObject, to_state: FrameState, actor: str, comment: str) -> None:
        self.attempt(self.pick(data), to_state, actor, comment)

    @rule(data=st.data(), actor=st.sampled_from(["Kari", "Ola Nordmann"]), comment=COMMENTS)
    def legal_move(self, data: st.DataObject, actor: str, comment: str) -> None:
        # Mostly moves the table allows, so that sequences reach approved, scheduled and published often.
        frame = self.pick(data)
        targets = sorted(ALLOWED[frame.state] - {S.WITHDRAWN}) or sorted(ALLOWED[frame.state])
        if targets:
            self.attempt(frame, data.draw(st.sampled_from(targets)), actor, comment or "Se kommentar")

    # The same rule under more names: hypothesis picks rules evenly, and review moves should dominate.
    legal_move_again = legal_move
    legal_move_more = legal_move

    def attempt(self, frame: Frame, to_state: FrameState, actor: str, comment: str) -> None:
        before = frame.state
        try:
            move = plan_transition(frame.id, frame.state, to_state, actor=actor, comment=comment,
                                   facts=self.facts(frame))
        except TransitionRefused:
            assert frame.state == before
            return
        self.apply(move)

    @rule(data=st.data(), errors=FILE_ERRORS, has_file=st.booleans(), actor=st.sampled_from(["Kari", "Ola"]))
    def replace_file(self, data: st.DataObject, errors: tuple[Bilingual, ...] | None, has_file: bool, actor: str) -> None:
        self.edit(self.pick(data), actor, {"file_errors": errors, "has_file": has_file})

    @rule(data=st.data(), shows=st.booleans(), links=st.sets(st.integers(1, 3)))
    def change_people(self, data: st.DataObject, shows: bool, links: set[int]) -> None:
        self.edit(self.pick(data), "Kari", {"shows_people": shows,
                                            "consent_ids": {c for c in links if c in self.consents}})

    @rule(data=st.data(), days=st.one_of(st.none(), st.integers(-3, 40)))
    def move_time(self, data: st.DataObject, days: int | None) -> None:
        planned = None if days is None else BASE + dt.timedelta(days=days)
        self.edit(self.pick(data), "Kari", {"planned_at": planned})

    @rule(data=st.data())
    def withdraw_consent(self, data: st.DataObject) -> None:
        # Prefer consents behind released or published frames: that is where withdrawal matters.
        hot = sorted({c for f in self.frames.values() if f.state in RELEASED | {S.PUBLISHED} for c in f.consent_ids})
        cid = data.draw(st.sampled_from(hot or sorted(self.consents)))
        self.consents[cid] = replace(self.consents[cid], withdrawn_at=BASE)
        self.reopen({f.id for f in self.frames.values() if cid in f.consent_ids}, "Kari")

    @rule(data=st.data())
    def add_consent(self, data: st.DataObject) -> None:
        cid = max(self.consents) + 1
        self.consents[cid] = ConsentFacts(cid, f"Person {cid}", f"ref-{cid}", "guardian",
                                          frozenset({"instagram"}), BASE.date(), None)
        frame = self.pick(data)
        self.edit(frame, "Kari", {"shows_people": True, "consent_ids": {cid}})

    @rule(data=st.data(), days=st.integers(-5, 40), scope=st.sampled_from([("instagram",), ("facebook",)]))
    def change_consent(self, data: st.DataObject, days: int, scope: tuple[str, ...]) -> None:
        cid = data.draw(st.sampled_from(sorted(self.consents)))
        self.consents[cid] = replace(self.consents[cid], valid_until=BASE.date() + dt.timedelta(days=days),
                                     scope=frozenset(scope))
        self.reopen({f.id for f in self.frames.values() if cid in f.consent_ids}, "Kari")

    # --- invariants ----------------------------------------------------------------------------------

    @invariant()
    def nothing_released_without_consent_and_a_clean_file(self) -> None:
        for frame in self.frames.values():
            if frame.state in RELEASED:
                assert gates_hold(self.facts(frame)), (frame, self.facts(frame))

    @invariant()
    def nothing_published_twice(self) -> None:
        assert all(count <= 1 for count in self.published_count.values())

    @invariant()
    def every_state_change_has_a_legal_audit_event(self) -> None:
        replayed = {i: S.DRAFT for i in self.frames}
        for event in self.audit:
            assert event.to_state in ALLOWED[event.from_state]
            assert replayed[event.frame_id] == event.from_state
            assert event.actor.strip()
            replayed[event.frame_id] = event.to_state
        assert replayed == {i: f.state for i, f in self.frames.items()}

    @invariant()
    def only_published_frames_are_listed_for_removal(self) -> None:
        assert all(self.frames[i].state == S.PUBLISHED for i in self.listed_for_removal)


ReviewMachine.TestCase.settings = settings(max_examples=150, stateful_step_count=40, deadline=None)
TestReviewMachine = ReviewMachine.TestCase
