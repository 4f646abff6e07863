"""Hostile submission packages: each is refused with its own message, and the database and the media store
are byte-for-byte what they were before."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from takeover_planner.domain.slots import SlotStatus
from takeover_planner.intake.errors import PackageRefused, Reason
from takeover_planner.intake.safezip import ZipLimits
from takeover_planner.services import booking, packages
from takeover_planner.texts.intake import IntakeText
from tests.storage.stories_support import book_slot, db_snapshot, make_submission, store_snapshot

Members = list[tuple[zipfile.ZipInfo, bytes]]


def members_of(path: Path) -> Members:
    with zipfile.ZipFile(path) as zf:
        return [(info, zf.read(info)) for info in zf.infolist()]


def write_members(path: Path, members: Members) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for info, data in members:
            zf.writestr(info, data)
    return path


def manifest_of(members: Members) -> dict:
    return json.loads(next(data for info, data in members if info.filename == "manifest.json"))


def with_manifest(members: Members, manifest: dict) -> Members:
    return [(info, json.dumps(manifest).encode() if info.filename == "manifest.json" else data)
            for info, data in members]


def add_member(members: Members, name: str, data: bytes, *, mode: int | None = None) -> Members:
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    if mode is not None:
        info.create_system = 3
        info.external_attr = mode << 16
    return [*members, (info, data)]


def first_media(members: Members) -> str:
    return next(info.filename for info, _ in members if info.filename.startswith("media/"))


# Each case: a way to spoil a good package, its reason, its message code and parameters the message must hold.
Spoil = Callable[[Members, Path], Path]


def _path_escape(m: Members, out: Path) -> Path:
    return write_members(out, add_member(m, "../../evil.jpg", b"x"))


def _absolute(m: Members, out: Path) -> Path:
    return write_members(out, add_member(m, "/etc/cron.d/evil", b"x"))


def _drive(m: Members, out: Path) -> Path:
    return write_members(out, add_member(m, "C:/Windows/evil.dll", b"x"))


def _backslash(m: Members, out: Path) -> Path:
    return write_members(out, add_member(m, "media\\..\\..\\evil.jpg", b"x"))


def _symlink(m: Members, out: Path) -> Path:
    return write_members(out, add_member(m, "media/link.jpg", b"/etc/passwd", mode=0o120777))


def _device(m: Members, out: Path) -> Path:
    return write_members(out, add_member(m, "media/fifo", b"", mode=0o010644))


def _ratio_bomb(m: Members, out: Path) -> Path:
    info = zipfile.ZipInfo("media/zeros.jpg", date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return write_members(out, [*m, (info, bytes(4 * 1024 * 1024))])


def _size_bomb(m: Members, out: Path) -> Path:
    # Declared sizes add up past the limit used below (the members themselves are fine).
    return write_members(out, add_member(m, "media/big.jpg", bytes(700_000)))


def _encrypted(m: Members, out: Path) -> Path:
    write_members(out, m)
    data = bytearray(out.read_bytes())
    # Set the "encrypted" flag bit in every local and central header (the content stays readable).
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            data[start + offset] |= 0x01
            start += 4
    out.write_bytes(bytes(data))
    return out


def _truncated(m: Members, out: Path) -> Path:
    write_members(out, m)
    out.write_bytes(out.read_bytes()[: out.stat().st_size // 2])
    return out


def _not_zip(m: Members, out: Path) -> Path:
    out.write_bytes(b"%PDF-1.7 this is not a zip at all" * 100)
    return out


def _crc(m: Members, out: Path) -> Path:
    write_members(out, m)
    data = bytearray(out.read_bytes())
    name = first_media(m).encode()
    at = data.find(name) + len(name) + 2000  # inside the stored picture's bytes
    data[at] ^= 0xFF
    out.write_bytes(bytes(data))
    return out


def _duplicate_entry(m: Members, out: Path) -> Path:
    import warnings

    name = first_media(m)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name; that is the point
        return write_members(out, add_member(m, name, b"second copy"))


def _missing(m: Members, out: Path) -> Path:
    name = first_media(m)
    return write_members(out, [(i, d) for i, d in m if i.filename != name])


def _extra(m: Members, out: Path) -> Path:
    return write_members(out, add_member(m, "media/99-surprise.jpg", b"not listed"))


def _unused(m: Members, out: Path) -> Path:
    manifest = manifest_of(m)
    manifest["files"]["media/99-unused.jpg"] = {"sha256": "0" * 64, "size": 3}
    return write_members(out, add_member(with_manifest(m, manifest), "media/99-unused.jpg", b"abc"))


def _checksum(m: Members, out: Path) -> Path:
    name = first_media(m)
    swapped = [(i, bytes(len(d)) if i.filename == name else d) for i, d in m]  # same size, other bytes
    return write_members(out, swapped)


def _no_manifest(m: Members, out: Path) -> Path:
    return write_members(out, [(i, d) for i, d in m if i.filename != "manifest.json"])


def _bad_json(m: Members, out: Path) -> Path:
    return write_members(out, [(i, b"{not json" if i.filename == "manifest.json" else d) for i, d in m])


def _schema_type(m: Members, out: Path) -> Path:
    manifest = manifest_of(m)
    manifest["frames"][0]["shows_people"] = "yes"
    return write_members(out, with_manifest(m, manifest))


def _schema_unknown_field(m: Members, out: Path) -> Path:
    manifest = manifest_of(m)
    manifest["run_this"] = "rm -rf /"
    return write_members(out, with_manifest(m, manifest))


def _schema_bad_time(m: Members, out: Path) -> Path:
    manifest = manifest_of(m)
    manifest["frames"][1]["planned_time"] = "25:99"
    return write_members(out, with_manifest(m, manifest))


def _schema_name_escape(m: Members, out: Path) -> Path:
    manifest = manifest_of(m)
    manifest["frames"][0]["file"] = "media/../../x.jpg"
    return write_members(out, with_manifest(m, manifest))


def _newer_version(m: Members, out: Path) -> Path:
    manifest = manifest_of(m)
    manifest["format_version"] = 7
    return write_members(out, with_manifest(m, manifest))


def _wrong_kind(m: Members, out: Path) -> Path:
    manifest = manifest_of(m)
    manifest["format"] = "takeover-planner-brief"
    return write_members(out, with_manifest(m, manifest))


def _unknown_slot(m: Members, out: Path) -> Path:
    manifest = manifest_of(m)
    manifest["slot_id"] = 999
    return write_members(out, with_manifest(m, manifest))


def _other_department(m: Members, out: Path) -> Path:
    manifest = manifest_of(m)
    manifest["department"] = "Brannvesenet"
    return write_members(out, with_manifest(m, manifest))


def _empty_media(m: Members, out: Path) -> Path:
    manifest = manifest_of(m)
    name = first_media(m)
    manifest["files"][name] = {"sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "size": 0}
    return write_members(out, [(i, b"" if i.filename == name else d) for i, d in with_manifest(m, manifest)])


T = IntakeText
CASES: dict[str, tuple[Spoil, Reason, IntakeText, dict[str, object]]] = {
    "path_escape": (_path_escape, Reason.PATH_ESCAPE, T.CLIMBS_OUT, {"name": "../../evil.jpg"}),
    "absolute_path": (_absolute, Reason.PATH_ESCAPE, T.ABSOLUTE_PATH, {"name": "/etc/cron.d/evil"}),
    "drive_letter": (_drive, Reason.PATH_ESCAPE, T.DRIVE_LETTER, {"name": "C:/Windows/evil.dll"}),
    "backslash": (_backslash, Reason.PATH_ESCAPE, T.BACKSLASH, {}),
    "symlink": (_symlink, Reason.SYMLINK, T.SYMLINK, {"name": "media/link.jpg"}),
    "device": (_device, Reason.SYMLINK, T.NOT_ORDINARY, {"name": "media/fifo"}),
    "ratio_bomb": (_ratio_bomb, Reason.ZIP_BOMB, T.BOMB_RATIO, {"name": "media/zeros.jpg", "limit": 100}),
    "size_bomb": (_size_bomb, Reason.ZIP_BOMB, T.TOTAL_TOO_BIG, {"limit": 1_000_000}),
    "encrypted": (_encrypted, Reason.ENCRYPTED, T.ENCRYPTED, {}),
    "truncated": (_truncated, Reason.CORRUPT, T.NOT_A_ZIP, {"file": "truncated.zip"}),
    "not_a_zip": (_not_zip, Reason.CORRUPT, T.NOT_A_ZIP, {"file": "not_a_zip.zip"}),
    "crc_damage": (_crc, Reason.CORRUPT, T.MEMBER_DAMAGED, {}),
    "duplicate_entry": (_duplicate_entry, Reason.DUPLICATE_ENTRY, T.DUPLICATE_ENTRY, {}),
    "missing_file": (_missing, Reason.MISSING_FILE, T.LISTED_NOT_HELD, {}),
    "extra_file": (_extra, Reason.EXTRA_FILE, T.HELD_NOT_LISTED, {"file": "media/99-surprise.jpg"}),
    "unused_file": (_unused, Reason.EXTRA_FILE, T.UNUSED_FILE, {"file": "media/99-unused.jpg"}),
    "checksum": (_checksum, Reason.CHECKSUM, T.CHECKSUM, {}),
    "no_manifest": (_no_manifest, Reason.NO_MANIFEST, T.NO_MANIFEST, {"manifest": "manifest.json"}),
    "bad_json": (_bad_json, Reason.SCHEMA, T.NOT_JSON, {"file": "manifest.json"}),
    "schema_type": (_schema_type, Reason.SCHEMA, T.NOT_FLAG, {"field": "frames[0].shows_people"}),
    "schema_unknown_field": (_schema_unknown_field, Reason.SCHEMA, T.UNKNOWN_FIELD, {"field": "run_this"}),
    "schema_bad_time": (_schema_bad_time, Reason.SCHEMA, T.NOT_TIME, {"field": "frames[1].planned_time"}),
    "schema_name_escape": (_schema_name_escape, Reason.SCHEMA, T.UNEXPECTED_FORM, {"field": "frames[0].file"}),
    "newer_version": (_newer_version, Reason.VERSION, T.TOO_NEW, {"version": 7, "known": 1}),
    "wrong_kind": (_wrong_kind, Reason.WRONG_KIND, T.WRONG_KIND, {"found": T.A_BRIEF, "wanted": T.A_SUBMISSION}),
    "unknown_slot": (_unknown_slot, Reason.UNKNOWN_SLOT, T.UNKNOWN_SLOT, {"slot_id": 999}),
    "other_department": (_other_department, Reason.UNKNOWN_SLOT, T.OTHER_DEPARTMENT,
                         {"department": "Brannvesenet", "actual": "Biblioteket"}),
    "empty_media": (_empty_media, Reason.UNUSABLE_FILE, T.UNUSABLE_FILE, {"number": 1}),
}
SMALL = ZipLimits(max_total_bytes=1_000_000)  # the good package is about 0.4 MB


@pytest.fixture
def good_package(ctx, tmp_path, corpus):
    slot_id = book_slot(ctx)
    # An earlier import, so that "unchanged" is checked against a database and store with content in them.
    packages.import_submission(ctx, make_submission(ctx, slot_id, corpus, tmp_path / "earlier.zip"))
    return slot_id, make_submission(ctx, slot_id, corpus, tmp_path / "good.zip")


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_package_is_refused_and_nothing_changes(case, ctx, tmp_path, good_package):
    spoil, reason, code, params = CASES[case]
    _slot_id, good = good_package
    bad = spoil(members_of(good), tmp_path / f"{case}.zip")
    db_before, store_before = db_snapshot(ctx), store_snapshot(ctx)
    with pytest.raises(PackageRefused) as refused:
        packages.import_submission(ctx, bad, limits=SMALL)
    assert (refused.value.reason, refused.value.code) == (reason, code), repr(refused.value)
    assert {key: refused.value.params[key] for key in params} == params
    assert refused.value.details["reason"] == reason.value
    assert refused.value.message_in("nb") and refused.value.message_in("en")
    assert db_snapshot(ctx) == db_before
    assert store_snapshot(ctx) == store_before


def test_every_refusal_has_its_own_code():
    # Only a truncated zip and a file that is no zip at all share one: to the reader both are "not a zip".
    assert len({code for _spoil, _reason, code, _params in CASES.values()}) == len(CASES) - 1


def test_a_refusal_reads_as_norwegian(ctx, tmp_path, good_package):
    _slot_id, good = good_package
    with pytest.raises(PackageRefused) as refused:
        packages.import_submission(ctx, _path_escape(members_of(good), tmp_path / "bad.zip"))
    # The one rendered check of this file.
    assert refused.value.message_in("nb") == "Pakken inneholder en sti som klatrer ut av pakken («../../evil.jpg»)."


def test_cancelled_slot_is_refused(ctx, tmp_path, good_package):
    slot_id, good = good_package
    booking.set_status(ctx, slot_id, SlotStatus.CANCELLED, reason="Storm")
    db_before, store_before = db_snapshot(ctx), store_snapshot(ctx)
    with pytest.raises(PackageRefused) as refused:
        packages.import_submission(ctx, good)
    assert refused.value.reason == Reason.CANCELLED_SLOT and refused.value.code == IntakeText.SUBMISSION_CANCELLED
    assert db_snapshot(ctx) == db_before and store_snapshot(ctx) == store_before


def test_the_good_package_itself_imports(ctx, good_package):
    _slot_id, good = good_package
    assert len(packages.import_submission(ctx, good, limits=SMALL).frame_ids) == 3
