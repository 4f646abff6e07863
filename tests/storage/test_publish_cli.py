"""The publishing commands end to end (in-process): tokens from standard input, account check, hosting."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail

from takeover_planner.cli import main
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import Account
from tests.fakes.fake_graph import FakeInstagram, FakeWebDav
from tests.fakes.keyrings import MemoryKeyring, choose_keyring
from tests.fakes.publish_world import DAY, World, due_time, running_world


@pytest.fixture
def world(ctx: AppContext, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    choose_keyring(request, monkeypatch, MemoryKeyring())
    with running_world(ctx) as w:
        yield w


def _run(world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str,
         stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--home", str(world.ctx.paths.data_dir.parent), "--db", world.ctx.db.url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_set_token_reads_standard_input_and_never_prints_the_token(world: World, capsys: pytest.CaptureFixture[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    token = "IGAAfromstdin-" + "q" * 40
    code, out, err = _run(world, capsys, monkeypatch, "account", "set-token", "Oslo kommune", "--expires",
                          "2031-01-31", "--json", stdin=token + "\n")
    assert code == 0, err
    data = json.loads(out)
    assert data["expires_at"].startswith("2031-01-3") and data["secure_store"] is True
    assert token not in out + err
    assert token in MemoryKeyring.store.values()
    code, out, err = _run(world, capsys, monkeypatch, "account", "set-token", "Oslo kommune", stdin="  \n")
    assert code == 2 and "empty" in err


def test_account_check_shows_name_expiry_and_quota_and_learns_the_user_id(
        world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    world.fake.use_quota(3)
    world.fake.quota_total = 50
    code, out, err = _run(world, capsys, monkeypatch, "account", "check", "Oslo kommune")
    assert code == 0, err
    # A pasted Instagram Login token's real expiry is only learned at its first renewal, a day later.
    assert f"@{world.fake.username}" in out and "3 of 50 posts" in out and "no known expiry" in out
    code, out, _err = _run(world, capsys, monkeypatch, "account", "check", "Oslo kommune", "--json")
    data = json.loads(out)
    assert data["quota_usage"] == 3 and data["quota_total"] == 50 and data["ig_user_id"] == world.fake.ig_user_id


def test_account_check_refuses_a_token_of_another_account(world: World, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    world.fake.ig_user_id = "17841499999999999"
    code, _out, err = _run(world, capsys, monkeypatch, "account", "check", "Oslo kommune")
    assert code == 2 and "belongs to Instagram user 17841499999999999" in err


def test_account_check_with_a_dead_token_stops_the_queue_and_says_what_to_do(
        world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    world.fake.expire_token()
    code, out, err = _run(world, capsys, monkeypatch, "account", "check", "Oslo kommune")
    assert code == 1 and "expired" in err and world.fake.token not in out + err
    world.fake.tokens[world.fake.token] = "ok"
    code, out, _err = _run(world, capsys, monkeypatch, "account", "check", "Oslo kommune")
    assert code == 0 and "resumed" in out


def test_publish_due_reports_and_its_exit_code_says_whether_someone_must_act(
        world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    world.add_frame(minute=0)
    code, out, err = _run(world, capsys, monkeypatch, "publish-due", "--now", f"{DAY.isoformat()}T10:30", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["published"] == 1 and report["outcomes"][0]["media_id"]
    from tests.fakes.publish_world import png_bytes

    world.add_frame(minute=1, content=png_bytes(3))
    code, out, _err = _run(world, capsys, monkeypatch, "publish-due", "--now", f"{DAY.isoformat()}T10:31")
    assert code == 1 and "failed" in out and "What to do:" in out
    with pytest.raises(SystemExit) as usage:
        _run(world, capsys, monkeypatch, "publish-due", "--now", "tomorrow")
    assert usage.value.code == 2


def test_hosting_set_keeps_the_password_in_the_keyring_only(world: World, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    dav = FakeWebDav(password="another-password-" + "w" * 20).start()
    try:
        code, out, err = _run(world, capsys, monkeypatch, "hosting", "set", "--upload-url", dav.upload_url,
                              "--public-url", dav.public_url, "--username", dav.username, "--password-stdin",
                              stdin=dav.password + "\n")
        assert code == 0, err and "keyring" in out
        settings = Path(world.ctx.paths.settings_file).read_text(encoding="utf-8")
        assert dav.upload_url in settings and dav.password not in settings
        code, out, _err = _run(world, capsys, monkeypatch, "hosting", "show")
        assert "in the keyring" in out and dav.password not in out
        code, out, err = _run(world, capsys, monkeypatch, "hosting", "test")
        assert code == 0 and "deleted again" in out, err
        # Another user without --password-stdin: said at once, not at the next run's failed uploads.
        code, out, err = _run(world, capsys, monkeypatch, "hosting", "set", "--upload-url", dav.upload_url,
                              "--public-url", dav.public_url, "--username", "someone-else")
        assert code == 0 and "No password is stored for someone-else" in out, err
    finally:
        dav.stop()


def test_without_a_keyring_tokens_are_refused_with_a_plain_explanation(
        world: World, capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest,
        monkeypatch: pytest.MonkeyPatch) -> None:
    choose_keyring(request, monkeypatch, fail.Keyring())
    code, _out, err = _run(world, capsys, monkeypatch, "account", "set-token", "Oslo kommune",
                           stdin="IGAA" + "k" * 40)
    assert code == 6 and "No secure password store" in err
    code, out, _err = _run(world, capsys, monkeypatch, "publish-due", "--now", f"{DAY.isoformat()}T12:00", "--json")
    world.add_frame()
    code, out, _err = _run(world, capsys, monkeypatch, "publish-due", "--now", f"{DAY.isoformat()}T12:00", "--json")
    report = json.loads(out)
    assert code == 1 and report["outcomes"][0]["outcome"] == "blocked"
    assert "No secure password store" in report["outcomes"][0]["message"]


def test_fake_servers_are_isolated_per_test(world: World) -> None:
    assert isinstance(world.fake, FakeInstagram) and world.fake.publish_counts() == {}


def test_late_frames_are_listed_and_decided_from_the_command_line(
        world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    frame = world.add_frame()
    late = due_time(3 * 60).isoformat()
    code, out, err = _run(world, capsys, monkeypatch, "publish-due", "--now", late)
    assert code == 1, "a held frame waits for a person: the exit code says so"
    assert "held" in out and f"publish late post {frame}" in out
    code, out, _err = _run(world, capsys, monkeypatch, "publish", "late", "list", "--json")
    assert [(h["frame_id"], h["reason"]) for h in json.loads(out)["held"]] == [(frame, "late")]
    code, out, err = _run(world, capsys, monkeypatch, "publish", "late", "post", str(frame))
    assert code == 0, err
    code, out, err = _run(world, capsys, monkeypatch, "publish-due", "--now", late, "--json")
    assert code == 0 and json.loads(out)["published"] == 1
    assert world.fake.publish_counts()[world.shas[frame]] == 1


def test_now_against_metas_host_is_refused_from_the_command_line(
        world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    world.add_frame()
    with world.ctx.db.write() as s:
        account = s.get(Account, world.account_id)
        assert account is not None
        account.graph_host = "https://graph.facebook.com"
    code, out, err = _run(world, capsys, monkeypatch, "publish-due", "--now", due_time().isoformat(), "--json")
    refusal = json.loads(err or out)
    assert code == 2 and refusal["code"] == "publishing.now_refused_meta"
    assert world.fake.requests == [] and world.fake.publish_counts() == {}
