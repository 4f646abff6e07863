"""Consent rules: when a frame that shows people is covered."""

from __future__ import annotations

import datetime as dt

import pytest

from takeover_planner.domain.consent import (
    ConsentFacts,
    GivenBy,
    consent_problems,
    parse_given_by,
    parse_scope,
)
from takeover_planner.errors import ValidationError
from takeover_planner.texts.stories import StoriesText

DAY = dt.date(2027, 5, 10)


def record(**changes: object) -> ConsentFacts:
    values: dict[str, object] = {"id": 4, "subject": "Ola (12)", "reference": "form-77", "given_by": "guardian",
                                 "scope": frozenset({"instagram"}), "valid_until": None, "withdrawn_at": None}
    values.update(changes)
    return ConsentFacts(**values)  # type: ignore[arg-type]


def test_no_people_needs_no_consent():
    assert not consent_problems(False, [], DAY)
    assert consent_problems(False, [record(withdrawn_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC))], DAY) == []


def test_people_need_at_least_one_record():
    assert [p.code for p in consent_problems(True, [], DAY)] == ["consent_missing"]
    assert not consent_problems(True, [record()], DAY)
    assert not consent_problems(True, [record()], None)  # no expiry: no date needed


def test_every_linked_record_must_be_usable():
    good, withdrawn = record(), record(id=5, withdrawn_at=dt.datetime(2027, 5, 1, tzinfo=dt.UTC))
    problems = consent_problems(True, [good, withdrawn], DAY)
    assert [p.code for p in problems] == ["consent_withdrawn"]
    assert problems[0].message.params["who"] == "Ola (12)"
    assert problems[0].text("nb") == "Samtykket for Ola (12) er trukket tilbake."


def test_expiry_is_checked_against_the_planned_day():
    assert not consent_problems(True, [record(valid_until=DAY)], DAY)
    assert [p.code for p in consent_problems(True, [record(valid_until=DAY - dt.timedelta(days=1))], DAY)] == [
        "consent_expired"
    ]
    assert [p.code for p in consent_problems(True, [record(valid_until=DAY)], None)] == ["consent_no_date"]


def test_several_problems_are_all_reported():
    bad = record(subject="", reference="", given_by="?", scope=frozenset({"facebook"}))
    codes = {p.code for p in consent_problems(True, [bad], DAY)}
    assert codes == {"consent_no_subject", "consent_no_reference", "consent_given_by", "consent_scope"}


def test_parsers():
    assert parse_given_by(" Guardian ") == GivenBy.GUARDIAN
    with pytest.raises(ValidationError) as refused:
        parse_given_by("teacher")
    assert refused.value.code == StoriesText.BAD_GIVEN_BY and refused.value.params["value"] == "teacher"
    assert parse_scope(["Facebook", "instagram", "instagram"]) == ["instagram", "facebook"]
    with pytest.raises(ValidationError) as refused:
        parse_scope(["tiktok"])
    assert refused.value.code == StoriesText.UNKNOWN_SCOPE and refused.value.params["value"] == "tiktok"
    with pytest.raises(ValidationError) as refused:
        parse_scope([])
    assert refused.value.code == StoriesText.NO_SCOPE
