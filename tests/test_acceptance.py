"""Acceptance checks end to end: the check language -> HeadlessProber -> the probe in a real offscreen app.

Every step and expectation kind on a correct app and on a subtly wrong one (tests/apps/acceptance/).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aegis.acceptance import CheckSet
from aegis.config import ProbeConfig, SandboxConfig
from aegis.errors import AcceptanceError
from aegis.generate import prompts
from aegis.sandbox.isolation import make_runner
from aegis.schema import Verdict
from aegis.verdict.headless import HeadlessProber

APPS = Path(__file__).parent / "apps" / "acceptance"
FAST = ProbeConfig(timeout=10, max_actions=0, explore=False)
CALC = [{"click": "2"}, {"click": "+"}, {"click": "3"}, {"click": "="}, {"expect_text": "5"}]
TODO = [{"type": "buy milk", "into": "task"}, {"click": "Add"}, {"expect_items": "buy milk"}]
KEYS = [{"key": "Right"}, {"key": "Right"}, {"expect_text": "x: 2", "in": "position"}]


def app_path(app: str, tmp_path: Path) -> Path:
    """`X_broken.py` is X.py under that name: each test app breaks itself when "broken" is in its file name."""
    if not app.endswith("_broken.py"):
        return APPS / app
    copy = tmp_path / app
    shutil.copyfile(APPS / app.replace("_broken", ""), copy)
    return copy


def check(app: str, steps: list[dict[str, object]], tmp_path: Path) -> Verdict:
    checks = CheckSet.parse("file", [{"name": "the check", "steps": steps}])
    return HeadlessProber(make_runner(SandboxConfig()), FAST).probe(
        app_path(app, tmp_path), tmp_path / "out", checks=checks
    )


def last_verb(steps: list[dict[str, object]]) -> str:
    return next(iter(steps[-1]))


CASES: list[tuple[str, list[dict[str, object]], bool | str]] = [
    ("calc.py", CALC, True),
    (
        "calc_broken.py",
        [{"click": "2"}, {"click": "＋"}, {"click": "3"}, {"click": "="}, {"expect_text": "5"}],
        "no text '5'",
    ),
    ("stopwatch.py", [{"click": "Start"}, {"wait": 1.2}, {"expect_changed": "window"}], True),
    ("stopwatch_broken.py", [{"click": "Start"}, {"wait": 1.2}, {"expect_changed": "window"}], "did not change"),
    ("todo.py", TODO, True),
    ("todo_broken.py", TODO, "no item containing 'buy milk'"),
    ("editor.py", [{"type": "hello"}, {"click": "File > Save"}, {"expect_file": "hello"}], True),
    ("editor_broken.py", [{"type": "hello"}, {"click": "File > Save"}, {"expect_file": "hello"}], "not written"),
    ("viewer.py", [{"click": "Open"}, {"expect_image_shown": True}], True),
    ("viewer_broken.py", [{"click": "Open"}, {"expect_image_shown": True}], "image is not shown"),
    ("grid.py", [{"expect_count": 25, "of": "button"}], True),
    ("grid_broken.py", [{"expect_count": 25, "of": "button"}], "0 buttons are shown"),
    ("mover.py", KEYS, True),
    ("mover_broken.py", KEYS, "no text 'x: 2' is shown in 'position'"),
    ("falling.py", [{"key": "Left"}, {"expect_changed": "window"}], True),
    ("falling_broken.py", [{"key": "Left"}, {"expect_changed": "window"}], "nothing takes the key 'Left': Board in"),
    ("notes.py", [{"select": "Ideas"}, {"expect_changed": "preview"}], True),
    ("notes_broken.py", [{"select": "Ideas"}, {"expect_changed": "preview"}], "'preview' did not change"),
    ("notes.py", [{"select": "ideas"}, {"expect_no_dialog_error": True}], True),
    ("notes_broken.py", [{"select": "ideas"}, {"expect_no_dialog_error": True}], "'Could not open Ideas'"),
]


@pytest.mark.parametrize(("app", "steps", "outcome"), CASES, ids=[f"{a}-{last_verb(s)}" for a, s, _ in CASES])
def test_each_kind_passes_a_correct_app_and_fails_a_wrong_one(
    app: str, steps: list[dict[str, object]], outcome: bool | str, tmp_path: Path
) -> None:
    """`outcome`: True, or what the failing step must say."""
    verdict = check(app, steps, tmp_path)
    passes = outcome is True
    assert verdict.acceptance is not None
    assert verdict.acceptance.passed is passes, verdict.acceptance
    assert verdict.passed is passes
    if not passes:
        result = verdict.acceptance.checks[0]
        assert result.failed_step is not None and str(outcome) in result.failed_step.message
        assert Path(result.screenshot).is_file()
        assert any(p.kind == "acceptance" and "the check" in p.message for p in verdict.failures)


def test_a_wrong_calculator_says_what_it_showed(tmp_path: Path) -> None:
    verdict = check("calc_broken.py", CALC, tmp_path)
    message = next(p.message for p in verdict.failures if p.kind == "acceptance")
    assert "after click '2', click '+', click '3', click '='" in message
    assert "'5'" in message and "23" in message


def test_failed_checks_are_warnings_when_not_required(tmp_path: Path) -> None:
    checks = CheckSet.parse("file", [{"name": "adds", "steps": CALC}])
    config = FAST.model_copy(update={"require_acceptance": False})
    verdict = HeadlessProber(make_runner(SandboxConfig()), config).probe(
        app_path("calc_broken.py", tmp_path), tmp_path / "out", checks=checks
    )
    assert verdict.passed and verdict.acceptance is not None and not verdict.acceptance.passed


def test_an_invalid_step_names_the_check_and_step() -> None:
    with pytest.raises(AcceptanceError, match=r"check 1 \(adds\), step 2: needs exactly one of"):
        CheckSet.parse("file", [{"name": "adds", "steps": [{"click": "2"}, {"tap": "3"}]}])


@pytest.mark.parametrize("app", ["calc.py", "calc_main_window.py", "calc_lcd.py"])
def test_one_check_fits_three_calculator_layouts(app: str, tmp_path: Path) -> None:
    """Grid + QLineEdit; QMainWindow + QLabel + '＋'/'＝' padded with spaces; '&2' accelerators + a float result."""
    verdict = check(app, [*CALC[:3], {"click": "="}, {"expect_text": "5"}], tmp_path)
    assert verdict.acceptance is not None and verdict.acceptance.passed, verdict.acceptance


@pytest.mark.parametrize(
    ("step", "words"),
    [
        ({"click": "Open", "double": True}, "double-click 'Open'"),
        ({"type": "milk", "into": "Task", "enter": True}, "type 'milk' into 'Task' and press Enter"),
        ({"key": "Left"}, "press 'Left'"),
        ({"wait": 1.5}, "wait 1.5 s"),
        ({"select": "Ideas", "in": "notes"}, "select 'Ideas' in 'notes'"),
        ({"expect_text": "5", "in": "display", "exact": True}, "exactly '5' is shown in 'display'"),
        ({"expect_changed": " Window"}, "the window changes"),
        ({"expect_changed": "time"}, "the text of 'time' changes"),
        ({"expect_file": "hi"}, "a save dialog (QFileDialog.getSaveFileName) asks where, and a file holding 'hi' is"),
        ({"expect_image_shown": True}, 'QFileDialog.getOpenFileName with the filter "Images (*.png *.jpg *.bmp)")'),
        ({"expect_items": "", "count": 2}, "a list has at least 2 items"),
        ({"expect_items": "milk", "count": 2}, "a list has an item 'milk' and at least 2 items"),
        ({"expect_count": 1, "of": "field"}, "at least 1 field is shown"),
        ({"expect_count": 3}, "at least 3 widgets are shown"),
        ({"expect_no_dialog_error": True}, "no error or warning message box appears"),
    ],
)
def test_the_generate_prompt_says_what_each_step_needs(step: dict[str, object], words: str) -> None:
    checks = CheckSet.parse("file", [{"name": "the check", "steps": [{"click": "Go"}, step]}]).checks
    generate = prompts.start("an app", checks)[1].content
    assert "A user will test it like this (keep these exact labels):\n- the check: click 'Go', " in generate
    assert words in generate.splitlines()[-1]
