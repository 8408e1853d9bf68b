"""A reference PSO visualizer for the dataset's checks: a swarm animated over a 2D test function's landscape,
with swarm size, inertia and speed controls and the best value found shown as text."""

import math
import random
import sys

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


def sphere(x, y):
    return x * x + y * y


def rastrigin(x, y):
    return 20 + x * x - 10 * math.cos(2 * math.pi * x) + y * y - 10 * math.cos(2 * math.pi * y)


def ackley(x, y):
    a = -20 * math.exp(-0.2 * math.sqrt(0.5 * (x * x + y * y)))
    return a - math.exp(0.5 * (math.cos(2 * math.pi * x) + math.cos(2 * math.pi * y))) + math.e + 20


def rosenbrock(x, y):
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


def himmelblau(x, y):
    return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2


FUNCTIONS = {  # name: (function, half width of the square domain around 0)
    "Sphere": (sphere, 5.0),
    "Rastrigin": (rastrigin, 5.12),
    "Ackley": (ackley, 5.0),
    "Rosenbrock": (rosenbrock, 2.0),
    "Himmelblau": (himmelblau, 5.0),
}
C1 = C2 = 1.5
GRID = 120


class Canvas(QWidget):
    """The function as a heat map (light = low), the particles as dots and the best point as a red ring."""

    def __init__(self, app):
        super().__init__()
        self.app = app
        self.image = QImage()
        self.setMinimumSize(420, 420)

    def render_landscape(self, f, half):
        values = [
            [f(-half + 2 * half * i / (GRID - 1), half - 2 * half * j / (GRID - 1)) for i in range(GRID)]
            for j in range(GRID)
        ]
        low = min(min(row) for row in values)
        logs = [math.log1p(v - low) for row in values for v in row]
        top = max(logs) or 1.0
        pixels = bytearray()
        for v in logs:
            t = v / top
            pixels += bytes((int(250 - 150 * t), int(250 - 110 * t), 255))
        self.image = QImage(bytes(pixels), GRID, GRID, 3 * GRID, QImage.Format.Format_RGB888).copy()
        self.update()

    def to_screen(self, x, y):
        half = self.app.half
        return QPointF((x + half) / (2 * half) * self.width(), (half - y) / (2 * half) * self.height())

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.drawImage(self.rect(), self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(30, 30, 30))
        for p in self.app.particles:
            painter.drawEllipse(self.to_screen(p["x"], p["y"]), 4, 4)
        if self.app.best:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(200, 0, 0), 2))
            painter.drawEllipse(self.to_screen(*self.app.best[1:]), 8, 8)


class Visualizer(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("PSO Visualizer")
        self.particles, self.best, self.iteration = [], None, 0
        self.rng = random.Random(1)
        self.canvas = Canvas(self)
        self.function = QComboBox()
        self.function.addItems(FUNCTIONS)
        self.swarm_size = QSpinBox(minimum=2, maximum=300, value=30)
        self.inertia = QDoubleSpinBox(minimum=0.0, maximum=1.2, singleStep=0.05, value=0.7)
        self.speed = QSpinBox(minimum=1, maximum=60, value=20, suffix=" it/s")
        self.speed.valueChanged.connect(lambda v: self.timer.setInterval(1000 // v))
        self.function.currentTextChanged.connect(self.reset)
        self.swarm_size.valueChanged.connect(self.reset)
        self.iteration_label, self.best_label = QLabel("0"), QLabel("-")
        self.position_label, self.count_label = QLabel("-"), QLabel("0")
        form = QFormLayout()
        for text, widget in (
            ("Function", self.function),
            ("Swarm size", self.swarm_size),
            ("Inertia", self.inertia),
            ("Speed", self.speed),
            ("Iteration", self.iteration_label),
            ("Best value", self.best_label),
            ("Best position", self.position_label),
            ("Particles", self.count_label),
        ):
            form.addRow(text + ":", widget)
        self.start = QPushButton("Start")
        self.start.clicked.connect(self.toggle)
        reset = QPushButton("Reset")
        reset.clicked.connect(self.reset)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.start)
        side.addWidget(reset)
        side.addStretch()
        layout = QHBoxLayout(self)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(side)
        self.timer = QTimer(self, interval=1000 // self.speed.value())
        self.timer.timeout.connect(self.step)
        self.reset()

    def reset(self):
        f, self.half = FUNCTIONS[self.function.currentText()]
        self.f, self.rng, self.iteration, self.best = f, random.Random(1), 0, None
        self.particles = []
        for _ in range(self.swarm_size.value()):
            x, y = (self.rng.uniform(-self.half, self.half) for _ in range(2))
            p = {"x": x, "y": y, "vx": 0.0, "vy": 0.0, "bx": x, "by": y, "bv": f(x, y)}
            self.particles.append(p)
            if self.best is None or p["bv"] < self.best[0]:
                self.best = (p["bv"], x, y)
        self.canvas.render_landscape(f, self.half)
        self.show_stats()

    def toggle(self):
        if self.timer.isActive():
            self.timer.stop()
            self.start.setText("Start")
        else:
            self.timer.start()
            self.start.setText("Pause")

    def step(self):
        w, limit, half = self.inertia.value(), 0.2 * self.half, self.half
        _, gx, gy = self.best
        for p in self.particles:
            for axis, best_own, best_all in (("x", "bx", gx), ("y", "by", gy)):
                v = p["v" + axis] * w
                v += C1 * self.rng.random() * (p[best_own] - p[axis]) + C2 * self.rng.random() * (best_all - p[axis])
                p["v" + axis] = max(-limit, min(limit, v))
                p[axis] = max(-half, min(half, p[axis] + p["v" + axis]))
            value = self.f(p["x"], p["y"])
            if value < p["bv"]:
                p["bx"], p["by"], p["bv"] = p["x"], p["y"], value
                if value < self.best[0]:
                    self.best = (value, p["x"], p["y"])
        self.iteration += 1
        self.show_stats()

    def show_stats(self):
        value, x, y = self.best
        self.iteration_label.setText(str(self.iteration))
        self.best_label.setText(f"{value:.6g}")
        self.position_label.setText(f"({x:.3f}, {y:.3f})")
        self.count_label.setText(str(len(self.particles)))
        self.canvas.update()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Visualizer()
    window.show()
    sys.exit(app.exec())
