"""A stopwatch with laps, driven by a QTimer."""

import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def format_seconds(seconds):
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes):02d}:{rest:05.2f}"


class Stopwatch(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Stopwatch")
        self.resize(300, 360)
        self.elapsed = 0.0
        self.started_at = None
        self.last_lap = 0.0

        self.display = QLabel(format_seconds(0))
        self.display.setAlignment(Qt.AlignCenter)
        font = QFont("Monospace")
        font.setPointSize(28)
        self.display.setFont(font)

        self.timer = QTimer(self)
        self.timer.setInterval(50)
        self.timer.timeout.connect(self.tick)

        self.start_stop = QPushButton("Start")
        self.start_stop.clicked.connect(self.toggle)
        self.lap_button = QPushButton("Lap")
        self.lap_button.clicked.connect(self.lap)
        reset = QPushButton("Reset")
        reset.clicked.connect(self.reset)
        self.laps = QListWidget()

        buttons = QHBoxLayout()
        for widget in (self.start_stop, self.lap_button, reset):
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.display)
        layout.addLayout(buttons)
        layout.addWidget(self.laps)

    def current(self):
        if self.started_at is None:
            return self.elapsed
        return self.elapsed + time.monotonic() - self.started_at

    def toggle(self):
        if self.started_at is None:
            self.started_at = time.monotonic()
            self.timer.start()
            self.start_stop.setText("Stop")
        else:
            self.elapsed = self.current()
            self.started_at = None
            self.timer.stop()
            self.start_stop.setText("Start")
            self.tick()

    def tick(self):
        self.display.setText(format_seconds(self.current()))

    def lap(self):
        now = self.current()
        split = now - self.last_lap
        self.last_lap = now
        self.laps.insertItem(0, f"Lap {self.laps.count() + 1}: {format_seconds(split)} (total {format_seconds(now)})")

    def reset(self):
        self.timer.stop()
        self.started_at = None
        self.elapsed = 0.0
        self.last_lap = 0.0
        self.laps.clear()
        self.start_stop.setText("Start")
        self.tick()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Stopwatch()
    window.show()
    sys.exit(app.exec())
