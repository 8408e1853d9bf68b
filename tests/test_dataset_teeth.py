"""The middle dataset's checks discriminate: a small reference app passes every check of its task, and the shell
that used to pass as "working" (three empty columns; a text box and a label that never changes) fails all but one."""

from __future__ import annotations

from pathlib import Path

import pytest

from aegis.acceptance import CheckSet
from aegis.bench.datasets import load_dataset
from aegis.config import ProbeConfig, SandboxConfig
from aegis.sandbox.isolation import make_runner
from aegis.verdict.headless import HeadlessProber

ROOT = Path(__file__).resolve().parents[1]
APPS = ROOT / "tests" / "apps" / "datasets"
CONFIG = ProbeConfig(timeout=10, settle=0.3, max_actions=0, explore=False)


def checks_of(task_id: str) -> CheckSet:
    (task,) = [t for t in load_dataset(ROOT / "datasets" / "middle.json") if t.id == task_id]
    return CheckSet.parse("dataset", task.checks)


def passed_checks(app: str, task_id: str, out: Path) -> list[str]:
    verdict = HeadlessProber(make_runner(SandboxConfig()), CONFIG).probe(APPS / app, out, checks=checks_of(task_id))
    assert verdict.acceptance is not None, verdict.problems
    return [c.name for c in verdict.acceptance.checks if c.passed]


@pytest.mark.parametrize(
    ("task_id", "reference", "shell", "shell_passes"),
    [
        ("kanban-board", "kanban.py", "kanban_shell.py", ["shows three columns"]),
        ("markdown-editor", "markdown_editor.py", "markdown_shell.py", ["saves the markdown"]),
    ],
)
def test_a_reference_app_passes_every_check_and_the_old_shell_does_not(
    task_id: str, reference: str, shell: str, shell_passes: list[str], tmp_path: Path
) -> None:
    every = [c.name for c in checks_of(task_id).checks]
    assert passed_checks(reference, task_id, tmp_path / "reference") == every
    assert passed_checks(shell, task_id, tmp_path / "shell") == shell_passes
