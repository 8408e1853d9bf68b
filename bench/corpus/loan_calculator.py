"""Monthly repayments for a loan, with an amortisation table for the first years."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def monthly_payment(principal, yearly_rate, months):
    rate = yearly_rate / 100 / 12
    if rate == 0:
        return principal / months
    return principal * rate / (1 - (1 + rate) ** -months)


class LoanCalculator(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Loan Calculator")
        self.resize(520, 520)

        self.principal = QDoubleSpinBox()
        self.principal.setRange(100, 10_000_000)
        self.principal.setSingleStep(1000)
        self.principal.setValue(200_000)
        self.rate = QDoubleSpinBox()
        self.rate.setRange(0, 25)
        self.rate.setSingleStep(0.1)
        self.rate.setSuffix(" %")
        self.rate.setValue(4.5)
        self.years = QSpinBox()
        self.years.setRange(1, 40)
        self.years.setValue(25)
        self.years_slider = QSlider(Qt.Horizontal)
        self.years_slider.setRange(1, 40)
        self.years_slider.setValue(25)
        self.years_slider.valueChanged.connect(self.years.setValue)
        self.years.valueChanged.connect(self.years_changed)
        self.principal.valueChanged.connect(self.recalculate)
        self.rate.valueChanged.connect(self.recalculate)

        self.payment = QLabel()
        self.interest = QLabel()
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Year", "Paid", "Interest", "Balance"])
        self.table.itemSelectionChanged.connect(self.row_selected)
        self.note = QLabel()

        years_row = QHBoxLayout()
        years_row.addWidget(self.years_slider)
        years_row.addWidget(self.years)
        form = QFormLayout()
        form.addRow("Amount", self.principal)
        form.addRow("Interest", self.rate)
        form.addRow("Years", years_row)
        form.addRow("Monthly payment", self.payment)
        form.addRow("Total interest", self.interest)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        self.recalculate()

    def years_changed(self, years):
        self.years_slider.blockSignals(True)
        self.years_slider.setValue(years)
        self.years_slider.blockSignals(False)
        self.recalculate()

    def recalculate(self):
        principal, rate, months = self.principal.value(), self.rate.value(), self.years.value() * 12
        payment = monthly_payment(principal, rate, months)
        self.payment.setText(f"{payment:,.2f}")
        self.interest.setText(f"{payment * months - principal:,.2f}")
        self.fill_table(principal, rate / 100 / 12, payment)

    def fill_table(self, balance, monthly_rate, payment):
        years = min(self.years.value(), 10)
        self.table.setRowCount(years)
        for year in range(years):
            interest = 0.0
            for _ in range(12):
                charge = balance * monthly_rate
                interest += charge
                balance = max(0.0, balance + charge - payment)
            values = [str(year + 1), f"{payment * 12:,.0f}", f"{interest:,.0f}", f"{balance:,.0f}"]
            for column, value in enumerate(values):
                self.table.setItem(year, column, QTableWidgetItem(value))

    def row_selected(self):
        rows = {index.row() for index in self.table.selectedIndexes()}
        if rows:
            year = min(rows) + 1
            self.note.setText(f"After year {year}: balance {self.table.item(year - 1, 3).text()}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = LoanCalculator()
    window.show()
    sys.exit(app.exec())
