"""Nothing depends on how a message is worded: with every English message reworded at run time, the offline
banner still comes when the database cannot be reached, the outbox still keeps an edit and saves it when the
database is back, and switching to Bokmål still shows the refusals in Norwegian.

The unreachable database is a real one (nothing listens on port 1), so its error is the one the storage layer
itself makes, with its reworded words.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from takeover_planner.errors import (
    BookingRefused,
    EnvironmentProblem,
    EnvReason,
    TakeoverError,
    ValidationError,
)
from takeover_planner.services import booking
from takeover_planner.services.context import open_context
from takeover_planner.texts import BOKMAAL, ENGLISH, Code, all_codes, render
from takeover_planner.texts.storage import StorageText
from takeover_planner.texts.ui import UiText
from takeover_planner.ui.main_window import MainWindow
from takeover_planner.ui.messages import user_message
from takeover_planner.ui.team.offline import is_unreachable
from tests.ui.conftest import Planner
from tests.ui.window_helpers import ThreadedWatcher, open_window

REWORDED = "Reworded"
UNREACHABLE_URL = "postgresql+psycopg://nobody@127.0.0.1:1/x"


def _reworded(code: Code) -> str:
    """None of the old words, only the key and the same fields: "Reworded storage.unreachable: {database}"."""
    return f"{REWORDED} {code.key}: " + " ".join("{" + name + "}" for name in sorted(code.fields(ENGLISH)))


@pytest.fixture(autouse=True)
def reworded(monkeypatch: pytest.MonkeyPatch) -> None:
    for code in list(all_codes()):
        monkeypatch.setattr(code, "en", _reworded(code))


@pytest.fixture
def unreachable(tmp_path: Path) -> EnvironmentProblem:
    """The failure the storage layer reports for a server that does not answer."""
    with pytest.raises(EnvironmentProblem) as caught:
        open_context(str(tmp_path / "elsewhere"), UNREACHABLE_URL, actor="Test Officer")
    return caught.value


def test_the_reasons_still_decide_and_the_words_are_the_new_ones(unreachable: EnvironmentProblem) -> None:
    assert unreachable.code is StorageText.UNREACHABLE and unreachable.reason == EnvReason.UNREACHABLE
    assert unreachable.message.startswith(REWORDED), "the rewording is in force"
    assert is_unreachable(unreachable)
    assert not is_unreachable(EnvironmentProblem(StorageText.LOCKED, reason=EnvReason.LOCKED))
    assert not is_unreachable(ValidationError(UiText.LAST_BEFORE_FIRST))


def test_offline_banner_outbox_and_bokmaal_with_reworded_messages(
        qtbot, planner: Planner, runner, translations, unreachable: EnvironmentProblem) -> None:
    ctx = planner.ctx
    outbox_file = ctx.paths.data_dir / "outbox.json"
    ThreadedWatcher.instances.clear()
    def fake_watcher(win: MainWindow) -> None:
        win.team.live.watcher_factory = ThreadedWatcher

    with open_window(qtbot, ctx, runner, translations, before_attach=fake_watcher) as win:
        banner, offline = win.team.banner, win.team.offline

        # A read that fails because the server is away: the banner comes (decided on the reason alone).
        win.store.load_failed.emit(unreachable)
        assert banner.isVisible() and not offline.online

        # An edit made meanwhile is kept in the outbox and shown at once; the person is told in the new words.
        def away(*_args: object, **_kwargs: object) -> None:
            raise unreachable

        before = booking.get_slot(ctx, planner.library_slot)
        with pytest.MonkeyPatch.context() as cut:
            cut.setattr(booking, "move", away)
            win.page.move_slot(planner.library_slot, dt.date(2030, 3, 25), dt.date(2030, 3, 27))
        assert win.page.callout.label.text() == render(UiText.KEPT_OFFLINE)
        assert win.page.callout.label.text().startswith(REWORDED)
        kept = json.loads(outbox_file.read_text(encoding="utf-8"))
        assert [(k["operation"], k["arguments"]["expected_version"]) for k in kept] == [
            ("move", before.version)]
        shown = win.store.slot(planner.library_slot)
        assert shown is not None and shown.start == dt.date(2030, 3, 25), "the calendar shows it at once"

        # The database answers again: the kept edit is saved, the banner goes.
        with qtbot.waitSignal(offline.replayed, timeout=5000):
            ThreadedWatcher.instances[-1].come_back()
        assert not banner.isVisible()
        assert booking.get_slot(ctx, planner.library_slot).start == dt.date(2030, 3, 25)
        assert json.loads(outbox_file.read_text(encoding="utf-8")) == []

        # In Bokmål the core's refusals read Norwegian (the English rewording does not leak in).
        win.set_language(BOKMAAL)
        refusals: list[TakeoverError] = []
        win.page.booking_actions.move(planner.fire_slot, dt.date(2030, 3, 20), dt.date(2030, 3, 20),
                                      refusals.append)
        qtbot.waitUntil(lambda: bool(refusals), timeout=5000)
        refusal = refusals[0]
        assert isinstance(refusal, BookingRefused)
        assert refusal.details["blackouts"] == [planner.blackout]
        words = user_message(refusal)
        assert words == render(refusal.code, refusal.params, BOKMAAL) and not words.startswith(REWORDED)
