"""Imports a module that does not exist."""

import sys

import aegis_no_such_module
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
label = QLabel(aegis_no_such_module.GREETING)
label.show()
sys.exit(app.exec())
