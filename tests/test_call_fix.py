"""`self.setFocus(self.board)` becomes `self.board.setFocus()` (precheck/call_fix)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aegis.config import ProbeConfig, SandboxConfig
from aegis.precheck.call_fix import fix_focus_argument
from aegis.precheck.static import precheck
from aegis.sandbox.isolation import make_runner
from aegis.verdict.headless import HeadlessProber

APPS = Path(__file__).parent / "apps"

FOCUS_ON_A_WIDGET = """\
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class Board(QWidget):
    def __init__(self):
        super().__init__()
        self.setFocusPolicy(Qt.StrongFocus)

    def paintEvent(self, event):
        QPainter(self).fillRect(10, 10, 50, 50, QColor("green"))


class MainWindow(QMainWindow):  # the easy bench's snake, seed 2001: both rounds died here
    def __init__(self):
        super().__init__()
        self.board = Board()
        self.setCentralWidget(self.board)
        self.setFocus(self.board)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sys.exit(app.exec())
"""


def test_the_widget_to_focus_is_focused() -> None:
    result = precheck(FOCUS_ON_A_WIDGET)

    assert result.problems == []
    assert result.fixes == ["line 22: setFocus takes no widget: self.setFocus(self.board) -> self.board.setFocus()"]
    assert "        self.setCentralWidget(self.board)\n        self.board.setFocus()\n" in result.code


@pytest.mark.parametrize(
    "call",
    ["self.setFocus(Qt.OtherFocusReason)", "self.setFocus()", "x = self.setFocus(self.board)", "setFocus(self.board)"],
)
def test_a_focus_reason_or_no_argument_stays(call: str) -> None:
    code = FOCUS_ON_A_WIDGET.replace("self.setFocus(self.board)", call)
    assert fix_focus_argument(code)[1] == []


def test_no_test_app_is_changed() -> None:
    changed = {path.name: fix_focus_argument(path.read_text())[1] for path in sorted(APPS.rglob("*.py"))}
    assert {name: fixes for name, fixes in changed.items() if fixes} == {}


def test_the_fixed_program_starts(tmp_path: Path) -> None:
    prober = HeadlessProber(make_runner(SandboxConfig()), ProbeConfig(timeout=10, max_actions=0, explore=False))
    (tmp_path / "before.py").write_text(FOCUS_ON_A_WIDGET)
    (tmp_path / "after.py").write_text(precheck(FOCUS_ON_A_WIDGET).code)

    before = prober.probe(tmp_path / "before.py", tmp_path / "before")
    after = prober.probe(tmp_path / "after.py", tmp_path / "after")

    assert "setFocus' called with wrong argument types" in before.failures[0].message
    assert after.passed, after.failures
