"""The audit trail in words (issue 16): the app's own notes are stored as a code and parameters and shown in the
reader's language, old rows' English notes are recognised, and ``slot show`` prints actions in words (codes in
``--json``)."""

from __future__ import annotations

import ast
import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from takeover_planner.cli import main
from takeover_planner.domain.review import ACTION_NAMES
from takeover_planner.services import audit
from takeover_planner.services.context import open_context
from takeover_planner.storage.models import AuditEvent
from takeover_planner.texts import Text
from takeover_planner.texts.audit import NOTE_MARK, AuditAction, AuditNote, note, read_note
from takeover_planner.texts.words import SlotStatusName

PACKAGE = Path(__file__).resolve().parents[2] / "takeover_planner"


def test_a_note_is_stored_as_a_code_and_read_in_either_language() -> None:
    at = dt.datetime(2025, 5, 6, 8, 2, tzinfo=dt.UTC)
    stored = note(AuditNote.PUBLISHED_WHILE, how=Text(AuditNote.POSTED_BY_HAND, {"who": "Ola", "at": at}))
    assert stored.startswith(NOTE_MARK) and "posted by hand" not in stored, "no English in the row"
    assert stored.strip() == stored, "strip() (as a transition's comment gets) keeps the mark"
    found = read_note(stored)
    assert found is not None
    assert found.in_language("en") == ("posted by hand by Ola at 6 May 2025, 10:02 — the frame was no longer "
                                       "approved; remove the story on Instagram if needed")
    assert found.in_language("nb").startswith("lagt ut manuelt av Ola 6. mai 2025 kl. 10:02 — storybildet var")
    status = note(AuditNote.OFF_QUEUE_WITH_SLOT, slot_id=3, status=Text(SlotStatusName.CANCELLED))
    assert audit.comment_words(status, "nb") == "periode #3 er avlyst: tatt ut av publiseringskøen"


@pytest.mark.parametrize(("old", "en", "nb"), [
    ("department archived", "department archived", "enheten ble arkivert"),
    ("account removed", "account removed", "kontoen ble fjernet"),
    ("slot #3 moved -2 day(s)", "slot #3 moved 2 day(s) earlier", "periode #3 flyttet 2 dag(er) tidligere"),
    ("slot #7 is cancelled: taken off the publishing queue", "slot #7 is cancelled: taken off the publishing queue",
     "periode #7 er avlyst: tatt ut av publiseringskøen"),
    ("published through the Instagram API (media id not readable)",
     "published through the Instagram API (media id not readable)",
     "publisert gjennom Instagram-API-et (medie-ID kunne ikke leses)"),
    ("posted by hand by Kari at 2025-05-06 10:02", "posted by hand by Kari at 6 May 2025, 10:02",
     "lagt ut manuelt av Kari 6. mai 2025 kl. 10:02"),
    ("Part 2 of 3 of frame #9", "Part 2 of 3 of frame #9", "Del 2 av 3 av storybilde #9"),
])
def test_old_rows_english_notes_read_in_bokmaal(old: str, en: str, nb: str) -> None:
    assert audit.comment_words(old, "en") == en
    assert audit.comment_words(old, "nb") == nb


def test_a_persons_comment_is_shown_as_typed() -> None:
    for typed in ("For få folk på jobb", "department archived, as agreed", ""):
        assert audit.comment_words(typed, "nb") == typed
        assert audit.comment_note(typed) is None


def _recorded_actions() -> set[str]:
    """Every literal action a module of the package writes into the audit trail (as test_bokmaal_everywhere)."""
    actions: set[str] = set(ACTION_NAMES.values())
    for path in PACKAGE.rglob("*.py"):
        if "/ui/" in path.as_posix() or "/migrations/" in path.as_posix():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name not in ("record", "note"):
                continue
            # audit.record / rules.note (session, actor, entity, id, action, …); FrameGate.note (s, frame, action, …)
            index = 4 if len(node.args) >= 5 else 2 if name == "note" and len(node.args) == 4 else None
            if index is None:
                continue
            arg = node.args[index]
            candidates = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
            actions.update(c.value for c in candidates if isinstance(c, ast.Constant) and isinstance(c.value, str))
    return actions


