"""Facebook Page stories in the window: the publishing status window shows each channel's state per frame, and
Manage ▸ Accounts shows each account's platform."""

from __future__ import annotations

from takeover_planner.services import catalog, page_accounts, publishing_service
from takeover_planner.services.context import AppContext
from takeover_planner.ui.management.account_dialog import AccountDialog
from takeover_planner.ui.management.table_models import Kind
from tests.fakes.fake_graph import Failure
from tests.fakes.publish_world import DAY, due_time, running_world
from tests.ui.window_helpers import open_window


def test_the_status_window_and_the_accounts_show_each_channel(qtbot, sqlite_ctx: AppContext, runner,
                                                              translations) -> None:
    with running_world(sqlite_ctx) as world:
        fake = world.fake
        page = catalog.add_account(sqlite_ctx, "Fjordvik på Facebook", platform="facebook_page", page_id=fake.page_id,
                                   graph_host=fake.base_url, graph_version=fake.version)
        publishing_service.set_token(sqlite_ctx, page.id, fake.page_token, secrets=world.secrets)
        page_accounts.link_page(sqlite_ctx, world.account_id, page.id)
        refused = world.add_frame(minute=0)  # the Page refuses its picture (the first Page upload)
        good = world.add_frame(minute=1)
        fake.fail_next("page_photos", Failure(324, None, 400, "(#324) Missing or invalid image file"))
        with open_window(qtbot, sqlite_ctx, runner, translations, month=DAY.replace(day=1)) as win:
            hook = win.publishing
            hook.queue_runner = lambda ctx, now, progress: publishing_service.publish_due(
                ctx, due_time(), progress, env=world.env())
            hook.publish_now_action.trigger()
            hook.indicator.click()
            panel = hook.status_window
            assert panel is not None
            rows = [(panel.frame_table.item(r, 0).text(), panel.frame_table.item(r, 3).text())
                    for r in range(panel.frame_table.rowCount())]
            # One row per frame and channel: Instagram published both, the Page refused one picture.
            assert sorted(rows) == sorted([(f"#{good}", "published"), (f"#{good}", "published (Facebook Page)"),
                                           (f"#{refused}", "published"), (f"#{refused}", "failed (Facebook Page)")])
            methods = {panel.account_table.item(r, 0).text(): panel.account_table.item(r, 1).text()
                       for r in range(panel.account_table.rowCount())}
            assert methods == {"Oslo kommune": "Instagram API", "Fjordvik på Facebook": "Facebook Page API"}
            panel.close()

            manage = win.open_manage(Kind.ACCOUNTS)
            assert manage is not None
            model = manage.pages[Kind.ACCOUNTS].model
            column = model.column_of("platform")
            shown = {model.index(r, 0).data(): model.index(r, column).data() for r in range(model.rowCount())}
            assert shown["Fjordvik på Facebook"] == f"Facebook Page {fake.page_id}"
            assert shown["Oslo kommune"] == "Instagram, also on a Facebook Page"

            # Cross-posting is set in the account's editor too (`account link` / `account unlink`).
            accounts = manage.pages[Kind.ACCOUNTS]
            assert accounts.select_by_name("Fjordvik på Facebook")
            page_editor = manage.open_editor(Kind.ACCOUNTS, accounts.selected_record())
            assert isinstance(page_editor, AccountDialog) and page_editor.facebook_page.isHidden(), "a Page links nothing"
            page_editor.reject()
            assert accounts.select_by_name("Oslo kommune")
            editor = manage.open_editor(Kind.ACCOUNTS, accounts.selected_record())
            assert isinstance(editor, AccountDialog) and editor.facebook_page.currentData() == page.id
            editor.facebook_page.setCurrentIndex(0)
            editor.save_button.click()
            qtbot.waitUntil(lambda: not editor.isVisible())
            assert _linked(sqlite_ctx, "Oslo kommune") is None
            assert accounts.select_by_name("Oslo kommune")
            again = manage.open_editor(Kind.ACCOUNTS, accounts.selected_record())
            assert isinstance(again, AccountDialog)
            again.facebook_page.setCurrentIndex(again.facebook_page.findData(page.id))
            again.save_button.click()
            qtbot.waitUntil(lambda: not again.isVisible())
            assert _linked(sqlite_ctx, "Oslo kommune") == page.id


def _linked(ctx: AppContext, name: str) -> int | None:
    return next(a.facebook_page_account_id for a in catalog.list_accounts(ctx) if a.name == name)
