"""The easy set's timer check asks for a countdown that keeps counting: a reference timer passes it, and a
timer the embedded model wrote (one step down at Start, its QTimer never connected), which the old check
passed, fails it. Real probe, real sandbox."""

from __future__ import annotations

import shutil
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
TIMER = next(t for t in load_dataset(ROOT / "datasets" / "easy.json") if t.id == "timer")


def passed(app: str, out: Path) -> bool:
    (out / "app").mkdir(parents=True)
    copy = shutil.copyfile(APPS / app, out / "app" / "app.py")
    verdict = HeadlessProber(make_runner(SandboxConfig()), CONFIG).probe(
        copy, out / "probe", checks=CheckSet.parse("dataset", TIMER.checks)
    )
    assert verdict.acceptance is not None, verdict.problems
    return verdict.acceptance.passed


@pytest.mark.parametrize(("app", "expected"), [("easy_timer.py", True), ("easy_timer_one_step.py", False)])
def test_the_timer_check_wants_a_countdown_that_keeps_counting(app: str, expected: bool, tmp_path: Path) -> None:
    assert passed(app, tmp_path) is expected
