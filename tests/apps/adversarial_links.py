"""Leaves links where AEGIS writes after the run (its output, its verdict), pointing at ../canary.txt."""

import os
import sys

from PySide6.QtWidgets import QApplication, QLabel

for name in ("stdout.txt", "stderr.txt", "verdict.json", "requirements.txt"):
    if os.path.lexists(name):
        os.remove(name)
    os.symlink("../canary.txt", name)

app = QApplication(sys.argv)
label = QLabel("links left behind")
label.show()
sys.exit(app.exec())
