"""The member check: the API mistakes a small model makes are found before the program runs, with the right name."""

from __future__ import annotations

from pathlib import Path

import pytest

from aegis.config import ProbeConfig, SandboxConfig
from aegis.precheck.member_table import load_members
from aegis.precheck.members import check_members
from aegis.precheck.static import precheck
from aegis.sandbox.isolation import make_runner
from aegis.verdict.headless import HeadlessProber

ROOT = Path(__file__).resolve().parent.parent
MEANT_WRONG = ROOT / "tests" / "apps" / "explore_override_exception.py"
"""Uses Qt.KeyPressEvent, which Qt does not have (the tetris round of the easy bench), on purpose."""
WORKING = sorted((ROOT / "bench" / "corpus").glob("*.py")) + sorted(
    p for p in (ROOT / "tests" / "apps").rglob("*.py") if p != MEANT_WRONG
)

CALCULATOR = """\
import sys

from PySide6.QtWidgets import QApplication, QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget


class Calculator(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Calculator")
        self.display = QLineEdit()
        self.display.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.display)
        grid = QGridLayout()
        for i, key in enumerate("789456123"):
            button = QPushButton(key)
            button.clicked.connect(lambda checked=False, k=key: self.press(k))
            grid.addWidget(button, i // 3, i % 3)
        layout.addLayout(grid)

    def press(self, key):
        self.display.append(key)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Calculator()
    window.show()
    sys.exit(app.exec())
"""

# Each mistake the embedded model made in the bench, as the lines that replace the calculator's `press`.
MISTAKES = {
    "vbox-addrow": (
        "        row = QVBoxLayout()\n        row.addRow('Mines:', QPushButton(key))",
        "line 24: row is a QVBoxLayout, which has no method 'addRow'; use row.addWidget(widget) or "
        "row.addLayout(layout), or make it a QFormLayout",
    ),
    "qt-keypressevent": (
        "        if key == Qt.KeyPressEvent:\n            pass",
        "line 23: Qt has no member 'KeyPressEvent'; did you mean QEvent.Type.KeyPress (import QEvent from "
        "PySide6.QtCore)?",
    ),
    "connect-undefined": (
        "        self.timer = QTimer(self)\n        self.timer.timeout.connect(self.update_time)\n\n"
        "    def update_display(self):\n        pass",
        "line 24: the signal is connected to self.update_time, which class Calculator never defines; define "
        "the method update_time, or did you mean self.update_display?",
    ),
    "label-setplaintext": (
        "        self.status = QLabel()\n        self.status.setPlainText(key)",
        "line 24: self.status is a QLabel, which has no method 'setPlainText'; use self.status.setText(text)",
    ),
    "list-addrow": (
        "        self.items = QListWidget()\n        self.items.addRow(key)",
        "line 24: self.items is a QListWidget, which has no method 'addRow'; use self.items.addItem(text)",
    ),
    "append-not-a-statement": (
        "        return self.display.append(key)",
        "line 23: self.display is a QLineEdit, which has no method 'append'; use "
        "self.display.setText(self.display.text() + text) (append is a QTextEdit method)",
    ),
    "enum-member": (
        "        self.display.setAlignment(Qt.AlignmentFlag.AlignCentre)",
        "line 23: Qt.AlignmentFlag has no member 'AlignCentre'; did you mean Qt.AlignmentFlag.AlignCenter",
    ),
    "local-not-self": (
        "        history = QListWidget()\n        self.history.addItem(key)",
        "line 24: self.history is used, but class Calculator never defines or sets it; assign self.history = ... "
        "in __init__ (a local variable history is gone once its method returns)",
    ),
    "widget-setcentralwidget": (
        "        self.setCentralWidget(QLabel(key))",
        "line 23: class Calculator is a QWidget, which has no setCentralWidget (a QMainWindow method); make it "
        "class Calculator(QMainWindow)",
    ),
    "table-count": (
        "        table = QTableWidget()\n        print(table.count())",
        "line 24: table is a QTableWidget, which has no method 'count'; did you mean rowCount",
    ),
}
IMPORTS = (
    "from PySide6.QtCore import Qt, QTimer\n"
    "from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QLineEdit, QListWidget, QPushButton, "
    "QTableWidget, QVBoxLayout, QWidget\n"
)


