"""`validate` and `fix` as a user runs them: the JSON schema, exit codes 0/1/2, messages in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from takeover_planner.cli import main
from tests.unit.media.media_factory import write_clip, write_jpeg, write_png

FILE_KEYS = {"path", "kind", "format", "size_bytes", "width", "height", "display_width", "display_height",
             "rotation", "duration_s", "fps", "video_codec", "audio_codec", "verdict", "findings"}
FINDING_KEYS = {"rule", "severity", "fixable", "message"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_json_schema_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_jpeg(tmp_path / "good.jpg", 1080, 1920)
    turned = write_jpeg(tmp_path / "turned.jpg", 1920, 1080, orientation=6)
    code, out, _ = run(capsys, "validate", "--json", str(good), str(turned))
    assert code == 0
    files = json.loads(out)["files"]
    assert [set(item) for item in files] == [FILE_KEYS, FILE_KEYS]
    assert files[0]["verdict"] == "ok" and files[0]["findings"] == []
    second = files[1]
    assert (second["kind"], second["format"], second["width"], second["height"]) == ("image", "JPEG", 1920, 1080)
    assert (second["display_width"], second["display_height"], second["rotation"]) == (1080, 1920, 90)
    assert second["verdict"] == "advice"
    assert [set(f) for f in second["findings"]] == [FINDING_KEYS]
    assert second["findings"][0]["rule"] == "image.orientation"


def test_validate_exit_1_on_an_error_and_norwegian_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    png = write_png(tmp_path / "shot.png")
    code, out, _ = run(capsys, "validate", "--json", "--lang", "nb", str(png))
    assert code == 1
    item = json.loads(out)["files"][0]
    assert item["verdict"] == "error"
    assert "JPEG" in item["findings"][0]["message"] and "Instagram tar bare imot" in item["findings"][0]["message"]


def test_validate_video_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clip = write_clip(tmp_path / "clip.mov", width=320, height=180, seconds=0.5, container="mov", rotation=-90)
    code, out, _ = run(capsys, "validate", "--json", str(tmp_path))
    assert code == 1  # too short
    item = json.loads(out)["files"][0]
    assert item["path"] == str(clip)
    assert (item["kind"], item["format"], item["video_codec"], item["audio_codec"]) == ("video", "mov", "h264", "aac")
    assert (item["display_width"], item["display_height"], item["rotation"]) == (180, 320, 90)
    assert item["duration_s"] == pytest.approx(0.5, abs=0.1) and item["fps"] == pytest.approx(30, abs=0.5)


def test_validate_bad_usage_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "validate", str(tmp_path / "missing.jpg"))[0] == 2
    assert run(capsys, "validate")[0] == 2
    bad = tmp_path / "bad.toml"
    bad.write_text("not = [valid", encoding="utf-8")
    assert run(capsys, "validate", "--rules", str(bad), str(write_jpeg(tmp_path / "a.jpg")))[0] == 2


def test_validate_human_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", str(write_png(tmp_path / "a.png")))
    assert code == 1 and "image.format" in out and "1 file(s): 1 with errors" in out


def test_validate_with_a_second_rule_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from takeover_planner.paths import resource

    relaxed = tmp_path / "relaxed.toml"
    relaxed.write_text(resource("rules", "instagram_story.toml").read_text(encoding="utf-8").replace(
        'allowed = ["JPEG"]', 'allowed = ["JPEG", "PNG"]'), encoding="utf-8")
    png = write_png(tmp_path / "a.png")
    assert run(capsys, "validate", "--rules", str(relaxed), str(png))[0] == 0


def test_fix_writes_derivatives_and_reports_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    png = write_png(tmp_path / "in" / "shot.png")
    broken = tmp_path / "in" / "broken.jpg"
    broken.write_bytes(write_jpeg(tmp_path / "x.jpg").read_bytes()[:400])
    out_dir = tmp_path / "out"
    code, out, _ = run(capsys, "fix", "--json", "--mode", "crop", "--focus", "0.2,0.5", "--out", str(out_dir),
                       str(png), str(broken))
    assert code == 1  # the broken one is refused
    files = {Path(item["path"]).name: item for item in json.loads(out)["files"]}
    assert files["shot.png"]["outputs"] == [str(out_dir / "shot.story.jpg")]
    assert files["shot.png"]["verdicts_after"] == ["ok"]
    assert files["broken.jpg"]["outputs"] == [] and "incomplete" in files["broken.jpg"]["error"]
    assert run(capsys, "validate", str(out_dir / "shot.story.jpg"))[0] == 0
    assert run(capsys, "fix", "--out", str(out_dir), str(png))[0] == 0
    assert run(capsys, "fix", "--out", str(out_dir), "--focus", "3,3", str(png))[0] == 2
