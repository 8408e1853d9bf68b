"""Shows a window but forgets to run the event loop, so the program ends at once."""

import sys

from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
label = QLabel("Hello")
label.setWindowTitle("Hello")
label.show()