def with_press(body: str) -> str:
    code = CALCULATOR.replace("        self.display.append(key)\n", body + "\n")
    return code.replace(CALCULATOR.splitlines(keepends=True)[2], IMPORTS)


@pytest.mark.parametrize("mistake", sorted(MISTAKES), ids=str)
def test_each_mistake_from_the_bench_is_found_with_the_right_name(mistake: str) -> None:
    body, message = MISTAKES[mistake]
    findings = check_members(with_press(body))

    assert findings.fixes == []
    assert [p.message[: len(message)] for p in findings.problems] == [message]


def test_a_line_edits_append_becomes_set_text_and_the_program_compiles() -> None:
    result = precheck(CALCULATOR)

    assert result.problems == []
    assert result.fixes == [
        "line 22: QLineEdit has no append: self.display.append(key) -> "
        "self.display.setText(self.display.text() + str(key))"
    ]
    assert "        self.display.setText(self.display.text() + str(key))\n" in result.code
    compile(result.code, "app.py", "exec")
    assert precheck(result.code).fixes == []


PDF_EXPORT = """\
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter


def export(path):
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFileName(path)
    printer.setOrientation(QPageLayout.Orientation.Portrait)
"""


def test_a_method_qt6_renamed_gets_its_new_name() -> None:
    """The markdown editor of the middle bench called QPrinter.setOrientation in both rounds; the problem's
    did-you-mean offered three names."""
    result = precheck(PDF_EXPORT)

    assert result.problems == []
    assert result.fixes == [
        "line 8: printer.setOrientation -> printer.setPageOrientation (QPrinter renamed it in Qt 6)"
    ]
    assert "    printer.setPageOrientation(QPageLayout.Orientation.Portrait)\n" in result.code
    assert precheck(result.code).fixes == []


def test_a_web_view_name_on_a_text_browser_gets_the_text_browsers_name() -> None:
    code = "from PySide6.QtWidgets import QTextBrowser\n\nview = QTextBrowser()\naddress = view.url().toString()\n"
    result = precheck(code)
    assert result.fixes == ["line 4: view.url -> view.source (QTextBrowser's name for QWebEngineView.url)"]
    assert "address = view.source().toString()" in result.code


def test_an_enum_member_in_the_wrong_class_moves_where_it_exists_once_and_is_imported() -> None:
    code = with_press("        if key == Qt.KeyPress:\n            pass")
    result = precheck(code)

    assert result.problems == []
    assert result.fixes == [
        "line 23: Qt.KeyPress -> QEvent.Type.KeyPress",
        "added QEvent to 'from PySide6.QtCore import'",
    ]
    assert "from PySide6.QtCore import Qt, QTimer, QEvent\n" in result.code
    assert "if key == QEvent.Type.KeyPress:" in result.code


@pytest.mark.parametrize(
    "change",
    [
        ("QLineEdit, QPushButton", "QLineEdit as LE, QPushButton", "self.display = QLineEdit()", "self.display = LE()"),
        ("import sys\n", "import sys\n\nfrom PySide6 import QtWidgets\n", "= QLineEdit()", "= QtWidgets.QLineEdit()"),
    ],
    ids=["class-alias", "module-attribute"],
)
def test_the_class_is_known_through_an_alias(change: tuple[str, str, str, str]) -> None:
    code = CALCULATOR.replace(change[0], change[1]).replace(change[2], change[3])
    assert check_members(code).fixes[0].startswith("line ")


UNCERTAIN = {
    "bound-to-two-classes": ("        self.display.setReadOnly(True)\n", "        self.display = QTextEdit()\n"),
    "a-user-class": ("        self.display = QLineEdit()\n", "        self.display = Display()\n"),
    "set-on-the-object": ("        self.display.append(key)\n", "        self.display.append = print\n"),
    "setattr": ("        super().__init__()\n", "        setattr(self, 'display', QTextEdit())\n"),
    "snake-case": ("import sys\n", "from __feature__ import snake_case\n"),
}


