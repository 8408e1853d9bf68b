"""A four-function calculator with a keypad and a history line."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

KEYS = [
    ["7", "8", "9", "/"],
    ["4", "5", "6", "*"],
    ["1", "2", "3", "-"],
    ["0", ".", "=", "+"],
]


class Calculator(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Calculator")
        self.resize(280, 340)
        self.pending = None
        self.operator = None
        self.fresh = True

        self.history = QLabel("")
        self.history.setAlignment(Qt.AlignRight)
        self.display = QLineEdit("0")
        self.display.setReadOnly(True)
        self.display.setAlignment(Qt.AlignRight)

        grid = QGridLayout()
        for row, keys in enumerate(KEYS):
            for col, key in enumerate(keys):
                button = QPushButton(key)
                button.clicked.connect(lambda checked=False, k=key: self.press(k))
                grid.addWidget(button, row, col)
        clear = QPushButton("C")
        clear.clicked.connect(self.clear)
        back = QPushButton("⌫")
        back.clicked.connect(self.backspace)
        grid.addWidget(clear, 4, 0, 1, 2)
        grid.addWidget(back, 4, 2, 1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.history)
        layout.addWidget(self.display)
        layout.addLayout(grid)

    def press(self, key):
        if key.isdigit() or key == ".":
            self.enter_digit(key)
        elif key == "=":
            self.equals()
        else:
            self.choose_operator(key)

    def enter_digit(self, key):
        text = "" if self.fresh else self.display.text()
        if key == "." and "." in text:
            return
        text = (text + key).lstrip("0") or "0"
        if text.startswith("."):
            text = "0" + text
        self.display.setText(text)
        self.fresh = False

    def choose_operator(self, op):
        if self.operator and not self.fresh:
            self.equals()
        self.pending = float(self.display.text())
        self.operator = op
        self.history.setText(f"{self.format(self.pending)} {op}")
        self.fresh = True

    def equals(self):
        if self.operator is None:
            return
        right = float(self.display.text())
        result = self.compute(self.pending, self.operator, right)
        if result is None:
            self.history.setText("cannot divide by zero")
            self.display.setText("0")
        else:
            self.history.setText(f"{self.format(self.pending)} {self.operator} {self.format(right)} =")
            self.display.setText(self.format(result))
        self.operator = None
        self.pending = None
        self.fresh = True

    @staticmethod
    def compute(left, op, right):
        if op == "+":
            return left + right
        if op == "-":
            return left - right
        if op == "*":
            return left * right
        if right == 0:
            return None
        return left / right

    @staticmethod
    def format(value):
        return f"{value:.10g}"

    def clear(self):
        self.pending = None
        self.operator = None
        self.fresh = True
        self.display.setText("0")
        self.history.setText("")

    def backspace(self):
        if self.fresh:
            return
        text = self.display.text()[:-1]
        self.display.setText(text or "0")
        self.fresh = not text


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Calculator()
    window.show()
    sys.exit(app.exec())
