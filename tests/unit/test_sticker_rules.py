"""Story stickers are checked by one rule (domain.validation.clean_sticker), for frame edits in the planner and
for a department's submission draft alike; the draft's refusal names the frame."""

from __future__ import annotations

from pathlib import Path

import pytest

from takeover_planner.domain.validation import clean_sticker
from takeover_planner.errors import ValidationError
from takeover_planner.intake.submission import DraftFrame, _sticker


def test_a_sticker_is_cleaned_by_its_kind() -> None:
    assert clean_sticker("", "anything") == ("", "")
    assert clean_sticker(None, None) == ("", "")
    assert clean_sticker(" Link ", " https://fjordvik.kommune.no/nyhet ") == ("link", "https://fjordvik.kommune.no/nyhet")
    assert clean_sticker("mention", "@fjordvik_bibliotek") == ("mention", "@fjordvik_bibliotek")
    assert clean_sticker("MENTION", "fjordvik_bibliotek") == ("mention", "@fjordvik_bibliotek")
    assert clean_sticker("poll", "  Kaffe eller te?  ") == ("poll", "Kaffe eller te?")


@pytest.mark.parametrize(("kind", "value", "message"), [
    ("quiz", "Hva?", "a link, a poll or a mention, not 'quiz'"),
    ("poll", "   ", "Say what the poll sticker should hold"),
    ("link", "fjordvik.kommune.no", "not a web link"),
    ("mention", "not a handle!", "not an Instagram handle"),
])
def test_a_bad_sticker_is_refused_in_plain_words(kind: str, value: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        clean_sticker(kind, value)


def test_a_draft_frame_sticker_refusal_names_the_frame() -> None:
    frame = DraftFrame(source=Path("bilde.jpg"), sticker_kind="quiz", sticker_value="Hva?")
    with pytest.raises(ValidationError, match=r"^Frame 3: a sticker is a link, a poll or a mention, not 'quiz'\.$"):
        _sticker(frame, "Frame 3")
    frame = DraftFrame(source=Path("bilde.jpg"), sticker_kind="link", sticker_value="ftp://x")
    with pytest.raises(ValidationError, match=r"^Frame 1: 'ftp://x' is not a web link"):
        _sticker(frame, "Frame 1")
    assert _sticker(DraftFrame(source=Path("bilde.jpg"), sticker_kind="mention", sticker_value="kultur"),
                    "Frame 1") == ("mention", "@kultur")
