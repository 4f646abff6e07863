"""services.media_checks: the one probe → judge → fix → judge chain for loose files (CLI and contributor window)."""

from __future__ import annotations

from pathlib import Path

import pytest

from takeover_planner.media.fix_types import FixOptions, FixRefused
from takeover_planner.services.media_checks import fix_loose_file, judge_file, rules_in_force
from tests.unit.media.media_factory import write_jpeg, write_png


def test_a_fixed_copy_is_judged_again_and_the_original_stays(tmp_path: Path) -> None:
    png = write_png(tmp_path / "plakat.png", alpha=True)
    before = png.read_bytes()
    judgement = judge_file(png)
    assert judgement.verdict == "error" and judgement.fixable
    outcome = fix_loose_file(png, tmp_path / "out", options=FixOptions(mode="pad"), judgement=judgement)
    assert outcome.judgement is judgement  # a verdict the caller has is not probed again
    assert [part.path for part in outcome.parts] == [tmp_path / "out" / "plakat.story.jpg"]
    assert [j.verdict for j in outcome.after] == ["ok"] and not outcome.still_broken
    assert png.read_bytes() == before


def test_a_broken_file_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(write_jpeg(tmp_path / "whole.jpg").read_bytes()[:400])
    with pytest.raises(FixRefused):
        fix_loose_file(broken, tmp_path / "out", rules=rules_in_force())
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
