"""Departments, accounts, campaigns and blackout periods: a window with one table per kind.

Edits are background writes through the catalog service; afterwards the store re-reads the catalog, so the calendar's filters and colours follow.
Removing a department that has slots never deletes history: the user chooses to archive it, or to archive it
and cancel its future slots.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from takeover_planner.domain.timekeeping import today_oslo
from takeover_planner.ui.dialogs.catalog_dialogs import (
    BlackoutDialog,
    CampaignDialog,
    DepartmentDialog,
    RecordDialog,
)
from takeover_planner.ui.dialogs.prompts import ask_confirm
from takeover_planner.ui.management.account_dialog import AccountDialog
from takeover_planner.ui.management.record_page import RecordPage
from takeover_planner.ui.management.table_models import Kind
from takeover_planner.ui.messages import user_message
from takeover_planner.ui.planner_store import PlannerStore
from takeover_planner.ui.tasks import WRITE, TaskRunner

if TYPE_CHECKING:
    from takeover_planner.errors import TakeoverError
    from takeover_planner.services.context import AppContext

KINDS = (Kind.DEPARTMENTS, Kind.ACCOUNTS, Kind.CAMPAIGNS, Kind.BLACKOUTS)


class ManageWindow(QDialog):
    def __init__(self, store: PlannerStore, runner: TaskRunner, parent: QWidget | None = None,
                 on_slots_changed: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self._on_slots_changed = on_slots_changed
        self.editor: RecordDialog | None = None
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.resize(860, 520)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.pages: dict[Kind, RecordPage] = {}
        for kind in KINDS:
            page = RecordPage(kind, self)
            page.add_requested.connect(lambda k=kind: self.open_editor(k, None))
            page.edit_requested.connect(lambda record, k=kind: self.open_editor(k, record))
            page.remove_requested.connect(lambda record, k=kind: self.remove(k, record))
            self.pages[kind] = page
            self.tabs.addTab(page, "")
        layout.addWidget(self.tabs)
        store.catalog_changed.connect(self._fill)
        self._retranslate()
        self._fill()

    def show_kind(self, kind: Kind) -> None:
        self.tabs.setCurrentIndex(KINDS.index(kind))

    def _fill(self) -> None:
        self.pages[Kind.DEPARTMENTS].set_records(list(self.store.departments.values()))
        self.pages[Kind.ACCOUNTS].set_records(self.store.accounts)
        self.pages[Kind.CAMPAIGNS].set_records(self.store.campaigns)
        self.pages[Kind.BLACKOUTS].set_records(self.store.blackouts)

    # --- writing --------------------------------------------------------------------------------------------

    def _write(self, work: Callable[[AppContext], Any], on_done: Callable[[Any], None],
               on_error: Callable[[TakeoverError], None]) -> None:
        ctx = self.store.ctx
        if ctx is None:
            return
        # The runner turns a locked or unreachable database into an EnvironmentProblem (ui.tasks).
        self.runner.op(lambda: work(ctx)).lane(WRITE).on_done(on_done).on_error(on_error).run()

    def _saved(self, dialog: RecordDialog, slots_too: bool = False) -> Callable[[Any], None]:
        def done(_result: Any) -> None:
            dialog.accept()
            self.store.reload_catalog()
            if slots_too and self._on_slots_changed is not None:
                self._on_slots_changed()

        return done

    def _free_color(self) -> str:
        """A colour no department or campaign has yet: two new ones never look alike on the calendar."""
        from takeover_planner.domain.validation import free_color

        return free_color([*(d.color for d in self.store.departments.values()),
                           *(c.color for c in self.store.campaigns)])

    def open_editor(self, kind: Kind, record: Any | None) -> RecordDialog:
        dialog: RecordDialog
        if kind == Kind.DEPARTMENTS:
            names = {d.name for d in self.store.departments.values()}
            dialog = DepartmentDialog(self, record, names, self._free_color())
        elif kind == Kind.ACCOUNTS:
            dialog = AccountDialog(self, record, {a.name for a in self.store.accounts},
                                   [a for a in self.store.accounts if getattr(a, "platform", "") == "facebook_page"])
        elif kind == Kind.CAMPAIGNS:
            dialog = CampaignDialog(self, record, {c.name for c in self.store.campaigns}, today_oslo(),
                                    self._free_color())
        else:
            dialog = BlackoutDialog(self, record, self.store.accounts, today_oslo())
        dialog.save_requested.connect(lambda values: self._save(kind, dialog, record, values))
        dialog.finished.connect(self._on_editor_finished)
        self.editor = dialog
        dialog.open()
        return dialog

    def _on_editor_finished(self, _result: int) -> None:
        self.editor = None

    def _save(self, kind: Kind, dialog: RecordDialog, record: Any | None, values: dict[str, Any]) -> None:
        def failed(exc: TakeoverError) -> None:
            dialog.show_error(user_message(exc))

        if kind == Kind.DEPARTMENTS:
            def work(ctx: AppContext) -> Any:
                from takeover_planner.services import catalog

                if record is None:
                    return catalog.add_department(ctx, values["name"], contact_name=values["contact_name"],
                                                  email=values["email"], phone=values["phone"], color=values["color"],
                                                  notes=values["notes"])
                contact = record.primary_contact
                changes: dict[str, Any] = {"name": values["name"], "color": values["color"], "notes": values["notes"]}
                if contact is not None or values["contact_name"]:
                    changes.update(contact_name=values["contact_name"], email=values["email"], phone=values["phone"])
                return catalog.update_department(ctx, record.id, expected_version=record.version, **changes)

            self._write(work, self._saved(dialog, slots_too=record is not None), failed)
        elif kind == Kind.ACCOUNTS:
            def work(ctx: AppContext) -> Any:
                from takeover_planner.services import catalog, page_accounts

                page = values.pop("facebook_page_account_id", None)
                platform, page_id = values.pop("platform", "instagram"), values.pop("page_id", None)
                if record is None:
                    saved = catalog.add_account(ctx, values["name"], handle=values["handle"],
                                                api_variant=values["api_variant"], ig_user_id=values["ig_user_id"],
                                                graph_host=values["graph_host"], graph_version=values["graph_version"],
                                                platform=platform, page_id=page_id)
                else:
                    # The same service as `account set`: it checks the user id, host and version.
                    saved = catalog.update_account(ctx, record.id, expected_version=record.version, **values)
                if page != saved.facebook_page_account_id:  # `account link` / `account unlink`
                    if page:
                        page_accounts.link_page(ctx, saved.id, page)
                    else:
                        page_accounts.unlink_page(ctx, saved.id)
                return saved

            self._write(work, self._saved(dialog, slots_too=record is not None), failed)
        elif kind == Kind.CAMPAIGNS:
            def work(ctx: AppContext) -> Any:
                from takeover_planner.services import catalog

                if record is None:
                    return catalog.add_campaign(ctx, values["name"], values["start"], values["end"],
                                                values["description"], color=values["color"])
                return catalog.update_campaign(ctx, record.id, expected_version=record.version, **values)

            self._write(work, self._saved(dialog, slots_too=record is not None), failed)
        else:
            def work(ctx: AppContext) -> Any:
                from takeover_planner.services import catalog

                if record is None:
                    return catalog.add_blackout(ctx, values["name"], values["start"], values["end"],
                                                account=values["account"], reason=values["reason"])
                return catalog.update_blackout(ctx, record.id, expected_version=record.version, **values)

            def done(result: Any) -> None:
                self._saved(dialog)(result)
                if result.affected_slot_ids:
                    ids = ", ".join(f"#{i}" for i in result.affected_slot_ids)
                    self._inform(self.tr("Slots already inside this blackout period"),
                                 self.tr("These slots fall in the blackout period and were kept as they are: %1. "
                                         "Move or cancel them if they should not go ahead.").replace("%1", ids))

            self._write(work, done, failed)

    def _inform(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.NoButton, self)
        box.addButton(self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()
        return box

    # --- removing ---------------------------------------------------------------------------------------------

    def remove(self, kind: Kind, record: Any) -> QMessageBox | None:
        if kind == Kind.DEPARTMENTS:
            return self._remove_department(record)
        if kind == Kind.CAMPAIGNS:
            return ask_confirm(self, self.tr("Remove campaign"),
                               self.tr("Remove the campaign '%1'?").replace("%1", record.name),
                               self.tr("Remove"), lambda: self._remove_campaign(record),
                               informative=self.tr("Its slots stay booked; they just no longer belong to it."),
                               destructive=True)
        if kind == Kind.BLACKOUTS:
            return ask_confirm(self, self.tr("Remove blackout period"),
                               self.tr("Remove the blackout period '%1'?").replace("%1", record.name),
                               self.tr("Remove"), lambda: self._remove_blackout(record), destructive=True)
        return None

    def _report(self, exc: TakeoverError) -> None:
        self._inform(self.tr("Not changed"), user_message(exc))

    def _remove_campaign(self, record: Any) -> None:
        def work(ctx: AppContext) -> None:
            from takeover_planner.services import catalog

            catalog.remove_campaign(ctx, record.id)

        self._write(work, lambda _r: self._after_remove(slots_too=True), self._report)

    def _remove_blackout(self, record: Any) -> None:
        def work(ctx: AppContext) -> None:
            from takeover_planner.services import catalog

            catalog.remove_blackout(ctx, record.id)

        self._write(work, lambda _r: self._after_remove(slots_too=False), self._report)

    def _after_remove(self, *, slots_too: bool) -> None:
        self.store.reload_catalog()
        if slots_too and self._on_slots_changed is not None:
            self._on_slots_changed()

    def _remove_department(self, record: Any) -> QMessageBox:
        box = QMessageBox(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.setWindowTitle(self.tr("Remove department"))
        choices: dict[Any, str] = {}
        if record.slot_count == 0:
            box.setIcon(QMessageBox.Icon.Question)
            box.setText(self.tr("Delete the department '%1'? It has no slots.").replace("%1", record.name))
            choices[box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)] = "delete"
        else:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(self.tr("'%1' has %n slot(s). What should happen to it?", "", record.slot_count)
                        .replace("%1", record.name))
            box.setInformativeText(self.tr(
                "A department with slots is never deleted: its takeovers and their audit trail stay. Archiving hides "
                "it from new bookings and the filters."))
            choices[box.addButton(self.tr("Archive, keep its slots"), QMessageBox.ButtonRole.AcceptRole)] = "archive"
            choices[box.addButton(self.tr("Archive and cancel future slots"),
                                  QMessageBox.ButtonRole.DestructiveRole)] = "archive-cancel-future"
        keep = box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)

        def finished(_result: int) -> None:
            mode = choices.get(box.clickedButton())
            if mode is not None:
                self._do_remove_department(record, mode)

        box.finished.connect(finished)
        box.open()
        return box

    def _do_remove_department(self, record: Any, mode: str) -> None:
        def work(ctx: AppContext) -> str:
            from takeover_planner.services import catalog

            return catalog.remove_department(ctx, record.id, mode=mode)

        self._write(work, lambda _r: self._after_remove(slots_too=mode == "archive-cancel-future"), self._report)

    # --- texts ------------------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Departments, accounts, campaigns and blackout periods"))
        titles = {Kind.DEPARTMENTS: self.tr("Departments"), Kind.ACCOUNTS: self.tr("Accounts"),
                  Kind.CAMPAIGNS: self.tr("Campaigns"), Kind.BLACKOUTS: self.tr("Blackout periods")}
        for index, kind in enumerate(KINDS):
            self.tabs.setTabText(index, titles[kind])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
