"""Make docs/screenshots/brief-nb.png (and brief-en.png): page 1 of a printed takeover brief.

    QT_QPA_PLATFORM=offscreen python -m tests.ui.brief_screenshot [--out docs/screenshots] [--language nb|en]

The brief is written by the real command (`package brief --pdf`) in a throwaway home with a booked slot;
poppler's pdftoppm (Debian: poppler-utils) turns page 1 into a PNG. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--language", choices=("nb", "en"), default="nb")
    args = parser.parse_args(argv)
    if not shutil.which("pdftoppm"):
        print("pdftoppm (poppler-utils) is needed to turn the PDF into a picture", file=sys.stderr)
        return 1
    from takeover_planner.cli import main as cli

    with tempfile.TemporaryDirectory(prefix="tp-brief-shot-") as tmp:
        home, pdf = Path(tmp) / "home", Path(tmp) / "brief.pdf"
        steps = [
            ["account", "add", "Fjordvik kommune", "--handle", "fjordvikkommune"],
            ["department", "add", "Biblioteket", "--contact", "Ola Bibliotekar", "--email", "ola@fjordvik.kommune.no"],
            ["campaign", "add", "Leseuka", "--start", "2027-03-01", "--end", "2027-03-07"],
            ["book", "--department", "Biblioteket", "--account", "Fjordvik kommune", "--start", "2027-03-01",
             "--end", "2027-03-03", "--status", "confirmed", "--campaign", "Leseuka",
             "--news-url", "https://fjordvik.kommune.no/leseuka"],
            ["package", "brief", "--slot", "1", "--out", str(Path(tmp) / "brief.zip"), "--pdf", str(pdf),
             "--language", args.language, "--contact", "kari@fjordvik.kommune.no"],
        ]
        for step in steps:
            if cli(["--home", str(home), "--user", "Kari Kommunikasjon", *step]) != 0:
                return 1
        args.out.mkdir(parents=True, exist_ok=True)
        target = args.out / f"brief-{args.language}"
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(target)],
                       check=True, timeout=120)
    print(f"wrote {target}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
