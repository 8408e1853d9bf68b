"""A fake Pomodoro timer: the fields and a big 25:00, but Start only says it started."""

import sys

from PySide6.QtCore import Qt
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


class Pomodoro(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Pomodoro")
        form = QFormLayout()
        form.addRow("Work", QDoubleSpinBox(minimum=0.01, maximum=180, value=25, suffix=" min"))
        form.addRow("Break", QDoubleSpinBox(minimum=0.01, maximum=180, value=5, suffix=" min"))
        self.status = QLabel("Ready")
        time_label = QLabel("25:00")
        time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        time_label.setStyleSheet("font-size: 48px; font-weight: bold")
        buttons = QHBoxLayout()
        for text in ("Start", "Pause", "Reset"):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, t=text: self.status.setText(f"{t}ed!"))
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(time_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Pomodoro()
    window.show()
    sys.exit(app.exec())
