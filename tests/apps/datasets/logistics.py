"""A reference logistics manager: shipments, vehicles, drivers and warehouses in editable tables, shipments
linked to the others by id, a status per shipment, a filter over the current table and CSV export."""

import csv
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

STATUSES = ("Pending", "In transit", "Delivered", "Delayed")
TABLES = {
    "Shipments": ("ID", "Origin", "Destination", "Driver", "Vehicle", "Warehouse", "Status"),
    "Vehicles": ("ID", "Plate", "Model"),
    "Drivers": ("ID", "Name", "Phone"),
    "Warehouses": ("ID", "Name", "City"),
}
LINKS = {"Driver": "Drivers", "Vehicle": "Vehicles", "Warehouse": "Warehouses"}
"""Shipment columns that hold the id of a row in another table."""
EDITABLE = {"Origin", "Destination", "Plate", "Model", "Name", "Phone", "City"}


class Logistics(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Logistics Manager")
        self.rows = {name: [] for name in TABLES}
        self.next_id = 1
        self.filter = QLineEdit(placeholderText="Filter")
        self.filter.textChanged.connect(lambda: self.refresh(self.current()))
        export = QPushButton("Export CSV")
        export.clicked.connect(self.export)
        top = QHBoxLayout()
        top.addWidget(QLabel("Filter"))
        top.addWidget(self.filter)
        top.addWidget(export)
        self.tabs = QTabWidget()
        self.tables, self.inputs, self.links = {}, {}, {}
        for name, columns in TABLES.items():
            self.tabs.addTab(self.page(name, columns), name)
        self.tabs.currentChanged.connect(lambda: self.refresh(self.current()))
        self.status = QLabel("Add drivers, vehicles and warehouses, then shipments that use them.")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        self.refresh_links()

    def page(self, name, columns):
        page = QWidget()
        table = QTableWidget(0, len(columns))
        table.setHorizontalHeaderLabels(columns)
        table.setAccessibleName(f"{name} table")
        table.itemChanged.connect(lambda item, n=name: self.edited(n, item))
        form = QFormLayout()
        self.inputs[name] = {}
        for column in columns:
            if column in LINKS:
                field = self.links.setdefault(column, QComboBox())
            elif column == "Status":
                field = self.status_box = QComboBox()
                field.addItems(STATUSES)
            elif column == "ID":
                continue
            else:
                field = QLineEdit(placeholderText=column)
            form.addRow(column, field)
            self.inputs[name][column] = field
        buttons = QHBoxLayout()
        add = QPushButton("Add")
        add.clicked.connect(lambda: self.add(name))
        buttons.addWidget(add)
        if name == "Shipments":
            update = QPushButton("Update status")
            update.clicked.connect(self.update_status)
            buttons.addWidget(update)
        form.addRow(buttons)
        layout = QHBoxLayout(page)
        layout.addWidget(table, 3)
        layout.addLayout(form, 1)
        self.tables[name] = table
        return page

    def current(self):
        return self.tabs.tabText(self.tabs.currentIndex())

    def add(self, name):
        row = {"ID": str(self.next_id)}
        for column, field in self.inputs[name].items():
            row[column] = (
                (field.currentData() or "")
                if column in LINKS
                else (field.currentText() if isinstance(field, QComboBox) else field.text().strip())
            )
        if not any(row[c] for c in self.inputs[name] if c in EDITABLE):
            self.status.setText(f"Fill in the {name.lower()} fields first.")
            return
        self.next_id += 1
        self.rows[name].append(row)
        for field in self.inputs[name].values():
            if isinstance(field, QLineEdit):
                field.clear()
        self.refresh_links()
        self.refresh(name)
        self.status.setText(f"Added to {name}.")

    def label(self, table, ident):
        """How a linked row reads in a shipment: its name or plate."""
        row = next((r for r in self.rows[table] if r["ID"] == ident), None)
        return "" if row is None else row.get("Name") or row.get("Plate") or ""

    def shown(self, name, row):
        return [self.label(LINKS[c], row[c]) if c in LINKS else row[c] for c in TABLES[name]]

    def visible_rows(self, name):
        wanted = self.filter.text().strip().casefold()
        return [r for r in self.rows[name] if not wanted or any(wanted in v.casefold() for v in self.shown(name, r))]

    def refresh(self, name):
        table = self.tables[name]
        table.blockSignals(True)
        rows = self.visible_rows(name)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, (column, text) in enumerate(zip(TABLES[name], self.shown(name, row), strict=True)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row["ID"])
                if column not in EDITABLE:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(r, c, item)
        table.blockSignals(False)

    def refresh_links(self):
        for column, box in self.links.items():
            chosen = box.currentData()
            box.clear()
            box.addItem("(none)", "")
            for row in self.rows[LINKS[column]]:
                box.addItem(self.label(LINKS[column], row["ID"]), row["ID"])
            box.setCurrentIndex(max(0, box.findData(chosen)))

    def edited(self, name, item):
        column = TABLES[name][item.column()]
        row = next(r for r in self.rows[name] if r["ID"] == item.data(Qt.ItemDataRole.UserRole))
        row[column] = item.text().strip()
        if name != "Shipments":
            self.refresh_links()
            self.refresh("Shipments")
        self.status.setText(f"{name}: {column} changed to {row[column]!r}.")

    def update_status(self):
        table = self.tables["Shipments"]
        item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
        if item is None:
            self.status.setText("Select a shipment first.")
            return
        row = next(r for r in self.rows["Shipments"] if r["ID"] == item.data(Qt.ItemDataRole.UserRole))
        row["Status"] = self.status_box.currentText()
        self.refresh("Shipments")
        self.status.setText(f"Shipment {row['ID']} is now {row['Status']}.")

    def export(self):
        name = self.current()
        path, _ = QFileDialog.getSaveFileName(self, "Export CSV", f"{name.lower()}.csv", "CSV files (*.csv)")
        if not path:
            return
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(TABLES[name])
            writer.writerows(self.shown(name, row) for row in self.visible_rows(name))
        self.status.setText(f"Exported {name} to {path}.")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Logistics()
    window.resize(1000, 520)
    window.show()
    sys.exit(app.exec())
