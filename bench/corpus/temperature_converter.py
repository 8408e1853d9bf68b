"""Convert temperatures between Celsius, Fahrenheit and Kelvin; press Enter to convert."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QWidget,
)

SCALES = ("Celsius", "Fahrenheit", "Kelvin")


def to_celsius(value, scale):
    if scale == "Fahrenheit":
        return (value - 32) * 5 / 9
    if scale == "Kelvin":
        return value - 273.15
    return value


def from_celsius(value, scale):
    if scale == "Fahrenheit":
        return value * 9 / 5 + 32
    if scale == "Kelvin":
        return value + 273.15
    return value


class Converter(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Temperature Converter")
        self.resize(380, 360)

        self.entry = QLineEdit()
        self.entry.setPlaceholderText("e.g. 21.5")
        self.entry.returnPressed.connect(self.convert)

        self.group = QButtonGroup(self)
        scales = QHBoxLayout()
        for index, name in enumerate(SCALES):
            button = QRadioButton(name)
            button.setChecked(index == 0)
            self.group.addButton(button, index)
            scales.addWidget(button)
        self.group.idToggled.connect(self.scale_toggled)

        convert = QPushButton("Convert")
        convert.clicked.connect(self.convert)
        clear = QPushButton("Clear")
        clear.clicked.connect(self.clear)
        self.history = QListWidget()
        self.history.itemDoubleClicked.connect(self.reload)
        self.results = {name: QLabel("—") for name in SCALES}

        form = QFormLayout(self)
        form.addRow("Temperature", self.entry)
        form.addRow("Given in", scales)
        buttons = QHBoxLayout()
        buttons.addWidget(convert)
        buttons.addWidget(clear)
        form.addRow(buttons)
        for name, label in self.results.items():
            form.addRow(name, label)
        self.status = QLabel("")
        form.addRow(self.status)
        form.addRow("History", self.history)

    def scale_toggled(self, button_id, checked):
        if checked and self.entry.text().strip():
            self.convert()

    def convert(self):
        text = self.entry.text().strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            self.status.setText("Please type a number.")
            return
        scale = SCALES[self.group.checkedId()]
        celsius = to_celsius(value, scale)
        if celsius < -273.15:
            self.status.setText("That is below absolute zero.")
            return
        self.status.setText("")
        for name, label in self.results.items():
            label.setText(f"{from_celsius(celsius, name):.2f}")
        self.history.insertItem(0, f"{value:g} {scale}")

    def clear(self):
        self.entry.clear()
        self.status.setText("")
        for label in self.results.values():
            label.setText("—")

    def reload(self, item):
        value, scale = item.text().split(" ", 1)
        self.entry.setText(value)
        self.group.button(SCALES.index(scale)).setChecked(True)
        self.convert()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Converter()
    window.show()
    sys.exit(app.exec())
