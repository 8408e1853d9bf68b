import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")  # Left and Right are swapped


class Board(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Mover")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.x = 0
        self.position = QLabel("x: 0")
        self.position.setObjectName("position")
        QVBoxLayout(self).addWidget(self.position)

    def keyPressEvent(self, event):
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Left: -1}.get(event.key(), 0)
        self.x += -step if BROKEN else step
        self.position.setText(f"x: {self.x}")


app = QApplication(sys.argv)
w = Board()
w.show()
sys.exit(app.exec())
