"""Generate random passwords with a chosen length and character classes; copy to the clipboard."""

import secrets
import string
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QWidget,
)

CLASSES = {
    "Lower-case letters": string.ascii_lowercase,
    "Upper-case letters": string.ascii_uppercase,
    "Digits": string.digits,
    "Symbols": "!#$%&*+-=?@^_~",
}


class PasswordGenerator(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Password Generator")
        self.resize(420, 300)

        self.length = QSpinBox()
        self.length.setRange(4, 64)
        self.length.setValue(16)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setRange(4, 64)
        self.slider.setValue(16)
        self.length.valueChanged.connect(self.slider.setValue)
        self.slider.valueChanged.connect(self.length_changed)

        self.boxes = {}
        form = QFormLayout(self)
        lengths = QHBoxLayout()
        lengths.addWidget(self.slider)
        lengths.addWidget(self.length)
        form.addRow("Length", lengths)
        for name in CLASSES:
            box = QCheckBox(name)
            box.setChecked(True)
            box.toggled.connect(self.classes_changed)
            self.boxes[name] = box
            form.addRow(box)

        self.output = QLineEdit()
        self.output.setReadOnly(True)
        generate = QPushButton("Generate")
        generate.clicked.connect(self.generate)
        copy = QPushButton("Copy")
        copy.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(generate)
        row.addWidget(copy)
        self.strength = QLabel()
        form.addRow("Password", self.output)
        form.addRow(row)
        form.addRow("Strength", self.strength)
        self.generate()

    def alphabet(self):
        return "".join(chars for name, chars in CLASSES.items() if self.boxes[name].isChecked())

    def length_changed(self, value):
        self.length.setValue(value)
        self.generate()

    def classes_changed(self):
        if not self.alphabet():
            self.boxes["Lower-case letters"].setChecked(True)
        self.generate()

    def generate(self):
        alphabet = self.alphabet()
        if not alphabet:
            return
        password = "".join(secrets.choice(alphabet) for _ in range(self.length.value()))
        self.output.setText(password)
        bits = self.length.value() * len(alphabet).bit_length()
        self.strength.setText("weak" if bits < 50 else "good" if bits < 90 else "strong")

    def copy(self):
        QApplication.clipboard().setText(self.output.text())
        self.strength.setText(self.strength.text().split(" ")[0] + " (copied)")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = PasswordGenerator()
    window.show()
    sys.exit(app.exec())