@pytest.mark.parametrize("name", sorted(UNCERTAIN), ids=str)
def test_what_is_not_certain_is_never_flagged(name: str) -> None:
    """Each change adds a line before the anchor; the append is then no longer certainly a QLineEdit's."""
    anchor, added = UNCERTAIN[name]
    code = CALCULATOR.replace(anchor, added + anchor).replace(
        "QLineEdit, QPushButton", "QLineEdit, QPushButton, QTextEdit"
    )
    code += "\n\nclass Display(QTextEdit):\n    pass\n"
    findings = check_members(code)
    assert (findings.code, findings.fixes, findings.problems) == (code, [], [])


@pytest.mark.parametrize(
    "body",
    [
        "        if hasattr(self, 'history'):\n            self.history.clear()",
        "        try:\n            self.history.clear()\n        except AttributeError:\n            pass",
    ],
    ids=["hasattr", "try"],
)
def test_an_attribute_the_program_guards_is_not_flagged(body: str) -> None:
    assert check_members(with_press(body)).problems == []


def test_a_parameter_is_never_guessed() -> None:
    code = CALCULATOR.replace(
        "    def press(self, key):\n        self.display", "    def press(self, key, display):\n        display"
    )
    assert check_members(code).fixes == []


@pytest.mark.parametrize(
    "base",
    ["Base", "QTimer", "object"],
    ids=["a-base-of-the-file-defines-it", "a-pyside6-base-has-it", "a-subclass-defines-it"],
)
def test_a_connected_method_that_exists_somewhere_is_not_flagged(base: str) -> None:
    handler = {"Base": "update_time", "QTimer": "start", "object": "update_time"}[base]
    code = f"""\
from PySide6.QtCore import QTimer


class Base(QTimer):
    def update_time(self):
        pass


class Clock({base}):
    def __init__(self):
        super().__init__()
        self.timer = QTimer()
        self.timer.timeout.connect(self.{handler})


class Subclass(Clock):
    def update_time(self):
        pass
"""
    assert check_members(code).problems == []


@pytest.mark.parametrize("program", WORKING, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_false_alarm_on_working_programs(program: Path) -> None:
    findings = check_members(program.read_text(encoding="utf-8"))
    assert (findings.fixes, findings.problems) == ([], [])


def test_the_table_knows_the_bases_enums_and_the_qt5_flag_names() -> None:
    table = load_members()
    assert table.version.startswith("6.")
    assert table.has("QLineEdit", "setText") and table.has("QLineEdit", "show")  # own, and QWidget's
    assert not table.has("QLineEdit", "append") and table.has("QTextEdit", "append")
    assert table.has("QEvent", "KeyPress") and table.enum("QEvent", "Type") is not None
    assert table.has("Qt", "ItemFlags") and table.has("Qt", "AlignCenter")


def test_the_fixed_calculator_survives_its_first_click(tmp_path: Path) -> None:
    config = ProbeConfig(timeout=10, settle=0.3, max_actions=3, find_placeholders=False, require_acceptance=False)
    checker = HeadlessProber(make_runner(SandboxConfig()), config)
    before = checker.probe(_written(tmp_path / "before.py", CALCULATOR), tmp_path / "before")
    after = checker.probe(_written(tmp_path / "after.py", precheck(CALCULATOR).code), tmp_path / "after")

    assert "append" in " ".join(p.message for p in before.failures)
    assert after.passed, after.failures


def _written(path: Path, code: str) -> Path:
    path.write_text(code, encoding="utf-8")
    return path


def test_the_enum_member_an_event_filter_used_by_mistake_is_found_before_anything_runs() -> None:
    problems = check_members(MEANT_WRONG.read_text(encoding="utf-8")).problems
    assert [p.message for p in problems if "KeyPressEvent" in p.message], problems
