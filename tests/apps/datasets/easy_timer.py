"""A countdown timer: type the seconds, Start counts down once a second to zero."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class Timer(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Timer")
        self.seconds = QLineEdit()
        self.seconds.setPlaceholderText("Seconds")
        self.shown = QLabel("0")
        start = QPushButton("Start")
        start.clicked.connect(self.start)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self.count_down)
        layout = QVBoxLayout(self)
        for widget in (self.seconds, start, self.shown):
            layout.addWidget(widget)
        self.left = 0

    def start(self) -> None:
        text = self.seconds.text().strip()
        self.left = int(text) if text.isdigit() else 0
        self.shown.setText(str(self.left))
        if self.left:
            self.tick.start()

    def count_down(self) -> None:
        self.left -= 1
        self.shown.setText(str(self.left))
        if self.left <= 0:
            self.tick.stop()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Timer()
    window.show()
    sys.exit(app.exec())
