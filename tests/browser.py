"""A real headless Chromium for the page tests (report.html, `aegis serve`), driven by Selenium.

pytestmark = NEEDS_CHROMIUM
monkeypatch.setenv("SE_OFFLINE", "1")                       # never let Selenium Manager fetch a driver
driver = headless_chromium("1600,1000", downloads=folder)   # the caller quits it
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
NEEDS_CHROMIUM = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER), reason="needs chromium and chromedriver (apt-get install chromium chromium-driver)"
)


def headless_chromium(window: str, *, downloads: Path | None = None) -> Any:
    """Chromium through the system's chromedriver; `downloads`: where a clicked download is saved."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={window}"):
        options.add_argument(argument)
    if downloads is not None:
        options.add_experimental_option("prefs", {"download.default_directory": str(downloads)})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    if downloads is not None:
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    return driver
