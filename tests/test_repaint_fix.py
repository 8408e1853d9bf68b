"""A painting widget whose timer slot or key handler never repaints gets `self.update()` (precheck/repaint_fix)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aegis.acceptance import CheckSet
from aegis.config import ProbeConfig, SandboxConfig
from aegis.precheck.repaint_fix import fix_missing_repaint
from aegis.precheck.static import precheck
from aegis.sandbox.isolation import make_runner
from aegis.verdict.headless import HeadlessProber

APPS = Path(__file__).parent / "apps"

SILENT_BOARD = """\
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class Board(QWidget):  # the easy bench's tetris, seed 2001, round 1: tick() and the keys never repaint
    def __init__(self):
        super().__init__()
        self.setFixedSize(400, 400)
        self.setFocusPolicy(Qt.StrongFocus)
        self.piece = [(9, 0), (10, 0)]
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(300)

    def tick(self):
        if self.piece[0][1] >= 19:
            return
        self.piece = [(x, y + 1) for x, y in self.piece]

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Left:
            self.piece = [(x - 1, y) for x, y in self.piece]

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        for x, y in self.piece:
            painter.fillRect(x * 20, y * 20, 19, 19, QColor("cyan"))


class MainWindow(QMainWindow):
    def __init__(self):
        super().__init__()
        self.board = Board()
        self.setCentralWidget(self.board)
        self.board.setFocus()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sys.exit(app.exec())
"""

FIXES = [
    "Board.tick changes what paintEvent draws without always repainting; added self.update()",
    "Board.keyPressEvent changes what paintEvent draws without always repainting; added self.update()",
]


def test_a_board_that_never_repaints_asks_for_it_first_thing() -> None:
    result = precheck(SILENT_BOARD)

    assert result.problems == []
    assert sorted(result.fixes) == sorted(FIXES)
    assert "    def tick(self):\n        self.update()\n        if self.piece[0][1] >= 19:\n" in result.code
    assert "    def keyPressEvent(self, event):\n        self.update()\n        if event.key()" in result.code


FALL = "        self.piece = [(x, y + 1) for x, y in self.piece]\n"


def test_a_tick_that_repaints_only_on_game_over_repaints_every_time() -> None:
    code = SILENT_BOARD.replace(FALL, FALL + "        if self.piece[0][1] == 19:\n            self.update()\n")
    assert fix_missing_repaint(code)[1] == FIXES


@pytest.mark.parametrize(
    "change",
    [
        (FALL, "        self.step()\n"),  # step() repaints
        (FALL, FALL + "        self.update()\n"),  # and the keys' change shows on the next tick
        ("    def paintEvent(self, event):", "    def paint(self, event):"),  # nothing of its own paints
        ("    def paintEvent(self, event):", "    def update(self):\n        pass\n\n    def paintEvent(self, e):"),
        ("class Board(QWidget):", "class Base(QWidget):\n    pass\n\n\nclass Board(Base):"),
    ],
    ids=["calls-a-method-that-repaints", "tick-repaints", "no-paintEvent", "own-update", "own-base"],
)
def test_nothing_is_added_where_a_repaint_may_already_come(change: tuple[str, str]) -> None:
    step = "    def step(self):\n        self.repaint()\n\n    def keyPressEvent"
    code = SILENT_BOARD.replace(*change).replace("    def keyPressEvent", step)
    assert fix_missing_repaint(code)[1] == []


def test_no_handler_of_the_test_apps_is_changed() -> None:
    """The apps written to pass (and to fail in other ways) all repaint where they must."""
    changed = {path.name: fix_missing_repaint(path.read_text())[1] for path in sorted(APPS.rglob("*.py"))}
    assert {name: fixes for name, fixes in changed.items() if fixes} == {}


def test_the_repainting_board_passes_the_falling_check(tmp_path: Path) -> None:
    checks = CheckSet.parse(
        "file", [{"name": "the piece falls", "steps": [{"wait": 1.0}, {"expect_changed": "window"}]}]
    )
    prober = HeadlessProber(make_runner(SandboxConfig()), ProbeConfig(timeout=10, max_actions=0, explore=False))
    (tmp_path / "before.py").write_text(SILENT_BOARD)
    (tmp_path / "after.py").write_text(precheck(SILENT_BOARD).code)

    before = prober.probe(tmp_path / "before.py", tmp_path / "before", checks=checks)
    after = prober.probe(tmp_path / "after.py", tmp_path / "after", checks=checks)

    assert "did not change" in before.failures[0].message
    assert after.passed, after.failures
