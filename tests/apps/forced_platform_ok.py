"""An app that picks its Qt platform itself when it finds no Wayland (as a Linux how-to advises), and names
its menus in Portuguese: 'Arquivo > Sair' quits."""

import os
import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

if not os.getenv("WAYLAND_DISPLAY"):
    os.environ["QT_QPA_PLATFORM"] = "xcb"

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("Olá")
window.setCentralWidget(QLabel("Arraste arquivos para cá"))
menu = window.menuBar().addMenu("&Arquivo")
menu.addAction("&Sair", app.quit)
window.show()
sys.exit(app.exec())
