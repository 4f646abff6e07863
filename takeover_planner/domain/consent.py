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


class GivenBy(enum.StrEnum):
    SELF = "self"
    GUARDIAN = "guardian"  # for minors


class Channel(enum.StrEnum):
    INSTAGRAM = "instagram"
    FACEBOOK = "facebook"


@dataclass(frozen=True)
class Problem:
    """Why something may not go ahead, in both UI languages (``code`` is stable, for tests and JSON)."""

    code: str
    en: str
    nb: str

    def text(self, language: str = "en") -> str:
        return self.nb if language.startswith("nb") or language.startswith("no") else self.en


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
        raise ValidationError(f"Consent 'given by' must be self or guardian, not '{text}'.") from None


def parse_scope(values: Iterable[str]) -> list[str]:
    """Normalise a scope list: known channels only, each once, in a stable order."""
    seen: set[Channel] = set()
    for value in values:
        try:
            seen.add(Channel(str(value).strip().lower()))
        except ValueError:
            names = ", ".join(c.value for c in Channel)
            raise ValidationError(f"Unknown consent scope '{value}'. Choose from: {names}.") from None
    if not seen:
        raise ValidationError("A consent record needs a scope (instagram and/or facebook).")
    return [c.value for c in Channel if c in seen]


def record_problems(consent: ConsentFacts, planned_day: dt.date | None) -> list[Problem]:
    """What makes one consent record unusable for an Instagram story on ``planned_day``."""
    who = consent.subject or f"#{consent.id}"
    problems: list[Problem] = []
    if not consent.subject.strip():
        problems.append(Problem("consent_no_subject", f"Consent #{consent.id} does not say who it covers.",
                                f"Samtykke #{consent.id} sier ikke hvem det gjelder."))
    if not consent.reference.strip():
        problems.append(Problem("consent_no_reference",
                                f"The consent for {who} has no reference to a consent form.",
                                f"Samtykket for {who} mangler referanse til samtykkeerklæring."))
    if consent.given_by not in (GivenBy.SELF.value, GivenBy.GUARDIAN.value):
        problems.append(Problem("consent_given_by",
                                f"The consent for {who} does not say whether the person or a guardian gave it.",
                                f"Samtykket for {who} sier ikke om personen selv eller en foresatt ga det."))
    if Channel.INSTAGRAM.value not in consent.scope:
        problems.append(Problem("consent_scope", f"The consent for {who} does not cover Instagram.",
                                f"Samtykket for {who} gjelder ikke Instagram."))
    if consent.withdrawn:
        problems.append(Problem("consent_withdrawn", f"The consent for {who} has been withdrawn.",
                                f"Samtykket for {who} er trukket tilbake."))
    if consent.valid_until is not None:
        if planned_day is None:
            problems.append(Problem(
                "consent_no_date",
                f"The consent for {who} runs out on {consent.valid_until.isoformat()}; "
                "give the frame a planned date so that can be checked.",
                f"Samtykket for {who} utløper {consent.valid_until.isoformat()}; "
                "gi storybildet en planlagt dato så det kan sjekkes.",
            ))
        elif consent.valid_until < planned_day:
            problems.append(Problem(
                "consent_expired",
                f"The consent for {who} runs out on {consent.valid_until.isoformat()}, "
                f"before the planned day {planned_day.isoformat()}.",
                f"Samtykket for {who} utløper {consent.valid_until.isoformat()}, "
                f"før planlagt dag {planned_day.isoformat()}.",
            ))
    return problems


def consent_problems(
    shows_people: bool, consents: Sequence[ConsentFacts], planned_day: dt.date | None
) -> list[Problem]:
    """Empty when consent is complete for a frame; otherwise every reason it is not."""
    if not shows_people:
        return []
    if not consents:
        return [Problem("consent_missing", "The frame shows people but has no consent record.",
                        "Storybildet viser personer, men har ingen samtykkeerklæring.")]
    problems: list[Problem] = []
    for consent in consents:
        problems.extend(record_problems(consent, planned_day))
    return problems


def consent_complete(shows_people: bool, consents: Sequence[ConsentFacts], planned_day: dt.date | None) -> bool:
    return not consent_problems(shows_people, consents, planned_day)
