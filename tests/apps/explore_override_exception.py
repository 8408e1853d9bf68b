import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMainWindow, QVBoxLayout, QWidget


class Board(QMainWindow):
    """An event filter that uses an enum member Qt does not have; Qt calls it again while it fails."""

    def __init__(self):
        super().__init__()
        central = QWidget()
        layout = QVBoxLayout(central)
        self.keys = QLineEdit()
        layout.addWidget(self.keys)
        layout.addWidget(QLabel("Tetris"))
        self.setCentralWidget(central)
        self.keys.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == Qt.KeyPressEvent:
            return True
        return super().eventFilter(watched, event)


app = QApplication(sys.argv)
board = Board()
board.show()
sys.exit(app.exec())
