"""An app whose whole UI is its tray icon's menu (a colour picker), and a window that only the tray shows."""

import sys

from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QColorDialog, QLabel, QMenu, QSystemTrayIcon


def icon():
    picture = QPixmap(16, 16)
    picture.fill(QColor("orange"))
    return QIcon(picture)


app = QApplication(sys.argv)
app.setQuitOnLastWindowClosed(False)
about = QLabel("Picker 1.0")
about.setWindowTitle("About Picker")


def pick():
    dialog = QColorDialog()
    if dialog.exec():
        app.clipboard().setText(dialog.currentColor().name())


def crash():
    raise RuntimeError("the tray menu's Crash entry ran")


tray = QSystemTrayIcon()
tray.setIcon(icon())
tray.setVisible(True)
menu = QMenu()
entries = [QAction("Pick a colour"), QAction("About"), QAction("Crash"), QAction("Exit")]
entries[0].triggered.connect(pick)
entries[1].triggered.connect(about.show)
entries[2].triggered.connect(crash)
entries[3].triggered.connect(app.quit)
for entry in entries:
    menu.addAction(entry)
tray.setContextMenu(menu)
app.exec()
