"""A QMainWindow with a title and a size but nothing in it."""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Inventory")
    window.resize(600, 400)
    window.show()
    sys.exit(app.exec())
