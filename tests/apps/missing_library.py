"""Loads a shared library that no system has."""

import ctypes
import sys

from PySide6.QtWidgets import QApplication, QLabel

codec = ctypes.CDLL("libaegis-missing.so.1")
app = QApplication(sys.argv)
label = QLabel("Codec loaded")
label.show()
sys.exit(app.exec())
