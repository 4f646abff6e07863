"""Meta's codes sorted as Meta's Instagram Platform error-code reference says (see docs/publishing.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from takeover_planner.instagram import versions
from takeover_planner.instagram.errors import (
    NEEDS_A_PERSON,
    STOPS_ACCOUNT,
    Family,
    classify,
    classify_container_status,
    parse_status_codes,
)
from takeover_planner.instagram.graph_client import is_meta_host


@pytest.mark.parametrize(
    ("code", "subcode", "family"),
    [
        (4, 2207051, Family.SPAM),  # suspected spam: a person appeals; not throttling
        (4, None, Family.THROTTLED),
        (25, 2207050, Family.RESTRICTED),  # restricted account: a person logs in to Instagram
        (25, None, Family.RESTRICTED),
        (-1, 2207053, Family.TRANSIENT),  # unknown upload error: new container, retry
        (24, 2207008, Family.TRANSIENT),  # retry once or twice, then a new container
        (9, 2207042, Family.THROTTLED),  # publishing quota used up
        (190, 463, Family.TOKEN),
    ],
)
def test_codes_fall_in_their_documented_family(code: int, subcode: int | None, family: Family) -> None:
    assert classify(code, subcode).family is family


def test_what_each_family_asks_of_the_publisher() -> None:
    assert classify(-1, 2207053).new_container and not classify(-1, 2207053).new_container_after_retries
    assert classify(24, 2207008).new_container_after_retries
    assert {Family.SPAM, Family.RESTRICTED, Family.TOKEN, Family.PERMISSION} == STOPS_ACCOUNT
    assert {Family.SPAM, Family.RESTRICTED} == NEEDS_A_PERSON


@pytest.mark.parametrize(
    ("text", "codes", "family"),
    [
        ("Error: Media upload has failed with error code 2207026", (None, 2207026), Family.MEDIA),
        ("Error: code: -1, subcode: 2207053 unknown upload error", (-1, 2207053), Family.TRANSIENT),
        ("Error code 9, subcode 2207042", (9, 2207042), Family.THROTTLED),
        ("Error: code=25 error_subcode=2207050", (25, 2207050), Family.RESTRICTED),
        ("Error: something went wrong", (None, None), Family.MEDIA),
    ],
)
def test_code_and_subcode_are_read_from_the_container_status_text(
        text: str, codes: tuple[int | None, int | None], family: Family) -> None:
    assert parse_status_codes(text) == codes
    assert classify_container_status(text).family is family


def test_meta_hosts_are_recognised() -> None:
    assert is_meta_host("https://graph.instagram.com") and is_meta_host("https://graph.facebook.com/")
    assert is_meta_host("https://rupload.facebook.com/ig-api-upload")
    assert not is_meta_host("http://127.0.0.1:8080") and not is_meta_host("https://notfacebook.com")


def test_the_graph_version_is_a_setting_and_its_end_of_life_is_warned_a_month_ahead() -> None:
    assert versions.version_for("v26.0", "https://graph.instagram.com", "v25.0") == "v26.0"
    assert versions.version_for("v26.0", "http://127.0.0.1:9", "v25.0") == "v25.0", "a test server keeps its own"
    ends = versions.END_OF_LIFE["v25.0"]
    assert versions.version_notice("v25.0", ends - dt.timedelta(days=40)) is None
    ending = versions.version_notice("v25.0", ends - dt.timedelta(days=20))
    assert ending is not None and ending.code.key == "instagram.version_ending" and ending.params["day"] == ends
    ended = versions.version_notice("v25.0", ends)
    assert ended is not None and ended.code.key == "instagram.version_ended"
    assert versions.version_notice(versions.DEFAULT_VERSION, dt.date(2027, 1, 1)) is None
