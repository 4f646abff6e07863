"""Consent rules: when is a frame that shows identifiable people covered by consent?

A frame that shows people needs at least one consent record, and every record linked to it must be usable on
the day the frame goes out: it names who it covers and the form it refers to, it was given by the person or a
guardian, its scope includes Instagram, it is not withdrawn and it has not expired by the planned day.
Plain value types only; the services gather the facts from the database.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from takeover_planner.errors import ValidationError
from takeover_planner.texts import Text
from takeover_planner.texts.stories import StoriesText


class GivenBy(enum.StrEnum):
    SELF = "self"
    GUARDIAN = "guardian"  # for minors


class Channel(enum.StrEnum):
    INSTAGRAM = "instagram"
    FACEBOOK = "facebook"


@dataclass(frozen=True)
class Problem:
    """Why something may not go ahead: a message (rendered in either language when shown).

    ``code`` is the short stable name tests and ``--json`` use ("consent_missing"): the message's key without
    its area.
    """

    message: Text

    @classmethod
    def of(cls, code: StoriesText, **params: object) -> Problem:
        return cls(Text(code, params))

    @property
    def code(self) -> str:
        return self.message.code.key.partition(".")[2]

    def text(self, language: str | None = None) -> str:
        return self.message.in_language(language) if language else str(self.message)

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "en": self.text("en"), "nb": self.text("nb")}


@dataclass(frozen=True)
class ConsentFacts:
    id: int
    subject: str
    reference: str
    given_by: str
    scope: frozenset[str]
    valid_until: dt.date | None
    withdrawn_at: dt.datetime | None

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


def parse_given_by(text: str) -> GivenBy:
    try:
        return GivenBy(text.strip().lower())
    except ValueError:
        raise ValidationError(StoriesText.BAD_GIVEN_BY, value=text) from None


def parse_scope(values: Iterable[str]) -> list[str]:
    """Normalise a scope list: known channels only, each once, in a stable order."""
    seen: set[Channel] = set()
    for value in values:
        try:
            seen.add(Channel(str(value).strip().lower()))
        except ValueError:
            names = ", ".join(c.value for c in Channel)
            raise ValidationError(StoriesText.UNKNOWN_SCOPE, value=str(value), choices=names) from None
    if not seen:
        raise ValidationError(StoriesText.NO_SCOPE)
    return [c.value for c in Channel if c in seen]


def record_problems(consent: ConsentFacts, planned_day: dt.date | None) -> list[Problem]:
    """What makes one consent record unusable for an Instagram story on ``planned_day``."""
    who = consent.subject or f"#{consent.id}"
    problems: list[Problem] = []
    if not consent.subject.strip():
        problems.append(Problem.of(StoriesText.CONSENT_NO_SUBJECT, consent_id=consent.id))
    if not consent.reference.strip():
        problems.append(Problem.of(StoriesText.CONSENT_NO_REFERENCE, who=who))
    if consent.given_by not in (GivenBy.SELF.value, GivenBy.GUARDIAN.value):
        problems.append(Problem.of(StoriesText.CONSENT_GIVEN_BY, who=who))
    if Channel.INSTAGRAM.value not in consent.scope:
        problems.append(Problem.of(StoriesText.CONSENT_SCOPE, who=who))
    if consent.withdrawn:
        problems.append(Problem.of(StoriesText.CONSENT_WITHDRAWN, who=who))
    if consent.valid_until is not None:
        if planned_day is None:
            problems.append(Problem.of(StoriesText.CONSENT_NO_DATE, who=who, until=consent.valid_until))
        elif consent.valid_until < planned_day:
            problems.append(Problem.of(StoriesText.CONSENT_EXPIRED, who=who, until=consent.valid_until,
                                       day=planned_day))
    return problems


def consent_problems(
    shows_people: bool, consents: Sequence[ConsentFacts], planned_day: dt.date | None
) -> list[Problem]:
    """Empty when consent is complete for a frame; otherwise every reason it is not."""
    if not shows_people:
        return []
    if not consents:
        return [Problem.of(StoriesText.CONSENT_MISSING)]
    problems: list[Problem] = []
    for consent in consents:
        problems.extend(record_problems(consent, planned_day))
    return problems
