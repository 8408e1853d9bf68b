"""The UI inspection the probe runs in the app's process: unreadable text, empty windows, oversize windows.

Every scenario of tests/drivers/inspect_ui_scenarios.py runs once, in one real offscreen Qt child process
with a 1920x1080 screen, the way the probe runs the app.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor

from aegis.probe.qt.contrast import contrast_ratio

DRIVER = Path(__file__).parent / "drivers" / "inspect_ui_scenarios.py"
SCREEN = {"name": "aegis", "x": 0, "y": 0, "width": 1920, "height": 1080}
DPI = {"logicalDpi": 96, "logicalDpiX": 96, "logicalDpiY": 96}


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, list[dict[str, str]]]]:
    config = tmp_path_factory.mktemp("screen") / "screen.json"
    config.write_text(json.dumps({"screens": [{**SCREEN, **DPI}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run([sys.executable, str(DRIVER)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    parsed: dict[str, Any] = json.loads(done.stdout)
    return parsed


def messages(found: dict[str, list[dict[str, str]]], check: str) -> list[str]:
    return [problem["message"] for problem in found[check]]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 0, 0), (255, 255, 255), 21.0),
        (QColor("#777777"), QColor("#ffffff"), 4.48),
        ((255, 255, 255), QColor("black"), 21.0),
        (QColor("#ff0000"), (255, 255, 255), 4.0),
        ((18, 52, 86), (18, 52, 86), 1.0),
    ],
)
def test_contrast_ratio_matches_wcag(a: Any, b: Any, expected: float) -> None:
    assert contrast_ratio(a, b) == pytest.approx(expected, abs=0.01)
    assert contrast_ratio(b, a) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize(
    "scenario",
    ["default_palette", "dark_palette", "dark_stylesheet", "disabled", "rich_text", "item_stylesheet", "fits"],
)
def test_readable_or_unjudgeable_text_is_not_reported(scenario: str, results: dict[str, Any]) -> None:
    assert results[scenario]["contrast"] == []


@pytest.mark.parametrize(
    ("scenario", "start"),
    [
        ("label_stylesheet", "QLabel 'Total:' text #eeeeee on background #ffffff: contrast 1.1:1"),
        ("app_stylesheet", "QPushButton 'Add item' text #dddddd on background #"),
        ("palette_unreadable", "QLabel 'Total:' text #e8e8e8 on background #efefef: contrast 1.0:1"),
    ],
)
def test_light_text_on_a_light_background_fails(scenario: str, start: str, results: dict[str, Any]) -> None:
    found = results[scenario]["contrast"]
    assert len(found) == 1
    assert found[0]["kind"] == "unreadable_text" and found[0]["severity"] == "fail"
    assert found[0]["message"].startswith(start) and found[0]["message"].endswith("(needs 3:1)")


def test_a_parent_background_counts_as_the_background_of_its_children(results: dict[str, Any]) -> None:
    assert messages(results["parent_stylesheet"], "contrast") == [
        "QLabel 'Total:' text #f0f0f0 on background #ffffff: contrast 1.1:1 (needs 3:1)"
    ]


@pytest.mark.parametrize(
    ("scenario", "title"), [("bare_main_window", "QMainWindow 'Inventory'"), ("empty_central", "QMainWindow ''")]
)
def test_a_window_with_nothing_in_it_is_empty(scenario: str, title: str, results: dict[str, Any]) -> None:
    found = results[scenario]["empty"]
    assert [(p["kind"], p["severity"]) for p in found] == [("empty_window", "fail")]
    assert found[0]["message"].startswith(f"{title} shows nothing")


def test_a_window_that_paints_outside_paint_event_is_told_where_to_paint(results: dict[str, Any]) -> None:
    assert messages(results["paints_outside"], "empty") == [
        "SnakeWindow '' shows nothing: no visible widgets and a 400x400 area that is 100% one colour; draw() paints "
        "with QPainter outside paintEvent, where nothing is drawn: override paintEvent(self, event), paint there "
        "with QPainter(self), and call self.update() to repaint"
    ]


def test_a_window_that_is_a_board_and_never_paints_is_told_to_paint(results: dict[str, Any]) -> None:
    assert messages(results["unpainted_window_board"], "empty") == [
        "SnakeGame '' shows nothing: no visible widgets and a 400x400 area that is 100% one colour; "
        "SnakeGame has no paintEvent, so nothing draws it: override paintEvent(self, event) and paint there with "
        "QPainter(self) (the board, the pieces), and call self.update() when the state changes"
    ]


def test_a_board_of_the_programs_own_that_never_paints_is_told_to_paint(results: dict[str, Any]) -> None:
    assert messages(results["unpainted_board"], "empty") == [
        "QMainWindow 'Tetris' shows nothing: no visible widgets and a 400x400 area that is 100% one colour; "
        "TetrisBoard has no paintEvent, so nothing draws it: override paintEvent(self, event) and paint there with "
        "QPainter(self) (the board, the pieces), and call self.update() when the state changes"
    ]


@pytest.mark.parametrize("scenario", ["default_palette", "painting_widget", "blank_editor", "dark_stylesheet"])
def test_a_window_with_widgets_or_its_own_painting_is_not_empty(scenario: str, results: dict[str, Any]) -> None:
    assert results[scenario]["empty"] == []


def test_a_window_larger_than_the_screen_is_too_large(results: dict[str, Any]) -> None:
    found = results["too_large"]["oversize"]
    assert [(p["kind"], p["severity"]) for p in found] == [("window_too_large", "fail")]
    assert "larger than the 1920x1080 available" in found[0]["message"]


@pytest.mark.parametrize("scenario", ["fits", "maximized", "default_palette"])
def test_a_window_that_fits_the_screen_is_fine(scenario: str, results: dict[str, Any]) -> None:
    assert results[scenario]["oversize"] == []
