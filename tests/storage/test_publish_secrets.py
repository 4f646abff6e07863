"""No log line, exception message, database row or exported file ever contains a token or the hosting
password: a full run through the command line, with failures, and then a grep of everything it left behind."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.instagram.secrets import SecretStore
from takeover_planner.services.context import AppContext
from takeover_planner.storage.models import AccountPublishing, Base
from tests.fakes.keyrings import FILE_ENV, JsonFileKeyring
from tests.fakes.publish_world import World, due_time, png_bytes, running_world

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def world(ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    # The keyring stand-in lives outside the app's folders: it is the one place secrets may be.
    monkeypatch.setenv(FILE_ENV, str(tmp_path / "keyring.json"))
    with running_world(ctx, secrets=SecretStore(JsonFileKeyring(), explicit=True)) as w:
        yield w


def _cli(world: World, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="tests.fakes.keyrings.JsonFileKeyring", PYTHONPATH=str(ROOT))
    home = str(world.ctx.paths.data_dir.parent)
    return subprocess.run([sys.executable, "-m", "takeover_planner", "--home", home, "--db", world.ctx.db.url,
                           "--verbose", *args], cwd=ROOT, env=env, input=stdin, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.slow
def test_no_token_or_password_anywhere_after_a_full_run_with_failures(world: World, tmp_path: Path) -> None:
    fake, ctx = world.fake, world.ctx
    outputs: list[str] = []

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        result = _cli(world, *args, stdin=stdin)
        outputs.extend([result.stdout, result.stderr])
        return result

    assert run("account", "set-token", "Oslo kommune", stdin=fake.token + "\n").returncode == 0
    assert run("account", "check", "Oslo kommune").returncode == 0
    world.add_frame(minute=0)
    world.add_frame(minute=1, content=png_bytes(7), fmt="JPEG")  # Instagram refuses it: a media failure
    world.add_frame(minute=2, kind="video")
    world.add_frame(minute=3)
    world.add_frame(minute=4, sticker="link", text="Les mer på nettsidene våre")
    fake.publish_modes.extend(["ok", "drop"])  # the second publish is made, but its reply is lost
    first = run("publish-due", "--now", due_time().isoformat(), "--json")
    assert first.returncode == 1, first.stdout  # a frame failed
    # The token is old and about to run out: the next run renews it (a second secret to look for).
    with ctx.db.write() as s:
        s.execute(update(AccountPublishing).values(token_set_at=now_utc() - dt.timedelta(days=50),
                                                   token_expires_at=now_utc() + dt.timedelta(days=5)))
    fake.throttle_next(times=1, code=4, regain_minutes=1)
    run("publish-due", "--now", (due_time() + dt.timedelta(minutes=5)).isoformat())
    run("publish-due", "--now", (due_time() + dt.timedelta(minutes=10)).isoformat())
    assert len(fake.tokens) == 2, "the token was renewed"
    # Then Instagram stops accepting the tokens: the account's queue stops, the check fails.
    for token in list(fake.tokens):
        fake.expire_token(token)
    world.add_frame(minute=5)
    stopped = run("publish-due", "--now", (due_time() + dt.timedelta(minutes=30)).isoformat(), "--json")
    assert stopped.returncode == 1 and "stopped" in stopped.stdout
    assert run("account", "check", "Oslo kommune").returncode != 0
    assert run("hosting", "show").returncode == 0
    pack = tmp_path / "home" / "packs" / "biblioteket"
    assert run("handoff", "pack", "--slot", str(world.slot_id), "--out", str(pack), "--all").returncode == 0
    assert (pack / "checklist.html").exists()

    secrets = [*fake.tokens, world.dav.password]
    assert all(len(s) >= 20 for s in secrets)
    leaks: list[str] = []
    # 1. Everything the app wrote: logs, settings, the SQLite file and its WAL, backups, the hand-off pack.
    home = ctx.paths.data_dir.parent
    files = [p for p in home.rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" for p in files) and any(p.name == "checklist.html" for p in files)
    for path in files:
        data = path.read_bytes()
        leaks += [f"{path.relative_to(home)}" for secret in secrets if secret.encode() in data]
    # 2. Every database row (PostgreSQL too).
    with ctx.db.session() as s:
        for table in Base.metadata.sorted_tables:
            for row in s.execute(select(table)):
                text = repr(tuple(row))
                leaks += [f"row in {table.name}" for secret in secrets if secret in text]
    # 3. What the commands printed (messages, JSON, errors) and every URL Instagram and the host saw.
    for text in outputs:
        leaks += ["command output" for secret in secrets if secret in text]
    assert fake.tokens_in_urls() == []
    for seen in world.dav.requests + fake.requests:
        # refresh_access_token takes the token in its query, as Meta documents (the request itself, not a log).
        if seen.path != "/refresh_access_token":
            leaks += [f"URL {seen.path}" for secret in secrets if secret in seen.path + seen.query]
    assert leaks == []
    # The keyring stand-in does hold them (so the search above would have found them if they had leaked).
    keyring_file = Path(os.environ[FILE_ENV]).read_text(encoding="utf-8")
    assert world.dav.password in keyring_file and any(t in keyring_file for t in fake.tokens)
