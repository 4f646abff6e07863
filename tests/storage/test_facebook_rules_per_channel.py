"""Rules per channel: a frame of a slot whose account is cross-posted to a Facebook Page is judged against
Instagram's rules and the Page's; a Page account's frames against the Page's only. A MOV clip is fine for
Instagram but the Page takes MP4 only: it is flagged ("Facebook: …") on a cross-posted slot, at import (the
frame as the review screen, the intake receipt and `story list` read it) and at approval, and not on an
Instagram-only slot."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from takeover_planner.errors import TransitionRefused
from takeover_planner.media.fix_types import DEFAULT_FIX
from takeover_planner.media.rule_profiles import for_channel
from takeover_planner.media.rules import load_rules
from takeover_planner.services import stories
from takeover_planner.services.context import AppContext
from takeover_planner.services.media_checks import fix_loose_file, fix_options_for
from takeover_planner.services.story_views import frame_info
from takeover_planner.storage.models import Account, Department, MediaAsset, StoryFrame, TakeoverSlot
from tests.unit.media.media_factory import write_clip

DAY = dt.date(2026, 12, 14)
MOV = {"path": "", "size_bytes": 5_000_000, "kind": "video", "format": "mov", "container": "mov",
       "width": 1080, "height": 1920, "display_width": 1080, "display_height": 1920, "video_codec": "h264",
       "chroma": "4:2:0", "interlaced": False, "fps": 30.0, "duration_s": 10.0, "bit_rate": 8_000_000,
       "audio_codec": "aac", "audio_sample_rate": 48000, "audio_channels": 2, "moov_at_front": True,
       "edit_list": False}


def _frame(ctx: AppContext, *, platform: str = "instagram", cross_posted: bool = False, n: int = 1) -> int:
    with ctx.db.write() as s:
        page = None
        if cross_posted:
            page = Account(name=f"Side {n}", handle=f"side{n}", platform="facebook_page", page_id="104000000000001")
            s.add(page)
            s.flush()
        account = Account(name=f"Konto {n}", handle=f"konto{n}", platform=platform,
                          page_id="104000000000002" if platform == "facebook_page" else None,
                          facebook_page_account_id=page.id if page is not None else None)
        dept = Department(name=f"Avdeling {n}")
        s.add_all([account, dept])
        s.flush()
        slot = TakeoverSlot(account_id=account.id, department_id=dept.id, start_date=DAY, end_date=DAY,
                            status="booked")
        asset = MediaAsset(sha256=f"{n:064x}", kind="video", format="mov", size_bytes=5_000_000, width=1080,
                           height=1920, display_width=1080, display_height=1920, duration_s=10.0,
                           original_name=f"clip{n}.mov", probe=MOV, findings=[])
        s.add_all([slot, asset])
        s.flush()
        frame = StoryFrame(slot_id=slot.id, position=0, original_asset_id=asset.id, state="submitted",
                           planned_at=dt.datetime(2026, 12, 14, 9, 0, tzinfo=dt.UTC))
        s.add(frame)
        s.flush()
        return frame.id


def _rules(ctx: AppContext, frame_id: int) -> list[str]:
    with ctx.db.session() as s:
        frame = s.get(StoryFrame, frame_id)
        assert frame is not None
        info = frame_info(s, frame)
    assert info.published_file is not None and info.published_file.findings is not None
    return [str(f["rule"]) for f in info.published_file.findings if f.get("severity") == "error"]


def test_a_clip_fine_for_instagram_is_flagged_for_the_page_only_when_cross_posted(ctx: AppContext) -> None:
    instagram_only = _frame(ctx, n=1)
    cross_posted = _frame(ctx, cross_posted=True, n=2)

    assert _rules(ctx, instagram_only) == []
    assert _rules(ctx, cross_posted) == ["facebook.video.container"]
    with ctx.db.session() as s:
        frame = s.get(StoryFrame, cross_posted)
        assert frame is not None
        info = frame_info(s, frame)
    assert info.published_file is not None and info.published_file.findings is not None
    words = info.published_file.findings[0]
    assert str(words["message_en"]).startswith("Facebook: ") and str(words["message_nb"]).startswith("Facebook: ")
    assert str(words["message_en"]) != str(words["message_nb"]), "each language its own words"
    assert [p.to_json()["code"] for p in info.file_problems()], "the review screen and story list show it"

    # Approval: the cross-posted frame is refused with the Page's reason, the Instagram-only one goes through.
    assert stories.approve(ctx, instagram_only, by="Kari Kommunikasjon").state.value == "approved"
    with pytest.raises(TransitionRefused) as refused:
        stories.approve(ctx, cross_posted, by="Kari Kommunikasjon")
    assert "Facebook: " in refused.value.message_in("en")


def test_a_page_accounts_frames_meet_the_pages_rules_only(ctx: AppContext) -> None:
    page_frame = _frame(ctx, platform="facebook_page", n=3)
    assert _rules(ctx, page_frame) == ["facebook.video.container"]
    with ctx.db.write() as s:  # an MP4 of the same clip is fine on the Page
        frame = s.get(StoryFrame, page_frame)
        assert frame is not None and frame.original is not None
        frame.original.probe = {**MOV, "format": "mp4", "container": "mp4"}
    assert _rules(ctx, page_frame) == []
    assert stories.approve(ctx, page_frame, by="Kari Kommunikasjon").state.value == "approved"


def test_the_fix_for_a_cross_posted_frame_meets_the_pages_frame_rate_too(tmp_path: Path) -> None:
    both = for_channel(load_rules(), "both")
    assert fix_options_for(load_rules()).fps_range == DEFAULT_FIX.fps_range, "Instagram's alone: as before"
    low, high = fix_options_for(both).fps_range
    assert low > 23.0 and high <= 60.1
    clip = write_clip(tmp_path / "slow.mp4", width=540, height=960, seconds=3.2, fps=23)
    outcome = fix_loose_file(clip, tmp_path / "out", rules=both,
                             options=dataclasses.replace(DEFAULT_FIX, video_preset="ultrafast"))
    assert "facebook.video.fps" in [f.rule for f in outcome.judgement.findings]
    assert outcome.after and not outcome.still_broken, [f.rule for j in outcome.after for f in j.findings]
