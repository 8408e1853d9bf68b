"""Builds a window and runs the event loop, but never calls show()."""

import sys

from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
label = QLabel("Invisible")
label.setWindowTitle("Invisible")
sys.exit(app.exec())
