"""A small stock list: receive and sell items, flag low stock, filter to what needs reordering."""

import sys

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

LOW = 5


class Inventory(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Inventory")
        self.resize(560, 420)
        self.stock = {"Bolts M6": 120, "Nuts M6": 80, "Washers": 4, "Hinges": 12, "Brackets": 2}

        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Item", "Quantity"])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.cellDoubleClicked.connect(self.pick_row)

        self.name = QLineEdit()
        self.name.setPlaceholderText("Item name")
        self.name.returnPressed.connect(self.receive)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 1000)
        receive = QPushButton("Receive")
        receive.clicked.connect(self.receive)
        sell = QPushButton("Sell")
        sell.clicked.connect(self.sell)
        self.low_only = QCheckBox(f"Only items below {LOW}")
        self.low_only.toggled.connect(self.refresh)
        self.message = QLabel()

        entry = QHBoxLayout()
        for widget in (self.name, self.quantity, receive, sell):
            entry.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.low_only)
        layout.addWidget(self.table)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self):
        rows = [(n, q) for n, q in sorted(self.stock.items()) if q < LOW or not self.low_only.isChecked()]
        self.table.setRowCount(len(rows))
        for row, (name, quantity) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            cell = QTableWidgetItem(str(quantity))
            if quantity < LOW:
                cell.setBackground(QColor("#ffcdd2"))
                cell.setForeground(QColor("#000000"))
            self.table.setItem(row, 1, cell)
        low = sum(1 for q in self.stock.values() if q < LOW)
        self.message.setText(f"{len(self.stock)} items, {low} low on stock")

    def pick_row(self, row, column):
        self.name.setText(self.table.item(row, 0).text())

    def receive(self):
        name = self.name.text().strip()
        if not name:
            self.message.setText("Type an item name.")
            return
        self.stock[name] = self.stock.get(name, 0) + self.quantity.value()
        self.refresh()

    def sell(self):
        name = self.name.text().strip()
        if name not in self.stock:
            self.message.setText(f"No item called {name!r}.")
            return
        wanted = self.quantity.value()
        if wanted > self.stock[name]:
            self.message.setText(f"Only {self.stock[name]} {name} in stock.")
            return
        self.stock[name] -= wanted
        self.refresh()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Inventory()
    window.show()
    sys.exit(app.exec())
