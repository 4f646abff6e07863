"""A screenshot of the contributor kit in Bokmål for docs/screenshots/ (run by hand; needs chromium):

    .venv/bin/python tests/take_kit_screenshot.py [nb|en]

Writes a kit for an invented slot, opens it in headless chromium, adds four real corpus files (a rotated
phone JPEG, a PNG, a short video, a HEIC), fills in the first frame and saves docs/screenshots/kit-LANG.png.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from takeover_planner.intake.brief import new_brief
from takeover_planner.intake.kit import kit_html
from takeover_planner.intake.manifest import SlotFacts
from takeover_planner.media.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
FILES = ("images/rec_Portrait_6.jpg", "images/vips_indexed_palette.png", "video/ax_h264_aac_baseline.mp4",
         "heic/ph_iphone8plus_arrow.heic")


def main(language: str) -> Path:
    facts = SlotFacts(12, "Fjordvik kommune", "fjordvikkommune", "Brann og redning", dt.date(2027, 3, 1),
                      dt.date(2027, 3, 3), dt.datetime(2027, 2, 24, 11, 0, tzinfo=dt.UTC), "", "", "")
    rules = load_rules()
    out = ROOT / "docs" / "screenshots" / f"kit-{language}.png"
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "kit.html"
        page.write_text(kit_html(new_brief(facts, rules, "Kari Kommunikasjon"), rules, language), encoding="utf-8")
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1100,2300",
                         "--hide-scrollbars", f"--lang={language}"):
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.get(page.as_uri())
            driver.find_element("id", "kit-name").send_keys("Ola Brannmann")
            driver.find_element("id", "kit-email").send_keys("ola@fjordvik.kommune.no")
            driver.find_element("id", "kit-files").send_keys("\n".join(str(CORPUS / name) for name in FILES))
            time.sleep(2)
            driver.find_element("id", "frame-1-time").send_keys("09:30")
            driver.find_element("id", "frame-1-text").send_keys("Klar for utrykning!")
            yes = driver.find_element("id", "frame-1-people-yes")
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", yes)
            yes.click()
            driver.find_element("id", "frame-1-consent-1-subject").send_keys("Mannskapet på vakt")
            driver.execute_script("window.scrollTo(0, 0);")
            time.sleep(0.5)
            driver.save_screenshot(str(out))
        finally:
            driver.quit()
    return out


if __name__ == "__main__":
    print(main(sys.argv[1] if len(sys.argv) > 1 else "nb"))
