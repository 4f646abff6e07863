"""What a screen reader gets from a PDF: pdfinfo's answers (Tagged, Title), the structure tree's element types,
the document language and the figures' alternative texts, read from the file itself.

Typst keeps the structure tree in compressed object streams, so every Flate stream is unpacked and searched
together with the file's plain bytes (enough for our own files; not a general PDF parser).
"""

from __future__ import annotations

import re
import subprocess
import zlib
from pathlib import Path

_STRING = rb"(\((?:\\.|[^\\)])*\)|<[0-9a-fA-F\s]*>)"


def info(pdf: Path) -> dict[str, str]:
    done = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, timeout=60)
    rows = (line.split(":", 1) for line in done.stdout.decode("utf-8", "replace").splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in rows}


def structure(pdf: Path) -> str:
    """``pdfinfo -struct-text``: the structure tree as an indented outline with each element's text."""
    done = subprocess.run(["pdfinfo", "-struct-text", str(pdf)], capture_output=True, timeout=60)
    return done.stdout.decode("utf-8", "replace")


def _unpacked(data: bytes) -> bytes:
    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        end = data.find(b"endstream", match.end())
        try:
            parts.append(zlib.decompress(data[match.end():end]))
        except zlib.error:
            continue
    return b"\n".join(parts)


def _decode(token: bytes) -> str:
    if token.startswith(b"<"):
        raw = bytes.fromhex(re.sub(rb"\s", b"", token[1:-1]).decode("ascii"))
        return raw[2:].decode("utf-16-be") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")
    body = re.sub(rb"\\(.)", rb"\1", token[1:-1])
    return body[2:].decode("utf-16-be") if body.startswith(b"\xfe\xff") else body.decode("latin-1")


def alt_texts(pdf: Path) -> list[str]:
    return [_decode(m.group(1)) for m in re.finditer(rb"/Alt\s*" + _STRING, _unpacked(pdf.read_bytes()))]


def languages(pdf: Path) -> set[str]:
    return {_decode(m.group(1)) for m in re.finditer(rb"/Lang\s*" + _STRING, _unpacked(pdf.read_bytes()))}


def element_types(pdf: Path) -> list[str]:
    """The standard types of the structure elements (H1, P, Table, TH, Figure, L, LI …), in file order."""
    return [m.group(1).decode("ascii") for m in re.finditer(rb"/S\s*/([A-Za-z0-9]+)", _unpacked(pdf.read_bytes()))]


def assert_tagged(pdf: Path, *, title: str, language: str) -> None:
    """The things issue 16 asks of every document: tagged, a title, a language."""
    meta = info(pdf)
    assert meta["Tagged"] == "yes", meta
    assert meta["Title"] == title, meta
    assert languages(pdf) == {language}
