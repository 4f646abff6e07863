"""The contributor kit in a real browser (Debian's chromium + chromium-driver, through Selenium, headless).

A department's round trip: `package kit` writes the page; the test adds real corpus files (a rotated phone
JPEG, a PNG, a short video, a HEIC), reorders them, fills times, texts, a sticker and the consent answers,
saves, and imports the downloaded zip with `package import` — then checks every frame against what was typed.
Also: the kit's own file checks give the same verdict as `validate` on every corpus file a browser can read,
the page makes no network request and names no outside address, and `intake scan` takes the kit's package.
Without chromium the tests skip, unless TAKEOVER_PLANNER_REQUIRE_BROWSER=1 (CI) makes that a failure.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from takeover_planner.cli import main
from takeover_planner.domain.timekeeping import to_oslo
from takeover_planner.intake.schema import check_schema
from takeover_planner.services.context import open_context
from takeover_planner.services.intake_folder import Verdict, scan_folder
from takeover_planner.services.media_checks import judge_file
from takeover_planner.storage.models import ConsentRecord, FrameConsent, MediaAsset, StoryFrame
from takeover_planner.texts.kit import KitText
from tests.conftest import CORPUS

pytestmark = pytest.mark.slow

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
FILES = ("images/rec_Portrait_6.jpg", "images/vips_indexed_palette.png", "video/ax_h264_aac_baseline.mp4",
         "heic/ph_iphone8plus_arrow.heic")
ALLOWED_SCHEMES = ("file:", "blob:", "data:")


def _need_browser() -> None:
    if CHROMIUM and DRIVER:
        return
    if os.environ.get("TAKEOVER_PLANNER_REQUIRE_BROWSER") == "1":
        pytest.fail("chromium and chromium-driver are required (TAKEOVER_PLANNER_REQUIRE_BROWSER=1)")
    pytest.skip("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")


@pytest.fixture(scope="module")
def real_corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the real-media corpus is not at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    _need_browser()
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1200,1600", "--lang=nb"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_script_timeout(120)
    yield driver
    driver.quit()


def cli(home: Path, *args: str) -> tuple[int, str]:
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["--home", str(home), "--user", "Kari", *args])
    return code, buffer.getvalue()


def _planner(home: Path) -> int:
    assert cli(home, "account", "add", "Fjordvik kommune", "--handle", "fjordvikkommune")[0] == 0
    assert cli(home, "department", "add", "Brann og redning")[0] == 0
    code, out = cli(home, "--json", "book", "--department", "Brann og redning", "--account", "Fjordvik kommune",
                    "--start", "2027-03-01", "--end", "2027-03-03", "--status", "confirmed")
    assert code == 0, out
    return 1


def _wait(condition: Any, seconds: float = 20.0) -> Any:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


def _click(driver: Any, element_id: str) -> None:
    """Click like a person: the control in the middle of the window, not under the page's sticky save bar."""
    element = driver.find_element("id", element_id)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()


def _fill(driver: Any, element_id: str, text: str) -> None:
    element = driver.find_element("id", element_id)
    element.clear()
    element.send_keys(text)


