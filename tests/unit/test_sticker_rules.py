"""Story stickers are checked by one rule (domain.validation.clean_sticker), for frame edits in the planner and
for a department's submission draft alike; the draft's refusal names the frame."""

from __future__ import annotations

from pathlib import Path

import pytest

from takeover_planner.domain.validation import clean_sticker
from takeover_planner.errors import ValidationError
from takeover_planner.intake.submission import DraftFrame, _sticker
from takeover_planner.texts import Text
from takeover_planner.texts.intake import IntakeText
from takeover_planner.texts.validation import ValidationText


def test_a_sticker_is_cleaned_by_its_kind() -> None:
    assert clean_sticker("", "anything") == ("", "")
    assert clean_sticker(None, None) == ("", "")
    assert clean_sticker(" Link ", " https://fjordvik.kommune.no/nyhet ") == ("link", "https://fjordvik.kommune.no/nyhet")
    assert clean_sticker("mention", "@fjordvik_bibliotek") == ("mention", "@fjordvik_bibliotek")
    assert clean_sticker("MENTION", "fjordvik_bibliotek") == ("mention", "@fjordvik_bibliotek")
    assert clean_sticker("poll", "  Kaffe eller te?  ") == ("poll", "Kaffe eller te?")


@pytest.mark.parametrize(("kind", "value", "code"), [
    ("quiz", "Hva?", ValidationText.BAD_STICKER_KIND),
    ("poll", "   ", ValidationText.STICKER_EMPTY),
    ("link", "fjordvik.kommune.no", ValidationText.BAD_LINK),
    ("mention", "not a handle!", ValidationText.BAD_HANDLE),
])
def test_a_bad_sticker_is_refused(kind: str, value: str, code: ValidationText) -> None:
    with pytest.raises(ValidationError) as refused:
        clean_sticker(kind, value)
    assert refused.value.code == code


def test_a_draft_frame_sticker_refusal_names_the_frame() -> None:
    frame = DraftFrame(source=Path("bilde.jpg"), sticker_kind="quiz", sticker_value="Hva?")
    with pytest.raises(ValidationError) as refused:
        _sticker(frame, 3)
    assert refused.value.code == IntakeText.FRAME_PROBLEM and refused.value.params["number"] == 3
    problem = refused.value.params["problem"]
    assert isinstance(problem, Text) and problem.code == ValidationText.BAD_STICKER_KIND
    # The one rendered check of this file: the frame's number leads, the sticker's own refusal follows.
    assert refused.value.message_in("nb") == (
        "Storybilde 3: Et klistremerke er en lenke, en avstemning eller en omtale, ikke «quiz».")
    frame = DraftFrame(source=Path("bilde.jpg"), sticker_kind="link", sticker_value="ftp://x")
    with pytest.raises(ValidationError) as refused:
        _sticker(frame, 1)
    assert refused.value.params["problem"].code == ValidationText.BAD_LINK
    assert _sticker(DraftFrame(source=Path("bilde.jpg"), sticker_kind="mention", sticker_value="kultur"),
                    1) == ("mention", "@kultur")
