"""`insights collect | report | show` and `goal set | list` end to end (in-process, against the fake API)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from takeover_planner.cli import main
from takeover_planner.domain.timekeeping import today_oslo
from takeover_planner.services.context import AppContext
from tests.fakes.keyrings import MemoryKeyring, choose_keyring
from tests.fakes.publish_world import World
from tests.storage.insights_support import fake, insights_world, publish


@pytest.fixture
def world(ctx: AppContext, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    choose_keyring(request, monkeypatch, MemoryKeyring())
    with insights_world(ctx) as w:
        yield w


def _run(world: World, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--home", str(world.ctx.paths.data_dir.parent), "--db", world.ctx.db.url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat()


def test_collect_reads_what_is_due_and_says_what_comes_next(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    (story,) = publish(world, 1)
    moment = story.at + dt.timedelta(hours=1, minutes=2)
    fake(world).now = moment.timestamp()
    code, out, err = _run(world, capsys, "insights", "collect", "--now", _iso(moment), "--json")
    assert code == 0, err
    data = json.loads(out)
    (account,) = data["accounts"]
    assert account["stories_read"] == 1 and account["followers"] == 1000 and account["problem"] == ""
    assert data["next_due_at"] is not None
    code, out, err = _run(world, capsys, "insights", "collect", "--now", _iso(moment + dt.timedelta(minutes=5)))
    assert code == 0 and "Next read due" in out
    assert fake(world).token not in out + err


def test_collect_exits_1_and_explains_an_expired_token(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    (story,) = publish(world, 1)
    fake(world).expire_token()
    moment = story.at + dt.timedelta(hours=3)
    code, out, err = _run(world, capsys, "insights", "collect", "--now", _iso(moment))
    assert code == 1
    assert "Problem:" in out and "What to do:" in out and "set-token" in out


def test_report_writes_pdf_or_csv_by_extension_and_refuses_other_names(
        world: World, capsys: pytest.CaptureFixture[str], tmp_path: Path, qapp: object) -> None:
    (story,) = publish(world, 1)
    moment = story.at + dt.timedelta(hours=6, minutes=1)
    fake(world).now = moment.timestamp()
    assert _run(world, capsys, "insights", "collect", "--now", _iso(moment))[0] == 0
    code, out, err = _run(world, capsys, "insights", "report", "--slot", str(world.slot_id), "--out",
                          str(tmp_path / "r.csv"), "--language", "nb")
    assert code == 0, err
    text = (tmp_path / "r.csv").read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") and b"Rekkevidde" in text
    code, out, err = _run(world, capsys, "insights", "report", "--slot", str(world.slot_id), "--out",
                          str(tmp_path / "r.pdf"), "--json")
    assert code == 0, err
    assert json.loads(out)["pages"] >= 2 and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    code, out, err = _run(world, capsys, "insights", "report", "--slot", str(world.slot_id), "--out",
                          str(tmp_path / "r.xlsx"))
    assert code == 2 and ".pdf or .csv" in err and not (tmp_path / "r.xlsx").exists()
    code, out, err = _run(world, capsys, "insights", "report", "--slot", "9999", "--out", str(tmp_path / "x.csv"))
    assert code == 5 and "No slot #9999" in err
    code, out, err = _run(world, capsys, "insights", "show", "--slot", str(world.slot_id), "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["frames"][0]["reach"] == fake(world).last_served(story.media_id)["reach"]
    # Published on the run's clock (--now) in the past: by the real clock its 24 hours are over.
    assert shown["frames"][0]["insights"] == "partial"


def test_goals_are_set_listed_replaced_and_refused_when_already_met(
        world: World, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(world, capsys, "goal", "list")
    assert code == 0 and "No follower goals yet" in out
    moment = dt.datetime.now(dt.UTC)
    fake(world).now = moment.timestamp()
    _run(world, capsys, "insights", "collect", "--now", _iso(moment))  # 1000 followers
    due = (today_oslo() + dt.timedelta(days=90)).isoformat()
    code, out, err = _run(world, capsys, "goal", "set", "Oslo kommune", "--target", "1500", "--by", due)
    assert code == 0, err
    assert "1,500 followers by" in out and "not enough follower readings" in out
    code, out, err = _run(world, capsys, "goal", "set", "Oslo kommune", "--target", "900", "--by", due, "--json")
    refusal = json.loads(err or out)
    assert code == 2 and refusal["code"] == "insights.target_met" and refusal["params"]["followers"] == 1000
    code, out, err = _run(world, capsys, "goal", "set", "Oslo kommune", "--target", "2000", "--by", "2001-01-01",
                          "--json")
    assert code == 2 and json.loads(err or out)["code"] == "insights.goal_date_passed"
    _run(world, capsys, "goal", "set", "Oslo kommune", "--target", "1800", "--by", due)
    code, out, err = _run(world, capsys, "goal", "list", "--all", "--json")
    goals = json.loads(out)
    assert [(g["target"], g["replaced"]) for g in goals] == [(1800, False), (1500, True)]
    code, out, err = _run(world, capsys, "goal", "list", "Oslo kommune")
    assert out.count("followers by") == 1
