"""Publishing in the planner window: the Publish menu (with the path the hand-off checklist names), the
in-app queue started after the database opens and stopped on close, a non-blocking notice for each failure,
the publishing status window (frames and accounts, the token warning a week ahead), setting a token, a
hand-off pack and marking frames posted by hand."""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from takeover_planner.domain.timekeeping import now_utc
from takeover_planner.publishing.queue import RunReport
from takeover_planner.services import publishing_service
from takeover_planner.services.context import AppContext
from takeover_planner.ui.main_window import MainWindow
from tests.fakes.keyrings import MemoryKeyring, choose_keyring
from tests.fakes.publish_world import DAY, due_time, png_bytes, running_world
from tests.ui.window_helpers import open_window

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "IGAAwindowtest-" + "k" * 48


def _empty_run(ctx: AppContext, now: dt.datetime | None, progress: Any) -> RunReport:
    return RunReport("window-test", now_utc())


def _plain(text: str) -> str:
    return text.replace("&", "")


def test_the_publish_menu_has_the_path_the_checklist_names(window: MainWindow) -> None:
    titles = [_plain(a.text()) for a in window.menuBar().actions()]
    assert titles.index("Publish") == titles.index("Help") - 1
    entries = [_plain(a.text()) for a in window.publishing.menu.actions() if not a.isSeparator()]
    assert entries == ["Publish due frames now", "Hand-off pack for this slot…", "Mark posted by hand…",
                       "Set account token…", "Publishing status…"]
    from takeover_planner.publishing import handoff

    checklist_words = Path(handoff.__file__).read_text(encoding="utf-8")
    assert "Publish → Mark posted by hand" in checklist_words


def test_the_queue_starts_after_the_database_opens_and_stops_on_close(window: MainWindow) -> None:
    hook = window.publishing
    assert hook.start_timer.isActive(), "the queue waits a moment after the database opened"
    assert hook.queue is None
    hook.queue_runner = _empty_run
    hook.start_queue()
    assert hook.queue is not None and hook.queue.active and not hook.start_timer.isActive()
    window.close()
    assert not hook.queue or not hook.queue.active


