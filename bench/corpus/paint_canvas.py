"""A freehand drawing pad: draw with the mouse, pick a pen colour and width, undo strokes, clear."""

import sys
from itertools import pairwise

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

COLOURS = {"Black": "#111111", "Blue": "#1565c0", "Red": "#c62828", "Green": "#2e7d32"}


class Canvas(QWidget):
    def __init__(self):
        super().__init__()
        self.setMinimumSize(480, 320)
        self.strokes = []
        self.pen_colour = QColor(COLOURS["Black"])
        self.pen_width = 3

    def mousePressEvent(self, event):
        if event.button() == Qt.LeftButton:
            self.strokes.append((QColor(self.pen_colour), self.pen_width, [event.position().toPoint()]))
            self.update()

    def mouseMoveEvent(self, event):
        if event.buttons() & Qt.LeftButton and self.strokes:
            self.strokes[-1][2].append(event.position().toPoint())
            self.update()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        for colour, width, points in self.strokes:
            painter.setPen(QPen(colour, width, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
            if len(points) == 1:
                painter.drawPoint(points[0])
            for start, end in pairwise(points):
                painter.drawLine(start, end)

    def add_sample(self):
        self.strokes.append(
            (
                QColor(self.pen_colour),
                self.pen_width,
                [QPoint(40 + 20 * i, 160 + (40 if i % 2 else -40)) for i in range(12)],
            )
        )
        self.update()


class PaintWindow(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Sketch Pad")
        self.canvas = Canvas()
        self.colour = QComboBox()
        self.colour.addItems(list(COLOURS))
        self.colour.currentTextChanged.connect(self.colour_chosen)
        self.pen_width_slider = QSlider(Qt.Horizontal)
        self.pen_width_slider.setRange(1, 20)
        self.pen_width_slider.setValue(3)
        self.pen_width_slider.valueChanged.connect(self.width_changed)
        self.width_label = QLabel("3 px")
        undo = QPushButton("Undo")
        undo.clicked.connect(self.undo)
        clear = QPushButton("Clear")
        clear.clicked.connect(self.clear)
        sample = QPushButton("Zig-zag")
        sample.clicked.connect(self.canvas.add_sample)

        tools = QHBoxLayout()
        for widget in (self.colour, self.pen_width_slider, self.width_label, undo, clear, sample):
            tools.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.canvas)

    def colour_chosen(self, name):
        self.canvas.pen_colour = QColor(COLOURS[name])

    def width_changed(self, value):
        self.canvas.pen_width = value
        self.width_label.setText(f"{value} px")

    def undo(self):
        if self.canvas.strokes:
            self.canvas.strokes.pop()
            self.canvas.update()

    def clear(self):
        self.canvas.strokes.clear()
        self.canvas.update()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = PaintWindow()
    window.show()
    sys.exit(app.exec())
