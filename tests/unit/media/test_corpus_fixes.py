"""Every fixable file of the real-media corpus, fixed, validates with no error; the rest is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from takeover_planner.media.fix import fix_file
from takeover_planner.media.fix_types import FixOptions, FixRefused
from takeover_planner.media.probe import probe_file
from takeover_planner.media.rules import load_rules
from tests.unit.media.test_corpus_verdicts import EXPECTED

FIXABLE = sorted(name for name, (_verdict, fixable, _e, _a) in EXPECTED.items() if fixable)
REFUSED = sorted(name for name, (_verdict, fixable, _e, _a) in EXPECTED.items() if not fixable)
# Decoding 200 megapixels takes seconds; it still runs.
SLOW = {"heic/ph_samsung_s24u_200MP.heic"}
# The derivative's speed does not change what it is; tests use x264's fastest preset.
FAST = FixOptions(video_preset="ultrafast")


def _params(names: list[str]) -> list[object]:
    return [pytest.param(name, marks=pytest.mark.slow) if name in SLOW else name for name in names]


@pytest.mark.parametrize("name", _params(FIXABLE))
def test_fix_of_every_fixable_corpus_file_validates_clean(corpus: Path, tmp_path: Path, name: str) -> None:
    rules = load_rules()
    source = corpus / name
    before = source.read_bytes()
    fixed = fix_file(source, tmp_path, rules.judge(probe_file(source)), FAST)
    assert fixed
    for item in fixed:
        after = rules.judge(probe_file(item.path))
        assert after.verdict != "error", [f.message_en for f in after.findings]
        assert (after.info.display_width, after.info.display_height) == (1080, 1920) or item.recipe.get("method") == "remux"
        assert not after.info.has_gps
        assert item.recipe
    assert source.read_bytes() == before  # the original is never touched


@pytest.mark.parametrize("name", REFUSED)
def test_broken_corpus_files_are_refused_not_fixed(corpus: Path, tmp_path: Path, name: str) -> None:
    source = corpus / name
    with pytest.raises(FixRefused):
        fix_file(source, tmp_path, load_rules().judge(probe_file(source)), FAST)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["images/rec_Portrait_6.jpg", "images/es_orientation_landscape_8.jpg",
                                  "heic/ph_iphone8plus_arrow.heic"])
def test_crop_mode_of_rotated_pictures_validates_clean(corpus: Path, tmp_path: Path, name: str) -> None:
    rules = load_rules()
    source = corpus / name
    fixed = fix_file(source, tmp_path, rules.judge(probe_file(source)), FixOptions(mode="crop"))
    after = rules.judge(probe_file(fixed[0].path))
    assert after.findings == []
    assert after.verdict == "ok"
