"""Departments, accounts, campaigns and blackout periods: tables, editors with validation, safe removal."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.services import booking, catalog
from takeover_planner.texts import render
from takeover_planner.texts.ui import UiText
from takeover_planner.ui.dialogs.catalog_dialogs import BlackoutDialog, CampaignDialog, DepartmentDialog
from takeover_planner.ui.management.table_models import RECORD_ROLE, Kind
from tests.ui.conftest import Planner


def _names(page) -> list[str]:
    return [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]


def _visible_box() -> QMessageBox:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())


def test_tables_sort_and_filter(window, planner: Planner) -> None:
    manage = window.open_manage(Kind.DEPARTMENTS)
    page = manage.pages[Kind.DEPARTMENTS]
    assert _names(page) == ["Biblioteket", "Brannvesenet", "Parkvesenet"]
    page.table.sortByColumn(page.model.column_of("slots"), Qt.SortOrder.DescendingOrder)
    assert _names(page)[-1] == "Parkvesenet"  # no slots: last when sorted by slot count, most first
    page.filter.setText("brann")
    assert _names(page) == ["Brannvesenet"]
    contact_column = page.model.column_of("email")
    assert page.proxy.index(0, contact_column).data() == "ola@fjordvik.example"
    assert [manage.tabs.tabText(i) for i in range(4)] == ["Departments", "Accounts", "Campaigns", "Blackout periods"]


def test_add_a_department_with_validation(window, planner: Planner, qtbot) -> None:
    manage = window.open_manage(Kind.DEPARTMENTS)
    manage.pages[Kind.DEPARTMENTS].add_button.click()
    dialog = manage.editor
    assert isinstance(dialog, DepartmentDialog)
    dialog.name.setText("biblioteket")
    dialog.save_button.click()
    assert "already a department called 'biblioteket'" in dialog.error_text()
    dialog.name.setText("Kulturskolen")
    dialog.contact.setText("Siri Strand")
    dialog.email.setText("siri@@example")
    dialog.save_button.click()
    assert "not a valid e-mail address" in dialog.error_text()
    dialog.email.setText("siri@fjordvik.example")
    dialog.save_button.click()
    assert not dialog.isVisible()
    added = [d for d in catalog.list_departments(planner.ctx) if d.name == "Kulturskolen"]
    assert added and added[0].primary_contact.email == "siri@fjordvik.example"
    assert "Kulturskolen" in _names(manage.pages[Kind.DEPARTMENTS])
    # the calendar's filter list follows
    toolbar = window.page.toolbar
    assert toolbar.department.findText("Kulturskolen") > 0


def test_edit_a_department_renames_it_in_the_calendar(window, planner: Planner) -> None:
    manage = window.open_manage(Kind.DEPARTMENTS)
    page = manage.pages[Kind.DEPARTMENTS]
    record = next(d for d in (page.model.index(r, 0).data(RECORD_ROLE) for r in range(page.model.rowCount()))
                  if d.name == "Biblioteket")
    dialog = manage.open_editor(Kind.DEPARTMENTS, record)
    dialog.name.setText("Fjordvik bibliotek")
    dialog.save_button.click()
    assert window.store.slot(planner.library_slot).department == "Fjordvik bibliotek"


def test_removing_a_department_with_slots_archives_it_and_keeps_history(window, planner: Planner) -> None:
    manage = window.open_manage(Kind.DEPARTMENTS)
    page = manage.pages[Kind.DEPARTMENTS]
    assert page.select_by_name("Brannvesenet")
    assert page.remove_button.text() == "Archive or remove…"
    page.remove_button.click()
    box = _visible_box()
    texts = [b.text() for b in box.buttons()]
    assert "Archive, keep its slots" in texts and "Delete" not in texts
    next(b for b in box.buttons() if b.text() == "Archive and cancel future slots").click()
    brann = next(d for d in catalog.list_departments(planner.ctx) if d.name == "Brannvesenet")
    assert brann.archived
    slot = booking.get_slot(planner.ctx, planner.fire_slot)
    assert slot.status == SlotStatus.CANCELLED  # it lies in 2030, in the future
    assert [e.action for e in booking.slot_history(planner.ctx, planner.fire_slot)][-1] == "status"
    assert "Brannvesenet" not in _names(page)
    page.show_archived.setChecked(True)
    assert "Brannvesenet" in _names(page)
    assert window.page.toolbar.department.findText("Brannvesenet") < 0


def test_a_department_without_slots_can_be_deleted_after_asking(window, planner: Planner) -> None:
    manage = window.open_manage(Kind.DEPARTMENTS)
    page = manage.pages[Kind.DEPARTMENTS]
    page.select_by_name("Parkvesenet")
    page.remove_button.click()
    box = _visible_box()
    next(b for b in box.buttons() if b.text() == "Keep it").click()
    assert "Parkvesenet" in [d.name for d in catalog.list_departments(planner.ctx)]
    page.select_by_name("Parkvesenet")
    page.remove_button.click()
    next(b for b in _visible_box().buttons() if b.text() == "Delete").click()
    assert "Parkvesenet" not in [d.name for d in catalog.list_departments(planner.ctx)]


def test_accounts_can_be_added_and_renamed_but_not_removed(window, planner: Planner) -> None:
    manage = window.open_manage(Kind.ACCOUNTS)
    page = manage.pages[Kind.ACCOUNTS]
    page.select_by_name("Fjordvik kultur")
    assert page.edit_button.isEnabled() and not page.remove_button.isEnabled()
    dialog = manage.open_editor(Kind.ACCOUNTS, None)
    dialog.name.setText("Fjordvik ungdom")
    dialog.handle.setText("not a handle!")
    dialog.save_button.click()
    assert dialog.error_text() == render(UiText.BAD_HANDLE, {"handle": "not a handle!"})
    dialog.handle.setText("@fjordvikung")
    dialog.save_button.click()
    assert [a.handle for a in catalog.list_accounts(planner.ctx) if a.name == "Fjordvik ungdom"] == ["fjordvikung"]
    assert window.page.toolbar.account.findText("Fjordvik ungdom") > 0


def test_campaigns_are_added_edited_and_removed(window, planner: Planner) -> None:
    manage = window.open_manage(Kind.CAMPAIGNS)
    dialog = manage.open_editor(Kind.CAMPAIGNS, None)
    assert isinstance(dialog, CampaignDialog)
    dialog.name.setText("Miljøuka")
    dialog.start.setDate(dialog.start.date().fromString("2030-03-11", "yyyy-MM-dd"))
    dialog.end.setDate(dialog.end.date().fromString("2030-03-10", "yyyy-MM-dd"))
    dialog.save_button.click()
    assert "before the first day" in dialog.error_text()
    dialog.end.setDate(dialog.end.date().fromString("2030-03-17", "yyyy-MM-dd"))
    dialog.save_button.click()
    campaign = next(c for c in catalog.list_campaigns(planner.ctx) if c.name == "Miljøuka")
    assert (campaign.start, campaign.end) == (dt.date(2030, 3, 11), dt.date(2030, 3, 17))
    assert [c.name for c in window.page.month_grid._campaigns] == ["Miljøuka"]

    edit = manage.open_editor(Kind.CAMPAIGNS, campaign)
    edit.name.setText("Miljøveka")
    edit.save_button.click()
    assert [c.name for c in catalog.list_campaigns(planner.ctx)] == ["Miljøveka"]

    page = manage.pages[Kind.CAMPAIGNS]
    page.select_by_name("Miljøveka")
    page.remove_button.click()
    next(b for b in _visible_box().buttons() if b.text() == "Remove").click()
    assert catalog.list_campaigns(planner.ctx) == []


def test_a_blackout_over_existing_slots_says_which_are_inside(window, planner: Planner) -> None:
    manage = window.open_manage(Kind.BLACKOUTS)
    dialog = manage.open_editor(Kind.BLACKOUTS, None)
    assert isinstance(dialog, BlackoutDialog)
    dialog.name.setText("Krisestab")
    dialog.start.setDate(dialog.start.date().fromString("2030-03-05", "yyyy-MM-dd"))
    dialog.end.setDate(dialog.end.date().fromString("2030-03-05", "yyyy-MM-dd"))
    dialog.save_button.click()
    box = _visible_box()
    assert f"#{planner.library_slot}" in box.text()
    box.accept()
    assert sorted(b.name for b in window.store.blackouts) == ["Krisestab", "Valgdagen"]
    # and booking into it is refused from now on
    assert booking.get_slot(planner.ctx, planner.library_slot).status == SlotStatus.BOOKED


def test_a_stale_edit_is_refused_not_overwritten(window, planner: Planner) -> None:
    manage = window.open_manage(Kind.DEPARTMENTS)
    page = manage.pages[Kind.DEPARTMENTS]
    record = next(d for d in (page.model.index(r, 0).data(RECORD_ROLE) for r in range(page.model.rowCount()))
                  if d.name == "Parkvesenet")
    catalog.update_department(planner.ctx, record.id, notes="changed elsewhere")
    dialog = manage.open_editor(Kind.DEPARTMENTS, record)
    dialog.name.setText("Parkene")
    dialog.save_button.click()
    assert "changed by someone else" in dialog.error_text()
    assert dialog.isVisible()
