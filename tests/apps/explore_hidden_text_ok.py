"""Text a person can read and text hidden on purpose: a big bold amber key on light grey, and a row of
labels whose text is transparent (their background colour is the progress bar)."""

import sys

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

app = QApplication(sys.argv)
window = QWidget()
window.setWindowTitle("Memory keys")
window.setStyleSheet("QWidget { background-color: #eeeeee; }")
layout = QVBoxLayout(window)
key = QPushButton("MR")
font = QFont()
font.setPointSize(27)
font.setBold(True)
key.setFont(font)
key.setStyleSheet("QPushButton { color: #ffc107; background-color: #eeeeee; border: none; }")
layout.addWidget(key)
bar = QHBoxLayout()
for step in range(5):
    cell = QLabel("PEZ")
    cell.setStyleSheet(
        "QLabel { color: rgba(0,0,0,0); background-color: %s; }" % ("#e91e63" if step < 3 else "#eeeeee")
    )
    bar.addWidget(cell)
layout.addLayout(bar)
window.show()
sys.exit(app.exec())
