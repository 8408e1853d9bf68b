"""Body-mass index in metric or imperial units, with the WHO category."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

CATEGORIES = [(18.5, "Underweight"), (25.0, "Normal weight"), (30.0, "Overweight"), (float("inf"), "Obese")]


class BmiCalculator(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("BMI Calculator")
        self.resize(340, 240)

        self.metric_units = QRadioButton("Metric (kg, cm)")
        self.metric_units.setChecked(True)
        imperial = QRadioButton("Imperial (lb, in)")
        units = QButtonGroup(self)
        units.addButton(self.metric_units)
        units.addButton(imperial)
        self.metric_units.toggled.connect(self.units_changed)

        self.weight_box = QDoubleSpinBox()
        self.height_box = QDoubleSpinBox()
        for box in (self.weight_box, self.height_box):
            box.setDecimals(1)
            box.setRange(1, 1000)
        self.weight_box.setValue(70)
        self.height_box.setValue(175)

        compute = QPushButton("Compute")
        compute.clicked.connect(self.compute)
        reset = QPushButton("Reset")
        reset.clicked.connect(self.reset)
        self.result = QLabel("")
        self.category = QLabel("")

        unit_row = QHBoxLayout()
        unit_row.addWidget(self.metric_units)
        unit_row.addWidget(imperial)
        buttons = QHBoxLayout()
        buttons.addWidget(compute)
        buttons.addWidget(reset)
        self.form = QFormLayout(self)
        self.form.addRow(unit_row)
        self.form.addRow("Weight", self.weight_box)
        self.form.addRow("Height", self.height_box)
        self.form.addRow(buttons)
        self.form.addRow("BMI", self.result)
        self.form.addRow("Category", self.category)
        self.units_changed(True)

    def units_changed(self, metric):
        self.weight_box.setSuffix(" kg" if metric else " lb")
        self.height_box.setSuffix(" cm" if metric else " in")
        self.result.setText("")
        self.category.setText("")

    def bmi(self):
        weight, height = self.weight_box.value(), self.height_box.value()
        if self.metric_units.isChecked():
            return weight / (height / 100) ** 2
        return 703 * weight / height**2

    def compute(self):
        value = self.bmi()
        label = next(name for limit, name in CATEGORIES if value < limit)
        self.result.setText(f"{value:.1f}")
        self.category.setText(label)

    def reset(self):
        self.metric_units.setChecked(True)
        self.weight_box.setValue(70)
        self.height_box.setValue(175)
        self.units_changed(True)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = BmiCalculator()
    window.show()
    sys.exit(app.exec())
