"""Starts fine; pressing Total sums a huge range inside one C call, which holds the GIL and freezes everything."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget


class Totals(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Totals")
        self.result = QLabel("")
        button = QPushButton("Total")
        button.clicked.connect(self.total)
        layout = QVBoxLayout(self)
        layout.addWidget(self.result)
        layout.addWidget(button)

    def total(self):
        self.result.setText(str(sum(range(10**15))))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Totals()
    window.show()
    sys.exit(app.exec())