@pytest.fixture(scope="module")
def kit_run(browser: Any, tmp_path_factory: pytest.TempPathFactory, real_corpus: Path) -> dict[str, Any]:
    """A kit written by `package kit`, filled in and saved in the browser: the page, the zip, the network log."""
    from selenium.webdriver.support.ui import Select

    root = tmp_path_factory.mktemp("kit")
    home, downloads = root / "home", root / "downloads"
    downloads.mkdir()
    slot = _planner(home)
    kit = root / "kit.html"
    code, out = cli(home, "--json", "package", "kit", "--slot", str(slot), "--out", str(kit))
    assert code == 0 and json.loads(out)["file"] == str(kit), out
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    browser.get_log("performance")  # start the network log afresh
    browser.get(kit.as_uri())
    _fill(browser, "kit-name", "Ola Brannmann")
    _fill(browser, "kit-email", "ola@fjordvik.kommune.no")
    browser.find_element("id", "kit-files").send_keys("\n".join(str(real_corpus / name) for name in FILES))
    _wait(lambda: browser.find_elements("id", "frame-4-checks"))
    _wait(lambda: all(browser.find_element("id", f"frame-{n}-checks").text
                      and "Sjekker" not in browser.find_element("id", f"frame-{n}-checks").text for n in range(1, 5)))
    checks = [browser.find_element("id", f"frame-{n}-checks").text for n in range(1, 5)]
    # Story order by keyboard: the PNG (frame 2) goes down, after the video.
    browser.find_element("id", "frame-2-down").send_keys(" ")
    _wait(lambda: browser.find_element("id", "frame-2").text.count("ax_h264_aac_baseline.mp4"))
    entered: list[dict[str, Any]] = [
        {"time": "09:30", "text": "Klar for utrykning!", "people": "yes"},
        {"time": "10:15", "text": "Slik sjekker vi utstyret", "people": "no", "day": "2027-03-02",
         "sticker": ("link", "https://fjordvik.kommune.no/brann")},
        {"time": "12:00", "text": "Røykvarsleren – test den i dag", "people": "no", "credit": "Foto: Ola"},
        {"time": "", "text": "Takk for i dag", "people": None},  # answered only when the save asks for it
    ]
    for n, frame in enumerate(entered, start=1):
        _fill(browser, f"frame-{n}-time", frame["time"])
        _fill(browser, f"frame-{n}-text", frame["text"])
        if "day" in frame:
            Select(browser.find_element("id", f"frame-{n}-date")).select_by_value(frame["day"])
        if "sticker" in frame:
            Select(browser.find_element("id", f"frame-{n}-sticker-kind")).select_by_value(frame["sticker"][0])
            _fill(browser, f"frame-{n}-sticker-value", frame["sticker"][1])
        if "credit" in frame:
            _fill(browser, f"frame-{n}-credit", frame["credit"])
        if frame["people"]:
            _click(browser, f"frame-{n}-people-{frame['people']}")
    _fill(browser, "frame-1-consent-1-subject", "Mannskapet på vakt")
    _fill(browser, "frame-1-consent-1-reference", "SK-2027-031")
    _click(browser, "frame-1-consent-add")
    _fill(browser, "frame-1-consent-2-subject", "Elevene i 7B")
    _fill(browser, "frame-1-consent-2-reference", "SK-2027-014")
    _click(browser, "frame-1-consent-2-minor")
    unlabelled = browser.execute_script("""
        return Array.from(document.querySelectorAll('input, select, textarea, button')).filter(function (c) {
          if (c.tagName === 'BUTTON') { return !(c.getAttribute('aria-label') || c.textContent.trim()); }
          return !(c.labels && c.labels.length) && !c.getAttribute('aria-label');
        }).map(function (c) { return c.id; });""")
    _click(browser, "kit-save")
    # Frame 4's people question is unanswered: the save stops there, says so and puts the focus on it.
    refused = _wait(lambda: [text for text in [browser.find_element("id", "kit-status").text] if "Storybilde 4" in text])
    assert "personer" in refused[0], refused
    assert browser.switch_to.active_element.get_attribute("id") == "frame-4-people-no"
    assert not [p for p in downloads.iterdir() if p.suffix == ".zip"]
    _click(browser, "frame-4-people-no")
    entered[3]["people"] = "no"
    _click(browser, "kit-save")
    saved = _wait(lambda: [p for p in downloads.iterdir() if p.suffix == ".zip"])
    status = browser.find_element("id", "kit-status").text
    titles = [browser.find_element("tag name", "h1").text]
    _click(browser, "kit-lang")  # English, and back: the frames keep what was typed
    titles += [browser.find_element("tag name", "h1").text, browser.find_element("id", "frame-1-text").get_attribute("value")]
    _click(browser, "kit-lang")
    network = [json.loads(entry["message"])["message"] for entry in browser.get_log("performance")]
    console = browser.get_log("browser")
    return {"home": home, "slot": slot, "kit": kit, "zip": saved[0], "entered": entered, "checks": checks,
            "network": network, "console": console, "unlabelled": unlabelled, "status": status,
            "titles": titles}


