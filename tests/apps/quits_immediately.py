"""Shows a window and runs the event loop, but a zero-delay timer quits the app straight away."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
label = QLabel("Bye")
label.setWindowTitle("Bye")
label.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
