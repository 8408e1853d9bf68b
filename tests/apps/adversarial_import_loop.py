"""Starts a helper process (`sleep`, its seconds in marker.txt beside this file), then loops for ever at import."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel

helper = subprocess.Popen(["sleep", Path(__file__).with_name("marker.txt").read_text()])
while True:
    pass
app = QApplication(sys.argv)
label = QLabel("never shown")
label.show()
sys.exit(app.exec())
