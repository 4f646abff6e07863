"""The panel beside the calendar: the selected slot's details, its department's contact person, the material
deadline, the story progress (frames submitted / approved / published), competing requests and recent history.

The window fills it: ``show_slot`` at once from memory, ``show_progress``/``show_history`` when the
background reads come back (answers for a slot no longer shown are ignored).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.domain.timekeeping import iso_week, now_utc, to_oslo
from takeover_planner.ui.calendar.legend import Legend
from takeover_planner.ui.calendar.painting import WARNING_COLOR, bar_colors, is_dark, luminance
from takeover_planner.ui.i18n import datetime_text, range_text
from takeover_planner.ui.labels import audit_change_label, status_label

if TYPE_CHECKING:
    from takeover_planner.services.audit import AuditEntry
    from takeover_planner.services.booking import SlotInfo
    from takeover_planner.services.catalog import DepartmentInfo
    from takeover_planner.services.planner_queries import FrameProgress

PANEL_WIDTH = 310


def _label(parent: QWidget, *, selectable: bool = False, wrap: bool = True, rich: bool = False) -> QLabel:
    """A value's label. Names, notes and the rest of what people type are text, never markup: a label is plain
    text unless it is ``rich``, and a rich label's values are escaped where its HTML is built. Never Qt's
    guess (``AutoText``): it would take a department named ``<b>…</b>`` as markup, and show a note with ``&``
    in it, escaped for a rich label but guessed to be plain, as ``&amp;``."""
    label = QLabel(parent)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        label.setOpenExternalLinks(True)
    return label


class SlotDetailsPanel(QScrollArea):
    edit_requested = Signal(int)
    review_requested = Signal(int)
    brief_requested = Signal(int)
    status_menu_requested = Signal(int, object)  # slot id, the button to open the menu at

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(PANEL_WIDTH)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._slot: SlotInfo | None = None
        self._department: DepartmentInfo | None = None
        self._competitors: list[SlotInfo] = []
        self._progress: FrameProgress | None = None
        self._history: list[AuditEntry] | None = None
        self._may_plan = True  # team mode narrows these for readers and contributors (set_permissions)
        self._may_edit: Callable[[int], bool] = lambda _department_id: True

        body = QWidget(self)
        body.setObjectName("sidePanel")
        self.setWidget(body)
        outer = self._body_layout = QVBoxLayout(body)
        outer.setContentsMargins(16, 14, 16, 14)
        outer.setSpacing(10)

        # empty state
        self.empty = QWidget(body)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.setContentsMargins(0, 0, 0, 0)
        self.empty_title = _label(self.empty)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.empty_title.setFont(title_font)
        self.empty_hint = _label(self.empty)
        self.empty_hint.setObjectName("muted")
        empty_layout.addWidget(self.empty_title)
        empty_layout.addWidget(self.empty_hint)
        outer.addWidget(self.empty)

        # details
        self.details = QWidget(body)
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(8)
        header = QHBoxLayout()
        self.swatch = QLabel(self.details)
        self.swatch.setFixedSize(14, 14)
        header.addWidget(self.swatch, 0, Qt.AlignmentFlag.AlignTop)
        self.title = _label(self.details)
        heading = QFont(self.font())
        heading.setPointSizeF(heading.pointSizeF() * 1.3)
        heading.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(heading)
        header.addWidget(self.title, 1)
        details.addLayout(header)
        self.subtitle = _label(self.details)
        self.subtitle.setObjectName("muted")
        details.addWidget(self.subtitle)
        self.status_pill = QLabel(self.details)
        self.status_pill.setTextFormat(Qt.TextFormat.PlainText)
        self.status_pill.setObjectName("statusPill")
        self.status_pill.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        details.addWidget(self.status_pill)

        # Caption above value, one pair after another: wrapped rich text measures its height reliably this way.
        self.dates_label = _label(self.details, rich=True)
        self.deadline_label = _label(self.details, rich=True)
        self.campaign_label = _label(self.details)
        self.contact_label = _label(self.details, selectable=True, rich=True)
        # Two notes, captioned apart: what the department is told, and the comms team's own (with the news link).
        self.department_note_label = _label(self.details, selectable=True)
        self.notes_label = _label(self.details, selectable=True, rich=True)
        self.captions: dict[str, QLabel] = {}
        for key, field in (("dates", self.dates_label), ("deadline", self.deadline_label),
                           ("campaign", self.campaign_label), ("contact", self.contact_label),
                           ("department_note", self.department_note_label), ("notes", self.notes_label)):
            caption = QLabel(self.details)
            caption.setObjectName("caption")
            caption.setBuddy(field)
            self.captions[key] = caption
            pair = QVBoxLayout()
            pair.setSpacing(1)
            pair.addWidget(caption)
            pair.addWidget(field)
            details.addLayout(pair)

        self.competing_label = _label(self.details, rich=True)
        self.competing_label.setObjectName("warning")
        details.addWidget(self.competing_label)

        self.progress_caption = QLabel(self.details)
        self.progress_caption.setObjectName("caption")
        details.addWidget(self.progress_caption)
        self.progress_bars: dict[str, tuple[QLabel, QProgressBar]] = {}
        for key in ("submitted", "approved", "published"):
            row = QHBoxLayout()
            name = QLabel(self.details)
            name.setMinimumWidth(90)
            bar = QProgressBar(self.details)
            bar.setTextVisible(True)
            bar.setFixedHeight(16)
            row.addWidget(name)
            row.addWidget(bar, 1)
            details.addLayout(row)
            self.progress_bars[key] = (name, bar)
        self.progress_note = _label(self.details)
        self.progress_note.setObjectName("muted")
        details.addWidget(self.progress_note)

        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.details)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.status_button = QToolButton(self.details)
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.status_button.clicked.connect(self._on_status_button_clicked)
        self.review_button = QPushButton(self.details)
        self.review_button.clicked.connect(self._on_review_button_clicked)
        self.brief_button = QPushButton(self.details)
        self.brief_button.clicked.connect(self._on_brief_button_clicked)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.status_button)
        buttons.addStretch(1)
        details.addLayout(buttons)
        # The story's own buttons on a row of their own: four buttons do not fit the panel's width in Bokmål.
        story_buttons = QHBoxLayout()
        story_buttons.addWidget(self.review_button)
        story_buttons.addWidget(self.brief_button)
        story_buttons.addStretch(1)
        details.addLayout(story_buttons)
        self._button_rows = ((buttons, (self.edit_button, self.status_button)),
                             (story_buttons, (self.review_button, self.brief_button)))

        self.history_caption = QLabel(self.details)
        self.history_caption.setObjectName("caption")
        details.addWidget(self.history_caption)
        self.history_label = _label(self.details, rich=True)
        self.history_label.setObjectName("muted")
        details.addWidget(self.history_label)
        outer.addWidget(self.details)
        outer.addStretch(1)

        self.legend_caption = QLabel(body)
        self.legend_caption.setObjectName("caption")
        outer.addWidget(self.legend_caption)
        self.legend = Legend(body)
        outer.addWidget(self.legend)

        self._retranslate()
        self.show_slot(None)

    # --- filling ----------------------------------------------------------------------------------------

    @property
    def slot_id(self) -> int:
        return self._slot.id if self._slot is not None else 0

    def show_slot(self, slot: SlotInfo | None, department: DepartmentInfo | None = None,
                  competitors: list[SlotInfo] | None = None) -> None:
        same = slot is not None and self._slot is not None and slot.id == self._slot.id
        self._slot = slot
        self._department = department
        self._competitors = list(competitors or [])
        if not same:
            self._progress = None
            self._history = None
        self.empty.setVisible(slot is None)
        self.details.setVisible(slot is not None)
        self._fill()
        if not same and slot is not None:
            self._fit_width()

    def set_permissions(self, may_plan: bool, may_edit: Callable[[int], bool]) -> None:
        """Team mode: a reader or contributor sees the buttons their role may not use greyed out."""
        self._may_plan = may_plan
        self._may_edit = may_edit
        self._fill()

    def show_progress(self, slot_id: int, progress: FrameProgress) -> None:
        if slot_id == self.slot_id:
            self._progress = progress
            self._fill_progress()

    def show_history(self, slot_id: int, entries: list[AuditEntry]) -> None:
        if slot_id == self.slot_id:
            self._history = entries
            self._fill_history()

    def _fill(self) -> None:
        slot = self._slot
        if slot is None:
            return
        self.swatch.setStyleSheet(f"background: {slot.department_color}; border-radius: 3px;")
        self.title.setText(slot.department)
        self.subtitle.setText(f"#{slot.id} · {slot.account}")
        fill, border, text = bar_colors(QColor(slot.department_color), slot.status, self.palette())
        self.status_pill.setText(status_label(slot.status))
        self.status_pill.setStyleSheet(
            f"#statusPill {{ background: {fill.name()}; color: {text.name()}; border: 1px "
            f"{'dashed' if slot.status in (SlotStatus.REQUESTED, SlotStatus.CANCELLED) else 'solid'} "
            f"{border.name()}; border-radius: 9px; padding: 2px 10px; }}"
        )
        weeks = sorted({iso_week(slot.start), iso_week(slot.end)})
        days = (slot.end - slot.start).days + 1
        week_text = self.tr("week %1").replace("%1", "–".join(str(w) for w in weeks))
        day_count = self.tr("%n day(s)", "", days)
        self.dates_label.setText(
            f"{range_text(slot.start, slot.end)}<br><span style='color:gray'>{week_text} · {day_count}</span>"
        )
        self.deadline_label.setText(self._deadline_text(slot))
        self.campaign_label.setText(slot.campaign or self.tr("None"))
        self.contact_label.setText(self._contact_text())
        self.department_note_label.setText(slot.department_note or self.tr("None"))
        notes = [html.escape(slot.notes).replace("\n", "<br>")] if slot.notes else []
        if slot.news_url:
            safe = html.escape(slot.news_url, quote=True)
            link_text = self.tr("News article")
            # Double quotes: Qt decodes character references (the URL's "&" as "&amp;") only inside those.
            notes.append(f'<a href="{safe}" style="color:{self._link_color()}">{link_text}</a>')
        if slot.status == SlotStatus.CANCELLED and slot.cancel_reason:
            notes.append(self.tr("Cancelled: %1").replace("%1", html.escape(slot.cancel_reason)))
        self.notes_label.setText("<br>".join(notes) if notes else html.escape(self.tr("None")))
        # The internal note is the comms team's: others are never sent it, so their caption does not promise one.
        self.captions["notes"].setText(self.tr("Internal note") if self._may_plan else self.tr("Other details"))
        if self._competitors:
            items = "<br>".join(
                f"#{c.id} {html.escape(c.department)} ({range_text(c.start, c.end)}, {status_label(c.status).lower()})"
                for c in self._competitors
            )
            heading = self.tr("Competes for the same days")
            self.competing_label.setText(f"<b style='color:{WARNING_COLOR.name()}'>⚠ {heading}</b><br>{items}")
            self.competing_label.show()
        else:
            self.competing_label.hide()
        final = slot.status in (SlotStatus.COMPLETED,)
        self.status_button.setEnabled(not final and self._may_plan)
        self.edit_button.setEnabled(slot.status not in (SlotStatus.COMPLETED, SlotStatus.CANCELLED)
                                    and self._may_edit(slot.department_id))
        self.brief_button.setEnabled(slot.status != SlotStatus.CANCELLED and self._may_plan)
        self._fill_progress()
        self._fill_history()

    def _fit_width(self) -> None:
        """Wide enough for the widest row of buttons and the key in this language (the story buttons in
        Bokmål), with room for the scroll bar: the panel never cuts a button off. Worked out from the widgets'
        own size hints (a button's is exact as soon as its text is set), when a slot is first shown and on a
        language change, not on every refresh."""
        outer = self._body_layout.contentsMargins()
        widest = max([self.legend.sizeHint().width()] + [
            sum(w.sizeHint().width() for w in widgets) + max(0, row.spacing()) * (len(widgets) - 1)
            for row, widgets in self._button_rows])
        need = max(PANEL_WIDTH, widest + outer.left() + outer.right() + self.verticalScrollBar().sizeHint().width())
        if need != self.minimumWidth():
            self.setMinimumWidth(need)

    def _deadline_text(self, slot: SlotInfo) -> str:
        if slot.material_deadline is None:
            return self.tr("None")
        text = datetime_text(slot.material_deadline)
        if slot.status in (SlotStatus.COMPLETED, SlotStatus.CANCELLED):
            return text
        now = now_utc()
        days_left = (to_oslo(slot.material_deadline).date() - to_oslo(now).date()).days
        if slot.material_deadline < now:
            passed = self.tr("passed")
            note = f"<span style='color:#c0392b'>{passed}</span>"
        elif days_left == 0:
            due = self.tr("today")
            note = f"<span style='color:{WARNING_COLOR.name()}'>{due}</span>"
        else:
            due = self.tr("in %n day(s)", "", days_left)
            note = f"<span style='color:gray'>{due}</span>"
        return f"{text} · {note}"

    def _contact_text(self) -> str:
        department = self._department
        contact = department.primary_contact if department is not None else None
        if contact is None:
            return html.escape(self.tr("No contact person yet"))
        parts = [html.escape(contact.name)]
        if contact.email:
            safe = html.escape(contact.email, quote=True)
            parts.append(f'<a href="mailto:{safe}" style="color:{self._link_color()}">{safe}</a>')
        if contact.phone:
            parts.append(html.escape(contact.phone))
        return "<br>".join(parts)

    def _link_color(self) -> str:
        """The palette's link colour, lightened on a dark palette if the theme left it dark."""
        color = self.palette().color(QPalette.ColorRole.Link)
        if is_dark(self.palette()) and luminance(color) < 0.45:
            color = QColor("#8ab4f8")
        return color.name()

    def _fill_progress(self) -> None:
        progress = self._progress
        labels = {"submitted": self.tr("Submitted"), "approved": self.tr("Approved"),
                  "published": self.tr("Published")}
        for key, (name, bar) in self.progress_bars.items():
            name.setText(labels[key])
            bar.setAccessibleName(labels[key])
            shown = progress is not None and progress.total > 0
            name.setVisible(shown)
            bar.setVisible(shown)
            if progress is None:
                bar.setRange(0, 1)
                bar.setValue(0)
                bar.setFormat("…")
            else:
                value = getattr(progress, key)
                bar.setRange(0, max(1, progress.total))
                bar.setValue(value)
                bar.setFormat(f"{value} / {progress.total}")
        if progress is None:
            self.progress_note.setText(self.tr("Reading story progress…"))
        elif progress.total == 0:
            self.progress_note.setText(self.tr("No story frames yet."))
        else:
            self.progress_note.setText(self.tr("%n frame(s) in the story.", "", progress.total))

    def _fill_history(self) -> None:
        entries = self._history
        if entries is None:
            self.history_label.setText("…")
            return
        if not entries:
            self.history_label.setText(html.escape(self.tr("No changes recorded.")))
            return
        lines = []
        for entry in entries[-5:][::-1]:
            # A stored moment is always aware (UTCDateTime); a naive one would be taken as UTC.
            when = datetime_text(entry.at if entry.at.tzinfo is not None else entry.at.replace(tzinfo=dt.UTC))
            what = audit_change_label(entry.action, entry.after)
            lines.append(f"{html.escape(when)} · {html.escape(entry.actor)} · {html.escape(what)}")
        self.history_label.setText("<br>".join(lines))

    # --- texts ------------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.empty_title.setText(self.tr("No slot selected"))
        self.empty_hint.setText(self.tr(
            "Click a slot to see its details here.\n\n"
            "Drag across days to book them, drag a slot to move it and drag its ends to change its length. "
            "Right-click a slot to change its status."
        ))
        captions = {"dates": self.tr("Dates"), "deadline": self.tr("Material deadline"),
                    "campaign": self.tr("Campaign"), "contact": self.tr("Contact person"),
                    "department_note": self.tr("Note to the department"), "notes": self.tr("Internal note")}
        for key, caption in self.captions.items():
            caption.setText(captions[key])
        self.progress_caption.setText(self.tr("Story progress"))
        self.history_caption.setText(self.tr("Recent changes"))
        self.legend_caption.setText(self.tr("Key"))
        self.edit_button.setText(self.tr("Edit…"))
        self.status_button.setText(self.tr("Status"))
        self.review_button.setText(self.tr("Review story…"))
        self.brief_button.setText(self.tr("Write brief…"))
        self.brief_button.setToolTip(self.tr("The brief package and its printed letter (PDF) for the department"))
        self.status_button.setAccessibleName(self.tr("Change status"))
        self._fill()
        if self._slot is not None:
            self._fit_width()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._fill()
        super().changeEvent(event)

    def _on_edit_button_clicked(self) -> None:
        if self._slot is not None:
            self.edit_requested.emit(self._slot.id)

    def _on_review_button_clicked(self) -> None:
        if self._slot is not None:
            self.review_requested.emit(self._slot.id)

    def _on_brief_button_clicked(self) -> None:
        if self._slot is not None:
            self.brief_requested.emit(self._slot.id)

    def _on_status_button_clicked(self) -> None:
        if self._slot is not None:
            self.status_menu_requested.emit(self._slot.id, self.status_button)

