"""A fake engineering calculator: the keypad fills the display, but '=' only says it calculated."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

BUTTONS = [
    "sin",
    "cos",
    "tan",
    "sqrt",
    "log",
    "ln",
    "(",
    ")",
    "^",
    "pi",
    "e",
    "C",
    "7",
    "8",
    "9",
    "/",
    "4",
    "5",
    "6",
    "*",
    "1",
    "2",
    "3",
    "-",
    "0",
    ".",
    "=",
    "+",
]


class Calculator(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Engineering Calculator")
        self.display = QLineEdit(placeholderText="Expression")
        self.status = QLabel("Ready")
        grid = QGridLayout()
        for index, text in enumerate(BUTTONS):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, t=text: self.pressed(t))
            grid.addWidget(button, index // 6, index % 6)
        left = QVBoxLayout()
        left.addWidget(self.display)
        left.addWidget(self.status)
        left.addLayout(grid)
        right = QVBoxLayout()
        right.addWidget(QLabel("History"))
        right.addWidget(QListWidget())
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right)

    def pressed(self, text):
        if text == "=":
            self.status.setText("Calculated!")  # TODO: evaluate the expression and add it to the history
        elif text == "C":
            self.display.clear()
        else:
            self.display.insert(text + ("(" if text.isalpha() and len(text) > 2 else ""))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    calculator = Calculator()
    calculator.show()
    sys.exit(app.exec())
