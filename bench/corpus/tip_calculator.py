"""Split a restaurant bill: amount, tip percentage and number of people."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)


class TipCalculator(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Tip Calculator")
        self.resize(340, 320)

        self.bill = QDoubleSpinBox()
        self.bill.setRange(0, 100000)
        self.bill.setPrefix("$ ")
        self.bill.setValue(48.50)
        self.tip = QSpinBox()
        self.tip.setRange(0, 50)
        self.tip.setSuffix(" %")
        self.tip.setValue(15)
        self.people = QSpinBox()
        self.people.setRange(1, 40)
        self.round_up = QCheckBox("Round each share up to a whole dollar")

        for box in (self.bill, self.tip, self.people):
            box.valueChanged.connect(self.recalculate)
        self.round_up.toggled.connect(self.recalculate)

        presets = QHBoxLayout()
        for percent in (10, 15, 20):
            button = QPushButton(f"{percent}%")
            button.clicked.connect(lambda checked=False, p=percent: self.use_preset(p))
            presets.addWidget(button)

        reset = QPushButton("Reset")
        reset.clicked.connect(self.reset)
        copy = QPushButton("Copy summary")
        copy.clicked.connect(self.copy_summary)
        actions = QHBoxLayout()
        actions.addWidget(reset)
        actions.addWidget(copy)
        self.copied = QLabel("")

        self.tip_amount = QLabel()
        self.total = QLabel()
        self.share = QLabel()

        form = QFormLayout(self)
        form.addRow("Bill", self.bill)
        form.addRow("Tip", self.tip)
        form.addRow("Presets", presets)
        form.addRow("People", self.people)
        form.addRow(self.round_up)
        form.addRow("Tip amount", self.tip_amount)
        form.addRow("Total", self.total)
        form.addRow("Each pays", self.share)
        form.addRow(actions)
        form.addRow(self.copied)
        self.recalculate()

    def use_preset(self, percent):
        self.tip.setValue(percent)

    def reset(self):
        self.bill.setValue(0)
        self.tip.setValue(15)
        self.people.setValue(1)
        self.round_up.setChecked(False)

    def copy_summary(self):
        summary = f"Bill {self.bill.value():.2f}, tip {self.tip.value()}%, each pays {self.share.text()}"
        QApplication.clipboard().setText(summary)
        self.copied.setText("Copied to clipboard.")

    def recalculate(self):
        bill = self.bill.value()
        tip = bill * self.tip.value() / 100
        total = bill + tip
        share = total / self.people.value()
        if self.round_up.isChecked():
            share = float(-(-share // 1))
        self.tip_amount.setText(f"$ {tip:.2f}")
        self.total.setText(f"$ {total:.2f}")
        self.share.setText(f"$ {share:.2f}")
        self.copied.setText("")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = TipCalculator()
    window.show()
    sys.exit(app.exec())
