"""Names are text, never markup (issue 17): a department named like HTML takes nothing over, notes with ``&``
and quotes show as typed, the news link works, and every label that shows what people typed says it as it was
typed — the side panel, the booking dialog, the prompts, the review window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMessageBox

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.services import booking, catalog
from takeover_planner.ui.main_window import MainWindow
from tests.ui.conftest import Planner

HUGE = '<span style="font-size:90px">HUGE</span>'
IMAGE = "<img src=x>"
LINK = "<a href='https://evil.example'>click</a>"
NOTES = 'Tom & Jerry\'s "show" &amp; more\nsecond line'
NEWS = "https://fjordvik.example/news?id=3&lang=nb"


def _shown(label: QLabel) -> str:
    """What a person reads in ``label``: its text as Qt lays it out."""
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def _links(label: QLabel) -> list[str]:
    document = QTextDocument()
    document.setHtml(label.text())
    found, block = [], document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isAnchor():
                found.append(fragment.charFormat().anchorHref())
            it += 1
        block = block.next()
    return found


def _markup_slot(window: MainWindow, planner: Planner) -> int:
    department = catalog.add_department(planner.ctx, HUGE, contact_name=LINK, email="a@fjordvik.example").id
    campaign = catalog.add_campaign(planner.ctx, IMAGE, dt.date(2030, 3, 1), dt.date(2030, 3, 31)).id
    slot = booking.book(planner.ctx, department=department, account=planner.kultur, start=dt.date(2030, 3, 18),
                        end=dt.date(2030, 3, 19), status=SlotStatus.BOOKED, campaign=campaign, notes=NOTES,
                        news_url=NEWS).slot.id
    window.store.reload_catalog()
    window.store.reload(*window.page.visible_range())
    window.page.select(slot)
    return slot


def test_the_side_panel_shows_names_and_notes_as_typed(window: MainWindow, planner: Planner) -> None:
    _markup_slot(window, planner)
    panel = window.page.panel
    assert panel.title.textFormat() == Qt.TextFormat.PlainText and panel.title.text() == HUGE
    assert panel.title.sizeHint().height() < 60, "no 90 px take-over"
    assert _shown(panel.campaign_label) == IMAGE
    assert _shown(panel.contact_label).startswith(LINK)
    assert _links(panel.contact_label) == ["mailto:a@fjordvik.example"], "the name's link is text, not a link"
    notes = _shown(panel.notes_label)
    assert notes.startswith('Tom & Jerry\'s "show" &amp; more\nsecond line')
    assert _links(panel.notes_label) == [NEWS], "the news link opens the article, with its & intact"
    assert panel.notes_label.openExternalLinks()
    # Never Qt's guess for what carries names: plain, or rich with the names escaped.
    for label in (panel.title, panel.subtitle, panel.status_pill, panel.campaign_label, panel.contact_label,
                  panel.notes_label, panel.competing_label, panel.history_label):
        assert label.textFormat() != Qt.TextFormat.AutoText


def test_dialogs_and_prompts_say_names_as_typed(window: MainWindow, planner: Planner) -> None:
    slot = _markup_slot(window, planner)
    dialog = window.page.edit_slot(slot)
    assert dialog is not None
    assert dialog.heading.textFormat() == Qt.TextFormat.PlainText and dialog.heading.text().startswith(HUGE)
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText
    dialog.close()

    window.booking_actions.set_status(slot, SlotStatus.CONFIRMED, lambda exc: None)
    window.page.change_status(slot, SlotStatus.CANCELLED)
    prompt = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in prompt.findChildren(QLabel))
    assert any(HUGE in label.text() for label in prompt.findChildren(QLabel))
    prompt.reject()


def test_the_confirmation_box_is_plain_text(window: MainWindow, planner: Planner) -> None:
    from takeover_planner.ui.dialogs.prompts import ask_confirm

    box = ask_confirm(window, "Title", f"Remove {HUGE}?", "Remove", lambda: None)
    assert box.textFormat() == Qt.TextFormat.PlainText and HUGE in box.text()
    assert isinstance(box, QMessageBox)
    box.reject()


def test_the_review_window_title_is_plain_text(window: MainWindow, planner: Planner) -> None:
    slot = _markup_slot(window, planner)
    review = window.open_review(slot)
    assert review is not None
    title = review.findChild(QLabel, "periodTitle")
    assert isinstance(title, QLabel)
    assert title.textFormat() == Qt.TextFormat.PlainText and title.text().startswith(HUGE)
    review.close()


def test_the_contributor_window_shows_a_brief_zips_names_as_text(window: MainWindow, planner: Planner,
                                                                 tmp_path) -> None:  # type: ignore[no-untyped-def]
    from takeover_planner.services import packages

    slot = _markup_slot(window, planner)
    brief = tmp_path / "oppdragsbrev.zip"
    packages.write_slot_brief(planner.ctx, slot, brief)
    contributor = window.open_brief(str(brief))
    title = contributor.slot_title  # type: ignore[attr-defined]
    assert title.textFormat() == Qt.TextFormat.PlainText and title.text().startswith(HUGE)
    assert title.sizeHint().height() < 90
    contributor.close()


def test_labels_that_show_messages_show_them_as_text(window: MainWindow) -> None:
    """Refusals quote what was typed (a name, a URL, Meta's words): the labels that show them never read markup."""
    from takeover_planner.ui.dialogs.profile_dialog import ProfileDialog

    window.shell.status.set_database(HUGE)
    assert _shown(window.shell.status.database_label) == HUGE
    profile = ProfileDialog(window, window.settings)
    profile.problem.setText(LINK)
    assert _shown(profile.problem) == LINK
    profile.close()
    status = window.publishing.open_status()
    assert status is not None
    status.summary.setText(IMAGE)
    assert _shown(status.summary) == IMAGE
    status.close()
