"""The package format's JSON Schema: every failure becomes one coded refusal naming its field."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from takeover_planner.intake.errors import PackageRefused, Reason
from takeover_planner.intake.manifest import parse_submission
from takeover_planner.intake.schema import schema_file
from takeover_planner.texts.intake import IntakeText as T

SHA = "a" * 64
GOOD: dict[str, Any] = {
    "format": "takeover-planner-submission", "format_version": 1, "submission_uid": "b" * 32,
    "created_at": "2027-02-01T10:00:00+00:00", "app_version": "0.1.0", "brief_uid": "c" * 32, "slot_id": 12,
    "department": "Biblioteket", "contributor": {"name": "Ola", "email": "ola@example.org"}, "message": "",
    "consents": [{"key": "class7b", "subject": "Class 7B", "reference": "SK-1", "given_by": "guardian",
                  "scope": ["instagram"], "valid_until": None}],
    "frames": [{"file": "media/01-a.jpg", "fixed_file": None, "fix_recipe": None, "planned_date": "2027-03-01",
                "planned_time": "09:30", "text": "Hei", "notes": "", "sticker": None, "credit": "",
                "shows_people": True, "consents": ["class7b"]}],
    "files": {"media/01-a.jpg": {"sha256": SHA, "size": 10}},
}


def _spoiled(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    data = copy.deepcopy(GOOD)
    change(data)
    return data


CASES: dict[str, tuple[Callable[[dict[str, Any]], object], T, dict[str, Any]]] = {
    "missing": (lambda d: d.pop("message"), T.FIELD_MISSING, {"field": "message"}),
    "unknown": (lambda d: d["frames"][0].update(run="x"), T.UNKNOWN_FIELD, {"field": "frames[0].run"}),
    "not_text": (lambda d: d.update(department=3), T.NOT_TEXT, {"field": "department"}),
    "too_long": (lambda d: d.update(department="x" * 201), T.TEXT_LENGTH, {"low": 1, "high": 200}),
    "bad_uid": (lambda d: d.update(brief_uid="z" * 32), T.UNEXPECTED_FORM, {"field": "brief_uid"}),
    "not_int": (lambda d: d.update(slot_id="12"), T.NOT_WHOLE_NUMBER, {"field": "slot_id", "low": 1}),
    "no_frames": (lambda d: d.update(frames=[]), T.LIST_LENGTH, {"field": "frames", "low": 1, "high": 100}),
    "bad_date": (lambda d: d["frames"][0].update(planned_date="1.3.2027"), T.NOT_DATE,
                 {"field": "frames[0].planned_date"}),
    "no_such_day": (lambda d: d["frames"][0].update(planned_date="2027-02-30"), T.NOT_DATE,
                    {"field": "frames[0].planned_date"}),
    "bad_moment": (lambda d: d.update(created_at="2027-02-01T10:00:00"), T.NOT_MOMENT, {"field": "created_at"}),
    "given_by": (lambda d: d["consents"][0].update(given_by="teacher"), T.NOT_GIVEN_BY,
                 {"field": "consents[0].given_by"}),
    "scope": (lambda d: d["consents"][0].update(scope=["tiktok"]), T.BAD_SCOPE,
              {"choices": "facebook, instagram"}),
    "sticker": (lambda d: d["frames"][0].update(sticker={"kind": "gif", "value": "x"}), T.NOT_ONE_OF,
                {"field": "frames[0].sticker.kind", "choices": "link, mention, poll"}),
    "file_name": (lambda d: d["files"].update({"../x": {"sha256": SHA, "size": 1}}), T.BAD_FILE_NAME,
                  {"field": "files['../x']"}),
    "manifest_name": (lambda d: d["files"].update({"manifest.json": {"sha256": SHA, "size": 1}}),
                      T.BAD_FILE_NAME, {"field": "files['manifest.json']"}),
    "recipe_value": (lambda d: d["frames"][0].update(fix_recipe={"mode": [1]}), T.NOT_SCALAR,
                     {"field": "frames[0].fix_recipe.mode"}),
    "consent_twice": (lambda d: d["frames"][0].update(consents=["class7b", "class7b"]), T.NAMED_TWICE,
                      {"field": "frames[0].consents", "value": "class7b"}),
    "time_no_date": (lambda d: d["frames"][0].update(planned_date=None), T.TIME_WITHOUT_DATE,
                     {"field": "frames[0].planned_time"}),
    "unknown_consent": (lambda d: d["frames"][0].update(consents=["other"]), T.UNKNOWN_CONSENT,
                        {"value": "other"}),
    "root": (lambda d: None, T.ROOT_NOT_OBJECT, {}),
}


def test_a_good_manifest_reads() -> None:
    manifest = parse_submission(copy.deepcopy(GOOD))
    assert manifest.frames[0].planned_time is not None and manifest.consents[0].given_by == "guardian"


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_failure_is_one_coded_refusal(case: str) -> None:
    change, code, params = CASES[case]
    data: Any = [] if case == "root" else _spoiled(change)
    with pytest.raises(PackageRefused) as refused:
        parse_submission(data)
    assert refused.value.code == code and refused.value.reason == Reason.SCHEMA
    assert refused.value.details["reason"] == "schema"
    for name, value in params.items():
        assert refused.value.params[name] == value, (name, refused.value.params)
    if "field" in params:
        assert refused.value.details["field"] == params["field"]
    refused.value.message_in("nb")  # every parameter its templates need is there


def test_every_code_a_schema_names_exists() -> None:
    known = {code.key for code in T}
    for name in ("submission-1", "brief-1"):
        with open(schema_file(name), encoding="utf-8") as handle:
            text = json.dumps(json.load(handle))
        named = {part.split('"')[0] for part in text.split('"intake.')[1:]}
        assert {f"intake.{key}" for key in named} <= known
