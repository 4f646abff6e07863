"""Read a PDF back as a reader would: a page as an image, and its text.

Poppler's ``pdftoppm``/``pdftotext`` (Debian: poppler-utils) are independent of Qt, so they are preferred;
without them Qt's own PDF module (QtPdf) reads the file, so the checks always run.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PIL import Image

HAVE_POPPLER = bool(shutil.which("pdftoppm") and shutil.which("pdftotext"))


def page_image(pdf_file: Path, page: int, out_dir: Path, dpi: int = 60) -> Image.Image:
    """Page ``page`` (1-based) as an RGB image."""
    if HAVE_POPPLER:
        prefix = out_dir / f"page-{page}"
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                        str(pdf_file), str(prefix)], check=True, capture_output=True, timeout=60)
        with Image.open(prefix.with_suffix(".png")) as image:
            return image.convert("RGB")
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(pdf_file))
    points = document.pagePointSize(page - 1)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    target = out_dir / f"page-{page}.png"
    document.render(page - 1, size).save(str(target))
    document.close()
    with Image.open(target) as image:
        return image.convert("RGB")


def page_text(pdf_file: Path, page: int) -> str:
    if HAVE_POPPLER:
        done = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page), str(pdf_file), "-"],
                              check=True, capture_output=True, timeout=60)
        return done.stdout.decode("utf-8")
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(pdf_file))
    text = document.getAllText(page - 1).text()
    document.close()
    return text


def page_count(pdf_file: Path) -> int:
    if shutil.which("pdfinfo"):
        done = subprocess.run(["pdfinfo", str(pdf_file)], check=True, capture_output=True, timeout=60)
        for line in done.stdout.decode("utf-8", "replace").splitlines():
            if line.startswith("Pages:"):
                return int(line.split()[1])
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(pdf_file))
    count = document.pageCount()
    document.close()
    return count
