"""A shape board driven from a toolbar: add circles and squares, undo, clear, zoom; counts in the status bar."""

import random
import sys

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction, QColor, QPainter
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

PALETTE = ["#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f"]


class ShapeBoard(QWidget):
    def __init__(self):
        super().__init__()
        self.shapes = []
        self.zoom = 1.0
        self.setMinimumSize(500, 360)

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), QColor("#fafafa"))
        painter.scale(self.zoom, self.zoom)
        for kind, x, y, size, colour in self.shapes:
            painter.setBrush(QColor(colour))
            painter.setPen(Qt.NoPen)
            rect = QRectF(x, y, size, size)
            if kind == "circle":
                painter.drawEllipse(rect)
            else:
                painter.drawRect(rect)


class MainWindow(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Shapes")
        self.rng = random.Random(3)
        self.board = ShapeBoard()
        self.setCentralWidget(self.board)

        toolbar = self.addToolBar("Shapes")
        for text, slot in (
            ("Circle", self.add_circle),
            ("Square", self.add_square),
            ("Undo", self.undo),
            ("Clear", self.clear),
        ):
            action = QAction(text, self)
            action.triggered.connect(slot)
            toolbar.addAction(action)
        toolbar.addSeparator()
        zoom_in = QAction("Zoom +", self)
        zoom_in.triggered.connect(lambda: self.zoom_by(1.25))
        zoom_out = QAction("Zoom −", self)
        zoom_out.triggered.connect(lambda: self.zoom_by(0.8))
        toolbar.addAction(zoom_in)
        toolbar.addAction(zoom_out)
        self.show_counts()

    def add_shape(self, kind):
        size = self.rng.randint(20, 70)
        x = self.rng.randint(0, max(0, self.board.width() - size))
        y = self.rng.randint(0, max(0, self.board.height() - size))
        self.board.shapes.append((kind, x, y, size, self.rng.choice(PALETTE)))
        self.board.update()
        self.show_counts()

    def add_circle(self):
        self.add_shape("circle")

    def add_square(self):
        self.add_shape("square")

    def undo(self):
        if self.board.shapes:
            self.board.shapes.pop()
            self.board.update()
        self.show_counts()

    def clear(self):
        self.board.shapes.clear()
        self.board.update()
        self.show_counts()

    def zoom_by(self, factor):
        self.board.zoom = min(4.0, max(0.25, self.board.zoom * factor))
        self.board.update()
        self.show_counts()

    def show_counts(self):
        circles = sum(1 for shape in self.board.shapes if shape[0] == "circle")
        squares = len(self.board.shapes) - circles
        self.statusBar().showMessage(f"{circles} circles, {squares} squares, zoom {self.board.zoom:.0%}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sys.exit(app.exec())
