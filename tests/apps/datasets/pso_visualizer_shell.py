"""The PSO visualizer a weak model fakes: the same controls and a painted landscape, but Start only sets a
status text; no swarm is ever created or moved and the best value never changes."""

import sys

from PySide6.QtGui import QColor, QPainter
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


class Canvas(QWidget):
    def __init__(self):
        super().__init__()
        self.setMinimumSize(420, 420)

    def paintEvent(self, event):
        QPainter(self).fillRect(self.rect(), QColor(170, 200, 255))


class Visualizer(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("PSO Visualizer")
        function = QComboBox()
        function.addItems(["Sphere", "Rastrigin", "Ackley", "Rosenbrock", "Himmelblau"])
        form = QFormLayout()
        form.addRow("Function:", function)
        form.addRow("Swarm size:", QSpinBox(minimum=2, maximum=300, value=30))
        form.addRow("Inertia:", QDoubleSpinBox(minimum=0.0, maximum=1.2, value=0.7))
        form.addRow("Speed:", QSpinBox(minimum=1, maximum=60, value=20))
        form.addRow("Iteration:", QLabel("0"))
        form.addRow("Best value:", QLabel("-"))
        self.status = QLabel("Ready")
        start = QPushButton("Start")
        start.clicked.connect(self.start)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(start)
        side.addWidget(self.status)
        side.addStretch()
        layout = QHBoxLayout(self)
        layout.addWidget(Canvas(), 1)
        layout.addLayout(side)

    def start(self):
        # TODO: implement the particle swarm update
        print("Starting PSO...")
        self.status.setText("Running...")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Visualizer()
    window.show()
    sys.exit(app.exec())
