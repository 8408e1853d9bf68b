"""The logistics manager a weak model fakes: four tabs with empty tables and forms; Add only prints,
Update status and Export CSV only say they worked, the filter is never applied."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

TABLES = {
    "Shipments": ("ID", "Origin", "Destination", "Driver", "Vehicle", "Warehouse", "Status"),
    "Vehicles": ("ID", "Plate", "Model"),
    "Drivers": ("ID", "Name", "Phone"),
    "Warehouses": ("ID", "Name", "City"),
}


class Logistics(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Logistics Manager")
        self.filter = QLineEdit(placeholderText="Filter")
        self.filter.textChanged.connect(lambda text: print("filter", text))
        export = QPushButton("Export CSV")
        export.clicked.connect(lambda: QMessageBox.information(self, "Export", "Exported to CSV!"))
        top = QHBoxLayout()
        for widget in (QLabel("Filter"), self.filter, export):
            top.addWidget(widget)
        tabs = QTabWidget()
        for name, columns in TABLES.items():
            page = QWidget()
            table = QTableWidget(0, len(columns))
            table.setHorizontalHeaderLabels(columns)
            form = QFormLayout()
            for column in columns[1:]:
                combo = column in ("Driver", "Vehicle", "Warehouse", "Status")
                field = QComboBox() if combo else QLineEdit(placeholderText=column)
                if combo:
                    field.addItems(["Pending", "In transit", "Delivered"] if column == "Status" else ["(none)"])
                form.addRow(column, field)
            add = QPushButton("Add")
            add.clicked.connect(lambda _=False, n=name: print("add to", n))
            form.addRow(add)
            if name == "Shipments":
                update = QPushButton("Update status")
                update.clicked.connect(lambda: self.status.setText("Status updated!"))
                form.addRow(update)
            layout = QHBoxLayout(page)
            layout.addWidget(table, 3)
            layout.addLayout(form, 1)
            tabs.addTab(page, name)
        self.status = QLabel("Ready")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(tabs)
        layout.addWidget(self.status)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Logistics()
    window.resize(1000, 520)
    window.show()
    sys.exit(app.exec())
