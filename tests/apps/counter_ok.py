"""A counter: a label and a button in a QWidget, the usual shape of a small generated app."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget


class Counter(QWidget):
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
    window = Counter()
    window.show()
    app.exec()
