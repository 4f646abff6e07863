"""The bar above the calendar: today / previous / next, the period's title, the view switch, a search box,
"New booking", and the filters (account, department, campaign, statuses)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.ui.icons import icon
from takeover_planner.ui.labels import all_label, status_label
from takeover_planner.ui.slot_filter import DEFAULT_STATUSES, SlotFilter

if TYPE_CHECKING:
    from takeover_planner.services.catalog import AccountInfo, CampaignInfo, DepartmentInfo

SEARCH_DELAY_MS = 150
SEARCH_MIN_WIDTH = 160
SEARCH_MAX_WIDTH = 320
VIEWS = ("month", "week", "agenda")


class PlannerToolbar(QWidget):
    today_requested = Signal()
    previous_requested = Signal()
    next_requested = Signal()
    view_requested = Signal(str)
    new_booking_requested = Signal()
    filter_changed = Signal(object)  # SlotFilter
    search_typed = Signal()  # at once, before the typing pause that filter_changed waits for

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plannerToolbar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 10, 14, 8)
        outer.setSpacing(8)

        top = QHBoxLayout()
        top.setSpacing(6)
        self.today_button = QPushButton(self)
        self.previous_button = QToolButton(self)
        self.previous_button.setIcon(icon("chevron-left"))
        self.next_button = QToolButton(self)
        self.next_button.setIcon(icon("chevron-right"))
        for button in (self.previous_button, self.next_button):
            button.setAutoRaise(True)
            button.setIconSize(QSize(20, 20))
        self.title = QLabel(self)
        self.title.setObjectName("periodTitle")
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.45)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(title_font)
        self.title.setMinimumWidth(220)
        top.addWidget(self.today_button)
        top.addWidget(self.previous_button)
        top.addWidget(self.next_button)
        top.addSpacing(8)
        top.addWidget(self.title)
        top.addStretch(1)

        self.view_group = QButtonGroup(self)
        self.view_group.setExclusive(True)
        self.view_buttons: dict[str, QToolButton] = {}
        switch = QHBoxLayout()
        switch.setSpacing(0)
        for index, name in enumerate(VIEWS):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setObjectName("segment")
            button.setProperty("position", "first" if index == 0 else ("last" if index == len(VIEWS) - 1 else "middle"))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.view_group.addButton(button, index)
            self.view_buttons[name] = button
            switch.addWidget(button)
        self.view_group.idClicked.connect(self._on_view_group_id_clicked)
        top.addLayout(switch)
        top.addSpacing(10)

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search_icon = self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        # The search box is what gives way on a narrow window (1024 px): it shrinks to SEARCH_MIN_WIDTH and grows
        # to SEARCH_MAX_WIDTH, while the view switch and "New booking" keep their full size.
        self.search.setMinimumWidth(SEARCH_MIN_WIDTH)
        self.search.setMaximumWidth(SEARCH_MAX_WIDTH)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        top.addWidget(self.search, 1)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("primary")
        self.new_button.setIcon(icon("plus-white"))
        top.addWidget(self.new_button)
        for keeps_size in (self.new_button, *self.view_buttons.values()):
            keeps_size.setSizePolicy(QSizePolicy.Policy.Fixed, keeps_size.sizePolicy().verticalPolicy())
        outer.addLayout(top)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        self.filter_label = QLabel(self)
        self.filter_label.setObjectName("muted")
        self.account = QComboBox(self)
        self.department = QComboBox(self)
        self.department.setEditable(True)
        self.department.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.campaign = QComboBox(self)
        for combo in (self.account, self.department, self.campaign):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        self.status_button = QPushButton(self)
        self.status_menu = QMenu(self)
        self.status_actions: dict[SlotStatus, QAction] = {}
        for status in SlotStatus:
            action = QAction(self)
            action.setCheckable(True)
            action.setChecked(status in DEFAULT_STATUSES)
            action.toggled.connect(self._on_status_action_toggled)
            self.status_menu.addAction(action)
            self.status_actions[status] = action
        self.status_button.setMenu(self.status_menu)
        self.clear_button = QPushButton(self)
        self.clear_button.setFlat(True)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("muted")
        filters.addWidget(self.filter_label)
        filters.addWidget(self.account)
        filters.addWidget(self.department)
        filters.addWidget(self.campaign)
        filters.addWidget(self.status_button)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        outer.addLayout(filters)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit_filter)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.account.currentIndexChanged.connect(self._emit_filter)
        self.department.currentIndexChanged.connect(self._emit_filter)
        self.campaign.currentIndexChanged.connect(self._emit_filter)
        self.today_button.clicked.connect(self.today_requested)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.new_button.clicked.connect(self.new_booking_requested)
        self._filling = False
        self._retranslate()
        self.set_catalog([], [], [])

    # --- state ------------------------------------------------------------------------------------------------

    def set_title(self, text: str) -> None:
        self.title.setText(text)

    def set_view(self, view: str) -> None:
        self.view_buttons[view].setChecked(True)
        self._retranslate_navigation(view)

    def set_count(self, text: str) -> None:
        self.count_label.setText(text)

    def set_catalog(self, accounts: list[AccountInfo], departments: list[DepartmentInfo],
                    campaigns: list[CampaignInfo]) -> None:
        """Refill the filter lists, keeping what was chosen if it still exists."""
        self._filling = True
        try:
            self._refill(self.account, "account", [(a.name, a.id) for a in accounts])
            names = sorted(((d.name, d.id) for d in departments if not d.archived), key=lambda x: x[0].casefold())
            self._refill(self.department, "department", names)
            completer = QCompleter([n for n, _ in names], self.department)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.activated.connect(self._on_department_completer_activated)
            self.department.setCompleter(completer)
            self._refill(self.campaign, "campaign", [(c.name, c.id) for c in campaigns])
        finally:
            self._filling = False
        self._emit_filter()

    def _refill(self, combo: QComboBox, kind: str, items: list[tuple[str, int]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_label(kind), None)
        for name, item_id in items:
            combo.addItem(name, item_id)
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def current_filter(self) -> SlotFilter:
        statuses = frozenset(s for s, action in self.status_actions.items() if action.isChecked())
        return SlotFilter(
            account_id=self.account.currentData(),
            department_id=self.department.currentData(),
            campaign_id=self.campaign.currentData(),
            statuses=statuses,
            text=self.search.text().strip(),
        )

    def flush_search(self) -> None:
        """Apply a typed search now instead of after the short typing pause."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._emit_filter()

    def stop_timers(self) -> None:
        self._search_timer.stop()

    # --- reacting --------------------------------------------------------------------------------------------------

    def _on_search_text_changed(self, text: str) -> None:
        self._search_timer.start()
        if text.strip():
            self.search_typed.emit()

    def _on_status_action_toggled(self, _checked: bool) -> None:
        self._update_status_button()
        self._emit_filter()

    def _on_department_completer_activated(self, text: str) -> None:
        index = self.department.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            self.department.setCurrentIndex(index)

    def _on_clear_button_clicked(self) -> None:
        self._filling = True
        try:
            self.search.clear()
            self._search_timer.stop()
            for combo in (self.account, self.department, self.campaign):
                combo.setCurrentIndex(0)
            for status, action in self.status_actions.items():
                action.setChecked(status in DEFAULT_STATUSES)
        finally:
            self._filling = False
        self._emit_filter()

    def _on_view_group_id_clicked(self, index: int) -> None:
        self.view_requested.emit(VIEWS[index])

    def _emit_filter(self, *_args: object) -> None:
        if self._filling:
            return
        current = self.current_filter()
        self.clear_button.setVisible(current.is_narrowed)
        self.filter_changed.emit(current)

    def _update_status_button(self) -> None:
        checked = [s for s, a in self.status_actions.items() if a.isChecked()]
        if set(checked) == set(DEFAULT_STATUSES):
            text = self.tr("Status: all but cancelled")
        elif len(checked) == len(SlotStatus):
            text = self.tr("Status: all")
        elif not checked:
            text = self.tr("Status: none")
        else:
            text = self.tr("Status: %1").replace("%1", ", ".join(status_label(s).lower() for s in checked))
        self.status_button.setText(text)

    # --- texts ----------------------------------------------------------------------------------------------------

    def _retranslate_navigation(self, view: str) -> None:
        if view == "week":
            previous, following = self.tr("Previous week"), self.tr("Next week")
        else:
            previous, following = self.tr("Previous month"), self.tr("Next month")
        self.previous_button.setToolTip(previous)
        self.previous_button.setAccessibleName(previous)
        self.next_button.setToolTip(following)
        self.next_button.setAccessibleName(following)

    def _retranslate(self) -> None:
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Go to today (Ctrl+T)"))
        view = next((name for name, b in self.view_buttons.items() if b.isChecked()), "month")
        self._retranslate_navigation(view)
        titles = {"month": self.tr("Month"), "week": self.tr("Week"), "agenda": self.tr("Agenda")}
        keys = {"month": "Ctrl+1", "week": "Ctrl+2", "agenda": "Ctrl+3"}
        for name, button in self.view_buttons.items():
            button.setText(titles[name])
            button.setToolTip(f"{titles[name]} ({keys[name]})")
        self.search.setPlaceholderText(self.tr("Search slots, departments, contacts…"))
        self.search.setAccessibleName(self.tr("Search"))
        # The box's two icon buttons are named by their actions' text (a screen reader reads no tooltip or icon).
        self.search_icon.setText(self.tr("Search"))
        clear_search = self.search.findChild(QAction, "_q_qlineeditclearaction")
        if clear_search is not None:
            clear_search.setText(self.tr("Clear search"))
        self.new_button.setText(self.tr("New booking"))
        self.new_button.setToolTip(self.tr("Book a department into a slot (Ctrl+N)"))
        self.filter_label.setText(self.tr("Show:"))
        self.account.setAccessibleName(self.tr("Filter by account"))
        self.department.setAccessibleName(self.tr("Filter by department"))
        department_field = self.department.lineEdit()
        if department_field is not None:  # the typing field inside the combo box is a text field of its own
            department_field.setAccessibleName(self.tr("Filter by department"))
        self.campaign.setAccessibleName(self.tr("Filter by campaign"))
        self.status_button.setAccessibleName(self.tr("Filter by status"))
        self.clear_button.setText(self.tr("Clear filters"))
        for status, action in self.status_actions.items():
            action.setText(status_label(status))
        for combo, kind in ((self.account, "account"), (self.department, "department"), (self.campaign, "campaign")):
            if combo.count():
                combo.setItemText(0, all_label(kind))
        self._update_status_button()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
