"""The contributor kit previews a frame's on-screen text as the app will burn it in (issue 19), in a real browser
(headless chromium through Selenium, as ``test_contributor_kit``): the box it draws over the phone has the lines
and the place ``media/text_overlay.layout_text`` gives; a text too long to set says so and draws nothing; a
sticker frame (posted by hand, the text typed on the phone) has no box. A picture that is not 9:16 is shown
as the app publishes it: one that goes as it is keeps its shape (letterboxed on the phone) with the text set on
the picture, as in the burned JPEG; one the comms team must fix first is padded to 1080×1920 with the text on the
whole screen."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops

from takeover_planner.intake.brief import new_brief
from takeover_planner.intake.kit import kit_html
from takeover_planner.intake.manifest import SlotFacts
from takeover_planner.media.rules import load_rules
from takeover_planner.media.text_overlay import burn_text, layout_text

pytestmark = pytest.mark.slow

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
TEXT = "Velkommen til brannstasjonen – åpen dag på lørdag, kom og prøv slangen!"
# The box the page drew: where any pixel of the 1080×1920 canvas is not transparent (left, top, right, bottom).
BOX_SCRIPT = """
const c = document.getElementById(arguments[0]); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
let l = c.width, t = c.height, r = -1, b = -1;
for (let y = 0; y < c.height; y++) { for (let x = 0; x < c.width; x++) { if (d[(y * c.width + x) * 4 + 3] > 0) {
  if (x < l) l = x; if (x > r) r = x; if (y < t) t = y; if (y > b) b = y; } } }
return r < 0 ? null : [l, t, r + 1, b + 1];"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (CHROMIUM and DRIVER):
        if os.environ.get("TAKEOVER_PLANNER_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium and chromium-driver are required (TAKEOVER_PLANNER_REQUIRE_BROWSER=1)")
        pytest.skip("chromium and chromium-driver are not installed")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1200,1600", "--lang=nb"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def _wait(condition: Any, seconds: float = 20.0) -> Any:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


# Where the phone shows the picture and the text canvas (page pixels: left, top, width, height), the canvas's own
# size, and how the picture is fitted.
PLACE_SCRIPT = """
const c = document.getElementById(arguments[0]); const phone = c.parentElement; const p = phone.getBoundingClientRect();
const r = c.getBoundingClientRect(); const img = phone.querySelector('img');
return {screen: [p.left + phone.clientLeft, p.top + phone.clientTop, phone.clientWidth, phone.clientHeight],
        canvas: [r.left, r.top, r.width, r.height], size: [c.width, c.height],
        fit: img ? getComputedStyle(img).objectFit : null};"""


def _kit_page(tmp_path: Path) -> Path:
    facts = SlotFacts(12, "Fjordvik kommune", "fjordvikkommune", "Brann og redning", dt.date(2027, 3, 1),
                      dt.date(2027, 3, 3), dt.datetime(2027, 2, 24, 11, 0, tzinfo=dt.UTC), "", "", "")
    rules = load_rules()
    page = tmp_path / "kit.html"
    page.write_text(kit_html(new_brief(facts, rules, "Kari Kommunikasjon"), rules, "nb"), encoding="utf-8")
    return page


def _near(a: Any, b: Any, tolerance: float) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def _type(driver: Any, element_id: str, text: str) -> None:
    element = driver.find_element("id", element_id)
    element.clear()
    element.send_keys(text)