def test_the_window_starts_without_the_publishing_and_database_drivers(tmp_path: Path) -> None:
    code = textwrap.dedent(f"""
        import sys
        from takeover_planner.paths import resolve_paths
        from takeover_planner.settings import Settings
        from takeover_planner.ui.app import application
        from takeover_planner.ui.i18n import Translations
        from takeover_planner.ui.main_window import MainWindow
        from takeover_planner.ui.tasks import TaskRunner
        app = application()
        paths = resolve_paths({str(tmp_path)!r}).ensure()
        window = MainWindow(paths, Settings(paths), TaskRunner(), Translations(app))
        lazy = ("psycopg", "takeover_planner.ui.publish_queue", "takeover_planner.services.publishing_service",
                "takeover_planner.services.handoff_service", "takeover_planner.services.team",
                "takeover_planner.ui.team.settings_dialog", "takeover_planner.ui.publishing.dialogs")
        print([name for name in lazy if name in sys.modules])
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_each_failure_is_noticed_without_blocking_and_listed_with_its_reason(
        qtbot, sqlite_ctx: AppContext, runner, translations) -> None:
    with running_world(sqlite_ctx) as world:
        good = world.add_frame(minute=0)
        bad = world.add_frame(minute=1, content=png_bytes(2))
        with open_window(qtbot, sqlite_ctx, runner, translations, month=DAY.replace(day=1)) as win:
            hook = win.publishing
            hook.queue_runner = lambda ctx, now, progress: publishing_service.publish_due(
                ctx, due_time(), progress, env=world.env())
            assert not hook.indicator.isVisible()
            hook.publish_now_action.trigger()
            assert QApplication.activeModalWidget() is None, "a failure never blocks the window"
            assert f"Frame #{bad} was not published:" in win.status_area.label.text()
            assert hook.indicator.isVisible() and _plain(hook.indicator.text()) == "Publishing: 1 problem"
            assert [e.problem for e in hook.events] == [True, False]  # newest first: the failure, the success

            hook.indicator.click()
            panel = hook.status_window
            assert panel is not None and panel.isVisible()
            lines = {panel.frame_table.item(r, 0).text(): r for r in range(panel.frame_table.rowCount())}
            assert set(lines) == {f"#{good}", f"#{bad}"}
            assert panel.frame_table.item(lines[f"#{good}"], 3).text() == "published"
            assert panel.frame_table.item(lines[f"#{good}"], 5).text(), "the media id is shown"
            assert panel.frame_table.item(lines[f"#{bad}"], 3).text() == "failed"
            assert "JPEG" in panel.frame_table.item(lines[f"#{bad}"], 4).text(), "the reason and what to do"
            assert panel.account_table.item(0, 0).text() == "Oslo kommune"
            assert "1 frame failed" in panel.summary.text()
            assert panel.event_list.count() == 2
            panel.close()


def test_a_token_that_expires_within_a_week_is_warned_about(qtbot, sqlite_ctx: AppContext, runner,
                                                             translations) -> None:
    with running_world(sqlite_ctx) as world:
        publishing_service.set_token(sqlite_ctx, world.account_id, world.fake.token, secrets=world.secrets,
                                     expires_at=now_utc() + dt.timedelta(days=3, hours=2))
        with open_window(qtbot, sqlite_ctx, runner, translations, month=DAY.replace(day=1)) as win:
            panel = win.publishing.open_status()
            token = panel.account_table.item(0, 2)
            assert token.text().startswith("expires in 3 days"), token.text()
            assert token.foreground().color().name() == "#c2410c", "shown as needing attention"
            assert "1 account needs attention" in panel.summary.text()
            publishing_service.set_token(sqlite_ctx, world.account_id, world.fake.token, secrets=world.secrets,
                                         expires_at=now_utc() + dt.timedelta(days=50))
            panel.refresh_button.click()
            assert panel.account_table.item(0, 2).text().startswith("valid until")
            panel.close()


def test_set_account_token_keeps_it_in_the_keyring_only(qtbot, window: MainWindow, planner, caplog, request,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    choose_keyring(request, monkeypatch, MemoryKeyring())
    MemoryKeyring.store.clear()
    caplog.set_level(logging.DEBUG)
    window.publishing.token_action.trigger()
    dialog = next(d for d in window.publishing.dialogs if d.objectName() == "tokenDialog")
    assert dialog.token.echoMode() == dialog.token.EchoMode.Password
    dialog.account.setCurrentIndex(dialog.account.findText("Fjordvik kultur"))
    dialog.token.setText("too short")
    dialog.save()
    assert dialog.isVisible() and "does not look like an access token" in dialog.error.text()
    dialog.token.setText(TOKEN)
    dialog.save()
    assert not dialog.isVisible()
    assert TOKEN in MemoryKeyring.store.values()
    assert "The token for Fjordvik kultur is kept in this computer's keyring." in window.status_area.label.text()
    assert TOKEN not in caplog.text
    for file in planner.ctx.paths.config_dir.rglob("*"):
        if file.is_file():
            assert TOKEN not in file.read_text(encoding="utf-8", errors="replace")
    assert TOKEN not in Path(planner.ctx.db.url.removeprefix("sqlite:///")).read_bytes().decode("latin-1")
    overview = {i.account: i for i in publishing_service.publishing_overview(planner.ctx)}
    assert overview["Fjordvik kultur"].token_set


def test_hand_off_pack_and_mark_posted_by_hand_for_the_selected_slot(qtbot, sqlite_ctx: AppContext, runner,
                                                                      translations, tmp_path: Path) -> None:
    from takeover_planner.services import handoff_service

    with running_world(sqlite_ctx) as world:
        sticker = world.add_frame(minute=5, sticker="link", text="Les mer på nettsiden")
        with open_window(qtbot, sqlite_ctx, runner, translations, month=DAY.replace(day=1)) as win:
            hook = win.publishing
            hook.handoff_action.trigger()
            boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
            assert boxes and "Select a slot in the calendar first." in boxes[0].text()
            boxes[0].accept()

            win.page.select(world.slot_id)
            hook.handoff_action.trigger()
            dialog = next(d for d in hook.dialogs if d.objectName() == "handoffDialog")
            dialog.make_pack()
            assert "Choose the folder" in dialog.error.text()
            dialog.folder.setText(str(tmp_path / "uke 19"))
            dialog.make_pack()
            assert dialog.pack_result is not None and dialog.pack_result.checklist.is_file()
            assert "1 frame in the pack" in dialog.done_text.text()
            assert "Mark posted by hand" in dialog.done_text.text()
            assert dialog.open_button.isVisible() and not dialog.make_button.isEnabled()
            dialog.reject()

            hook.posted_action.trigger()
            posted = next(d for d in hook.dialogs if d.objectName() == "postedByHandDialog")
            assert posted.frames.count() == 1 and posted.selected_frame() == sticker
            assert "sticker: link" in posted.frames.item(0).text()
            posted.who.setText("Ola Nordmann")
            posted.mark()
            assert f"Frame #{sticker} is marked as posted by hand." in win.status_area.label.text()
            status = publishing_service.frame_statuses(sqlite_ctx, [sticker])[sticker]
            assert (status.status, status.published_by) == ("published", "Ola Nordmann")
            assert posted.selected_frame() is None, "nothing is left to mark"
            assert handoff_service.handoff_frames(sqlite_ctx, world.slot_id, include_all=True) == []
            posted.reject()


def test_cancelling_a_slot_in_the_window_says_how_many_frames_left_the_queue(
        qtbot, sqlite_ctx: AppContext, runner, translations) -> None:
    with running_world(sqlite_ctx) as world:
        world.add_frame(minute=0)
        world.add_frame(minute=1)
        with open_window(qtbot, sqlite_ctx, runner, translations, month=DAY.replace(day=1)) as win:
            from takeover_planner.domain.slots import SlotStatus

            win.booking_actions.set_status(world.slot_id, SlotStatus.CANCELLED, lambda _problem: None,
                                           reason="The library is closed")
            said = win.status_area.label.text()
            assert "2 story frames taken off the publishing queue." in said, said
