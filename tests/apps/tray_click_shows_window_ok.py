"""Notes that live in the tray: the window shows when the tray icon is clicked."""

import sys

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon, QTextEdit


class Notes(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Tray Notes")
        self.setCentralWidget(QTextEdit())

    def on_tray(self, reason):
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show()


app = QApplication(sys.argv)
picture = QPixmap(16, 16)
picture.fill(QColor("navy"))
tray = QSystemTrayIcon(QIcon(picture))
tray.show()
notes = Notes()
tray.activated.connect(notes.on_tray)
sys.exit(app.exec())
