"""Write brief… in the planner window: from a slot's menu (right after Review story…) and the details panel, a
dialog asks where to save the package, the letter's language (Bokmål first) and whether the PDF goes beside
it; the writing runs on the task runner (really off the GUI thread), and a status-bar line with an
"Open the folder" button says where it went. Cancelled slots and roles that may not plan get no brief."""

from __future__ import annotations

import dataclasses
import threading
import zipfile
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QPoint, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from takeover_planner.domain.roles import Profile, Role
from takeover_planner.domain.slots import SlotStatus
from takeover_planner.services import booking, packages
from takeover_planner.storage.models import Person
from takeover_planner.ui.dialogs.brief_dialog import WriteBriefDialog, WrittenBrief
from takeover_planner.ui.main_window import MainWindow
from takeover_planner.ui.tasks import TaskRunner
from tests.ui.conftest import Planner


class _UrlCatcher(QObject):
    """Stands in for the desktop's file manager: QDesktopServices hands it the folder to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def _menu_texts(window: MainWindow, slot_id: int) -> list[str]:
    menu = window.page.status_menu(slot_id)
    assert menu is not None
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def _brief_action(window: MainWindow, slot_id: int) -> Any:
    menu = window.page.status_menu(slot_id)
    assert menu is not None
    return next(a for a in menu.actions() if a.text() == "Write brief…")


def test_the_menu_writes_a_brief_and_the_status_bar_opens_its_folder(window: MainWindow, planner: Planner,
                                                                     tmp_path: Path) -> None:
    texts = _menu_texts(window, planner.library_slot)
    assert texts[texts.index("Review story…") + 1] == "Write brief…", "right after Review story…"
    action = _brief_action(window, planner.library_slot)
    assert action.isEnabled()
    action.trigger()
    dialog = window.briefs.dialog
    assert isinstance(dialog, WriteBriefDialog) and dialog.isVisible()
    assert dialog.language.currentData() == "nb" and dialog.language.currentText() == "Norsk bokmål"
    assert dialog.with_pdf.isChecked(), "the PDF beside the package is on by default"
    assert Path(dialog.path.text()).name == f"oppdragsbrev-{planner.library_slot}-biblioteket.zip"

    dialog.path.setText(str(tmp_path / "brief"))  # the .zip is added
    dialog.write_button.click()
    package, pdf = tmp_path / "brief.zip", tmp_path / "brief.pdf"
    assert package.is_file() and pdf.read_bytes().startswith(b"%PDF")
    with zipfile.ZipFile(package) as zf:
        assert "brief-nb.pdf" in zf.namelist()
    assert not dialog.isVisible() and window.briefs.dialog is None
    assert "brief.zip" in window.status_area.label.text() and "PDF" in window.status_area.label.text()
    assert window.briefs.last == WrittenBrief(planner.library_slot, package, pdf)

    button = window.status_area.open_folder_button
    assert button.isVisible() and button.text() == "Open the folder"
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in catcher.urls] == [str(tmp_path)]
    window.show_status("Something else.")
    assert not button.isVisible(), "the button belongs to its line"

    # The next brief is suggested in the same folder.
    window.page.select(planner.fire_slot)
    window.page.panel.brief_button.click()
    again = window.briefs.dialog
    assert again is not None and Path(again.path.text()).parent == tmp_path
    again.reject()


def test_the_panel_button_writes_an_english_brief_without_the_pdf_beside(window: MainWindow, planner: Planner,
                                                                         tmp_path: Path) -> None:
    panel = window.page.panel
    window.page.select(planner.library_slot)
    assert panel.brief_button.isEnabled() and panel.brief_button.text() == "Write brief…"
    assert panel.brief_button.parentWidget() is panel.review_button.parentWidget()
    assert panel.brief_button.geometry().top() == panel.review_button.geometry().top(), "beside Review story…"
    panel.brief_button.click()
    dialog = window.briefs.dialog
    assert dialog is not None
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.with_pdf.setChecked(False)
    dialog.path.setText(str(tmp_path / "library.zip"))
    dialog.write_button.click()
    assert (tmp_path / "library.zip").is_file() and not (tmp_path / "library.pdf").exists()
    with zipfile.ZipFile(tmp_path / "library.zip") as zf:
        assert "brief-en.pdf" in zf.namelist()
    assert window.status_area.label.text() == "The brief for Biblioteket is saved as library.zip."


def test_an_existing_file_is_replaced_only_when_asked_twice_and_a_missing_folder_is_a_message(
        window: MainWindow, planner: Planner, tmp_path: Path) -> None:
    old = tmp_path / "brief.zip"
    old.write_bytes(b"an older brief")
    dialog = window.briefs.open_dialog(planner.library_slot)
    assert dialog is not None
    dialog.path.setText(str(tmp_path / "missing" / "brief.zip"))
    dialog.write_button.click()
    assert dialog.error.isVisible() and "does not exist" in dialog.error.text() and dialog.isVisible()
    dialog.path.setText(str(old))
    dialog.write_button.click()
    assert "brief.zip already exists" in dialog.error.text() and old.read_bytes() == b"an older brief"
    dialog.write_button.click()
    assert not dialog.isVisible() and zipfile.is_zipfile(old) and (tmp_path / "brief.pdf").is_file()


def test_no_brief_for_a_cancelled_slot_or_a_reader(window: MainWindow, planner: Planner) -> None:
    booking.set_status(planner.ctx, planner.fire_slot, SlotStatus.CANCELLED, reason="Valget")
    window.reload()
    # Cancelled slots are hidden unless the status filter asks for them.
    window.page._on_toolbar_filter_changed(dataclasses.replace(window.page.slot_filter, statuses=frozenset(SlotStatus)))
    assert planner.fire_slot in [s.id for s in window.page.model.slots()]
    window.page.select(planner.fire_slot)
    assert not window.page.panel.brief_button.isEnabled()
    assert not _brief_action(window, planner.fire_slot).isEnabled()
    assert window.briefs.open_dialog(planner.fire_slot) is None

    window.page.set_profile(Profile("Lise Leser", Role.READER, None))
    window.page.select(planner.library_slot)
    assert not window.page.panel.brief_button.isEnabled()
    assert not _brief_action(window, planner.library_slot).isEnabled()
    window.page.set_profile(Profile("Kari", Role.COMMS_OFFICER, None))
    assert window.page.panel.brief_button.isEnabled()


def test_a_refusal_from_the_service_is_shown_in_the_dialog(window: MainWindow, planner: Planner,
                                                           tmp_path: Path) -> None:
    ctx = planner.ctx
    with ctx.db.write() as s:
        s.add(Person(name="Kari Kommunikasjon", role="comms_officer"))
        s.add(Person(name="Lise Leser", role="reader"))
    ctx.actor = "Lise Leser"  # the window has not read the new profile yet: the service still says no
    dialog = window.briefs.open_dialog(planner.library_slot)
    assert dialog is not None
    dialog.path.setText(str(tmp_path / "brief.zip"))
    dialog.write_button.click()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "Only comms officers may write briefs" in dialog.error.text()
    assert dialog.write_button.isEnabled() and dialog.write_button.text() == "&Write brief"
    assert not (tmp_path / "brief.zip").exists() and not (tmp_path / "brief.pdf").exists()
    dialog.reject()


def test_the_brief_is_painted_and_written_off_the_gui_thread(qtbot: Any, planner: Planner, translations: Any,
                                                             tmp_path: Path, monkeypatch: Any) -> None:
    threads: list[int] = []
    real = packages.write_slot_brief

    def recording(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(packages, "write_slot_brief", recording)
    runner = TaskRunner()  # real worker threads, as in the running app
    written: list[WrittenBrief] = []
    slot = booking.get_slot(planner.ctx, planner.library_slot)
    dialog = WriteBriefDialog(None, planner.ctx, runner, slot, tmp_path, written.append)
    dialog.open()
    try:
        dialog.write_button.click()
        assert dialog.busy and not dialog.write_button.isEnabled() and dialog.cancel_button.isEnabled()
        qtbot.waitUntil(lambda: bool(written), timeout=30_000)
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5_000)  # accepted, then deleted on close
    finally:
        runner.shutdown()
        if shiboken6.isValid(dialog):
            dialog.close()
    assert threads and threads[0] != threading.get_ident(), "the PDF was painted on a worker"
    package = tmp_path / f"oppdragsbrev-{planner.library_slot}-biblioteket.zip"
    assert written == [WrittenBrief(planner.library_slot, package, package.with_suffix(".pdf"))]
    assert package.is_file() and package.with_suffix(".pdf").is_file()
    runner.deleteLater()


def test_write_brief_speaks_bokmaal(qtbot: Any, window: MainWindow, planner: Planner, translations: Any) -> None:
    from takeover_planner.ui.i18n import BOKMAAL, ENGLISH

    window.page.select(planner.library_slot)
    translations.apply(BOKMAAL)
    try:
        qtbot.waitUntil(lambda: window.page.panel.brief_button.text() == "Skriv oppdragsbrev …", timeout=2000)
        assert "Skriv oppdragsbrev …" in _menu_texts(window, planner.library_slot)
        dialog = window.briefs.open_dialog(planner.library_slot)
        assert dialog is not None and dialog.write_button.text() == "&Skriv oppdragsbrev"
        assert dialog.with_pdf.text() == "Lagre også P&DF-en ved siden av"
        dialog.reject()
        # Squeezed to its narrowest, the panel still shows both story buttons whole.
        panel = window.page.panel
        window.page.splitter.setSizes([10_000, 0])
        qtbot.waitUntil(lambda: panel.width() == panel.minimumWidth(), timeout=2000)
        right = panel.brief_button.mapTo(panel.viewport(), QPoint(panel.brief_button.width(), 0)).x()
        assert 0 < right <= panel.viewport().width(), (right, panel.viewport().width())
    finally:
        translations.apply(ENGLISH)
