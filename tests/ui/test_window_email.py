"""E-mail the department… in a slot's menu (issue 17): the three kinds, the .eml written on the WRITE lane
through services.reminders and read back with Python's own e-mail parser, the status line with its Open the
folder button, a refusal said plainly; and the export dialog's Excel choice is the real spreadsheet."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QMenu

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.services import booking
from takeover_planner.services.profile import set_profile
from takeover_planner.ui.main_window import MainWindow
from tests.ui.conftest import Planner


def _email_menu(window: MainWindow, slot_id: int) -> QMenu:
    menu = window.page.status_menu(slot_id)
    assert menu is not None
    found = menu.findChild(QMenu, "emailMenu")
    assert isinstance(found, QMenu)
    return found


def test_the_menu_offers_three_e_mails_right_after_write_brief(window: MainWindow, planner: Planner) -> None:
    menu = window.page.status_menu(planner.library_slot)
    assert menu is not None
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[texts.index("Write brief…") + 1] == "E-mail the department"
    kinds = [(a.data(), a.text()) for a in _email_menu(window, planner.library_slot).actions()]
    assert kinds == [("brief", "With the brief…"), ("reminder", "Reminder before the deadline…"),
                     ("missed", "The deadline was missed…")]


def test_a_reminder_is_written_as_a_draft_and_the_status_bar_opens_its_folder(
        window: MainWindow, planner: Planner, tmp_path: Path) -> None:
    set_profile(planner.ctx.settings, name="Åse Rådgiver", email="ase@fjordvik.example")
    reminder = next(a for a in _email_menu(window, planner.library_slot).actions() if a.data() == "reminder")
    reminder.trigger()
    dialog = window.emails.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.selectedFiles()[0].endswith(f"epost-paaminnelse-{planner.library_slot}-biblioteket.eml")
    dialog.close()

    out = tmp_path / "reminder.eml"
    window.emails.write(planner.library_slot, "reminder", out)
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1"
    assert message["To"].addresses[0].addr_spec == "kari@fjordvik.example"  # type: ignore[union-attr]
    names = {part.get_filename() for part in message.iter_attachments()}  # type: ignore[attr-defined]
    assert f"takeover-brief-{planner.library_slot}.zip" in names
    assert window.emails.last is not None and window.emails.last.path == out
    assert "reminder.eml" in window.status_area.label.text()
    assert window.status_area.open_folder_button.isVisible()
    assert window.status_area.folder == tmp_path


def test_a_refusal_is_said_and_nothing_is_written(window: MainWindow, planner: Planner, tmp_path: Path,
                                                  monkeypatch) -> None:
    boxes: list[str] = []
    monkeypatch.setattr("takeover_planner.ui.shell.problem_box", lambda _parent, message, *a: boxes.append(message))
    set_profile(planner.ctx.settings, name="Åse Rådgiver", email="ase@fjordvik.example")
    day = dt.date(2030, 3, 25)  # Parkvesenet has no contact person, so no address to write to
    parks_slot = booking.book(planner.ctx, department=planner.parks, account=planner.kultur, start=day, end=day,
                              status=SlotStatus.BOOKED).slot.id
    window.store.reload(*window.page.visible_range())
    window.emails.write(parks_slot, "brief", tmp_path / "x.eml")
    assert not (tmp_path / "x.eml").exists()
    assert len(boxes) == 1 and "Parkvesenet" in boxes[0]  # the one rendered message this file reads
    assert window.status_area.label.text() == boxes[0]


def test_no_e_mail_for_a_cancelled_slot_and_no_reminder_without_a_deadline(window: MainWindow,
                                                                          planner: Planner) -> None:
    window.booking_actions.set_status(planner.fire_slot, SlotStatus.CANCELLED, lambda exc: None, reason="Snow")
    assert not _email_menu(window, planner.fire_slot).isEnabled()
    assert _email_menu(window, planner.library_slot).isEnabled()


def test_the_export_dialogs_excel_choice_is_a_real_spreadsheet(qtbot, window: MainWindow, tmp_path: Path) -> None:
    dialog = window.open_export()
    assert dialog is not None
    formats = [(dialog.format.itemData(i), dialog.format.itemText(i)) for i in range(dialog.format.count())]
    assert ("xlsx", "Spreadsheet for Excel (XLSX)") in formats
    assert [key for key, text in formats if "Excel" in text] == ["xlsx"]
    dialog.path.setText(str(tmp_path / "plan.ics"))
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    assert not dialog.excel.isVisible(), "the CSV's Excel switch is for the CSV only"
    assert dialog.path.text().endswith("plan.xlsx")
    with qtbot.waitSignal(dialog.exported):
        dialog.export_button.click()
    book = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    assert book.sheetnames
    # The finished bar speaks of that file: a new choice takes it away (it does not stay at 100 %).
    assert dialog.progress.isVisible() and dialog.progress.value() == dialog.progress.maximum()
    dialog.path.setText(str(tmp_path / "next.xlsx"))
    assert not dialog.progress.isVisible()
    dialog.close()
