"""Shows a window, then reads address 0 through ctypes: the process dies with SIGSEGV."""

import ctypes
import sys

from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
label = QLabel("About to crash")
label.setWindowTitle("Crash")
label.show()
ctypes.string_at(0)
sys.exit(app.exec())
