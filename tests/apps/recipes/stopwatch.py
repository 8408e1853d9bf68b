"""A stopwatch, built the way the recipe says: the elapsed time is a number, the label only shows it."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class MainWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Stopwatch")
        self.elapsed = 0.0
        self.label = QLabel("0.0")
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        buttons = QHBoxLayout()
        for text, slot in (("Start", self.start), ("Stop", self.timer.stop), ("Reset", self.reset)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(buttons)

    def start(self) -> None:
        self.timer.start(100)

    def tick(self) -> None:
        self.elapsed += 0.1
        self.label.setText(f"{self.elapsed:.1f}")

    def reset(self) -> None:
        self.timer.stop()
        self.elapsed = 0.0
        self.label.setText(f"{self.elapsed:.1f}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sys.exit(app.exec())