def test_every_recorded_action_has_words_in_the_catalogue() -> None:
    actions = _recorded_actions()
    assert {"booked", "status", "brief_written", "published_on_facebook", "facebook_failed"} <= actions
    assert sorted(a for a in actions if AuditAction.of(a) is None) == []
    assert audit.action_words("published_while_draft", None, "nb") == "publisert uten å være frigitt"
    assert audit.action_words("status", {"status": "cancelled"}, "nb") == "endret status: avlyst"
    assert audit.action_words("something_newer", None, "nb") == "something newer"


# --- slot show ---------------------------------------------------------------------------------------------


def _cli(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> str:
    assert main(["--home", str(home), *args]) == 0
    return capsys.readouterr().out


@pytest.fixture
def archived_slot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, int]:
    """A slot cancelled by archiving its department (a note the app writes), plus an old row's English note."""
    home = tmp_path / "home"
    _cli(capsys, home, "account", "add", "Fjordvik kommune")
    _cli(capsys, home, "department", "add", "Biblioteket")
    booked = json.loads(_cli(capsys, home, "--json", "book", "--department", "Biblioteket", "--account",
                             "Fjordvik kommune", "--start", "2030-03-11", "--end", "2030-03-12"))
    slot_id = int(booked["slot"]["id"])
    _cli(capsys, home, "department", "remove", "Biblioteket", "--archive", "--cancel-future")
    ctx = open_context(str(home))
    try:
        with ctx.db.write() as s:  # as an older version wrote it
            s.add(AuditEvent(actor="root", entity_type="slot", entity_id=slot_id, action="moved",
                             before=None, after=None, comment="account removed"))
    finally:
        ctx.close()
    return home, slot_id


def test_slot_show_prints_the_history_in_bokmaal(archived_slot: tuple[Path, int],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    home, slot_id = archived_slot
    shown = _cli(capsys, home, "--language", "nb", "slot", "show", str(slot_id))
    assert "History:" not in shown and "was archived" not in shown
    assert "avlyst (Biblioteket ble arkivert)" in shown, "the slot's cancel reason the app wrote, in Bokmål"
    history = shown.split("Historikk:")[-1]
    assert ": booket" in history
    assert ": endret status: avlyst (enheten ble arkivert)" in history
    assert ": flyttet (kontoen ble fjernet)" in history
    for code in ("status", "department archived", "account removed", "booked", "moved"):
        assert f": {code}" not in history and f"({code})" not in history, history
    # Each line's time is Oslo wall-clock time in the Norwegian table style, not the stored UTC.
    first_line = history.strip().splitlines()[0].strip()
    moment = dt.datetime.strptime(first_line[:16], "%d.%m.%Y %H:%M").replace(tzinfo=ZoneInfo("Europe/Oslo"))
    assert abs(moment - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=10), first_line


def test_slot_show_prints_the_history_in_english(archived_slot: tuple[Path, int],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    home, slot_id = archived_slot
    shown = _cli(capsys, home, "--language", "en", "slot", "show", str(slot_id))
    assert "History:" in shown and "(Biblioteket was archived)" in shown
    assert ": changed status: cancelled (department archived)" in shown
    assert ": moved (account removed)" in shown
    assert NOTE_MARK not in shown


def test_slot_show_json_keeps_the_codes(archived_slot: tuple[Path, int], capsys: pytest.CaptureFixture[str]) -> None:
    home, slot_id = archived_slot
    data = json.loads(_cli(capsys, home, "--language", "nb", "--json", "slot", "show", str(slot_id)))
    history = data["history"]
    assert [e["action"] for e in history] == ["booked", "status", "moved"]
    assert history[1]["note"] == {"code": "audit.note_department_archived", "params": {}}
    assert history[1]["comment"] == "enheten ble arkivert"
    assert history[2]["note"]["code"] == "audit.note_account_removed"
    assert "note" not in history[0]
    assert data["cancel_reason"] == "Biblioteket ble arkivert"
