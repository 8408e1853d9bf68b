import sys

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMessageBox, QSystemTrayIcon


def icon():
    picture = QPixmap(16, 16)
    picture.fill(QColor("teal"))
    return QIcon(picture)


app = QApplication(sys.argv)
if not QSystemTrayIcon.isSystemTrayAvailable():  # as Qt's own tray example does
    QMessageBox.critical(None, "Systray", "I couldn't detect any system tray on this system.")
    sys.exit(1)
tray = QSystemTrayIcon(icon())
menu = QMenu()
menu.addAction("Quit", app.quit)
tray.setContextMenu(menu)
tray.show()
window = QLabel("Reminders live in the tray")
window.setWindowTitle("Reminders")
window.show()
sys.exit(app.exec())
