"""Convert lengths, masses and volumes; the category combo box picks the unit lists."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QWidget,
)

UNITS = {
    "Length": {
        "millimetre": 0.001,
        "centimetre": 0.01,
        "metre": 1.0,
        "kilometre": 1000.0,
        "inch": 0.0254,
        "foot": 0.3048,
        "mile": 1609.344,
    },
    "Mass": {"gram": 0.001, "kilogram": 1.0, "tonne": 1000.0, "ounce": 0.028349523, "pound": 0.45359237},
    "Volume": {
        "millilitre": 0.001,
        "litre": 1.0,
        "cubic metre": 1000.0,
        "US gallon": 3.785411784,
        "US cup": 0.2365882365,
    },
}


class UnitConverter(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Unit Converter")
        self.resize(380, 220)

        self.category = QComboBox()
        self.category.addItems(list(UNITS))
        self.category.currentIndexChanged.connect(self.category_changed)
        self.amount = QDoubleSpinBox()
        self.amount.setRange(-1e9, 1e9)
        self.amount.setDecimals(4)
        self.amount.setValue(1.0)
        self.amount.valueChanged.connect(self.convert)
        self.source = QComboBox()
        self.source.currentIndexChanged.connect(self.convert)
        self.target = QComboBox()
        self.target.currentIndexChanged.connect(self.convert)
        swap = QPushButton("Swap units")
        swap.clicked.connect(self.swap)
        self.result = QLabel()

        form = QFormLayout(self)
        form.addRow("Category", self.category)
        form.addRow("Amount", self.amount)
        form.addRow("From", self.source)
        form.addRow("To", self.target)
        form.addRow(swap)
        form.addRow("Result", self.result)
        self.category_changed(0)

    def category_changed(self, index):
        units = list(UNITS[self.category.itemText(index)])
        for box in (self.source, self.target):
            box.blockSignals(True)
            box.clear()
            box.addItems(units)
            box.blockSignals(False)
        self.target.setCurrentIndex(1)
        self.convert()

    def convert(self):
        factors = UNITS[self.category.currentText()]
        source, target = self.source.currentText(), self.target.currentText()
        if source not in factors or target not in factors:
            self.result.setText("")
            return
        value = self.amount.value() * factors[source] / factors[target]
        self.result.setText(f"{value:.6g} {target}")

    def swap(self):
        source, target = self.source.currentIndex(), self.target.currentIndex()
        self.source.blockSignals(True)
        self.source.setCurrentIndex(target)
        self.source.blockSignals(False)
        self.target.setCurrentIndex(source)
        self.convert()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = UnitConverter()
    window.show()
    sys.exit(app.exec())
