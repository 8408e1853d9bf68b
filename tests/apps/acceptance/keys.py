import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")  # the board never gets the keys: Left only moves the button focus


class Board(QWidget):
    def __init__(self):
        super().__init__()
        self.x = 100
        self.setMinimumSize(240, 120)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus if BROKEN else Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Left:
            self.x -= 20
            self.update()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.fillRect(self.x, 40, 30, 30, QColor("navy"))


class Game(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Game")
        buttons = QHBoxLayout()
        for text in ("Start", "Pause", "Reset"):
            buttons.addWidget(QPushButton(text))
        self.board = Board()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.board)
        if not BROKEN:
            self.board.setFocus()


app = QApplication(sys.argv)
w = Game()
w.show()
sys.exit(app.exec())
