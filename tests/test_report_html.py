"""report.html of a bench run, loaded in a real headless Chromium: rows, screenshots, sorting, links, offline."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest

from aegis.bench.html import write_report
from aegis.bench.models import BenchRow, RowAcceptance
from browser import NEEDS_CHROMIUM, headless_chromium

pytestmark = NEEDS_CHROMIUM


def write_png(path: Path, width: int, height: int) -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    pixels = b"".join(b"\x00" + bytes((40, 160, 60)) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    png = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + png)


def touch(out: Path, relative: str) -> str:
    (out / relative).parent.mkdir(parents=True, exist_ok=True)
    (out / relative).write_text("content\n")
    return relative


def make_row(out: Path, task_id: str, run: int, status: str, tokens: int, shot: int = 0, **extra: Any) -> BenchRow:
    """A finished item and the files the bench leaves: a chat, an app (unless app=''), a `shot`-wide screenshot."""
    dataset = "medium" if "notepad" in task_id else "easy"
    run_dir = f"items/{dataset}/{task_id}/run{run}"
    if shot:
        write_png(out / run_dir / "shot.png", shot, 30)
    fields: dict[str, Any] = {
        "key": f"{dataset}/{task_id}/{run}",
        "dataset": dataset,
        "task_id": task_id,
        "task": task_id.split("-", 1)[1].replace("-", " "),
        "run": run,
        "seed": run,
        "pipeline": "aegis",
        "model": "local",
        "status": status,
        "gate": status,
        "rounds": 2,
        "prompt_tokens": tokens - 100,
        "completion_tokens": 100,
        "seconds": 30.0,
        "run_dir": touch(out, f"{run_dir}/chat.md").removesuffix("/chat.md"),
        "chat": f"{run_dir}/chat.md",
        "screenshot": f"{run_dir}/shot.png" if shot else "",
    }
    if "app" not in extra:
        fields["app"] = touch(out, f"{run_dir}/app/app.py")
    return BenchRow(**(fields | extra))


THREE_OF_FOUR = RowAcceptance(source="dataset", passed=False, passed_count=3, total=4, failed=["check 'saves'"])
"""Warnings only: the notepad passed with check.require_acceptance off."""


@pytest.fixture
def bench(tmp_path: Path) -> tuple[Path, list[BenchRow]]:
    """A counter (2 runs, passes once), a clock (fails, no app, no screenshot), a notepad (passes, medium)."""
    out = tmp_path / "bench"
    for attempt in (1, 2, 10):
        touch(out, f"items/easy/002-a-clock/run1/attempts/{attempt}/app.py")
    notepad = touch(out, "items/medium/003-a-notepad/run1/app/dist/notepad")
    return out, [
        make_row(out, "001-a-counter", 1, "fail", 1000, shot=40),
        make_row(out, "001-a-counter", 2, "pass", 2000, shot=64),
        make_row(out, "002-a-clock", 1, "fail", 500, app="", gate="pass", problems=["crash: ZeroDivisionError"]),
        make_row(
            out,
            "003-a-notepad",
            1,
            "pass",
            1200,
            shot=50,
            executable=notepad,
            acceptance=THREE_OF_FOUR,
            requirements_passed=3,
            requirements_checked=4,
            requirements_unverified=2,
        ),
    ]


def summary() -> dict[str, Any]:
    figures: dict[str, Any] = {
        "tasks": 3,
        "items": 4,
        "passed": 2,
        "pass_rate": 0.5,
        "pass@1": 0.5,
        "pass@k": 0.67,
        "k": 2,
    }
    figures |= {"rounds_mean": 2.0, "tokens": 4700, "seconds": 120.0, "cost": None}
    figures |= {"tokens_per_working_app": 2350.0, "seconds_per_working_app": 60.0}
    figures |= {"requirements_passed": 3, "requirements_checked": 4, "requirements_unverified": 2, "over_claims": 1}
    return {
        "bench": "smoke",
        "pipeline": "aegis",
        "model": "local",
        "runs": 2,
        "datasets": ["easy", "medium"],
        "created": "2026-11-26T21:00:00",
        "totals": figures,
        "by_difficulty": {"easy": figures, "medium": figures | {"tokens_per_working_app": None}},
        "tasks": [],
    }


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setenv("SE_OFFLINE", "1")  # never let Selenium Manager fetch a driver
    driver = headless_chromium("1600,1000")
    yield driver
    driver.quit()


def task_names(driver: Any) -> list[str]:
    return [cell.text for cell in driver.find_elements("css selector", "#tasks tbody td.task")]


def click_header(driver: Any, name: str) -> str:
    """Click a column's header; return the sort indicator it then shows."""
    header = next(th for th in driver.find_elements("css selector", "#tasks th") if th.text.startswith(name))
    header.click()
    return str(driver.execute_script("return getComputedStyle(arguments[0], '::after').content", header))


def is_relative(ref: str) -> bool:
    return "http" not in ref and ":" not in ref and not ref.startswith("/")


def test_report_renders_offline_with_screenshots_links_and_sorting(
    bench: tuple[Path, list[BenchRow]], browser: Any
) -> None:
    out, rows = bench
    report = write_report(out, rows, summary())
    assert report == out / "report.html"
    browser.get(report.as_uri())

    assert task_names(browser) == ["a counter", "a clock", "a notepad"]
    images = browser.find_elements("css selector", "#tasks td.shot img")
    assert len(images) == 2
    assert all(browser.execute_script("return arguments[0].naturalWidth", img) > 0 for img in images)
    assert browser.execute_script("return arguments[0].naturalWidth", images[0]) == 64, "the passing run's screenshot"
    clock = browser.find_elements("css selector", "#tasks tbody tr")[1]
    assert "no screenshot" in clock.text
    assert "crash: ZeroDivisionError" in clock.text
    assert "aegis gate: pass, explorer: fail" in clock.text
    tiles = browser.find_element("css selector", "dl").text
    assert "requirements passed\n3 / 4" in tiles and "over-claims\n1" in tiles
    notepad = browser.find_elements("css selector", "#tasks tbody tr")[2].text
    assert "3/4" in notepad and "run 1: 3/4 passed, 2 unverified" in notepad

    assert "\u25b2" in click_header(browser, "tokens")
    assert task_names(browser) == ["a clock", "a notepad", "a counter"]
    assert "\u25bc" in click_header(browser, "tokens")
    assert task_names(browser) == ["a counter", "a notepad", "a clock"]

    hrefs = [a.get_attribute("href") for a in browser.find_elements("css selector", "a")]
    raw = browser.execute_script(
        "return Array.from(document.querySelectorAll('[href],[src]'))"
        ".map(e => e.getAttribute('href') || e.getAttribute('src'))"
    )
    assert raw and all(ref.startswith("data:image/png;base64,") or is_relative(ref) for ref in raw)
    assert all(Path(unquote(urlparse(href).path)).exists() for href in hrefs)
    assert any(href.endswith("002-a-clock/run1/attempts/10/app.py") for href in hrefs), "last attempt when no app"
    assert any(href.endswith("app/dist/notepad") for href in hrefs)
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources == [], "the report loads nothing"
