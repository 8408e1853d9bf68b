"""A reference geometric calculator: points typed as X/Y, lines, circles and polygons built from them,
drawn on a canvas with their lengths, angles and areas listed as soon as each shape is made."""

import math
import sys

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

SCALE = 20
"""Pixels per unit on the canvas."""


def distance(a, b):
    return math.hypot(b[0] - a[0], b[1] - a[1])


def angle_at(prev, here, nxt):
    """The angle at `here` between the sides to `prev` and `nxt`, in degrees."""
    first = math.atan2(prev[1] - here[1], prev[0] - here[0])
    second = math.atan2(nxt[1] - here[1], nxt[0] - here[0])
    degrees = abs(math.degrees(first - second)) % 360
    return 360 - degrees if degrees > 180 else degrees


def polygon_area(points):
    twice = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(points, points[1:] + points[:1], strict=True))
    return abs(twice) / 2


def describe(shape):
    kind, pts = shape
    if kind == "line":
        a, b = pts
        slope = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
        return f"Line: length {distance(a, b):.2f}, angle {slope:.2f}°"
    if kind == "circle":
        r = distance(*pts)
        return f"Circle: radius {r:.2f}, circumference {2 * math.pi * r:.2f}, area {math.pi * r * r:.2f}"
    sides = [distance(a, b) for a, b in zip(pts, pts[1:] + pts[:1], strict=True)]
    angles = [angle_at(pts[i - 1], pts[i], pts[(i + 1) % len(pts)]) for i in range(len(pts))]
    return (
        f"Polygon ({len(pts)} points): area {polygon_area(pts):.2f}, perimeter {sum(sides):.2f}, "
        f"angles {', '.join(f'{a:.2f}°' for a in angles)}"
    )


class Canvas(QWidget):
    def __init__(self, model):
        super().__init__()
        self.model = model
        self.setMinimumSize(420, 320)

    def to_screen(self, p):
        return QPointF(self.width() / 2 + p[0] * SCALE, self.height() / 2 - p[1] * SCALE)

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#dddddd"), 1))
        w, h = self.width(), self.height()
        painter.drawLine(0, h // 2, w, h // 2)
        painter.drawLine(w // 2, 0, w // 2, h)
        for kind, pts in self.model.shapes:
            painter.setPen(QPen(QColor("#1f5fbf"), 2))
            if kind == "line":
                painter.drawLine(self.to_screen(pts[0]), self.to_screen(pts[1]))
            elif kind == "circle":
                r = distance(*pts) * SCALE
                painter.drawEllipse(self.to_screen(pts[0]), r, r)
            else:
                painter.setBrush(QColor(31, 95, 191, 40))
                painter.drawPolygon(QPolygonF([self.to_screen(p) for p in pts]))
                painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("black"), 1))
        painter.setBrush(QColor("#c0392b"))
        for index, p in enumerate(self.model.points):
            spot = self.to_screen(p)
            painter.drawEllipse(spot, 4, 4)
            painter.drawText(spot + QPointF(6, -6), chr(ord("A") + index % 26))


class Geometry(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Geometry Calculator")
        self.points, self.pending, self.shapes = [], [], []
        self.x = QLineEdit(placeholderText="X")
        self.y = QLineEdit(placeholderText="Y")
        row = QHBoxLayout()
        for text, field in (("X", self.x), ("Y", self.y)):
            label = QLabel(text)
            label.setBuddy(field)
            row.addWidget(label)
            row.addWidget(field)
        for text, slot in (
            ("Add point", self.add_point),
            ("Add line", lambda: self.make("line", 2)),
            ("Add circle", lambda: self.make("circle", 2)),
            ("Add polygon", lambda: self.make("polygon", 3)),
            ("Clear", self.clear),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        self.canvas = Canvas(self)
        self.results = QListWidget()
        self.results.setAccessibleName("Measurements")
        self.status = QLabel("Type X and Y, then Add point. Shapes use the points placed since the last shape.")
        body = QHBoxLayout()
        body.addWidget(self.canvas, 3)
        body.addWidget(self.results, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(body)
        layout.addWidget(self.status)

    def add_point(self):
        try:
            point = (float(self.x.text()), float(self.y.text()))
        except ValueError:
            self.status.setText("X and Y must be numbers.")
            return
        self.points.append(point)
        self.pending.append(point)
        name = chr(ord("A") + (len(self.points) - 1) % 26)
        self.status.setText(f"Point {name} ({point[0]:g}, {point[1]:g}) placed; {len(self.pending)} waiting.")
        self.canvas.update()

    def make(self, kind, needed):
        if len(self.pending) < needed:
            self.status.setText(f"A {kind} needs {needed} new points; {len(self.pending)} placed.")
            return
        pts = self.pending[-2:] if kind != "polygon" else list(self.pending)
        self.shapes.append((kind, pts))
        self.pending = []
        self.results.addItem(describe((kind, pts)))
        self.status.setText(describe((kind, pts)))
        self.canvas.update()

    def clear(self):
        self.points, self.pending, self.shapes = [], [], []
        self.results.clear()
        self.status.setText("Cleared.")
        self.canvas.update()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Geometry()
    window.resize(900, 500)
    window.show()
    sys.exit(app.exec())
