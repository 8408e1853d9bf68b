"""A kitchen countdown timer with presets, pause and a progress bar."""

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class Countdown(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Countdown")
        self.resize(340, 260)
        self.total = 0
        self.remaining = 0

        self.minutes = QSpinBox()
        self.minutes.setRange(0, 99)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(3)
        self.seconds = QSpinBox()
        self.seconds.setRange(0, 59)
        self.seconds.setSuffix(" s")
        for box in (self.minutes, self.seconds):
            box.valueChanged.connect(self.duration_changed)

        self.display = QLabel()
        self.display.setAlignment(Qt.AlignCenter)
        font = QFont()
        font.setPointSize(32)
        self.display.setFont(font)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)

        self.start_button = QPushButton("Start")
        self.start_button.clicked.connect(self.start_or_pause)
        reset = QPushButton("Reset")
        reset.clicked.connect(self.reset)
        presets = QHBoxLayout()
        for label, secs in (("Egg 5′", 300), ("Tea 3′", 180), ("30″", 30)):
            button = QPushButton(label)
            button.clicked.connect(lambda checked=False, s=secs: self.preset(s))
            presets.addWidget(button)

        setting = QHBoxLayout()
        setting.addWidget(self.minutes)
        setting.addWidget(self.seconds)
        controls = QHBoxLayout()
        controls.addWidget(self.start_button)
        controls.addWidget(reset)
        layout = QVBoxLayout(self)
        layout.addLayout(setting)
        layout.addLayout(presets)
        layout.addWidget(self.display)
        layout.addWidget(self.bar)
        layout.addLayout(controls)
        self.reset()

    def duration_changed(self):
        if not self.timer.isActive():
            self.reset()

    def preset(self, seconds):
        self.minutes.setValue(seconds // 60)
        self.seconds.setValue(seconds % 60)
        self.reset()

    def start_or_pause(self):
        if self.timer.isActive():
            self.timer.stop()
            self.start_button.setText("Resume")
        elif self.remaining > 0:
            self.timer.start()
            self.start_button.setText("Pause")

    def tick(self):
        self.remaining = max(0, self.remaining - 1)
        self.show_time()
        if self.remaining == 0:
            self.timer.stop()
            self.start_button.setText("Start")
            self.display.setText("Time's up!")

    def reset(self):
        self.timer.stop()
        self.total = self.minutes.value() * 60 + self.seconds.value()
        self.remaining = self.total
        self.start_button.setText("Start")
        self.show_time()

    def show_time(self):
        minutes, seconds = divmod(self.remaining, 60)
        self.display.setText(f"{minutes:02d}:{seconds:02d}")
        self.bar.setMaximum(max(1, self.total))
        self.bar.setValue(self.total - self.remaining)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Countdown()
    window.show()
    sys.exit(app.exec())
