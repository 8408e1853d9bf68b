"""The static pre-check: import mistakes a small model makes get fixed, the rest is reported."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pyflakes.checker import Checker

from aegis.config import ProbeConfig, SandboxConfig
from aegis.precheck.import_fix import load_names
from aegis.precheck.static import PrecheckResult, precheck
from aegis.sandbox.isolation import make_runner
from aegis.verdict.headless import HeadlessProber


def flakes(code: str) -> list[str]:
    return [str(message) for message in Checker(ast.parse(code), filename="app.py").messages]


def fixed(code: str) -> PrecheckResult:
    """precheck, plus what must hold for every result: it compiles and a second check changes nothing."""
    result = precheck(code)
    compile(result.code, "app.py", "exec")
    again = precheck(result.code)
    assert (again.code, again.fixes) == (result.code, [])
    return result


UNIMPORTED = """\
import sys

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QLabel


class Clock(QLabel):
    ticked = Signal()

    def __init__(self):
        super().__init__("0")
        self.setFont(QFont("Arial", 20))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timer = QTimer(self)


app = QApplication(sys.argv)
"""


def test_unimported_pyside_names_join_their_modules_import_lines() -> None:
    result = fixed(UNIMPORTED)
    lines = result.code.splitlines()
    assert "from PySide6.QtCore import Signal, QTimer, Qt" in lines
    assert "from PySide6.QtGui import QFont" in lines
    assert (
        lines.index("from PySide6.QtGui import QFont")
        == lines.index("from PySide6.QtWidgets import QApplication, QLabel") + 1
    )
    assert result.code.endswith(UNIMPORTED[UNIMPORTED.index("\n\nclass") :])
    assert sorted(result.fixes) == [
        "added QFont to 'from PySide6.QtGui import'",
        "added QTimer to 'from PySide6.QtCore import'",
        "added Qt to 'from PySide6.QtCore import'",
    ]
    assert result.problems == []
    assert flakes(result.code) == []


def test_action_imported_from_widgets_moves_to_gui() -> None:
    code = (
        "from PySide6.QtGui import QIcon\n"
        "from PySide6.QtWidgets import QApplication, QAction, QMainWindow\n"
        "menu_action = QAction(QIcon(), 'Quit', None)\n"
        "window = QMainWindow()\n"
        "app = QApplication([])\n"
    )
    result = fixed(code)
    assert result.code.splitlines()[:2] == [
        "from PySide6.QtGui import QIcon, QAction",
        "from PySide6.QtWidgets import QApplication, QMainWindow",
    ]
    assert result.fixes == ["moved QAction from PySide6.QtWidgets to PySide6.QtGui"]


def test_import_left_empty_by_a_move_is_removed() -> None:
    code = "from PySide6.QtCore import QColor\nfrom PySide6.QtWidgets import QLabel\nc = QColor(QLabel)\n"
    result = fixed(code)
    assert result.code == (
        "from PySide6.QtWidgets import QLabel\nfrom PySide6.QtGui import QColor\nc = QColor(QLabel)\n"
    )


def test_parenthesized_multiline_import_is_extended_and_stays_multiline() -> None:
    code = (
        "from PySide6.QtWidgets import (\n"
        "    QApplication,\n"
        "    QPushButton,\n"
        ")\n"
        "\n"
        "app = QApplication([])\n"
        "box = QVBoxLayout()\n"
        "box.addWidget(QPushButton('ok'))\n"
    )
    result = fixed(code)
    assert result.code.startswith(
        "from PySide6.QtWidgets import (\n    QApplication,\n    QPushButton,\n    QVBoxLayout,\n)\n\napp ="
    )
    assert flakes(result.code) == []


def test_pyqt5_program_is_converted_to_pyside6() -> None:
    code = (
        "from PyQt5.QtWidgets import QApplication, QWidget\n"
        "from PyQt5.QtCore import QObject, pyqtSignal, pyqtSlot\n"
        "\n"
        "class Model(QObject):\n"
        "    changed = pyqtSignal(int)\n"
        "\n"
        "    @pyqtSlot()\n"
        "    def poke(self):\n"
        "        self.changed.emit(1)\n"
        "\n"
        "app = QApplication(sys.argv)\n"
        "label = 'made with PyQt5'\n"
        "sys.exit(app.exec_())\n"
    )
    result = fixed(code)
    assert result.code == (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "from PySide6.QtCore import QObject, Signal, Slot\n"
        "\n"
        "class Model(QObject):\n"
        "    changed = Signal(int)\n"
        "\n"
        "    @Slot()\n"
        "    def poke(self):\n"
        "        self.changed.emit(1)\n"
        "\n"
        "app = QApplication(sys.argv)\n"
        "label = 'made with PyQt5'\n"
        "sys.exit(app.exec())\n"
    )
    assert "renamed pyqtSignal to Signal" in result.fixes
    assert "renamed exec_() to exec()" in result.fixes


def test_missing_stdlib_import_is_added_before_the_other_imports() -> None:
    code = '"""A clock."""\nfrom PySide6.QtWidgets import QApplication\napp = QApplication(sys.argv)\n'
    result = fixed(code)
    assert result.code.splitlines() == [
        '"""A clock."""',
        "import sys",
        "from PySide6.QtWidgets import QApplication",
        "app = QApplication(sys.argv)",
    ]
    assert result.fixes == ["added 'import sys'"]


def test_syntax_error_is_reported_with_its_line_and_a_caret() -> None:
    code = "import sys\n\ndef main(:\n    pass\n"
    result = precheck(code)
    assert result.code == code
    assert result.fixes == []
    [problem] = result.problems
    assert problem.kind == "syntax"
    assert problem.message.startswith("line 3: ")
    line, caret = problem.traceback.splitlines()
    assert line == "def main(:"
    assert line[caret.index("^")] in "(:"


def test_truly_undefined_name_is_reported_with_its_line() -> None:
    code = "from PySide6.QtWidgets import QLabel\n\nlabel = QLabel()\nlabel.setText(mesage)\n"
    result = precheck(code)
    assert result.code == code
    assert [(p.kind, p.message) for p in result.problems] == [("undefined_name", "line 4: undefined name 'mesage'")]


def test_name_guarded_by_except_name_error_is_not_reported() -> None:
    code = "try:\n    unicode\nexcept NameError:\n    unicode = str\n"
    assert precheck(code) == PrecheckResult(code, [], [])


@pytest.mark.parametrize(
    "code",
    [
        UNIMPORTED.replace("Signal\n", "Qt, QTimer, Signal\nfrom PySide6.QtGui import QFont\n"),
        "import PySide6.QtWidgets as W\n\napp = W.QApplication([])  # no trailing newline",
        "from PySide6.QtWidgets import *\n\nw = QWidget()\n",
        "",
    ],
)
def test_clean_code_is_returned_byte_identical(code: str) -> None:
    assert precheck(code) == PrecheckResult(code, [], [])


def test_names_table_knows_the_qt6_homes() -> None:
    table = load_names()
    assert table.home("QAction") == "PySide6.QtGui"
    assert table.home("Qt") == "PySide6.QtCore"
    assert table.home("QPushButton") == "PySide6.QtWidgets"
    assert table.home("QtCore") == "PySide6"
    assert table.home("NoSuchThing") is None


PROGRAM = """\
from PySide6.QtWidgets import QApplication, QWidget, QAction
from PyQt5.QtCore import pyqtSignal, QObject

