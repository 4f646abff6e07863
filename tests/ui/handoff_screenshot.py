"""Make docs/screenshots/handoff.png: a demo hand-off pack's checklist as a browser prints it.

    QT_QPA_PLATFORM=offscreen python -m tests.ui.handoff_screenshot [--out docs/screenshots] [--language en|nb]

The pack is written by the real ``publishing.handoff.write_pack`` (story-shaped pictures cut from the real
photo corpus when it is there, plain colour otherwise); Qt WebEngine (Chromium) prints ``checklist.html`` to
PDF exactly as a browser's "Print" would, and QtPdf renders the pages to one PNG. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real" / "images"


def _story_picture(seed: int, folder: Path) -> Path:
    from PIL import Image, ImageOps

    names = ("es_gps_DSCN0010.jpg", "es_iphone6_hdr_gps.jpg", "es_gps_DSCN0042.jpg")
    photos = [CORPUS / n for n in names if (CORPUS / n).is_file()]
    if photos:
        with Image.open(photos[(seed - 1) % len(photos)]) as source:
            picture = ImageOps.fit(ImageOps.exif_transpose(source).convert("RGB"), (540, 960))
    else:
        picture = Image.new("RGB", (540, 960), ((seed * 70) % 256, 120, 180))
    path = folder / f"frame{seed}.jpg"
    picture.save(path, "JPEG", quality=85)
    return path


def build_demo_pack(folder: Path, language: str) -> Path:
    from takeover_planner.domain.timekeeping import OSLO
    from takeover_planner.publishing.handoff import write_pack
    from takeover_planner.publishing.publisher import FrameToPublish

    media = folder / "media"
    media.mkdir(parents=True)
    day = dt.date(2025, 5, 6)

    def at(hour: int, minute: int) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=OSLO)

    plan = [
        (at(9, 0), "link", "https://fjordvik.kommune.example/biblioteket/sommerles",
         "God morgen fra Biblioteket! I dag viser vi deg hva som skjer bak hyllene.", "Foto: Biblioteket"),
        (at(11, 30), "poll", "Hva leser du i sommer? Krim / Fagbok",
         "Vi har 1 200 nye bøker til sommerferien.", "Foto: Biblioteket"),
        (at(14, 0), "mention", "@fjordvikbibliotek", "Takk for i dag! Følg @fjordvikbibliotek for mer.", ""),
    ]
    frames = [
        FrameToPublish(frame_id=40 + i, account_id=1, account_name="Fjordvik kommune", slot_id=7,
                       department="Biblioteket", position=i, planned_at=when,
                       media_path=_story_picture(i + 1, media), media_kind="image", media_suffix=".jpg",
                       text=text, sticker_kind=kind, sticker_value=value, credit=credit)
        for i, (when, kind, value, text, credit) in enumerate(plan)
    ]
    result = write_pack(frames, folder / "pack", title="Biblioteket, 06.05.2025", language=language,
                        generated_at=at(8, 15))
    return result.checklist


def render(checklist: Path, png: Path) -> None:
    from PySide6.QtCore import QEventLoop, QSize, QTimer, QUrl
    from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWebEngineCore import QWebEnginePage
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    page = QWebEnginePage()
    loop = QEventLoop()
    page.loadFinished.connect(lambda _ok: loop.quit())
    page.load(QUrl.fromLocalFile(str(checklist)))
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    pdf_path = checklist.with_suffix(".pdf")
    page.pdfPrintingFinished.connect(lambda _path, _ok: loop.quit())
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                         QPageLayout().margins())
    page.printToPdf(str(pdf_path), layout)
    loop.exec()
    document = QPdfDocument()
    document.load(str(pdf_path))
    pages = [document.render(i, QSize(1000, 1414)) for i in range(document.pageCount())]
    if not pages:
        raise SystemExit("the checklist did not print")
    gap = 24
    sheet = QImage(1000 + 2 * gap, sum(p.height() + gap for p in pages) + gap, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#d9dde3"))
    painter = QPainter(sheet)
    y = gap
    for image in pages:
        painter.fillRect(gap, y, image.width(), image.height(), QColor("white"))  # PDF pages have no paper
        painter.drawImage(gap, y, image)
        y += image.height() + gap
    painter.end()
    png.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(str(png))
    del document, page
    app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--language", choices=("en", "nb"), default="en")
    args = parser.parse_args(argv)
    name = "handoff.png" if args.language == "en" else f"handoff-{args.language}.png"
    with tempfile.TemporaryDirectory() as folder:
        checklist = build_demo_pack(Path(folder), args.language)
        render(checklist, args.out / name)
    print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