def test_a_kit_submission_imports_exactly_as_entered(kit_run: dict[str, Any]) -> None:
    package: Path = kit_run["zip"]
    assert package.name == "innsending-periode-1-brann-og-redning.zip" and package.name in kit_run["status"]
    assert kit_run["unlabelled"] == [], "every control has a label"
    assert not [entry for entry in kit_run["console"] if entry["level"] == "SEVERE"], kit_run["console"]
    with zipfile.ZipFile(package) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert all(info.compress_type == zipfile.ZIP_STORED for info in zf.infolist())
        assert zf.testzip() is None  # every CRC the page wrote is right
    check_schema(manifest, "submission-1")  # the same schema the importer uses
    assert [f["file"] for f in manifest["frames"]] == [
        "media/01-rec_Portrait_6.jpg", "media/02-ax_h264_aac_baseline.mp4", "media/03-vips_indexed_palette.png",
        "media/04-ph_iphone8plus_arrow.heic"]

    code, out = cli(kit_run["home"], "--json", "package", "import", str(package))
    assert code == 0, out
    result = json.loads(out)
    assert len(result["frames"]) == 4 and len(result["consents"]) == 2

    entered = kit_run["entered"]
    ctx = open_context(str(kit_run["home"]), None, actor="Kari")
    try:
        with ctx.db.session() as s:
            frames = s.scalars(select(StoryFrame).where(StoryFrame.slot_id == kit_run["slot"])
                               .order_by(StoryFrame.position)).all()
            names = [s.get(MediaAsset, f.original_asset_id).original_name for f in frames]  # type: ignore[union-attr]
            assert names == ["01-rec_Portrait_6.jpg", "02-ax_h264_aac_baseline.mp4", "03-vips_indexed_palette.png",
                             "04-ph_iphone8plus_arrow.heic"]
            assert [f.text for f in frames] == [e["text"] for e in entered]
            planned = [to_oslo(f.planned_at) for f in frames if f.planned_at is not None]
            assert [(p.date().isoformat(), p.strftime("%H:%M")) for p in planned] == [
                ("2027-03-01", "09:30"), ("2027-03-02", "10:15"), ("2027-03-01", "12:00"), ("2027-03-01", "09:00")]
            assert (frames[1].sticker_kind, frames[1].sticker_value) == ("link", "https://fjordvik.kommune.no/brann")
            assert frames[2].credit == "Foto: Ola"
            assert [f.shows_people for f in frames] == [True, False, False, False]
            linked = s.scalars(select(ConsentRecord).join(FrameConsent, FrameConsent.consent_id == ConsentRecord.id)
                               .where(FrameConsent.frame_id == frames[0].id).order_by(ConsentRecord.id)).all()
            assert [(c.subject, c.reference, c.given_by, c.scope) for c in linked] == [
                ("Mannskapet på vakt", "SK-2027-031", "self", ["instagram"]),
                ("Elevene i 7B", "SK-2027-014", "guardian", ["instagram"])]
    finally:
        ctx.close()


def test_the_kit_checks_in_bokmaal_and_marks_heic_for_later(kit_run: dict[str, Any]) -> None:
    jpeg, png, video, heic = kit_run["checks"]
    assert "1200×1800" in jpeg  # stored 1800×1200, EXIF orientation 6: shown upright
    assert "EXIF-orientering 6" in jpeg and "Kommunikasjonsteamet retter dette" in jpeg
    assert "JPEG-bilder; dette er PNG" in png
    assert "1,07 s" in video and "minst 3 s" in video
    assert "Sjekkes når den kommer fram" in heic
    assert kit_run["titles"] == [KitText.TITLE.nb, KitText.TITLE.en, "Klar for utrykning!"]


def test_the_kit_makes_no_network_request_and_names_no_outside_address(kit_run: dict[str, Any]) -> None:
    requested = [event["params"]["request"]["url"] for event in kit_run["network"]
                 if event["method"] == "Network.requestWillBeSent"]
    assert requested, "the network log is on"
    assert [url for url in requested if not url.startswith(ALLOWED_SCHEMES)] == []
    page = kit_run["kit"].read_text(encoding="utf-8")
    assert re.findall(r"(?:https?|wss?|ftp)://[A-Za-z0-9]", page) == []  # this slot's brief has no news link
    assert re.findall(r"""(?:src|href)\s*=\s*["'](?://|https?:)""", page) == []


def test_intake_scan_takes_the_kit_package_refuses_a_hostile_one_and_leaves_a_half_copied_one(
        kit_run: dict[str, Any], tmp_path: Path) -> None:
    home = tmp_path / "home"
    _planner(home)  # the same slot, in a fresh database
    folder = tmp_path / "intake"
    folder.mkdir()
    shutil.copy(kit_run["zip"], folder / kit_run["zip"].name)
    with zipfile.ZipFile(folder / "hostile.zip", "w") as zf:
        zf.writestr("manifest.json", "{}")
        zf.writestr("../../outside.txt", "climbing out")
    half = folder / "halvveis.zip"
    half.write_bytes(kit_run["zip"].read_bytes()[:50_000])

    def still_copying(_seconds: float) -> None:
        with open(half, "ab") as handle:
            handle.write(b"\0" * 1000)

    ctx = open_context(str(home), None, actor="Kari")
    try:
        outcomes = {o.file: o for o in scan_folder(ctx, folder, settle_seconds=0, wait=still_copying)}
    finally:
        ctx.close()
    assert outcomes[kit_run["zip"].name].verdict == Verdict.IMPORTED and outcomes[kit_run["zip"].name].frames == 4
    assert outcomes["hostile.zip"].verdict == Verdict.REFUSED and outcomes["hostile.zip"].code == "intake.climbs_out"
    assert outcomes["halvveis.zip"].verdict == Verdict.WAITING
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == sorted([
        "avvist", "avvist/hostile.zip", "avvist/hostile.kvittering.txt", "halvveis.zip", "importert",
        f"importert/{kit_run['zip'].name}", f"importert/{kit_run['zip'].stem}.kvittering.txt"])
    receipt = (folder / "importert" / f"{kit_run['zip'].stem}.kvittering.txt").read_text(encoding="utf-8")
    assert "Storybilde 1" in receipt and "Kommunikasjonsteamet retter dette" in receipt
    assert not (tmp_path / "outside.txt").exists()


