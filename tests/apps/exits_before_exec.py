"""Builds its window, then calls sys.exit() with no status where app.exec() should be."""

import sys

from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
label = QLabel("Gone")
label.setWindowTitle("Gone")
label.show()
sys.exit()
