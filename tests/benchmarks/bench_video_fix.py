"""Video fix benchmark on its own: our re-encode beside the ffmpeg command line doing the same work, as a ratio.

Run:  .venv/bin/python tests/benchmarks/bench_video_fix.py [--seconds S] [--only sdr|hdr|uhd] [--repeat N] [--keep DIR]

Three generated clips, each fixed in pad mode (the default) and timed beside one ffmpeg command with the same
filters, x264 and AAC settings and BT.709 tags (ratio = reference time / ours; the issue's target is ≥ 0.9):

  SDR 1080×1920       4:2:2 H.264 (needs a re-encode), untagged: the plain path
  HDR 1080×1920       10-bit HLG BT.2020: scaled to 16-bit RGB, the same cached .cube through lut3d, back to BT.709
  SDR 3840×2160       BT.709-tagged 4K landscape: the large downscale (to 1080×608 on a blurred background)

`bench_media.py` measures the first two among all the other media figures; this one is quicker to run when only
the video fix changed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from fractions import Fraction
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_media import ffmpeg_same_job, hlg_clip, our_video_fix, timed  # noqa: E402


def bt709_clip(path: Path, width: int, height: int, seconds: float) -> Path:
    """A camera-like SDR clip tagged BT.709 (primaries, transfer, matrix, limited range), moving bars."""
    import av
    from PIL import Image

    from tests.unit.media.media_factory import gradient_image

    with av.open(str(path), "w", options={"movflags": "+faststart"}) as out:
        video = out.add_stream("libx264", rate=30)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        context = video.codec_context
        context.color_primaries, context.color_trc, context.colorspace, context.color_range = 1, 1, 1, 1
        video.options = {"preset": "ultrafast"}
        base = gradient_image(width, height)
        looks = []
        for step in range(8):
            shifted = Image.new("RGB", base.size)
            shifted.paste(base, (step * width // 8, 0))
            shifted.paste(base, (step * width // 8 - width, 0))
            looks.append(av.VideoFrame.from_image(shifted).reformat(format="yuv420p", dst_colorspace="itu709"))
        for index in range(round(seconds * 30)):
            look = looks[index % len(looks)]
            look.pts, look.time_base = index, Fraction(1, 30)
            for packet in video.encode(look):
                out.mux(packet)
        for packet in video.encode(None):
            out.mux(packet)
    return path


def ffmpeg_pad_job(path: Path, out: Path, width: int, height: int) -> None:
    """Our pad-mode re-encode of a ``width``×``height`` BT.709 clip as one ffmpeg command (no sound)."""
    from takeover_planner.media.geometry import crop_box, fit_size

    fitted_w, fitted_h = fit_size(width, height, (1080, 1920), even=True)
    left, top, right, bottom = crop_box(width, height, (1080, 1920))
    graph = (f"[0:v]format=yuv420p,split=2[a][b];[a]scale={fitted_w}:{fitted_h}[fg];"
             f"[b]crop={right - left}:{bottom - top}:{left}:{top},scale=134:240,gblur=sigma=4,"
             "lutyuv=y=val*0.55:u=128+(val-128)*0.8:v=128+(val-128)*0.8,scale=1080:1920[bg];"
             f"[bg][fg]overlay={(1080 - fitted_w) // 2}:{(1920 - fitted_h) // 2},fps=30,format=yuv420p[v]")
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(path), "-filter_complex", graph, "-map", "[v]",
                    "-c:v", "libx264", "-preset", "veryfast", "-crf", "21", "-profile:v", "high",
                    "-maxrate", "20000000", "-bufsize", "40000000", "-g", "60", "-x264-params", "open-gop=0",
                    "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709", "-color_range", "tv",
                    "-an", "-movflags", "+faststart", str(out / "ffmpeg.mp4")], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=15.0, help="length of each clip (default 15)")
    parser.add_argument("--keep", metavar="DIR", help="build the clips in DIR and keep them")
    parser.add_argument("--only", choices=("sdr", "hdr", "uhd"), action="append",
                        help="measure only this clip (repeatable); default: all three")
    parser.add_argument("--repeat", type=int, default=1, help="best of this many runs per side (default 1)")
    args = parser.parse_args()
    if shutil.which("ffmpeg") is None:
        print("no ffmpeg command here: nothing to compare with")
        return 2
    from takeover_planner.media.codecs import ensure_codecs
    from tests.unit.media.media_factory import write_clip

    ensure_codecs()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-video-"))
    seconds = args.seconds
    print(f"Generating {seconds:g} s clips in {folder} …", flush=True)
    wanted = set(args.only or ("sdr", "hdr", "uhd"))
    out = folder / "fixed"
    out.mkdir(parents=True, exist_ok=True)
    cases = []
    if "sdr" in wanted:
        sdr = write_clip(folder / "sdr_422.mp4", width=1080, height=1920, seconds=seconds, fps=30, pix_fmt="yuv422p")
        cases.append(("SDR 1080×1920", sdr, partial(ffmpeg_same_job, sdr, out)))
    if "hdr" in wanted:
        hdr = hlg_clip(folder / "hlg.mp4", seconds)
        our_video_fix(hdr, out / "warm")  # the LUT is computed once per transfer/primaries pair and cached: not timed
        cases.append(("HDR 1080×1920", hdr, partial(ffmpeg_same_job, hdr, out, hdr=True)))
    if "uhd" in wanted:
        uhd = bt709_clip(folder / "uhd_bt709.mp4", 3840, 2160, seconds)
        cases.append(("SDR 3840×2160", uhd, partial(ffmpeg_pad_job, uhd, out, 3840, 2160)))
    ratios = []
    try:
        for name, clip, reference in cases:
            ours_s = timed(partial(our_video_fix, clip, out / "ours"), args.repeat)
            reference_s = timed(reference, args.repeat)
            ratio = reference_s / ours_s
            ratios.append(ratio)
            print(f"video fix {name:15s} ours {ours_s:7.2f} s   ffmpeg {reference_s:7.2f} s   ratio {ratio:5.2f}"
                  f"{'  ok' if ratio >= 0.9 else '  BELOW target 0.9'}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0 if min(ratios) >= 0.9 else 1


if __name__ == "__main__":
    sys.exit(main())
