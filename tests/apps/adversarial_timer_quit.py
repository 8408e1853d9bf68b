"""Quits by itself a moment after its window shows, while it is being explored (its buttons are slow)."""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

app = QApplication(sys.argv)
window = QWidget()
layout = QVBoxLayout(window)
for number in range(12):
    button = QPushButton(f"Step {number}")
    button.clicked.connect(lambda: time.sleep(0.15))
    layout.addWidget(button)
window.show()
QTimer.singleShot(900, app.quit)
sys.exit(app.exec())
