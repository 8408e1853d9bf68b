"""Advice for the errors a small model keeps repeating reaches the repair prompt, for the real messages the
easy bench produced, and for nothing else."""

from __future__ import annotations

import pytest

from aegis.generate import prompts
from aegis.schema import Problem

REAL = {  # messages of stuck rounds in the easy bench, embedded model (2026-12-03, 2026-12-07)
    "acceptance check 'runs after Start': after click 'Start': the app raised ValueError: invalid literal for "
    "int() with base 10: '0.00' while waiting 1.5 s": "'0.00' for int()",
    "ValueError: could not convert string to float: ''": "'0.00' for int()",
    "IndexError: list index out of range": "against the length",
    "ZeroDivisionError: division by zero": "Check for zero",
    "TypeError: MainWindow.add() takes 1 positional argument but 2 were given": "A signal passes its value",
    "AttributeError: 'NoneType' object has no attribute 'start'": "still None",
    "acceptance check 'counts down after Start': there is no field to type into": "Add a QLineEdit",
    "acceptance check 'runs after Start': after click 'Start', wait 1.5: the window did not change in 2.9 s": (
        "starts a QTimer"
    ),
    "TypeError: 'PySide6.QtWidgets.QBoxLayout.addWidget' called with wrong argument types:\n"
    "  PySide6.QtWidgets.QBoxLayout.addWidget(list)\nSupported signatures:": "not a list",
    "acceptance check 'the snake moves': the app raised AttributeError: 'ArrowType' object has no attribute 'y' "
    "while waiting 1.5 s": "not directions",
    "AttributeError: 'PySide6.QtCore.Signal' object has no attribute 'connect'": "only as a class attribute",
    "line 11: undefined name 'QWebEngineView'": "show the page in a QTextBrowser",
    "acceptance check 'stops, even after Start twice': after click 'Start', click 'Start', wait 1.2, click 'Stop', "
    "wait 1.5: the window still changed in the 1.6 s after 'Stop' was clicked": "create each QTimer once",
    "TypeError: 'PySide6.QtWidgets.QWidget.setFocus' called with wrong argument types:\n"
    "  PySide6.QtWidgets.QWidget.setFocus(Board)": "setFocus takes no widget",
}


@pytest.mark.parametrize("message", REAL)
def test_a_repeated_error_gets_its_advice_in_the_repair_prompt(message: str) -> None:
    text = prompts.failures([Problem(kind="exception", message=message)])
    assert REAL[message] in text and message in text


@pytest.mark.parametrize(
    "message",
    [
        "the window is 3216 px tall; it does not fit a 1920x1080 screen",
        "AttributeError: 'MainWindow' object has no attribute 'update_time'",
        "acceptance check 'adds a task': no field 'Task' (fields: 'Title')",
        "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
        "acceptance check 'resets': after click 'Start', wait 1.2, click 'Reset': the window did not change in 1.3 s",
        "TypeError: 'PySide6.QtWidgets.QWidget.__init__' called with wrong argument types:\n"
        "  PySide6.QtWidgets.QWidget.__init__(QGridLayout)",
    ],
)
def test_other_errors_get_no_advice(message: str) -> None:
    assert prompts.hint(Problem(kind="exception", message=message)) == ""


def test_each_problem_gets_its_own_advice_once() -> None:
    text = prompts.failures(
        [
            Problem(kind="exception", message="ZeroDivisionError: division by zero"),
            Problem(kind="exception", message="IndexError: list index out of range"),
        ]
    )
    assert text.count("Check for zero") == 1 and text.count("against the length") == 1
    assert text.index("Check for zero") < text.index("IndexError")
