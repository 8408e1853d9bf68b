"""An attribute only a handler sets, always to one constant, is set in __init__ too (precheck/unset_fix)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aegis.acceptance import CheckSet
from aegis.config import ProbeConfig, SandboxConfig
from aegis.precheck.static import precheck
from aegis.precheck.unset_fix import fix_unset_attribute
from aegis.sandbox.isolation import make_runner
from aegis.verdict.headless import HeadlessProber

APPS = Path(__file__).parent / "apps"

ONLY_RESET_SETS_IT = """\
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget


class MainWindow(QMainWindow):  # the easy bench's stopwatch, seed 2001: both rounds died on the first Start
    def __init__(self):
        super().__init__()
        self.label = QLabel("0.0")
        start = QPushButton("Start")
        start.clicked.connect(self.start)
        reset = QPushButton("Reset")
        reset.clicked.connect(self.reset)
        layout = QVBoxLayout()
        for widget in (self.label, start, reset):
            layout.addWidget(widget)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)

    def start(self):
        self.timer.start(100)

    def reset(self):
        self.timer.stop()
        self.elapsed = 0.0
        self.label.setText(f"{self.elapsed:.1f}")

    def tick(self):
        self.elapsed += 0.1
        self.label.setText(f"{self.elapsed:.1f}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sys.exit(app.exec())
"""

FIX = (
    "self.elapsed was set only in reset(); set self.elapsed = 0.0 in __init__ too, so nothing reads it before it exists"
)


def test_the_value_only_reset_sets_is_set_in_init_first() -> None:
    result = precheck(ONLY_RESET_SETS_IT)

    assert result.problems == []
    assert result.fixes == [FIX]
    assert "        super().__init__()\n        self.elapsed = 0.0\n        self.label = QLabel" in result.code


@pytest.mark.parametrize(
    "change",
    [
        ("        self.timer = QTimer(self)\n", "        self.timer = QTimer(self)\n        self.reset()\n"),
        ("    def tick(self):\n", "    def tick(self):\n        self.elapsed = 1.0\n"),  # a second value
        ("        self.elapsed = 0.0\n", "        self.elapsed = self.started\n"),  # not a constant
        (
            "    def tick(self):\n",
            "    def tick(self):\n        if not hasattr(self, 'elapsed'):\n            return\n",
        ),
        ("class MainWindow(QMainWindow):", "class MainWindow(Base):"),  # a base of its own may set it
        ("reset.clicked.connect(self.reset)", "reset.clicked.connect(lambda: self.reset())"),  # called directly
    ],
    ids=["init-calls-reset", "two-values", "not-constant", "hasattr", "own-base", "called"],
)
def test_nothing_is_set_where_it_would_be_a_guess(change: tuple[str, str]) -> None:
    code = ONLY_RESET_SETS_IT.replace(*change)
    assert code != ONLY_RESET_SETS_IT
    assert fix_unset_attribute(code)[1] == []


def test_no_test_app_is_changed() -> None:
    changed = {path.name: fix_unset_attribute(path.read_text())[1] for path in sorted(APPS.rglob("*.py"))}
    assert {name: fixes for name, fixes in changed.items() if fixes} == {}


def test_the_fixed_stopwatch_runs_after_start(tmp_path: Path) -> None:
    steps = [{"click": "Start"}, {"wait": 0.5}, {"expect_changed": "window"}]
    checks = CheckSet.parse("file", [{"name": "runs", "steps": steps}])
    prober = HeadlessProber(make_runner(SandboxConfig()), ProbeConfig(timeout=10, max_actions=0, explore=False))
    (tmp_path / "before.py").write_text(ONLY_RESET_SETS_IT)
    (tmp_path / "after.py").write_text(precheck(ONLY_RESET_SETS_IT).code)

    before = prober.probe(tmp_path / "before.py", tmp_path / "before", checks=checks)
    after = prober.probe(tmp_path / "after.py", tmp_path / "after", checks=checks)

    assert any("no attribute 'elapsed'" in problem.message for problem in before.failures)
    assert after.passed, after.failures
