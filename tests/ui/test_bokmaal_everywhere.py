"""Issue 16, "Bokmål everywhere": one date style per language, the audit trail in words, the demo in Bokmål."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from takeover_planner.domain.review import ACTION_NAMES
from takeover_planner.services import booking, catalog, demo
from takeover_planner.services.context import AppContext
from takeover_planner.ui import i18n, labels
from takeover_planner.ui.i18n import BOKMAAL, ENGLISH, locale_for

PACKAGE = Path(__file__).resolve().parents[2] / "takeover_planner"
DAY = dt.date(2027, 3, 4)


def test_bokmaal_dates_read_4_mars_2027_in_prose_and_04_03_2027_in_tables() -> None:
    nb = locale_for(BOKMAAL)
    assert i18n.date_text(DAY, nb) == "4. mars 2027"
    assert i18n.range_text(DAY, DAY + dt.timedelta(days=2), nb) == "4.–6. mars 2027"
    assert i18n.table_date(DAY, nb) == "04.03.2027"
    assert i18n.table_range(DAY, DAY + dt.timedelta(days=2), nb) == "04.–06.03.2027"
    assert i18n.table_range(dt.date(2027, 2, 26), DAY, nb) == "26.02.–04.03.2027"
    assert i18n.table_range(dt.date(2026, 12, 30), DAY, nb) == "30.12.2026–04.03.2027"
    moment = dt.datetime(2027, 3, 4, 13, 0, tzinfo=dt.UTC)  # 14:00 in Oslo (winter time)
    assert i18n.datetime_text(moment, nb) == "4. mars 2027 kl. 14:00"
    assert i18n.table_datetime(moment, nb) == "04.03.2027 14:00"
    assert i18n.date_edit_format(nb) == "dd.MM.yyyy"


def test_english_keeps_its_own_date_style() -> None:
    en = locale_for(ENGLISH)
    assert i18n.date_text(DAY, en) == "4 Mar 2027"
    assert i18n.table_date(DAY, en) == "4 Mar 2027"
    assert i18n.range_text(DAY, DAY, en) == "4 Mar 2027"
    assert i18n.table_range(DAY, DAY + dt.timedelta(days=2), en) == "4–6 Mar 2027"  # narrow table columns
    assert i18n.table_range(dt.date(2027, 2, 26), DAY, en) == "26 Feb – 4 Mar 2027"
    assert i18n.datetime_text(dt.datetime(2027, 3, 4, 13, 0, tzinfo=dt.UTC), en) == "4 Mar 2027 14:00"


def test_no_iso_date_is_formatted_for_a_person_in_the_window() -> None:
    """Dates in ui/ go through ui/i18n.py; an ISO format string there is a machine value (a file name) only."""
    allowed = {("insights/report_view.py", "isoformat"), ("slot_filter.py", "isoformat")}  # file name; search keys
    found = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        rel = path.relative_to(PACKAGE / "ui").as_posix()
        source = path.read_text(encoding="utf-8")
        for needle in ("%Y-%m-%d", "yyyy-MM-dd", "isoformat", ".describe()"):
            if needle in source and (rel, needle) not in allowed:
                found.append(f"{rel}: {needle}")
    assert found == []


def _recorded_actions() -> set[str]:
    """Every literal action a module of the package writes into the audit trail."""
    actions: set[str] = set(ACTION_NAMES.values())
    for path in PACKAGE.rglob("*.py"):
        if "/ui/" in path.as_posix() or "/migrations/" in path.as_posix():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name not in ("record", "note") or len(node.args) < 5:
                continue
            action = node.args[4]
            candidates = [action.body, action.orelse] if isinstance(action, ast.IfExp) else [action]
            for candidate in candidates:
                if isinstance(candidate, ast.Constant) and isinstance(candidate.value, str):
                    actions.add(candidate.value)
    return actions


def test_every_audit_action_has_words(translations) -> None:
    actions = _recorded_actions()
    assert {"booked", "status", "updated", "brief_written", "approved"} <= actions  # the scan finds them
    missing = sorted(a for a in actions if a not in labels._audit_actions() and not a.startswith("published_while_"))
    assert missing == []
    assert labels.audit_action_label("published_while_draft") != "published while draft"
    assert labels.audit_change_label("status", {"status": "booked"}) == "changed status: booked"
    # the publisher's own note, written in English by older versions: shown in the language in force
    assert labels.audit_comment("retimed_with_slot", "slot #3 moved +2 day(s)") == "slot #3 moved 2 day(s) later"
    assert labels.audit_comment("status", "For få folk på jobb") == "For få folk på jobb"  # a person's reason


def test_the_review_windows_trail_says_what_happened_in_words(translations) -> None:  # English in force
    from takeover_planner.services.audit import AuditEntry
    from takeover_planner.ui.review.models import AuditModel

    at = dt.datetime(2027, 3, 4, 13, 0, tzinfo=dt.UTC)
    model = AuditModel()
    model.set_entries([
        AuditEntry(1, at, "root", "slot", 3, "brief_written", None, {"file": "brief.zip"}, ""),
        AuditEntry(2, at, "root", "slot", 3, "status", {"status": "requested"}, {"status": "booked"}, ""),
        AuditEntry(3, at, "root", "story_frame", 9, "retimed_with_slot", None, None, "slot #3 moved +2 day(s)"),
    ])
    rows = [[model.data(model.index(row, column)) for column in range(4)] for row in range(3)]
    assert [r[2] for r in rows] == ["Frame #9: time moved with its slot", "Slot #3: changed status: booked",
                                    "Slot #3: brief written"]  # newest first
    assert rows[0][3] == "slot #3 moved 2 day(s) later"
    assert rows[0][0] == "4 Mar 2027 14:00"


@pytest.mark.parametrize(("language", "reason", "note"), [
    ("nb", "Kommunal beredskapsøvelse: alle kanaler er stille.", "Åpen dag på brannstasjonen."),
    ("en", "Municipal crisis exercise: all channels quiet.", "Open day at the fire station."),
])
def test_the_demo_speaks_the_language_it_is_loaded_in(sqlite_ctx: AppContext, language: str, reason: str,
                                                      note: str) -> None:
    demo.load_demo(sqlite_ctx, today=dt.date(2027, 3, 1), language=language)
    reasons = {b.name: b.reason for b in catalog.list_blackouts(sqlite_ctx)}
    assert reasons["Beredskapsøvelse"] == reason
    assert "Kulturnatt (kulturkontoen fri)" in reasons
    notes = {s.notes for s in booking.list_slots(sqlite_ctx) if s.department == "Brannvesenet"}
    assert note in notes


def test_qt_writes_key_names_in_bokmaal_from_our_catalogue(translations) -> None:
    """Qt has no Bokmål catalogue of its own: "Alt+Left" in a menu comes from ours (ui/qt_words.py)."""
    from PySide6.QtGui import QKeySequence

    translations.apply(BOKMAAL)
    try:
        shown = QKeySequence("Alt+Left").toString(QKeySequence.SequenceFormat.NativeText)
        assert shown == "Alt+Venstre"
        from PySide6.QtCore import QCoreApplication

        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Se i:"
    finally:
        translations.apply(ENGLISH)
