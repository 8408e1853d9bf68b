"""The GeoText analyzer a weak model fakes: a text box, an Analyze button, an empty results table and a blank
map; Analyze only prints how long the text is."""

import sys

from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


class WorldMap(QWidget):
    def __init__(self):
        super().__init__()
        self.setMinimumSize(480, 240)

    def paintEvent(self, event):
        QPainter(self).fillRect(self.rect(), QColor("#cfe6f7"))


class GeoText(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("GeoText Analyzer")
        self.text = QPlainTextEdit(placeholderText="Paste text here")
        analyze = QPushButton("Analyze")
        analyze.clicked.connect(lambda: print("analyzing", len(self.text.toPlainText()), "characters"))
        results = QTableWidget(0, 3)
        results.setHorizontalHeaderLabels(["Place", "Count", "Coordinates"])
        left = QVBoxLayout()
        for widget in (QLabel("Text"), self.text, analyze, results):
            left.addWidget(widget)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(WorldMap(), 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(QLabel("Paste some text and press Analyze."))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = GeoText()
    window.resize(1000, 520)
    window.show()
    sys.exit(app.exec())
