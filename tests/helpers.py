"""Test data and helpers shared by several test modules (fixtures stay in conftest.py)."""

from __future__ import annotations

COUNTER_APP = """\
import sys
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget


class MainWindow(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Counter")
        self.count = 0
        self.label = QLabel("Count: 0")
        button = QPushButton("Add one")
        button.clicked.connect(self.add_one)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(button)

    def add_one(self):
        self.count += 1
        self.label.setText(f"Count: {self.count}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sys.exit(app.exec())
"""


def fenced(code: str, prose: str = "Here is the program:") -> str:
    return f"{prose}\n\n```python\n{code}```\n\nRun it with python app.py."
