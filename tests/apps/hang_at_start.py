"""Loops forever before the event loop starts, so no window ever appears."""

import sys

from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
label = QLabel("Waiting")
label.show()
ready = False
while not ready:
    pass
sys.exit(app.exec())
