"""`intake scan`: every package in the shared folder through the safe import, a receipt beside it, then into
importert/ or avvist/; a package still being written waits, the same package twice is recognised, and nothing
outside the folder changes. (The contributor kit's own package is scanned in test_contributor_kit.py.)"""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

from takeover_planner.cli import main
from takeover_planner.services.context import AppContext
from takeover_planner.services.intake_folder import Verdict, scan_folder
from takeover_planner.texts.intake_folder import ReceiptText
from tests.storage.stories_support import book_slot, make_submission


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(root.rglob("*"))}


def _hostile(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", "{}")
        zf.writestr("../outside.txt", "climbing out")
    return path


def test_scan_imports_refuses_waits_and_recognises_a_second_copy(sqlite_ctx: AppContext, tmp_path: Path,
                                                                 corpus: Path) -> None:
    slot_id = book_slot(sqlite_ctx)
    share = tmp_path / "share"
    folder = share / "innsendinger"
    folder.mkdir(parents=True)
    (share / "other.txt").write_text("not ours")
    good = make_submission(sqlite_ctx, slot_id, corpus, folder / "biblioteket.zip")
    spare = tmp_path / "spare.zip"
    shutil.copy(good, spare)
    _hostile(folder / "farlig.zip")
    half = folder / "halvveis.zip"
    half.write_bytes(good.read_bytes()[:20_000])
    (folder / "notes.txt").write_text("left alone")
    outside_before = {name: digest for name, digest in _tree(share).items() if not name.startswith("innsendinger")}

    def still_copying(_seconds: float) -> None:
        with open(half, "ab") as handle:
            handle.write(b"\0" * 500)

    outcomes = {o.file: o for o in scan_folder(sqlite_ctx, folder, settle_seconds=0, wait=still_copying)}
    assert {name: o.verdict for name, o in outcomes.items()} == {
        "biblioteket.zip": Verdict.IMPORTED, "farlig.zip": Verdict.REFUSED, "halvveis.zip": Verdict.WAITING}
    assert outcomes["biblioteket.zip"].frames == 3 and outcomes["biblioteket.zip"].moved_to == "importert/biblioteket.zip"
    assert outcomes["farlig.zip"].code == "intake.climbs_out"
    assert (folder / "notes.txt").read_text() == "left alone" and half.exists()
    assert {name: d for name, d in _tree(share).items() if not name.startswith("innsendinger")} == outside_before

    receipt = (folder / "importert" / "biblioteket.kvittering.txt").read_text(encoding="utf-8")
    # The brief was never written from this database: Bokmål, the department's language by default.
    assert receipt.startswith(ReceiptText.TITLE.nb.format(file="biblioteket.zip"))
    assert "Storybilde 1 (01-rec_Portrait_1.jpg), planlagt" in receipt and "Dette skjer nå" in receipt
    refused = (folder / "avvist" / "farlig.kvittering.txt").read_text(encoding="utf-8")
    assert "kunne ikke importeres" in refused

    # The same package again, under another name: recognised, nothing imported twice, nothing overwritten.
    shutil.copy(spare, folder / "biblioteket.zip")
    again = scan_folder(sqlite_ctx, folder, settle_seconds=0, wait=lambda _s: None)
    by_name = {o.file: o for o in again}
    assert by_name["biblioteket.zip"].verdict == Verdict.DUPLICATE
    assert by_name["biblioteket.zip"].moved_to == "importert/biblioteket-2.zip"
    assert by_name["halvveis.zip"].verdict == Verdict.REFUSED  # it stopped growing, and it is broken
    assert (folder / "importert" / "biblioteket.zip").read_bytes() == spare.read_bytes()


def test_receipt_speaks_the_briefs_language_and_the_command_reports(qapp, tmp_path: Path, corpus: Path,
                                                                    capsys) -> None:  # qapp: the brief's PDF
    home = tmp_path / "home"
    base = ["--home", str(home), "--user", "Kari"]
    assert main([*base, "account", "add", "Fjordvik kommune"]) == 0
    assert main([*base, "department", "add", "Biblioteket"]) == 0
    assert main([*base, "book", "--department", "Biblioteket", "--account", "Fjordvik kommune", "--start",
                 "2027-03-01", "--end", "2027-03-02", "--status", "confirmed"]) == 0
    brief, folder = tmp_path / "brief.zip", tmp_path / "intake"
    folder.mkdir()
    assert main([*base, "--language", "en", "package", "brief", "--slot", "1", "--out", str(brief)]) == 0
    assert main([*base, "package", "submit", "--brief", str(brief), "--out", str(folder / "library.zip"),
                 "--name", "Ola", "--frame", str(corpus / "images/rec_Portrait_1.jpg"), "--time", "09:30"]) == 0
    capsys.readouterr()
    assert main([*base, "--json", "intake", "scan", str(folder), "--settle", "0"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert [p["verdict"] for p in answer["packages"]] == ["imported"]
    receipt = (folder / "importert" / "library.kvittering.txt").read_text(encoding="utf-8")
    assert receipt.startswith(ReceiptText.TITLE.en.format(file="library.zip")) and "What happens next" in receipt
    assert main([*base, "intake", "scan", str(folder), "--settle", "0"]) == 0
    assert capsys.readouterr().out.strip() == f"No submission packages in {folder}."
