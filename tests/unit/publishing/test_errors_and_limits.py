"""Error families, rate-limit headers, quota answers, backoff: the pure decisions of the publisher."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from takeover_planner.instagram.errors import (
    Family,
    GraphError,
    classify,
    classify_container_status,
    parse_error_body,
)
from takeover_planner.instagram.graph_client import Usage
from takeover_planner.publishing.api_publisher import Policy, _parse_meta_time, parse_quota
from takeover_planner.texts.instagram import InstagramText


@pytest.mark.parametrize(
    ("code", "subcode", "status", "family"),
    [
        (1, None, 500, Family.TRANSIENT),
        (2, None, 503, Family.TRANSIENT),
        (-1, 2207001, 400, Family.TRANSIENT),
        (-2, 2207003, 400, Family.TRANSIENT),
        (24, 2207008, 400, Family.TRANSIENT),
        (9007, 2207027, 400, Family.NOT_READY),
        (4, None, 400, Family.THROTTLED),
        (17, None, 400, Family.THROTTLED),
        (32, None, 400, Family.THROTTLED),
        (613, None, 400, Family.THROTTLED),
        (341, None, 400, Family.THROTTLED),
        (80002, None, 400, Family.THROTTLED),
        (None, None, 429, Family.THROTTLED),
        (9, 2207042, 400, Family.THROTTLED),
        (190, 463, 401, Family.TOKEN),
        (190, 467, 401, Family.TOKEN),
        (190, 460, 401, Family.TOKEN),
        (10, None, 403, Family.PERMISSION),
        (200, None, 403, Family.PERMISSION),
        (299, None, 403, Family.PERMISSION),
        (36000, 2207004, 400, Family.MEDIA),
        (36001, 2207005, 400, Family.MEDIA),
        (352, 2207026, 400, Family.MEDIA),
        (9004, 2207052, 400, Family.MEDIA),
        (-2, 2207020, 400, Family.EXPIRED),
        (None, None, 502, Family.TRANSIENT),
        (100, 33, 400, Family.UNKNOWN),
    ],
)
def test_meta_codes_fall_into_the_documented_families(code: int | None, subcode: int | None, status: int,
                                                      family: Family) -> None:
    found = classify(code, subcode, status)
    assert found.family == family
    assert found.reason.code.key.startswith("instagram.") and found.reason.in_language("nb")
    if family in (Family.MEDIA, Family.TOKEN, Family.PERMISSION, Family.UNKNOWN):
        assert found.advice, "a person must be told what to do"


def test_special_cases_carry_their_retry_rules() -> None:
    assert classify(9004, 2207052).retry_limit > 0, "Meta's own fetch outages are retried a few times"
    assert classify(24, 2207008).new_container_after_retries
    assert classify(9, 2207042).quota and not classify(4).quota
    assert classify(190, 463).reason.code == InstagramText.TOKEN_EXPIRED
    assert classify(190, 460).reason.code == InstagramText.TOKEN_PASSWORD_CHANGED
    assert classify(None, None, 400, is_transient=True).family == Family.TRANSIENT


def test_container_error_statuses_are_read_for_their_subcode() -> None:
    assert classify_container_status("Error: Media upload has failed with error code 2207026").family == Family.MEDIA
    assert classify_container_status("ERROR 2207001 try again").family == Family.TRANSIENT
    unknown = classify_container_status("something odd")
    assert unknown.family == Family.MEDIA and unknown.advice


def test_error_bodies_are_read_defensively() -> None:
    body = parse_error_body({"error": {"message": "x" * 2000, "type": "OAuthException", "code": "190",
                                       "error_subcode": 463, "fbtrace_id": "A1", "is_transient": False}})
    assert body is not None and body.code == 190 and body.subcode == 463 and len(body.message) == 500
    assert body.is_transient is False
    assert parse_error_body({"error": "string"}) is None
    assert parse_error_body(["not", "a", "dict"]) is None
    weird = parse_error_body({"error": {"code": True, "error_subcode": "12abc", "message": 5}})
    assert weird is not None and weird.code is None and weird.subcode is None and weird.message == ""


def test_usage_headers_give_the_highest_percentage_and_the_wait() -> None:
    headers = {
        "X-App-Usage": json.dumps({"call_count": 12, "total_time": 40, "total_cputime": 3}),
        "x-business-use-case-usage": json.dumps({"1784": [{"type": "instagram", "call_count": 96,
                                                           "estimated_time_to_regain_access": 7}]}),
    }
    usage = Usage.from_headers(headers)
    assert usage.percent == 96 and usage.regain_after_s == 7 * 60
    assert Usage.from_headers({"Retry-After": "120"}).regain_after_s == 120
    for hostile in ("not json", "[1,2]", '{"call_count": "NaN"}', '{"x": [1, "a"]}', '{"call_count": -5}'):
        assert Usage.from_headers({"X-App-Usage": hostile}).percent == 0
    assert Usage.from_headers({}) == Usage()


def test_quota_answers_are_parsed_and_odd_ones_ignored() -> None:
    assert parse_quota({"data": [{"quota_usage": 2, "config": {"quota_total": 50, "quota_duration": 86400}}]}) \
        == (2, 50)
    assert parse_quota({"data": [{"quota_usage": 3}]}) == (3, None)
    assert parse_quota({"data": []}) == (None, None)
    assert parse_quota("nonsense") == (None, None)
    assert parse_quota({"data": [{"quota_usage": True, "config": {"quota_total": -1}}]}) == (None, None)


def test_meta_timestamps() -> None:
    assert _parse_meta_time("2025-05-06T08:00:00+0000") == dt.datetime(2025, 5, 6, 8, tzinfo=dt.UTC)
    assert _parse_meta_time("2025-05-06T08:00:00") is None, "a time without a zone is not trusted"
    assert _parse_meta_time(12) is None


def test_backoff_grows_exponentially_with_jitter_and_a_cap() -> None:
    policy = Policy(backoff_base=dt.timedelta(seconds=30), backoff_cap=dt.timedelta(minutes=10),
                    rng=random.Random(7))
    for attempt, full in [(1, 30), (2, 60), (3, 120), (4, 240), (5, 480), (6, 600), (9, 600)]:
        waits = {policy.backoff(attempt).total_seconds() for _ in range(20)}
        assert all(full * 0.5 <= w <= full for w in waits)
        assert len(waits) > 1, "jitter spreads retries out"


def test_instagram_errors_read_in_bokmaal_with_metas_code() -> None:
    body = parse_error_body({"error": {"message": "Error validating access token", "code": 190, "error_subcode": 463}})
    error = GraphError(classify(190, 463, 401), http_status=401, body=body)
    assert error.code == InstagramText.GRAPH_ERROR and error.details == {
        "family": "token", "http_status": 401, "meta_code": 190, "meta_subcode": 463}
    # The one rendered check: the reason is Norwegian and Meta's code stays beside it.
    assert error.message_in("nb") == "Instagram sier at tilgangstokenet til denne kontoen er utløpt. (Instagram-feil 190/463)"
    without_body = GraphError(classify(None, None, 503), http_status=503, body=None)
    assert without_body.code == InstagramText.GRAPH_HTTP_ERROR and without_body.params["http_status"] == 503


def test_every_classification_has_both_languages() -> None:
    found = [classify(code, sub) for code, sub in ((1, None), (9, None), (190, 458), (10, None), (4, None),
                                                     (None, 2207004), (None, 2207052), (100, 33))]
    found.append(classify_container_status("odd"))
    for item in found:
        for text in (item.reason, item.advice):
            if text is not None:
                assert text.in_language("nb") != text.in_language("en")
