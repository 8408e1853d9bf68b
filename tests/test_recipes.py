"""Recipes: how to build the kinds of app people ask for first reaches every prompt of a build (the stable
prefix, so a repair shows it too), only for tasks that name that kind, and not at all with loop.recipes off.
A program written the way each recipe says passes the easy set's checks for its kind and the whole judge
(real probe, real sandbox): the recipes lead the model to designs that work."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aegis.acceptance import CheckSet
from aegis.bench.datasets import load_dataset
from aegis.config import ProbeConfig, SandboxConfig
from aegis.generate import prompts
from aegis.generate.session import build_one
from aegis.llm import make_llm
from aegis.sandbox.isolation import make_runner
from aegis.schema import Task
from aegis.verdict.headless import HeadlessProber
from fakeserver import ScriptedServer
from helpers import COUNTER_APP, fenced

ROOT = Path(__file__).resolve().parents[1]
APPS = ROOT / "tests" / "apps"
EASY = {t.id: t for t in load_dataset(ROOT / "datasets" / "easy.json")}

GAME = "The game moves by itself from the start"
SNAKE = "The snake is a list of"
TETRIS = "The piece is a list of"
BOARD = "QGridLayout of QPushButton cells"
MINES = "15 mines"
COUNTDOWN = "the number of seconds"
STOPWATCH = "self.elapsed = 0.0"
CALCULATOR = "One QPushButton per key"
BROWSER = "the only page view installed here"


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("tetris", [GAME, TETRIS]),
        ("Snake game", [GAME, SNAKE]),
        ("a pong game for two players", [GAME]),
        ("Minesweeper game", [BOARD, MINES]),
        ("tic-tac-toe against the computer", [BOARD]),
        ("timer", [COUNTDOWN]),
        ("a pomodoro timer with a 25 minute countdown", [COUNTDOWN]),
        ("stopwatch", [STOPWATCH]),
        ("a stop watch with laps", [STOPWATCH]),
        ("Calculator", [CALCULATOR]),
        ("simple browser", [BROWSER]),
        ("a web browser with tabs", [BROWSER]),
        ("file browser", []),
        ("todo list", []),
        ("a snakes and ladders score sheet", []),
        ("a markdown editor with live preview", []),
    ],
)
def test_a_task_gets_the_recipes_of_the_kinds_it_names(task: str, expected: list[str]) -> None:
    recipe = "\n".join(prompts.recipe_for(task))
    for kind in (GAME, SNAKE, TETRIS, BOARD, MINES, COUNTDOWN, STOPWATCH, CALCULATOR, BROWSER):
        assert (kind in recipe) is (kind in expected), kind


def build(task: str, config) -> None:
    llm = make_llm(config.llm)
    try:
        build_one(Task(id="t", task=task), config, llm)
    finally:
        llm.close()


def test_every_prompt_of_a_build_carries_the_recipe(server: ScriptedServer, config_for) -> None:
    """A first try that crashes, then its repair: both start with the same system and task messages."""
    crashing = COUNTER_APP.replace("self.count = 0", "self.count = 0\n        self.average = 10 / self.count")
    server.add(fenced(crashing), fenced(COUNTER_APP))
    build("a stopwatch", config_for(server, loop={"max_rounds": 2}))

    first, repair = (r["messages"] for r in server.requests)
    assert "Build it like this:" in first[1]["content"] and STOPWATCH in first[1]["content"]
    assert repair[:2] == first[:2] and "ZeroDivisionError" in repair[-1]["content"]


def test_recipes_off_leaves_the_task_alone(server: ScriptedServer, config_for) -> None:
    server.add(fenced(COUNTER_APP))
    build("a stopwatch", config_for(server, loop={"recipes": False, "max_rounds": 1}))

    (first,) = (r["messages"] for r in server.requests)
    assert "Build it like this" not in first[1]["content"] and STOPWATCH not in first[1]["content"]
    assert first[1]["content"].startswith("Write a PySide6 desktop application: a stopwatch\n\nA user will test")


@pytest.mark.parametrize(
    ("app", "task_id"),
    [
        ("recipes/snake.py", "snake"),
        ("recipes/tetris.py", "tetris"),
        ("recipes/minesweeper.py", "minesweeper"),
        ("datasets/easy_timer.py", "timer"),
        ("recipes/stopwatch.py", "stopwatch"),
        ("recipes/calculator.py", "calculator"),
        ("recipes/browser.py", "browser"),
    ],
)
def test_a_program_built_as_the_recipe_says_works(app: str, task_id: str, tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    copy = shutil.copyfile(APPS / app, tmp_path / "app" / "app.py")
    checks = CheckSet.parse("dataset", EASY[task_id].checks)
    verdict = HeadlessProber(make_runner(SandboxConfig()), ProbeConfig()).probe(copy, tmp_path / "probe", checks=checks)
    assert verdict.passed, [p.message for p in verdict.problems]
    assert verdict.acceptance is not None and verdict.acceptance.passed
