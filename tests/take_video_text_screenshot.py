"""A screenshot of a video frame with its on-screen text burned in, for docs/screenshots/ (run by hand):

    .venv/bin/python tests/take_video_text_screenshot.py

Burns a Bokmål text into a real phone clip of the corpus (an iPhone's portrait HDR HLG clip, stored turned a
quarter) exactly as publishing does (``media/video_text.py``), takes the first picture of the published MP4 and
saves it at half size as docs/screenshots/story-text-burned-in-video.png (the picture's own is
story-text-burned-in.png).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import av

from takeover_planner.media.video_text import burn_text_into_video

ROOT = Path(__file__).resolve().parents[1]
CLIP = ROOT.parent / "shared" / "corpus" / "real" / "video" / "ax_iphone12promax_hevc_hlg.mp4"
TEXT = "Se hva elevene laget i kunst og håndverk – utstillingen på biblioteket er åpen til fredag!"


def main() -> Path:
    out = ROOT / "docs" / "screenshots" / "story-text-burned-in-video.png"
    with tempfile.TemporaryDirectory() as folder:
        video = burn_text_into_video(CLIP, TEXT, Path(folder) / "story.mp4")
        with av.open(str(video)) as container:
            picture = next(container.decode(video=0)).to_image()
    picture.resize((picture.width // 2, picture.height // 2)).save(out, optimize=True)
    return out


if __name__ == "__main__":
    print(main())
