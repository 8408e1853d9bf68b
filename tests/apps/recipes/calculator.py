"""A calculator, built the way the recipe says: one button per key, the expression kept as a string."""

import sys

from PySide6.QtWidgets import QApplication, QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

KEYS = ["7", "8", "9", "/", "4", "5", "6", "*", "1", "2", "3", "-", "0", ".", "=", "+", "C"]


class MainWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Calculator")
        self.expression = ""
        self.display = QLineEdit()
        self.display.setReadOnly(True)
        grid = QGridLayout()
        for index, text in enumerate(KEYS):
            button = QPushButton(text)
            button.clicked.connect(lambda checked=False, t=text: self.on_key(t))
            grid.addWidget(button, index // 4, index % 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.display)
        layout.addLayout(grid)

    def on_key(self, text: str) -> None:
        if text == "C":
            self.expression = ""
        elif text == "=":
            if not self.expression:
                return
            try:
                self.expression = str(eval(self.expression))
            except Exception:
                self.expression = "Error"
        else:
            self.expression = "" if self.expression == "Error" else self.expression
            self.expression += text
        self.display.setText(self.expression)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sys.exit(app.exec())
