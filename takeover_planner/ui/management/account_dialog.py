"""The editor of an Instagram account in Manage ▸ Accounts: its name and handle, how it is connected, and the
Graph API settings publishing needs — the Instagram user id, the Graph host and the API version — the same
fields as ``takeover-planner account set``, written through the same service (``catalog.update_account``),
which checks them (digits, an http(s) address, a version like v25.0) and says what is wrong.

The host follows the connection: left as that connection's own host (or empty), it changes with it.

A new account is an Instagram account or a Facebook Page account (its Page id), as ``account add --platform
facebook_page --page-id ID``; a Page's platform and id are fixed once made (shown, not edited), and a Page has
none of the Instagram fields and links to nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from takeover_planner.errors import ValidationError
from takeover_planner.instagram.graph_hosts import GRAPH_HOSTS
from takeover_planner.texts.ui import UiText
from takeover_planner.ui.dialogs.catalog_dialogs import RecordDialog
from takeover_planner.ui.labels import api_variant_label

PLATFORMS = ("instagram", "facebook_page")  # services.page_accounts.PLATFORMS, without importing it at start
DEFAULT_VERSION = "v25.0"


def _host(variant: str) -> str:
    """The connection's own Graph host."""
    return GRAPH_HOSTS.get(variant, "")


class AccountDialog(RecordDialog):
    def __init__(self, parent: QWidget | None, record: Any | None, taken_names: set[str],
                 pages: Sequence[Any] = ()) -> None:
        super().__init__(parent, record, taken_names)
        self.platform = QComboBox(self)
        self.platform.setObjectName("platform")
        for platform in PLATFORMS:
            self.platform.addItem("", platform)
        current = str(getattr(record, "platform", "") or "instagram") if record is not None else "instagram"
        self.platform.setCurrentIndex(max(0, self.platform.findData(current)))
        self.platform.setEnabled(record is None)  # a made account keeps its platform
        self.page_id = QLineEdit(str(getattr(record, "page_id", "") or "") if record is not None else "", self)
        self.page_id.setObjectName("pageId")
        self.page_id.setReadOnly(record is not None)
        self.name = QLineEdit(record.name if record else "", self)
        self.handle = QLineEdit(record.handle if record else "", self)
        self.handle.setPlaceholderText("@")
        self.api = QComboBox(self)
        for variant in GRAPH_HOSTS:
            self.api.addItem(api_variant_label(variant), variant)
        if record is not None:
            self.api.setCurrentIndex(max(0, self.api.findData(record.api_variant)))
        self.ig_user_id = QLineEdit((record.ig_user_id or "") if record else "", self)
        self.ig_user_id.setObjectName("igUserId")
        # Shown as the connection's own host when it is that one, so a change of connection carries it along.
        self.graph_host = QLineEdit(self._own_host(record), self)
        self.graph_host.setObjectName("graphHost")
        self.graph_version = QLineEdit(record.graph_version if record else DEFAULT_VERSION, self)
        self.graph_version.setObjectName("graphVersion")
        self.graph_version.setPlaceholderText(DEFAULT_VERSION)
        for key, field in (("platform", self.platform), ("page_id", self.page_id), ("name", self.name),
                           ("handle", self.handle), ("api", self.api), ("ig_user_id", self.ig_user_id),
                           ("graph_host", self.graph_host), ("graph_version", self.graph_version)):
            self.add_row(key, field)
        # Cross-posting (an Instagram account's frames also as stories on a Facebook Page account).
        self.facebook_page = QComboBox(self)
        self.facebook_page.setObjectName("facebookPage")
        self.facebook_page.addItem("", None)
        for page in pages:
            self.facebook_page.addItem(page.name, page.id)
        linked = getattr(record, "facebook_page_account_id", None) if record is not None else None
        self.facebook_page.setCurrentIndex(max(0, self.facebook_page.findData(linked)) if linked else 0)
        self._cross_posting = bool(pages) and getattr(record, "platform", "instagram") != "facebook_page"
        if self._cross_posting:
            self.add_row("facebook_page", self.facebook_page)
        else:
            self.facebook_page.hide()
        self.api.currentIndexChanged.connect(self._on_api_current_index_changed)
        self.platform.currentIndexChanged.connect(self._on_platform_current_index_changed)
        self.retranslate()
        self._show_platform_rows()

    def is_page(self) -> bool:
        return self.platform.currentData() == "facebook_page"

    def _on_platform_current_index_changed(self, _index: int) -> None:
        self._show_platform_rows()

    def _show_platform_rows(self) -> None:
        """A Page has its Page id; an Instagram account its connection, user id and cross-posting."""
        page = self.is_page()
        self.form.setRowVisible(self.page_id, page)
        for field in (self.api, self.ig_user_id):
            self.form.setRowVisible(field, not page)
        if self._cross_posting:
            self.form.setRowVisible(self.facebook_page, not page)

    @staticmethod
    def _own_host(record: Any | None) -> str:
        if record is None:
            return ""
        host = str(record.graph_host or "")
        return "" if host.rstrip("/") == _host(record.api_variant) else host

    def _variant(self) -> str:
        return str(self.api.currentData())

    def _on_api_current_index_changed(self, _index: int) -> None:
        self.graph_host.setPlaceholderText(_host(self._variant()))

    def values(self) -> dict[str, Any]:
        from takeover_planner.domain.validation import clean_handle

        name = self.check_name(self.name.text(), UiText.ACCOUNT_NAME_EMPTY, UiText.ACCOUNT_TAKEN)
        try:
            handle = clean_handle(self.handle.text())
        except ValidationError:
            raise ValidationError(UiText.BAD_HANDLE, handle=self.handle.text().strip()) from None
        # Empty host: the connection's own. The service checks the id, host and version and names what is wrong.
        values: dict[str, Any] = {"name": name, "handle": handle, "api_variant": self._variant(),
                  "ig_user_id": self.ig_user_id.text().strip(), "graph_host": self.graph_host.text().strip(),
                  "graph_version": self.graph_version.text().strip() or DEFAULT_VERSION,
                  "facebook_page_account_id": self.facebook_page.currentData()}
        if self.record is None:
            # A new account's platform and Page id, checked by the service (``page_accounts.clean_platform``).
            page = self.is_page()
            values.update(platform=str(self.platform.currentData()), page_id=self.page_id.text().strip() if page else None)
            if page:
                values.update(ig_user_id="", facebook_page_account_id=None)
        return values

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Edit account") if self.record else self.tr("New account"))
        self.set_labels({"platform": self.tr("&Platform"), "page_id": self.tr("Facebook Page &ID")})
        self.platform.setItemText(0, self.tr("Instagram"))
        self.platform.setItemText(1, self.tr("Facebook Page"))
        self.page_id.setPlaceholderText(self.tr("Digits, from the Page's settings in Meta's Business Suite"))
        self.page_id.setToolTip(self.tr("Set the Page's access token afterwards with: takeover-planner account "
                                        "set-token NAME"))
        self.set_labels({"name": self.tr("&Name"), "handle": self.tr("&Handle"), "api": self.tr("&Connected through"),
                         "ig_user_id": self.tr("Instagram &user ID"), "graph_host": self.tr("Graph API h&ost"),
                         "graph_version": self.tr("Graph API &version")})
        if self._cross_posting:
            self.set_labels({"facebook_page": self.tr("Also on Facebook &Page")})
        self.facebook_page.setItemText(0, self.tr("(not cross-posted)"))
        self.facebook_page.setToolTip(self.tr("Every frame of this account's takeovers also goes out as a story on "
                                              "this Facebook Page, at the same time."))
        self.ig_user_id.setPlaceholderText(self.tr("Digits, from Meta's settings for the account"))
        self.graph_host.setPlaceholderText(_host(self._variant()))
        self.ig_user_id.setToolTip(self.tr("Needed to publish through the API. Leave empty to post by hand."))
        self.graph_host.setToolTip(self.tr("Leave empty to use the connection's own address."))
        for i, variant in enumerate(GRAPH_HOSTS):
            self.api.setItemText(i, api_variant_label(variant))
