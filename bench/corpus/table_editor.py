"""An expense table: add and delete rows, edit cells, and see the total update."""

import sys

from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

SAMPLE = [("Coffee", "3.20"), ("Train ticket", "12.40"), ("Lunch", "9.90")]


class TableEditor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Expenses")
        self.resize(460, 380)

        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Item", "Amount"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.cellChanged.connect(self.cell_changed)
        self.table.itemSelectionChanged.connect(self.selection_changed)

        add = QPushButton("Add row")
        add.clicked.connect(self.add_row)
        self.delete = QPushButton("Delete row")
        self.delete.clicked.connect(self.delete_row)
        self.delete.setEnabled(False)
        sort = QPushButton("Sort by amount")
        sort.clicked.connect(self.sort_by_amount)
        self.total = QLabel()

        buttons = QHBoxLayout()
        for widget in (add, self.delete, sort):
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.total)
        for name, amount in SAMPLE:
            self.append(name, amount)
        self.update_total()

    def append(self, name, amount):
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(amount))
        self.table.blockSignals(False)

    def amount(self, row):
        item = self.table.item(row, 1)
        try:
            return float(item.text()) if item else 0.0
        except ValueError:
            return None

    def add_row(self):
        self.append("New item", "0.00")
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.update_total()

    def delete_row(self):
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self.update_total()

    def selection_changed(self):
        self.delete.setEnabled(bool(self.table.selectedIndexes()))

    def cell_changed(self, row, column):
        if column == 1 and self.amount(row) is None:
            self.total.setText(f"Row {row + 1}: amount must be a number")
            return
        self.update_total()

    def sort_by_amount(self):
        rows = [
            (self.table.item(r, 0).text() if self.table.item(r, 0) else "", self.amount(r) or 0.0)
            for r in range(self.table.rowCount())
        ]
        rows.sort(key=lambda pair: pair[1], reverse=True)
        self.table.setRowCount(0)
        for name, amount in rows:
            self.append(name, f"{amount:.2f}")
        self.update_total()

    def update_total(self):
        amounts = [self.amount(row) for row in range(self.table.rowCount())]
        total = sum(a for a in amounts if a is not None)
        self.total.setText(f"{len(amounts)} items, total {total:.2f}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = TableEditor()
    window.show()
    sys.exit(app.exec())
