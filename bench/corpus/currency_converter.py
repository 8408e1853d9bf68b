"""Convert between currencies at fixed example rates (no network)."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QWidget,
)

# Units of each currency per one euro; fixed sample figures.
RATES = {"EUR": 1.0, "USD": 1.08, "GBP": 0.85, "JPY": 162.0, "CHF": 0.95, "SEK": 11.4, "INR": 90.1}


class CurrencyConverter(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Currency Converter")
        self.resize(420, 360)

        self.amount = QDoubleSpinBox()
        self.amount.setRange(0, 1e9)
        self.amount.setDecimals(2)
        self.amount.setValue(100)
        self.result = QLabel()
        self.rate = QLabel()
        self.source = QComboBox()
        self.target = QComboBox()
        for box in (self.source, self.target):
            box.addItems(list(RATES))
            box.currentIndexChanged.connect(self.convert)
        self.target.setCurrentText("USD")
        self.amount.valueChanged.connect(self.convert)

        swap = QPushButton("⇄ Swap")
        swap.clicked.connect(self.swap)
        keep = QPushButton("Keep")
        keep.clicked.connect(self.keep)
        self.kept = QListWidget()
        self.kept.itemDoubleClicked.connect(self.forget)

        grid = QGridLayout(self)
        grid.addWidget(QLabel("Amount"), 0, 0)
        grid.addWidget(self.amount, 0, 1, 1, 2)
        grid.addWidget(self.source, 1, 0)
        grid.addWidget(swap, 1, 1)
        grid.addWidget(self.target, 1, 2)
        grid.addWidget(self.result, 2, 0, 1, 3)
        grid.addWidget(self.rate, 3, 0, 1, 3)
        grid.addWidget(keep, 4, 0, 1, 3)
        grid.addWidget(self.kept, 5, 0, 1, 3)
        self.convert()

    def converted(self):
        source, target = self.source.currentText(), self.target.currentText()
        return self.amount.value() / RATES[source] * RATES[target]

    def convert(self):
        source, target = self.source.currentText(), self.target.currentText()
        self.result.setText(f"{self.amount.value():,.2f} {source} = {self.converted():,.2f} {target}")
        self.rate.setText(f"1 {source} = {RATES[target] / RATES[source]:.4f} {target}")

    def swap(self):
        source = self.source.currentIndex()
        self.source.setCurrentIndex(self.target.currentIndex())
        self.target.setCurrentIndex(source)

    def keep(self):
        self.kept.addItem(self.result.text())

    def forget(self, item):
        self.kept.takeItem(self.kept.row(item))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = CurrencyConverter()
    window.show()
    sys.exit(app.exec())
