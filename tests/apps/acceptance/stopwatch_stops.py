import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")  # each Start makes a new timer: Stop stops only the newest


class W(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Stopwatch")
        self.label = QLabel("0.0")
        self.tenths = 0
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        lay = QVBoxLayout(self)
        lay.addWidget(self.label)
        for text, slot in (("Start", self.start), ("Stop", self.stop)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            lay.addWidget(button)

    def start(self):
        if BROKEN:
            self.timer = QTimer(self)
            self.timer.timeout.connect(self.tick)
        self.timer.start(100)

    def stop(self):
        self.timer.stop()

    def tick(self):
        self.tenths += 1
        self.label.setText(f"{self.tenths / 10:.1f}")


app = QApplication(sys.argv)
w = W()
w.show()
sys.exit(app.exec())