def test_the_kit_checks_agree_with_validate_on_every_file_a_browser_reads(browser: Any, kit_run: dict[str, Any],
                                                                          real_corpus: Path) -> None:
    files = sorted(p for folder in ("images", "video", "heic") for p in (real_corpus / folder).iterdir())
    browser.get(kit_run["kit"].as_uri())
    browser.execute_script("var i = document.createElement('input'); i.type = 'file'; i.multiple = true; "
                           "i.id = 'probe'; document.body.appendChild(i);")
    browser.find_element("id", "probe").send_keys("\n".join(str(p) for p in files))
    verdicts = browser.execute_async_script("""
        var done = arguments[0], out = [];
        Array.from(document.getElementById('probe').files).reduce(function (chain, file) {
          return chain.then(function () { return window.kitCheckFile(file); }).then(function (r) { out.push(r); });
        }, Promise.resolve()).then(function () { done(out); });""")
    compared, disagreements = 0, []
    for path, kit in zip(files, verdicts, strict=True):
        judgement = judge_file(path)
        if kit["status"] != "checked" or judgement.info.problem:
            continue  # the browser cannot read it, or the app cannot judge its other rules either
        failed = {finding.rule for finding in judgement.findings}
        for rule in kit["judged"]:
            compared += 1
            if (rule in kit["failed"]) != (rule in failed):
                disagreements.append((path.name, rule, kit, sorted(failed)))
    assert disagreements == []
    assert compared > 200, compared
    heic = [v for p, v in zip(files, verdicts, strict=True) if p.suffix.lower() in (".heic", ".heif", ".hif")]
    assert heic and {v["status"] for v in heic} == {"later"}


def test_markup_in_the_brief_shows_as_text_and_never_runs(browser: Any, tmp_path: Path) -> None:
    """A department, account, contact, news link or tip holding markup or a script end tag is shown as typed."""
    from dataclasses import replace

    from takeover_planner.intake.brief import new_brief
    from takeover_planner.intake.kit import kit_html
    from takeover_planner.intake.manifest import BilingualText, SlotFacts
    from takeover_planner.media.rules import load_rules

    hostile = '<img src=x onerror="window.pwned=1"></script><script>window.pwned=2</script>&amp;'
    facts = SlotFacts(7, f"Konto {hostile}", "fjordvik", f"Brann {hostile}", dt.date(2027, 3, 1),
                      dt.date(2027, 3, 2), None, "", f"javascript:window.pwned=3//{hostile}", "")
    rules = load_rules()
    brief = new_brief(facts, rules, f"Kari {hostile}")
    brief = replace(brief, tips=BilingualText(en=[f"Tip {hostile}"], nb=[f"Tips {hostile}"]))
    page = tmp_path / "kit.html"
    page.write_text(kit_html(brief, rules, "nb"), encoding="utf-8")
    assert page.read_text(encoding="utf-8").count("</script>") == 2  # only the page's own two script elements end
    browser.get_log("browser")
    browser.get(page.as_uri())
    facts_text = _wait(lambda: browser.find_element("id", "kit-facts").text)
    assert f"Brann {hostile}" in facts_text and f"Kari {hostile}" in facts_text
    assert f"javascript:window.pwned=3//{hostile}" in facts_text
    assert f"Tips {hostile}" in browser.find_element("id", "kit-guide").text
    assert browser.execute_script("return window.pwned === undefined && document.scripts.length === 2 && "
                                  "document.images.length === 0 && document.links.length === 0")
    assert browser.find_element("tag name", "h1").text == KitText.TITLE.nb  # the page's own script ran to the end
    assert not [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def test_kit_dates_are_the_slots_days(kit_run: dict[str, Any]) -> None:
    page = kit_run["kit"].read_text(encoding="utf-8")
    data = json.loads(page.split('id="kit-data">', 1)[1].split("</script>", 1)[0])
    assert [d["iso"] for d in data["days"]] == [(dt.date(2027, 3, 1) + dt.timedelta(days=n)).isoformat()
                                                for n in range(3)]
    assert data["slot_id"] == kit_run["slot"] and data["department"] == "Brann og redning"
    assert {rule["id"] for rule in data["rules"]} >= {"image.format", "image.orientation", "video.too_short"}
