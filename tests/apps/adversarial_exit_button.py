"""A Save button that ends the process at once, with status 0."""

import os
import sys

from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

app = QApplication(sys.argv)
window = QWidget()
layout = QVBoxLayout(window)
button = QPushButton("Save")
button.clicked.connect(lambda: os._exit(0))
layout.addWidget(button)
window.show()
sys.exit(app.exec())
