import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")


class W(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Stopwatch")
        self.label = QLabel("0.0")
        self.tenths = 0
        self.note = QLineEdit()
        self.note.setPlaceholderText("lap note")
        start = QPushButton("Start")
        start.clicked.connect(self.start)
        lay = QVBoxLayout(self)
        lay.addWidget(self.label)
        lay.addWidget(self.note)
        lay.addWidget(start)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.note.setFocus()

    def start(self):
        if not BROKEN:
            self.timer.start(100)

    def tick(self):
        self.tenths += 1
        self.label.setText(f"{self.tenths / 10:.1f}")


app = QApplication(sys.argv)
w = W()
w.show()
sys.exit(app.exec())
