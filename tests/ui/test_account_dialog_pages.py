"""Manage ▸ Accounts makes a Facebook Page account (the platform and its Page id, checked by the same service as
`account add --platform facebook_page --page-id`), and links an Instagram account to it and unlinks it again
(`account link` / `account unlink`)."""

from __future__ import annotations

from takeover_planner.services import catalog
from takeover_planner.texts import render
from takeover_planner.texts.facebook import FacebookText
from takeover_planner.ui.main_window import MainWindow
from takeover_planner.ui.management.account_dialog import AccountDialog
from takeover_planner.ui.management.table_models import Kind
from tests.ui.conftest import Planner


def _account(planner: Planner, name: str) -> catalog.AccountInfo:
    return next(a for a in catalog.list_accounts(planner.ctx) if a.name == name)


def test_a_page_account_is_made_linked_and_unlinked_in_manage_accounts(window: MainWindow, planner: Planner) -> None:
    manage = window.open_manage(Kind.ACCOUNTS)
    assert manage is not None
    dialog = manage.open_editor(Kind.ACCOUNTS, None)
    assert isinstance(dialog, AccountDialog)
    assert dialog.platform.currentData() == "instagram" and not dialog.page_id.isVisibleTo(dialog)
    dialog.name.setText("Fjordvik på Facebook")
    dialog.platform.setCurrentIndex(dialog.platform.findData("facebook_page"))
    assert dialog.page_id.isVisibleTo(dialog) and not dialog.ig_user_id.isVisibleTo(dialog), "a Page's own fields"
    dialog.save_button.click()  # no Page id: the service says so and the dialog stays open
    assert dialog.error_text() == render(FacebookText.PAGE_ID_NEEDED)
    dialog.page_id.setText("104 000")
    dialog.save_button.click()
    assert dialog.error_text() == render(FacebookText.BAD_PAGE_ID, {"value": "104 000"})
    dialog.page_id.setText("104000000000001")
    dialog.save_button.click()
    assert not dialog.isVisible()
    page = _account(planner, "Fjordvik på Facebook")
    assert (page.platform, page.page_id, page.graph_host) == ("facebook_page", "104000000000001",
                                                              "https://graph.facebook.com")

    accounts = manage.pages[Kind.ACCOUNTS]
    assert accounts.select_by_name("Fjordvik på Facebook")
    shown = manage.open_editor(Kind.ACCOUNTS, accounts.selected_record())
    assert isinstance(shown, AccountDialog)
    assert not shown.platform.isEnabled() and shown.page_id.isReadOnly() and shown.page_id.text() == "104000000000001"
    shown.reject()

    # Link an Instagram account to the Page, then unlink it.
    assert accounts.select_by_name("Fjordvik kultur")
    editor = manage.open_editor(Kind.ACCOUNTS, accounts.selected_record())
    assert isinstance(editor, AccountDialog) and editor.facebook_page.isVisibleTo(editor)
    editor.facebook_page.setCurrentIndex(editor.facebook_page.findData(page.id))
    editor.save_button.click()
    assert not editor.isVisible()
    assert _account(planner, "Fjordvik kultur").facebook_page_account_id == page.id
    assert accounts.select_by_name("Fjordvik kultur")
    again = manage.open_editor(Kind.ACCOUNTS, accounts.selected_record())
    assert isinstance(again, AccountDialog) and again.facebook_page.currentData() == page.id
    again.facebook_page.setCurrentIndex(0)
    again.save_button.click()
    assert not again.isVisible()
    assert _account(planner, "Fjordvik kultur").facebook_page_account_id is None
