"""Loads the PulseAudio client library, which this machine lacks (the test skips where it is installed)."""

import ctypes
import sys

from PySide6.QtWidgets import QApplication, QLabel

pulse = ctypes.CDLL("libpulse.so.0")
app = QApplication(sys.argv)
label = QLabel("Sound ready")
label.show()
sys.exit(app.exec())
