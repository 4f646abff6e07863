"""Facebook Page stories against the fake Graph API (tests/fakes/fake_graph.py answers the Page endpoints too).

A cross-posted takeover ends with each frame exactly once on Instagram and exactly once on the Page; a runner
killed right after the Page story was made does not make it again when restarted; a slot on a Page account goes
out only on the Page; an expired Page token stops the Page channel only, with the reason shown; one channel
failing does not stop the other; the plan's gates apply to the Page too.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from takeover_planner.cli import main as cli_main
from takeover_planner.domain.slots import SlotStatus
from takeover_planner.instagram.secrets import SecretStore
from takeover_planner.publishing.ledger import FACEBOOK, INSTAGRAM, JobState
from takeover_planner.services import booking, catalog, handoff_service, page_accounts
from takeover_planner.services import publishing_service as svc
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import AccountPublishing, PublishJob, StoryFrame, TakeoverSlot
from takeover_planner.texts import Text
from takeover_planner.texts.facebook import FacebookText
from tests.fakes.crash_runner import CRASH_EXIT
from tests.fakes.fake_graph import Failure
from tests.fakes.keyrings import FILE_ENV, JsonFileKeyring
from tests.fakes.publish_world import World, due_time, running_world

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def world(ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv(FILE_ENV, str(tmp_path / "keyring.json"))
    with running_world(ctx, secrets=SecretStore(JsonFileKeyring(), explicit=True)) as w:
        yield w


def _add_page(world: World, *, link: bool = True) -> int:
    fake = world.fake
    info = catalog.add_account(world.ctx, "Fjordvik på Facebook", platform="facebook_page", page_id=fake.page_id,
                               graph_host=fake.base_url, graph_version=fake.version)
    svc.set_token(world.ctx, info.id, fake.page_token, secrets=world.secrets)
    if link:
        page_accounts.link_page(world.ctx, world.account_id, info.id)
    return info.id


def _jobs(world: World, frame_id: int) -> dict[str, PublishJob]:
    with world.ctx.db.session() as s:
        return {j.channel: j for j in s.scalars(select(PublishJob).where(PublishJob.frame_id == frame_id))}


def _frame_state(world: World, frame_id: int) -> str:
    with world.ctx.db.session() as s:
        frame = s.get(StoryFrame, frame_id)
        assert frame is not None
        return frame.state


def _by_channel(report: svc.RunReport) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for outcome in report.outcomes:
        out.setdefault(outcome.channel, []).append(outcome.kind.value)
    return out


def _page_bytes_sha(world: World, kind: str) -> list[str]:
    return [s.sha256 for s in world.fake.page_stories if s.kind == kind]


def test_a_cross_posted_takeover_goes_out_once_on_instagram_and_once_on_the_page(world: World) -> None:
    page = _add_page(world)
    frames = [world.add_frame(kind="image", minute=0), world.add_frame(kind="image", minute=2),
              world.add_frame(kind="video", minute=4)]
    env = world.env()

    report = svc.publish_due(world.ctx, due_time(), env=env)

    assert _by_channel(report) == {INSTAGRAM: ["published"] * 3, FACEBOOK: ["published"] * 3}, report.to_json()
    outcomes = report.to_json()["outcomes"]
    assert isinstance(outcomes, list) and {o["channel"] for o in outcomes} == {"instagram", "facebook"}
    ig, fb = world.fake.publish_counts(), world.fake.page_story_counts()
    assert [ig[world.shas[f]] for f in frames] == [1, 1, 1]
    assert [fb[world.shas[f]] for f in frames] == [1, 1, 1], "the Page got the frames' own files"
    assert world.fake.feed_posts == 0, "pictures are uploaded unpublished: never a feed post"
    assert len(_page_bytes_sha(world, "video")) == 1
    for frame_id in frames:
        assert _frame_state(world, frame_id) == "published"
        jobs = _jobs(world, frame_id)
        assert set(jobs) == {INSTAGRAM, FACEBOOK}
        assert jobs[FACEBOOK].state == JobState.PUBLISHED.value and jobs[FACEBOOK].account_id == page
        assert (jobs[FACEBOOK].media_id or "").startswith(world.fake.page_id + "_")
        assert jobs[FACEBOOK].published_by == "Facebook Page API"
    # Nothing is done twice on a second run, on either channel.
    again = svc.publish_due(world.ctx, due_time(60), env=env)
    assert again.outcomes == []
    assert sum(world.fake.publish_counts().values()) == 3 and sum(world.fake.page_story_counts().values()) == 3
    # Per channel, for the window and `story list --json`.
    states = page_accounts.channel_states(world.ctx, frames)
    assert [[(c.channel, c.status) for c in states[f]] for f in frames] == \
        [[("instagram", "published"), ("facebook", "published")]] * 3
    assert world.fake.tokens_in_urls() == []
    assert not any(world.fake.page_token in r.authorization for r in world.fake.requests
                   if r.path.endswith("/media") or r.path.endswith("/media_publish")), "each channel its own token"


def test_a_slot_on_a_page_account_posts_only_page_stories(world: World) -> None:
    page = _add_page(world, link=False)
    with world.ctx.db.write() as s:
        slot = s.get(TakeoverSlot, world.slot_id)
        assert slot is not None
        slot.account_id = page
    frames = [world.add_frame(kind="image", minute=0), world.add_frame(kind="video", minute=3)]

    report = svc.publish_due(world.ctx, due_time(), env=world.env())

    assert _by_channel(report) == {FACEBOOK: ["published", "published"]}, report.to_json()
    assert sum(world.fake.publish_counts().values()) == 0, "nothing on Instagram"
    assert [world.fake.page_story_counts()[world.shas[f]] for f in frames] == [1, 1]
    for frame_id in frames:
        assert set(_jobs(world, frame_id)) == {FACEBOOK}
        assert _frame_state(world, frame_id) == "published", "the Page is this slot's own channel"


def test_an_expired_page_token_stops_only_the_page_channel_with_the_reason_shown(world: World) -> None:
    page = _add_page(world)
    frames = [world.add_frame(kind="image", minute=m) for m in (0, 2, 4)]
    world.fake.expire_token(world.fake.page_token)

    report = svc.publish_due(world.ctx, due_time(), env=world.env())

    assert _by_channel(report) == {INSTAGRAM: ["published"] * 3, FACEBOOK: ["stopped"] * 3}, report.to_json()
    expired = str(Text(FacebookText.TOKEN_EXPIRED))
    stopped = [o for o in report.outcomes if o.channel == FACEBOOK]
    assert all(expired in o.message for o in stopped), [o.message for o in stopped]
    assert all("set-token" in o.advice for o in stopped)
    with world.ctx.db.session() as s:
        page_state = s.get(AccountPublishing, page)
        ig_state = s.get(AccountPublishing, world.account_id)
        assert page_state is not None and ig_state is not None
        assert page_state.stop_family == "token" and expired in page_state.stopped_reason
        assert ig_state.stopped_reason == "", "Instagram goes on"
    assert sum(world.fake.page_story_counts().values()) == 0
    assert all(_frame_state(world, f) == "published" for f in frames)
    # The stop shows on the next run too, and a new Page token lets the Page catch up (each story once).
    later = svc.publish_due(world.ctx, due_time(5), env=world.env())
    assert any(expired in n for n in later.notices)
    world.fake.page_tokens[world.fake.page_token] = "ok"
    svc.set_token(world.ctx, page, world.fake.page_token, secrets=world.secrets)
    caught_up = svc.publish_due(world.ctx, due_time(10), env=world.env())
    assert _by_channel(caught_up) == {FACEBOOK: ["published"] * 3}, caught_up.to_json()
    assert [world.fake.page_story_counts()[world.shas[f]] for f in frames] == [1, 1, 1]


def _cli_base(world: World) -> list[str]:
    ctx = world.ctx
    base = ["--home", str(ctx.paths.data_dir.parent), "--db", ctx.db.url, "--json"]
    return [*base, "--user", "Test Officer"] if ctx.db.is_sqlite else base


def test_a_page_refusing_a_picture_fails_the_page_story_only(world: World, capsys: pytest.CaptureFixture[str]
                                                             ) -> None:
    _add_page(world)
    frame = world.add_frame(kind="image")
    world.fake.fail_next("page_photos", Failure(324, None, 400, "(#324) Missing or invalid image file"))

    report = svc.publish_due(world.ctx, due_time(), env=world.env())

    assert _by_channel(report) == {INSTAGRAM: ["published"], FACEBOOK: ["failed"]}, report.to_json()
    assert _frame_state(world, frame) == "published", "Instagram's outcome is the frame's"
    states = page_accounts.channel_states(world.ctx, [frame])[frame]
    assert [(c.channel, c.status) for c in states] == [("instagram", "published"), ("facebook", "failed")]
    assert str(Text(FacebookText.IMAGE_INVALID)) in states[1].reason and states[1].advice
    # A failed Page story is not retried on every run (a person re-approves the frame after a fix).
    assert svc.publish_due(world.ctx, due_time(30), env=world.env()).outcomes == []
    # `story list --json` and the status window show each channel's state and reason.
    assert cli_main([*_cli_base(world), "story", "list", "--slot", str(world.slot_id)]) == 0
    listed = json.loads(capsys.readouterr().out)["frames"][0]["channels"]
    assert [(c["channel"], c["status"]) for c in listed] == [("instagram", "published"), ("facebook", "failed")]
    assert listed[1]["reason"] == states[1].reason
    status = svc.frame_statuses(world.ctx, [frame])[frame]
    assert (status.channel, status.status) == ("instagram", "published")
    assert [(c.channel, c.status) for c in status.channels] == [("instagram", "published"), ("facebook", "failed")]


def test_a_lost_reply_to_the_story_request_is_confirmed_from_the_pages_stories(world: World) -> None:
    _add_page(world)
    image = world.add_frame(kind="image", minute=0)
    video = world.add_frame(kind="video", minute=1)
    world.fake.page_story_modes.extend(["drop", "500"])  # both made, neither answered

    first = svc.publish_due(world.ctx, due_time(), env=world.env())
    assert _by_channel(first)[FACEBOOK] == ["deferred", "deferred"], first.to_json()
    unconfirmed = [o.message for o in first.outcomes if o.channel == FACEBOOK]
    assert all("Facebook" in m and "Instagram" not in m for m in unconfirmed), unconfirmed
    second = svc.publish_due(world.ctx, due_time(35), env=world.env())

    assert _by_channel(second) == {FACEBOOK: ["published", "published"]}, second.to_json()
    assert [world.fake.page_story_counts()[world.shas[f]] for f in (image, video)] == [1, 1]
    requests_made = [r.path for r in world.fake.requests if r.path.endswith("_stories") and r.method == "POST"
                     and b"upload_phase=start" not in r.body]
    assert len(requests_made) == 2, "the story was read from GET /stories, not requested again"
    assert all(_jobs(world, f)[FACEBOOK].media_id for f in (image, video))


def test_a_story_request_that_made_nothing_is_asked_again_once_the_pages_stories_say_so(world: World) -> None:
    page = _add_page(world, link=False)
    with world.ctx.db.write() as s:
        slot = s.get(TakeoverSlot, world.slot_id)
        assert slot is not None
        slot.account_id = page
    frame = world.add_frame(kind="image")
    world.fake.page_story_modes.append("500_nothing")

    first = svc.publish_due(world.ctx, due_time(), env=world.env())
    second = svc.publish_due(world.ctx, due_time(35), env=world.env())

    assert _by_channel(first) == {FACEBOOK: ["deferred"]} and _by_channel(second) == {FACEBOOK: ["published"]}
    assert world.fake.page_story_counts()[world.shas[frame]] == 1
    reads = [r for r in world.fake.requests if r.method == "GET" and r.path.endswith(f"/{world.fake.page_id}/stories")]
    assert len(reads) == 1, "the second run looked before asking again"


def test_linking_a_page_later_does_not_post_an_old_takeover_there(world: World) -> None:
    frame = world.add_frame(kind="image")
    assert _by_channel(svc.publish_due(world.ctx, due_time(), env=world.env())) == {INSTAGRAM: ["published"]}
    _add_page(world)

    later = svc.publish_due(world.ctx, due_time(240), env=world.env())

    assert later.outcomes == [] and later.held == []
    assert set(_jobs(world, frame)) == {INSTAGRAM}


def test_a_page_story_awaiting_confirmation_is_confirmed_after_the_link_is_undone(world: World) -> None:
    _add_page(world)
    frame = world.add_frame(kind="image")
    world.fake.page_story_modes.append("drop")
    first = svc.publish_due(world.ctx, due_time(), env=world.env())
    assert _by_channel(first)[FACEBOOK] == ["deferred"]
    page_accounts.unlink_page(world.ctx, world.account_id)

    second = svc.publish_due(world.ctx, due_time(35), env=world.env())

    assert _by_channel(second) == {FACEBOOK: ["published"]}, second.to_json()
    assert world.fake.page_story_counts()[world.shas[frame]] == 1
    assert svc.publish_due(world.ctx, due_time(40), env=world.env()).outcomes == []


def test_a_cancelled_slot_takes_the_frame_off_both_channels(world: World) -> None:
    _add_page(world)
    frame = world.add_frame(kind="image")
    booking.set_status(world.ctx, world.slot_id, SlotStatus.CANCELLED, reason="the department is ill")

    report = svc.publish_due(world.ctx, due_time(), env=world.env())

    assert report.outcomes == []
    assert sum(world.fake.publish_counts().values()) == 0 and sum(world.fake.page_story_counts().values()) == 0
    assert _frame_state(world, frame) == "approved"


def test_a_late_cross_posted_frame_is_held_on_both_channels_and_one_decision_releases_both(world: World) -> None:
    _add_page(world)
    frame = world.add_frame(kind="image")
    late = due_time(180)  # three hours after its time: more than the grace period

    held = svc.publish_due(world.ctx, late, env=world.env())

    assert held.outcomes == [] and sorted(h.channel for h in held.held) == [FACEBOOK, INSTAGRAM]
    assert {j.state for j in _jobs(world, frame).values()} == {JobState.HELD.value}
    svc.post_late(world.ctx, frame)
    released = svc.publish_due(world.ctx, late + dt.timedelta(minutes=1), env=world.env())
    assert _by_channel(released) == {INSTAGRAM: ["published"], FACEBOOK: ["published"]}, released.to_json()
    assert world.fake.page_story_counts()[world.shas[frame]] == 1


def test_a_sticker_frame_goes_to_the_hand_off_pack_once_with_the_facebook_steps(world: World, tmp_path: Path
                                                                                   ) -> None:
    _add_page(world)
    sticker = world.add_frame(kind="image", sticker="link")
    plain = world.add_frame(kind="image", minute=3)

    report = svc.publish_due(world.ctx, due_time(), env=world.env())

    assert [h.frame_id for h in report.handoff_due] == [sticker], "listed once, for both channels"
    assert _by_channel(report) == {INSTAGRAM: ["published"], FACEBOOK: ["published"]}
    assert set(_jobs(world, sticker)) == set(), "nothing was sent to either API"
    result = handoff_service.build_handoff_pack(world.ctx, world.slot_id, tmp_path / "pack", language="en")
    checklist = result.checklist.read_text(encoding="utf-8")
    assert "Post the same story on the Facebook Page Fjordvik på Facebook too" in checklist
    assert checklist.count("Facebook Page Fjordvik") == 1
    assert world.fake.page_story_counts()[world.shas[plain]] == 1


def test_account_commands_add_link_check_and_unlink_a_page(world: World, capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    fake, ctx = world.fake, world.ctx
    base = _cli_base(world)
    assert cli_main([*base, "account", "add", "Fjordvik FB", "--platform", "facebook_page", "--page-id",
                     fake.page_id, "--graph-host", fake.base_url, "--graph-version", fake.version]) == 0
    added = json.loads(capsys.readouterr().out)
    assert added["platform"] == "facebook_page" and added["page_id"] == fake.page_id
    assert cli_main([*base, "account", "add", "No id", "--platform", "facebook_page"]) == 2
    capsys.readouterr()
    svc.set_token(ctx, "Fjordvik FB", fake.page_token, secrets=world.secrets)
    checked = svc.check_account(ctx, "Fjordvik FB", secrets=world.secrets)
    assert (checked.username, checked.ig_user_id, checked.api_variant) == \
        (fake.page_name, fake.page_id, "facebook_page")
    assert cli_main([*base, "account", "link", "Oslo kommune", "--facebook-page", "Fjordvik FB"]) == 0
    assert json.loads(capsys.readouterr().out) == {"instagram": "Oslo kommune", "facebook_page": "Fjordvik FB"}
    assert cli_main([*base, "account", "link", "Fjordvik FB", "--facebook-page", "Oslo kommune"]) == 2
    capsys.readouterr()
    listed = {a.name: a for a in catalog.list_accounts(ctx)}
    assert listed["Oslo kommune"].facebook_page_account_id == listed["Fjordvik FB"].id
    assert listed["Oslo kommune"].platform == "instagram"
    assert cli_main([*base, "account", "unlink", "Oslo kommune"]) == 0
    assert json.loads(capsys.readouterr().out)["facebook_page"] is None


# --- a real process killed right after the Page story was made ----------------------------------------


def _cli(world: World, spec: str, now: dt.datetime) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update({"PYTHON_KEYRING_BACKEND": "tests.fakes.keyrings.JsonFileKeyring", "PYTHONPATH": str(ROOT),
                "TAKEOVER_PLANNER_USER": "Queue Runner"})
    args = [sys.executable, "-m", "tests.fakes.crash_runner", spec, "--", "--home",
            str(world.ctx.paths.data_dir.parent), "--db", world.ctx.db.url, "publish-due", "--now", now.isoformat(),
            "--json"]
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def _writes(stderr: str) -> list[str]:
    return [line.split(" ", 2)[2] for line in stderr.splitlines() if line.startswith("ledger-write ")]


@pytest.mark.parametrize("kind", ["image", "video"])
def test_a_runner_killed_right_after_the_page_story_was_made_does_not_post_it_again(world: World, kind: str
                                                                                    ) -> None:
    page = _add_page(world, link=False)
    with world.ctx.db.write() as s:
        slot = s.get(TakeoverSlot, world.slot_id)
        assert slot is not None
        slot.account_id = page
    frame = world.add_frame(kind=kind)
    now = due_time()
    # ensure_job, claim, container_requested, container_created, [upload_requested, uploaded,]
    # publish_requested — the story request is made — then the write "published" (6th, or 8th for a video).
    published_write = 6 if kind == "image" else 8

    crashed = _cli(world, f"before:{published_write}", now)

    assert crashed.returncode == CRASH_EXIT, crashed.stderr[-2000:]
    assert _writes(crashed.stderr)[-1] == "write:published", _writes(crashed.stderr)
    assert world.fake.page_story_counts()[world.shas[frame]] == 1, "the story was made before the kill"
    job = _jobs(world, frame)[FACEBOOK]
    assert job.step == "publish_requested" and job.claimed_by, "the ledger says: asked, not confirmed"

    restarted = _cli(world, "none", now + dt.timedelta(minutes=1))

    assert restarted.returncode == 0, restarted.stderr[-2000:]
    outcomes = json.loads(restarted.stdout)["outcomes"]
    assert [(o["channel"], o["outcome"]) for o in outcomes] == [("facebook", "published")]
    assert world.fake.page_story_counts()[world.shas[frame]] == 1, "not posted again"
    job = _jobs(world, frame)[FACEBOOK]
    assert job.state == "published" and job.media_id == world.fake.page_stories[0].post_id
    assert _frame_state(world, frame) == "published"
    story_posts = [r for r in world.fake.requests if r.method == "POST" and r.path.endswith("_stories")
                   and b"upload_phase=start" not in r.body]
    assert len(story_posts) == 1, "the restart read GET /stories instead of asking again"


# --- the migration -----------------------------------------------------------------------------------------


def test_the_migration_keeps_every_job_on_instagram_and_allows_one_job_per_channel(db_url: str, tmp_path: Path
                                                                                   ) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    from takeover_planner.storage import migrate
    from takeover_planner.storage.database import Database

    db = Database(db_url)
    try:
        migrate.upgrade(db, tmp_path / "backups", target="0009_department_note")
        stamp = "CURRENT_TIMESTAMP"
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO account (name, handle, api_variant, graph_host, graph_version, version, "
                              f"created_at, updated_at) VALUES ('Old', 'old', 'instagram_login', 'h', 'v1', 1, {stamp}, "
                              f"{stamp})"))
            conn.execute(text("INSERT INTO department (name, color, notes, archived, version, created_at, updated_at) "
                              f"VALUES ('Biblioteket', '#2f6fde', '', false, 1, {stamp}, {stamp})"))
            conn.execute(text("INSERT INTO takeover_slot (account_id, department_id, start_date, end_date, status, "
                              "cancel_reason, notes, news_url, version, created_at, updated_at) SELECT a.id, d.id, "
                              f"'2027-03-01', '2027-03-02', 'confirmed', '', '', '', 1, {stamp}, {stamp} "
                              "FROM account a, department d"))
            conn.execute(text("INSERT INTO story_frame (slot_id, position, text, notes, sticker_kind, sticker_value, "
                              "credit, shows_people, state, version, created_at, updated_at) SELECT id, 0, '', '', '', "
                              f"'', '', false, 'published', 1, {stamp}, {stamp} FROM takeover_slot"))
            conn.execute(text("INSERT INTO publish_job (frame_id, account_id, method, state, step, attempts, "
                              "last_error, published_by, created_at, updated_at, advice, error_family, status_seen, "
                              "containers_made, handoff_pack) SELECT f.id, a.id, 'api', 'published', 'published', 0, "
                              f"'', 'Instagram API', {stamp}, {stamp}, '', '', '', 1, '' FROM story_frame f, account a"))
        migrate.upgrade(db, tmp_path / "backups")
        with db.engine.begin() as conn:
            assert conn.execute(text("SELECT channel FROM publish_job")).scalars().all() == ["instagram"]
            assert conn.execute(text("SELECT platform, page_id, facebook_page_account_id FROM account")).all() == \
                [("instagram", None, None)]
            conn.execute(text("INSERT INTO publish_job (frame_id, account_id, method, state, step, attempts, "
                              "last_error, published_by, created_at, updated_at, advice, error_family, status_seen, "
                              "containers_made, handoff_pack, channel) SELECT frame_id, account_id, 'api', 'queued', "
                              "'', 0, '', '', created_at, updated_at, '', '', '', 0, '', 'facebook' FROM publish_job"))
        with pytest.raises(IntegrityError), db.engine.begin() as conn:
            conn.execute(text("INSERT INTO publish_job (frame_id, account_id, method, state, step, attempts, "
                              "last_error, published_by, created_at, updated_at, advice, error_family, status_seen, "
                              "containers_made, handoff_pack, channel) SELECT frame_id, account_id, 'api', 'queued', "
                              "'', 0, '', '', created_at, updated_at, '', '', '', 0, '', 'facebook' FROM publish_job "
                              "WHERE channel = 'facebook'"))
    finally:
        db.dispose()
