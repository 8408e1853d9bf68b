"""A reference Pomodoro timer for the middle dataset's checks: settable work and break lengths (minutes,
fractions allowed), a countdown that runs work -> break -> work by itself, pause, reset and a session count."""

import math
import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def minutes_field(value):
    field = QDoubleSpinBox(minimum=0.01, maximum=180, decimals=2, value=value, suffix=" min")
    field.setKeyboardTracking(True)
    return field


def clock(seconds):
    seconds = max(0, math.ceil(seconds - 1e-6))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class Pomodoro(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Pomodoro")
        self.phase = "Work"
        self.remaining = 0.0
        """Seconds left in the current phase while paused or not started."""
        self.ends_at = None
        """time.monotonic() when the running phase ends; None while paused or stopped."""
        self.completed = 0
        self.work = minutes_field(25)
        self.rest = minutes_field(5)
        form = QFormLayout()
        form.addRow("Work", self.work)
        form.addRow("Break", self.rest)
        self.phase_label = QLabel()
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.time_label = QLabel()
        self.time_label.setAccessibleName("Time left")
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.time_label.setStyleSheet("font-size: 48px; font-weight: bold")
        self.count_label = QLabel()
        buttons = QHBoxLayout()
        for text, handler in (("Start", self.start), ("Pause", self.pause), ("Reset", self.reset)):
            button = QPushButton(text)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.time_label)
        layout.addLayout(buttons)
        layout.addWidget(self.count_label)
        self.timer = QTimer(self, interval=100, timeout=self.tick)
        self.work.valueChanged.connect(self.lengths_changed)
        self.rest.valueChanged.connect(self.lengths_changed)
        self.reset()

    def length(self, phase):
        return (self.work if phase == "Work" else self.rest).value() * 60

    def lengths_changed(self):
        if self.ends_at is None and self.remaining in (0.0, self.full):
            self.remaining = self.full = self.length(self.phase)  # not started yet: show the new length
            self.show_state()

    def start(self):
        if self.ends_at is None:
            self.ends_at = time.monotonic() + self.remaining
            self.timer.start()
            self.show_state()

    def pause(self):
        if self.ends_at is not None:
            self.remaining = max(0.0, self.ends_at - time.monotonic())
            self.ends_at = None
            self.timer.stop()
            self.show_state()

    def reset(self):
        self.timer.stop()
        self.ends_at = None
        self.phase = "Work"
        self.remaining = self.full = self.length("Work")
        self.show_state()

    def tick(self):
        left = self.ends_at - time.monotonic()
        if left <= 0:
            if self.phase == "Work":
                self.completed += 1
            self.phase = "Break" if self.phase == "Work" else "Work"
            QApplication.beep()
            self.full = self.length(self.phase)
            self.ends_at = time.monotonic() + self.full + left  # the next phase starts by itself
            left = self.ends_at - time.monotonic()
        self.remaining = left
        self.show_state()

    def show_state(self):
        left = self.ends_at - time.monotonic() if self.ends_at is not None else self.remaining
        self.time_label.setText(clock(left))
        state = "" if self.ends_at is not None else " (paused)" if self.remaining < self.full else " (ready)"
        self.phase_label.setText(("Focus: work" if self.phase == "Work" else "Take a break") + state)
        self.count_label.setText(f"Pomodoros completed: {self.completed}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Pomodoro()
    window.show()
    sys.exit(app.exec())
