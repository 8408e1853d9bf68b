"""The middle and hard datasets' checks discriminate: for every task, a small reference app passes every check
and the shell a weak model writes (the right window, handlers that only print, pass or announce success)
fails every check but the presence checks tests/apps/datasets/teeth.json lists for it.

Both apps of a task are tests/apps/datasets/<id>.py and <id>_shell.py (dashes as underscores). Each runs from a
copy in a folder of its own: some write there (a database), and what a check finds written must be the app's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from aegis.acceptance import CheckSet
from aegis.bench.datasets import load_dataset
from aegis.config import ProbeConfig, SandboxConfig
from aegis.sandbox.isolation import make_runner
from aegis.schema import Task
from aegis.verdict.headless import HeadlessProber

ROOT = Path(__file__).resolve().parents[1]
APPS = ROOT / "tests" / "apps" / "datasets"
SHELL_PASSES: dict[str, list[str]] = json.loads((APPS / "teeth.json").read_text(encoding="utf-8"))
CONFIG = ProbeConfig(timeout=10, settle=0.3, max_actions=0, explore=False)
TASKS = [task for name in ("middle", "hard") for task in load_dataset(ROOT / "datasets" / f"{name}.json")]


def app_of(task: Task, suffix: str = "") -> Path:
    return APPS / f"{task.id.replace('-', '_')}{suffix}.py"


def passed_checks(app: Path, task: Task, out: Path) -> list[str]:
    checks = CheckSet.parse("dataset", task.checks)
    (out / "app").mkdir(parents=True)
    copy = shutil.copyfile(app, out / "app" / app.name)
    verdict = HeadlessProber(make_runner(SandboxConfig()), CONFIG).probe(copy, out / "probe", checks=checks)
    assert verdict.acceptance is not None, verdict.problems
    return [c.name for c in verdict.acceptance.checks if c.passed]


def test_every_middle_and_hard_task_has_checks_and_both_apps() -> None:
    lacking = [t.id for t in TASKS if not t.checks or not app_of(t).is_file() or not app_of(t, "_shell").is_file()]
    assert lacking == []
    assert sorted(SHELL_PASSES) == sorted(t.id for t in TASKS)


@pytest.mark.slow
@pytest.mark.parametrize("task", TASKS, ids=[t.id for t in TASKS])
def test_a_reference_app_passes_every_check_and_the_shell_only_presence_checks(task: Task, tmp_path: Path) -> None:
    every = [c["name"] for c in task.checks]
    assert passed_checks(app_of(task), task, tmp_path / "reference") == every
    assert passed_checks(app_of(task, "_shell"), task, tmp_path / "shell") == SHELL_PASSES[task.id]
