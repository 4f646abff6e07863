"""Accounts can be edited in Manage ▸ Accounts like `account set` does (handle, Instagram user id, Graph host and
version, checked by the same service), and a slot can move to another account from its edit dialog, with the
booking rules checked and one undo step."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.services import booking, catalog
from takeover_planner.texts import render
from takeover_planner.texts.catalog import CatalogText
from takeover_planner.ui.main_window import MainWindow
from takeover_planner.ui.management.account_dialog import AccountDialog
from takeover_planner.ui.management.table_models import Kind
from tests.ui.conftest import Planner


def _account(planner: Planner, name: str) -> catalog.AccountInfo:
    return next(a for a in catalog.list_accounts(planner.ctx) if a.name == name)


def test_an_accounts_graph_settings_are_edited_in_manage_accounts(window: MainWindow, planner: Planner) -> None:
    manage = window.open_manage(Kind.ACCOUNTS)
    assert manage is not None
    page = manage.pages[Kind.ACCOUNTS]
    assert page.select_by_name("Fjordvik kultur")
    dialog = manage.open_editor(Kind.ACCOUNTS, page.selected_record())
    assert isinstance(dialog, AccountDialog)
    assert dialog.graph_host.text() == "", "the connection's own host is shown as its default, not typed out"
    assert dialog.graph_version.text() == "v25.0"

    dialog.ig_user_id.setText("17841 4000")  # not digits only: the service says so and the dialog stays open
    dialog.save_button.click()
    assert dialog.error_text() == render(CatalogText.BAD_IG_USER_ID, {"value": "17841 4000"})
    assert dialog.isVisible()

    dialog.handle.setText("@kultur_fjordvik")
    dialog.ig_user_id.setText("17841400000000001")
    dialog.graph_host.setText("http://127.0.0.1:8931/")
    dialog.graph_version.setText("v24.0")
    dialog.save_button.click()
    assert not dialog.isVisible()
    kultur = _account(planner, "Fjordvik kultur")
    assert (kultur.handle, kultur.ig_user_id, kultur.graph_host, kultur.graph_version) == (
        "kultur_fjordvik", "17841400000000001", "http://127.0.0.1:8931", "v24.0")
    model = page.model
    row = [r.name for r in model.records()].index("Fjordvik kultur")
    assert model.index(row, model.column_of("ig_user_id")).data() == "17841400000000001"
    assert model.index(row, model.column_of("graph")).data() == "http://127.0.0.1:8931 · v24.0"

    again = manage.open_editor(Kind.ACCOUNTS, page.selected_record() or kultur)
    assert isinstance(again, AccountDialog)
    again.graph_version.setText("25")
    again.save_button.click()
    assert again.error_text() == render(CatalogText.BAD_GRAPH_VERSION, {"value": "25"})
    again.reject()


def test_a_new_account_gets_its_user_id_and_an_empty_host_follows_the_connection(window: MainWindow,
                                                                                 planner: Planner) -> None:
    manage = window.open_manage(Kind.ACCOUNTS)
    assert manage is not None
    dialog = manage.open_editor(Kind.ACCOUNTS, None)
    assert isinstance(dialog, AccountDialog)
    dialog.name.setText("Fjordvik ungdom")
    dialog.api.setCurrentIndex(dialog.api.findData("facebook_login"))
    assert dialog.graph_host.placeholderText() == "https://graph.facebook.com"
    dialog.ig_user_id.setText("17841400000000002")
    dialog.save_button.click()
    ungdom = _account(planner, "Fjordvik ungdom")
    assert (ungdom.ig_user_id, ungdom.graph_host, ungdom.graph_version) == (
        "17841400000000002", "https://graph.facebook.com", "v25.0")


def test_a_slot_moves_to_another_account_from_its_edit_dialog(qtbot: Any, window: MainWindow,
                                                             planner: Planner) -> None:
    dialog = window.page.edit_slot(planner.library_slot)
    assert dialog is not None and dialog.account.isEnabled()
    dialog.account.setCurrentIndex(dialog.account.findData(planner.kultur))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    slot = booking.get_slot(planner.ctx, planner.library_slot)
    assert (slot.account_id, slot.start, slot.end) == (planner.kultur, dt.date(2030, 3, 4), dt.date(2030, 3, 6))
    assert window.store.slot(planner.library_slot).account == "Fjordvik kultur"  # type: ignore[union-attr]
    assert window.booking_actions.undo_stack.count() == 1
    window.undo_action.trigger()
    assert booking.get_slot(planner.ctx, planner.library_slot).account_id == planner.kommune


def test_a_move_to_an_account_that_is_taken_those_days_is_refused_in_the_dialog(qtbot: Any, window: MainWindow,
                                                                               planner: Planner) -> None:
    taken = booking.book(planner.ctx, department=planner.parks, account=planner.kultur, start=dt.date(2030, 3, 5),
                         end=dt.date(2030, 3, 5), status=SlotStatus.CONFIRMED).slot
    window.reload()
    dialog = window.page.edit_slot(planner.library_slot)
    assert dialog is not None
    dialog.account.setCurrentIndex(dialog.account.findData(planner.kultur))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_text(), "the booking rule's refusal is shown in the dialog"
    assert f"#{taken.id}" in dialog.error_text()
    assert booking.get_slot(planner.ctx, planner.library_slot).account_id == planner.kommune
    assert window.booking_actions.undo_stack.count() == 0
    dialog.reject()
