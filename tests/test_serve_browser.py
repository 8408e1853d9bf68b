"""The `aegis serve` pages in a real headless Chromium: submit, watch live, see screenshots, download, restart."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

from browser import NEEDS_CHROMIUM, headless_chromium
from fakeserver import Reply, ScriptedServer
from helpers import COUNTER_APP, fenced
from serving import AegisServer

pytestmark = NEEDS_CHROMIUM
COUNTER_TASK = "a window with a button that counts clicks"
SLOW_TASK = "a slow counter"


@pytest.fixture
def model() -> Iterator[ScriptedServer]:
    rules = {COUNTER_TASK: Reply(fenced(COUNTER_APP), delay=1.5), SLOW_TASK: Reply(fenced(COUNTER_APP), delay=60)}
    with ScriptedServer(rules=rules) as server:
        yield server


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch, downloads: Path) -> Iterator[Any]:
    monkeypatch.setenv("SE_OFFLINE", "1")  # never let Selenium Manager fetch a driver
    driver = headless_chromium("1300,1000", downloads=downloads)
    yield driver
    driver.quit()


def wait(driver: Any, condition: Callable[[Any], Any], seconds: float = 60) -> Any:
    """Until `condition` holds; an element the page re-rendered meanwhile is looked up again."""
    ignored = (NoSuchElementException, StaleElementReferenceException)
    return WebDriverWait(driver, seconds, poll_frequency=0.1, ignored_exceptions=ignored).until(condition)


def text(driver: Any, selector: str) -> str:
    return str(driver.find_element("css selector", selector).text)


SHOT_LOADED = "const img = document.querySelector('#rounds img.shot'); return !!img && img.complete && img.naturalWidth"
"""The first screenshot on the page, loaded: its natural width (0 when the image is broken)."""


def test_type_a_task_watch_it_live_and_download_the_app(
    tmp_path: Path, model: ScriptedServer, browser: Any, downloads: Path
) -> None:
    with AegisServer(tmp_path, model) as web:
        browser.get(web.url + "/")
        browser.find_element("css selector", "#task").send_keys(COUNTER_TASK)
        browser.find_element("css selector", "#submit").click()
        wait(browser, lambda d: "/builds/" in d.current_url)
        wait(browser, lambda d: "Round 1: generate" in text(d, "#activity-text"))  # live, while the model answers
        wait(browser, lambda d: d.find_elements("css selector", "#rounds .round"))
        wait(browser, lambda d: text(d, "#status") == "working app")
        assert wait(browser, lambda d: d.execute_script(SHOT_LOADED)) > 0
        link = next(a for a in browser.find_elements("css selector", "#download-list a") if a.text == "app.py")
        link.click()
        saved = downloads / "app.py"
        wait(browser, lambda d: saved.is_file() and saved.read_text() == COUNTER_APP, 30)
        browser.get(web.url + "/")
        row = wait(browser, lambda d: d.find_elements("css selector", "#runs tbody tr"))[0]
        assert COUNTER_TASK in row.text and "working app" in row.text


def test_a_bad_task_is_explained_on_the_page(tmp_path: Path, model: ScriptedServer, browser: Any) -> None:
    with AegisServer(tmp_path, model) as web:
        browser.get(web.url + "/")
        browser.find_element("css selector", "#task").send_keys("   ")
        browser.find_element("css selector", "#submit").click()
        assert "the task is empty" in wait(browser, lambda d: text(d, "#form-error") or None)
        assert browser.current_url.rstrip("/") == web.url


def test_the_printed_url_with_its_token_opens_the_pages(tmp_path: Path, model: ScriptedServer, browser: Any) -> None:
    with AegisServer(tmp_path, model, "--host", "0.0.0.0") as web:
        browser.get(web.url + "/")
        assert "token" in browser.find_element("css selector", "body").text  # no token: refused
        browser.get(f"{web.url}/?token={web.token}")
        assert "token=" not in browser.current_url  # the token went into a cookie
        browser.find_element("css selector", "#task").send_keys(COUNTER_TASK)
        browser.find_element("css selector", "#submit").click()
        wait(browser, lambda d: text(d, "#status") == "working app")
        assert wait(browser, lambda d: d.execute_script(SHOT_LOADED)) > 0


def test_a_restarted_server_keeps_its_queue(tmp_path: Path, model: ScriptedServer, browser: Any) -> None:
    web = AegisServer(tmp_path, model).start()
    slow = web.submit(SLOW_TASK)
    web.follow_until(slow, "ask")
    queued = web.submit(COUNTER_TASK)
    web.stop(signal.SIGINT)  # Ctrl-C: the running build is kept as interrupted, the queued one waits
    again = AegisServer(tmp_path, model).start()
    try:
        browser.get(f"{again.url}/builds/{slow}")
        wait(browser, lambda d: text(d, "#status") == "interrupted")
        assert browser.find_element("css selector", "#retry").is_displayed()
        browser.get(f"{again.url}/builds/{queued}")
        wait(browser, lambda d: text(d, "#status") == "working app")
        browser.get(again.url + "/")
        wait(browser, lambda d: len(d.find_elements("css selector", "#runs tbody tr")) == 2)
        time.sleep(0.2)
        statuses = [row.text for row in browser.find_elements("css selector", "#runs tbody tr")]
        assert any("interrupted" in s for s in statuses) and any("working app" in s for s in statuses)
    finally:
        again.stop()


def test_a_task_written_as_html_is_shown_as_text(tmp_path: Path, model: ScriptedServer, browser: Any) -> None:
    task = "<img src=x onerror=\"document.title='owned'\"> a counter <b>bold</b>"
    with AegisServer(tmp_path, model) as web:
        build_id = web.submit(task, max_rounds=1)
        web.wait_for(build_id, "pass", "fail", "error")
        for page in ("/", f"/builds/{build_id}"):
            browser.get(web.url + page)
            wait(browser, lambda d: task in d.find_element("css selector", "main").text)
            assert browser.title != "owned"
            assert not browser.find_elements("css selector", "main b, main img:not(.thumb):not(.shot)")


def test_the_api_page_renders_offline(tmp_path: Path, model: ScriptedServer, browser: Any) -> None:
    with AegisServer(tmp_path, model) as web:
        browser.get(web.url + "/docs")
        title = wait(browser, lambda d: d.find_elements("css selector", ".swagger-ui .info .title"))[0]
        assert title.text.startswith("AEGIS")
        operations = browser.find_elements("css selector", ".opblock-summary-path")
        assert "/api/builds" in [o.text.replace("\u200b", "") for o in operations]
