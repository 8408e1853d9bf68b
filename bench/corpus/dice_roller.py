"""Roll tabletop dice (d4 to d100) with a modifier; keeps a history of rolls."""

import random
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

DICE = [4, 6, 8, 10, 12, 20, 100]


class DiceRoller(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Dice Roller")
        self.resize(360, 420)
        self.rng = random.Random()

        self.count = QSpinBox()
        self.count.setRange(1, 20)
        self.count.setSuffix(" dice")
        self.sides = QComboBox()
        self.sides.addItems([f"d{n}" for n in DICE])
        self.sides.setCurrentIndex(1)
        self.modifier = QSpinBox()
        self.modifier.setRange(-20, 20)
        self.modifier.setPrefix("mod ")
        for widget in (self.count, self.modifier):
            widget.valueChanged.connect(self.describe)
        self.sides.currentIndexChanged.connect(self.describe)

        self.result = QLabel("—")
        self.result.setAlignment(Qt.AlignCenter)
        font = QFont()
        font.setPointSize(30)
        self.result.setFont(font)
        self.formula = QLabel()
        self.formula.setAlignment(Qt.AlignCenter)

        roll = QPushButton("Roll")
        roll.clicked.connect(self.roll)
        clear = QPushButton("Clear history")
        clear.clicked.connect(self.clear_history)
        self.history = QListWidget()
        self.history.itemDoubleClicked.connect(self.reroll_from_history)

        options = QHBoxLayout()
        for widget in (self.count, self.sides, self.modifier):
            options.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(roll)
        buttons.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(self.formula)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        layout.addWidget(self.history)
        self.describe()

    def notation(self):
        mod = self.modifier.value()
        suffix = f"{mod:+d}" if mod else ""
        return f"{self.count.value()}{self.sides.currentText()}{suffix}"

    def describe(self):
        self.formula.setText(self.notation())

    def roll(self):
        sides = DICE[self.sides.currentIndex()]
        faces = [self.rng.randint(1, sides) for _ in range(self.count.value())]
        total = sum(faces) + self.modifier.value()
        self.result.setText(str(total))
        item = QListWidgetItem(f"{self.notation()}: {faces} → {total}")
        item.setData(Qt.UserRole, (self.count.value(), self.sides.currentIndex(), self.modifier.value()))
        self.history.insertItem(0, item)

    def reroll_from_history(self, item):
        count, sides_index, modifier = item.data(Qt.UserRole)
        self.count.setValue(count)
        self.sides.setCurrentIndex(sides_index)
        self.modifier.setValue(modifier)
        self.roll()

    def clear_history(self):
        self.history.clear()
        self.result.setText("—")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = DiceRoller()
    window.show()
    sys.exit(app.exec())