class Window(QWidget):
    closed = pyqtSignal()

    def __init__(self):
        super().__init__()
        self.setWindowTitle("Fixed")
        self.setFont(QFont("Sans", 12))
        self.quit_action = QAction("Quit", self)
        self.addAction(self.quit_action)
        self.setAlignment = Qt.AlignmentFlag.AlignCenter

app = QApplication(sys.argv)
window = Window()
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec_())
"""


def test_fixed_program_really_runs_under_offscreen_qt(tmp_path: Path) -> None:
    result = fixed(PROGRAM)
    assert result.problems == []
    app = tmp_path / "app.py"
    app.write_text(result.code, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, str(app)], env=env, timeout=60, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


EMPTY_MAIN_WINDOW = """\
import sys

from PySide6.QtWidgets import QApplication, QGridLayout, QMainWindow, QPushButton


class Calculator(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Calculator")
        grid = QGridLayout()
        for i, key in enumerate("789456123"):
            grid.addWidget(QPushButton(key), i // 3, i % 3)
        self.setLayout(grid)  # ignored: a QMainWindow shows only its central widget


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Calculator()
    window.show()
    sys.exit(app.exec())
"""


def test_a_main_windows_layout_goes_on_a_central_widget() -> None:
    result = precheck(EMPTY_MAIN_WINDOW)

    assert result.problems == []
    assert result.fixes == [
        "put the layout of QMainWindow Calculator on a central widget (its setLayout() is ignored)",
        "added QWidget to 'from PySide6.QtWidgets import'",
    ]
    assert "        self.setCentralWidget(QWidget())\n        self.centralWidget().setLayout(grid)\n\n" in result.code
    assert "self.setLayout" not in result.code


@pytest.mark.parametrize(
    "change",
    [
        ("class Calculator(QMainWindow):", "class Calculator(QWidget):"),  # a QWidget's setLayout works
        ("        self.setLayout(grid)", "        self.setCentralWidget(QWidget())\n        self.setLayout(grid)"),
        ("        self.setLayout(grid)", "        self.setLayout(grid)\n        self.setLayout(grid)"),
        ("        self.setLayout(grid)", "        if grid: self.setLayout(grid)"),
    ],
    ids=["a-qwidget", "has-a-central-widget", "two-calls", "shares-its-line"],
)
def test_a_layout_is_left_alone_where_the_fix_would_guess(change: tuple[str, str]) -> None:
    code = EMPTY_MAIN_WINDOW.replace(*change).replace("QPushButton\n", "QPushButton, QWidget\n")
    assert precheck(code).code == code


def test_the_fixed_main_window_is_no_longer_empty(tmp_path: Path) -> None:
    checker = HeadlessProber(make_runner(SandboxConfig()), ProbeConfig(timeout=10, max_actions=0, explore=False))
    before = checker.probe(_written(tmp_path / "before.py", EMPTY_MAIN_WINDOW), tmp_path / "before")
    after = checker.probe(_written(tmp_path / "after.py", precheck(EMPTY_MAIN_WINDOW).code), tmp_path / "after")

    assert [p.kind for p in before.failures] == ["empty_window"]
    assert after.passed, after.failures


def _written(path: Path, code: str) -> Path:
    path.write_text(code, encoding="utf-8")
    return path


WIDGET_WITH_CENTRAL = """\
import sys

from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QWidget


class Board(QWidget):
    def __init__(self):
        super().__init__()
        self.setFixedSize(200, 300)

    def paintEvent(self, event):
        QPainter(self).fillRect(self.rect(), QColor("navy"))


class TetrisWindow(QWidget):  # the easy bench's tetris (2026-12-07): a QWidget with QMainWindow's calls
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Tetris")
        self.board = Board()
        self.setCentralWidget(self.board)
        self.statusBar().showMessage("Score: 0")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = TetrisWindow()
    window.show()
    sys.exit(app.exec())
"""


def test_a_widget_that_calls_main_window_methods_becomes_a_main_window() -> None:
    result = precheck(WIDGET_WITH_CENTRAL)

    assert result.problems == []
    assert result.fixes == [
        "made TetrisWindow a QMainWindow: it calls setCentralWidget, statusBar, which a QWidget does not have",
        "added QMainWindow to 'from PySide6.QtWidgets import'",
    ]
    assert "class TetrisWindow(QMainWindow):  # the easy bench's" in result.code
    assert "class Board(QWidget):" in result.code


@pytest.mark.parametrize(
    "change",
    [
        ("        self.board = Board()\n", "        self.board = Board()\n        QVBoxLayout(self)\n"),
        ("        self.board = Board()\n", "        self.board = Board()\n        self.setLayout(QVBoxLayout())\n"),
        ("class TetrisWindow(QWidget):", "class TetrisWindow(QWidget, Board):"),
        ("class TetrisWindow(QWidget):", "class TetrisWindow(QtWidgets.QWidget):"),
    ],
    ids=["lays-itself-out", "sets-a-layout", "two-bases", "qualified-base"],
)
def test_a_widget_is_left_a_widget_where_the_fix_would_guess(change: tuple[str, str]) -> None:
    code = WIDGET_WITH_CENTRAL.replace(*change).replace(
        "QApplication, QWidget\n", "QApplication, QVBoxLayout, QWidget\n"
    )
    code = code.replace("import sys\n", "import sys\n\nfrom PySide6 import QtWidgets\n")
    assert "made TetrisWindow a QMainWindow" not in " ".join(precheck(code).fixes)
    assert "class TetrisWindow(QMainWindow)" not in precheck(code).code


def test_the_widget_made_a_main_window_runs(tmp_path: Path) -> None:
    checker = HeadlessProber(make_runner(SandboxConfig()), ProbeConfig(timeout=10, max_actions=0, explore=False))
    before = checker.probe(_written(tmp_path / "before.py", WIDGET_WITH_CENTRAL), tmp_path / "before")
    after = checker.probe(_written(tmp_path / "after.py", precheck(WIDGET_WITH_CENTRAL).code), tmp_path / "after")

    assert "setCentralWidget" in before.failures[0].message
    assert after.passed, after.failures


NAMED_OTHERWISE = """\
import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget


class Cell(QWidget):
    pass


class SnakeGame(QMainWindow):  # the easy bench's snake (2026-12-07): the prompt's ending calls MainWindow()
    def __init__(self):
        super().__init__()
        self.setCentralWidget(QLabel("Snake"))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sys.exit(app.exec())
"""


def test_the_main_block_creates_the_one_window_class_the_program_has() -> None:
    result = precheck(NAMED_OTHERWISE)

    assert result.problems == []
    assert result.fixes == ["the main block creates MainWindow, which the program never defines: it creates SnakeGame"]
    assert "    window = SnakeGame()\n" in result.code


def test_without_a_main_window_the_one_widget_nothing_else_creates_is_the_window() -> None:
    code = NAMED_OTHERWISE.replace("SnakeGame(QMainWindow)", "SnakeGame(QWidget)").replace(
        'self.setCentralWidget(QLabel("Snake"))', "self.cells = [Cell() for _ in range(3)]"
    )
    assert "    window = SnakeGame()\n" in precheck(code).code


@pytest.mark.parametrize(
    "change",
    [
        ("class Cell(QWidget):", "class Cell(QMainWindow):"),  # two main windows: which one?
        ("class SnakeGame(QMainWindow)", "class SnakeGame(QWidget)"),  # two widgets, neither created: which one?
        ("import sys\n", "import sys\n\nfrom helpers import *\n"),  # it may define MainWindow
        ("class Cell(QWidget):\n    pass\n", "class Cell(QWidget):\n    pass\n\n\nMainWindow = Cell\n"),
    ],
    ids=["two-main-windows", "two-widgets", "star-import", "bound"],
)
def test_the_main_block_is_left_alone_where_the_fix_would_guess(change: tuple[str, str]) -> None:
    code = NAMED_OTHERWISE.replace(*change)
    assert "window = MainWindow()" in precheck(code).code


LAYOUT_METHOD = """\
import sys

from PySide6.QtWidgets import QApplication, QGridLayout, QPushButton, QWidget


class Minesweeper(QWidget):  # the easy bench's minesweeper, seed 1001
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Minesweeper")
        self.setLayout(QGridLayout())
        for row in range(3):
            for column in range(3):
                button = QPushButton("?")
                button.clicked.connect(lambda checked=False, b=button: b.setText("1"))
                self.layout.addWidget(button, row, column)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Minesweeper()
    window.show()
    sys.exit(app.exec())
"""


def test_adding_to_self_layout_calls_the_layout_method() -> None:
    result = precheck(LAYOUT_METHOD)

    assert result.problems == []
    assert result.fixes == [
        "self.layout.name -> self.layout().name in Minesweeper (layout() returns the layout set on it)"
    ]
    assert "                self.layout().addWidget(button, row, column)\n" in result.code


@pytest.mark.parametrize(
    "change",
    [
        ("        self.setLayout(QGridLayout())\n", ""),  # no layout on it: layout() is None, nothing to fix with
        ("        self.setLayout(QGridLayout())", "        self.layout = QGridLayout(self)"),
        ("class Minesweeper(QWidget):", "class Minesweeper(QWidget):\n    layout = None\n"),
        ("class Minesweeper(QWidget):", "class Minesweeper(QMainWindow):"),
    ],
    ids=["no-layout-set", "assigns-self-layout", "class-attribute", "a-main-window"],
)
def test_self_layout_is_left_alone_where_the_fix_would_guess(change: tuple[str, str]) -> None:
    code = LAYOUT_METHOD.replace(*change)
    assert not any("layout()" in fix for fix in precheck(code).fixes)


def test_the_fixed_layout_call_runs(tmp_path: Path) -> None:
    checker = HeadlessProber(make_runner(SandboxConfig()), ProbeConfig(timeout=10, max_actions=0, explore=False))
    before = checker.probe(_written(tmp_path / "before.py", LAYOUT_METHOD), tmp_path / "before")
    after = checker.probe(_written(tmp_path / "after.py", precheck(LAYOUT_METHOD).code), tmp_path / "after")

    assert "'builtin_function_or_method' object has no attribute 'addWidget'" in before.failures[0].message
    assert after.passed, after.failures


USE_BEFORE_CREATE = """\
import sys

from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton, QTextBrowser, QVBoxLayout, QWidget


class MainWindow(QMainWindow):  # the easy bench's browser, seed 1001
    def __init__(self):
        super().__init__()
        self.back_button = QPushButton("Back")
        self.back_button.clicked.connect(self.view.backward)
        layout = QVBoxLayout()
        layout.addWidget(self.back_button)
        self.view = QTextBrowser()
        layout.addWidget(self.view)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sys.exit(app.exec())
"""


def test_a_widget_used_before_its_line_creates_it_is_created_first() -> None:
    result = precheck(USE_BEFORE_CREATE)

    assert result.problems == []
    assert result.fixes == ["self.view was used on line 10 before line 13 created it; moved that line up"]
    assert (
        "        self.view = QTextBrowser()\n"
        "        self.back_button.clicked.connect(self.view.backward)\n"
        "        layout = QVBoxLayout()\n"
        "        layout.addWidget(self.back_button)\n"
        "        layout.addWidget(self.view)\n"
    ) in result.code


@pytest.mark.parametrize(
    "change",
    [
        ("connect(self.view.backward)", "connect(lambda: self.view.backward())"),  # runs later, on a click
        ("self.view = QTextBrowser()", "self.view = QTextBrowser(central)"),  # needs what comes after the use
        ("        self.view = QTextBrowser()\n", "        self.view = QTextBrowser()\n        self.view = None\n"),
        ("class MainWindow(QMainWindow):", "class MainWindow(Base):"),  # a base of its own may set it
    ],
    ids=["in-a-lambda", "reads-a-later-name", "set-twice", "own-base"],
)
def test_the_creating_line_stays_where_moving_it_would_guess(change: tuple[str, str]) -> None:
    code = USE_BEFORE_CREATE.replace(*change)
    assert not [fix for fix in precheck(code).fixes if "moved that line up" in fix]


def test_a_creating_line_that_reads_what_came_before_the_use_moves() -> None:
    code = USE_BEFORE_CREATE.replace("self.view = QTextBrowser()", "self.view = QTextBrowser(self.back_button)")
    assert "self.view was used on line 10 before line 13 created it; moved that line up" in precheck(code).fixes


def test_the_reordered_program_runs(tmp_path: Path) -> None:
    checker = HeadlessProber(make_runner(SandboxConfig()), ProbeConfig(timeout=10, max_actions=0, explore=False))
    before = checker.probe(_written(tmp_path / "before.py", USE_BEFORE_CREATE), tmp_path / "before")
    after = checker.probe(_written(tmp_path / "after.py", precheck(USE_BEFORE_CREATE).code), tmp_path / "after")

    assert "'MainWindow' object has no attribute 'view'" in before.failures[0].message
    assert after.passed, after.failures
