"""A unit converter that starts in Celsius; choosing Kelvin raises, because its formula was never added."""

import sys

from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QVBoxLayout, QWidget

FORMULAS = {"Celsius": lambda c: c, "Fahrenheit": lambda c: c * 9 / 5 + 32}


class Converter(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Converter")
        self.unit = QComboBox()
        self.unit.addItems(["Celsius", "Fahrenheit", "Kelvin"])
        self.unit.currentTextChanged.connect(self.convert)
        self.result = QLabel("20 Celsius")
        layout = QVBoxLayout(self)
        layout.addWidget(self.unit)
        layout.addWidget(self.result)

    def convert(self, unit):
        self.result.setText(f"{FORMULAS[unit](20)} {unit}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Converter()
    window.show()
    sys.exit(app.exec())
