"""A calculator laid out differently: a QMainWindow, a QLabel display, full-width look-alike symbols."""

import sys

from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

SYMBOLS = {"＋": "+", "－": "-", "×": "*", "÷": "/"}


class Calculator(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Calc")
        self.expression = ""
        self.display = QLabel("0")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.display)
        grid = QGridLayout()
        layout.addLayout(grid)
        for index, key in enumerate(["7", "8", "9", "÷", "4", "5", "6", "×", "1", "2", "3", "－", "0", "＝", "＋"]):
            button = QPushButton(f" {key} ")
            button.clicked.connect(lambda _=False, key=key: self.press(key))
            grid.addWidget(button, index // 4, index % 4)
        self.setCentralWidget(central)

    def press(self, key):
        if key == "＝":
            self.expression = str(eval(self.expression))
        else:
            self.expression += SYMBOLS.get(key, key)
        self.display.setText(self.expression)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Calculator()
    window.show()
    sys.exit(app.exec())
