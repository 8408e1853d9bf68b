"""A calculator laid out differently again: accelerators on every key, a result shown as a float in a QLineEdit."""

import sys

from PySide6.QtWidgets import QApplication, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget


class Calculator(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Adding machine")
        self.expression = ""
        self.result = QLineEdit()
        self.result.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.result)
        for row in (["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"], ["0", "+", "-", "="]):
            line = QHBoxLayout()
            for key in row:
                button = QPushButton(f"&{key}")
                button.clicked.connect(lambda _=False, key=key: self.press(key))
                line.addWidget(button)
            layout.addLayout(line)

    def press(self, key):
        if key == "=":
            self.expression = str(float(eval(self.expression)))
        else:
            self.expression += key
        self.result.setText(self.expression)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Calculator()
    window.show()
    sys.exit(app.exec())