def test_the_kit_shows_the_text_where_the_app_burns_it(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.support.ui import Select

    page = _kit_page(tmp_path)
    picture = tmp_path / "plakat.png"
    Image.new("RGB", (1080, 1920), (90, 140, 200)).save(picture)
    browser.get(page.as_uri())
    browser.find_element("id", "kit-files").send_keys(str(picture))
    _wait(lambda: browser.find_elements("id", "frame-1-text"))

    _type(browser, "frame-1-text", TEXT)
    drawn = browser.execute_script(BOX_SCRIPT, "frame-1-text-panel")
    expected = layout_text(TEXT, 1080, 1920)
    assert drawn is not None, "the text is drawn over the phone"
    assert len(expected.lines) > 1, "a text that wraps: the same line breaks give the same box height"
    assert abs(drawn[1] - expected.top) <= 2 and abs(drawn[3] - expected.bottom) <= 2, (drawn, expected)
    assert abs(drawn[0] - expected.left) <= 2 and abs(drawn[2] - expected.right) <= 2, (drawn, expected)
    assert not browser.find_element("id", "frame-1-text-warning").is_displayed()

    _type(browser, "frame-1-text", "Les dette. " * 60)
    assert browser.execute_script(BOX_SCRIPT, "frame-1-text-panel") is None
    warning = browser.find_element("id", "frame-1-text-warning")
    assert warning.is_displayed() and "for lang" in warning.text

    _type(browser, "frame-1-text", TEXT)
    Select(browser.find_element("id", "frame-1-sticker-kind")).select_by_value("link")
    assert browser.execute_script(BOX_SCRIPT, "frame-1-text-panel") is None, "a sticker frame's text is typed by hand"


def test_a_picture_not_9_16_is_previewed_as_it_is_published(browser: Any, tmp_path: Path) -> None:
    """A 4:5 JPEG goes out as it is (its aspect is only advice): the text on the picture, the picture letterboxed;
    a 4:5 PNG must be fixed (JPEG only): the fix pads it to 1080×1920 and the text lies on the whole screen."""
    as_it_is, to_fix = tmp_path / "plakat-4x5.jpg", tmp_path / "plakat-4x5.png"
    Image.new("RGB", (1080, 1350), (90, 140, 200)).save(as_it_is, quality=95)
    Image.new("RGB", (720, 900), (90, 140, 200)).save(to_fix)
    browser.get(_kit_page(tmp_path).as_uri())
    browser.find_element("id", "kit-files").send_keys(f"{as_it_is}\n{to_fix}")
    _wait(lambda: browser.find_elements("id", "frame-2-text"))
    _type(browser, "frame-1-text", TEXT)
    _type(browser, "frame-2-text", TEXT)

    # As it is: a 1080×1350 canvas over the picture where the phone shows it, the text where the JPEG has it.
    place = _wait(lambda: (p := browser.execute_script(PLACE_SCRIPT, "frame-1-text-panel"))["size"] == [1080, 1350]
                  and p)
    left, top, width, height = place["screen"]
    shown = width * 1350 / 1080
    assert abs(height - width * 16 / 9) <= 1, "the phone's screen is 9:16"
    assert place["fit"] == "contain", "the picture is letterboxed, not cropped to fill the phone"
    assert _near(place["canvas"], [left, top + (height - shown) / 2, width, shown], 1), place
    drawn = browser.execute_script(BOX_SCRIPT, "frame-1-text-panel")
    expected = layout_text(TEXT, 1080, 1350)
    assert drawn is not None and _near(drawn, [expected.left, expected.top, expected.right, expected.bottom], 2), (
        drawn, expected)
    burned = Image.open(burn_text(as_it_is, TEXT, tmp_path / "brent.jpg")).convert("RGB")
    box = ImageChops.difference(burned, Image.open(as_it_is).convert("RGB")).convert("L").point(
        lambda v: 255 if v > 40 else 0).getbbox()
    assert box is not None and _near(drawn, box, 3), (drawn, box)
    assert expected.bottom < 1920 * (1 - 340 / 1920) - 100, "not where a 9:16 picture's text would be"

    # To be fixed: the padded story's canvas over the whole screen, the text as on any 1080×1920 story.
    place = _wait(lambda: (p := browser.execute_script(PLACE_SCRIPT, "frame-2-text-panel"))["size"] == [1080, 1920]
                  and p)
    assert _near(place["canvas"], place["screen"], 1), place
    drawn = browser.execute_script(BOX_SCRIPT, "frame-2-text-panel")
    expected = layout_text(TEXT, 1080, 1920)
    assert drawn is not None and _near(drawn, [expected.left, expected.top, expected.right, expected.bottom], 2), (
        drawn, expected)
