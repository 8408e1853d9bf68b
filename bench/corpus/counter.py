"""A tally counter with a configurable step and a goal."""

import sys

from PySide6.QtCore import Qt
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


class Counter(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Tally Counter")
        self.resize(320, 240)
        self.count = 0

        self.value = QLabel("0")
        self.value.setAlignment(Qt.AlignCenter)
        font = QFont()
        font.setPointSize(36)
        self.value.setFont(font)

        self.step = QSpinBox()
        self.step.setRange(1, 100)
        self.step.setPrefix("step ")
        self.goal = QSpinBox()
        self.goal.setRange(1, 1000)
        self.goal.setValue(20)
        self.goal.setPrefix("goal ")
        self.goal.valueChanged.connect(self.goal_changed)
        self.progress = QProgressBar()

        minus = QPushButton("−")
        minus.clicked.connect(self.decrement)
        plus = QPushButton("+")
        plus.clicked.connect(self.increment)
        reset = QPushButton("Reset")
        reset.clicked.connect(self.reset)

        buttons = QHBoxLayout()
        for widget in (minus, plus, reset):
            buttons.addWidget(widget)
        settings = QHBoxLayout()
        settings.addWidget(self.step)
        settings.addWidget(self.goal)

        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        layout.addLayout(settings)
        self.refresh()

    def increment(self):
        self.count += self.step.value()
        self.refresh()

    def decrement(self):
        self.count = max(0, self.count - self.step.value())
        self.refresh()

    def reset(self):
        self.count = 0
        self.refresh()

    def goal_changed(self, goal):
        self.progress.setMaximum(goal)
        self.refresh()

    def refresh(self):
        goal = self.goal.value()
        self.progress.setMaximum(goal)
        self.progress.setValue(min(self.count, goal))
        self.value.setText(str(self.count))
        reached = self.count >= goal
        self.value.setStyleSheet("color: #1b5e20;" if reached else "color: #202020;")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Counter()
    window.show()
    sys.exit(app.exec())
