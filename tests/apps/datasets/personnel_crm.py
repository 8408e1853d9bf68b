"""A reference personnel CRM: employees with contact details, position, department and notes in SQLite, a search
field and a department filter that narrow the table, and CSV export of the employees shown."""

import csv
import sqlite3
import sys
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

COLUMNS = ("Name", "Email", "Phone", "Position", "Department", "Notes")
ALL = "All departments"


class Crm(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Personnel CRM")
        self.db = sqlite3.connect(Path.home() / "personnel.db")
        self.db.execute(
            "create table if not exists employees"
            " (id integer primary key, name text, email text, phone text, position text, department text, notes text)"
        )
        self.inputs = {column: QLineEdit() for column in COLUMNS[:-1]}
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        form = QFormLayout()
        for column, field in self.inputs.items():
            form.addRow(column, field)
        form.addRow("Notes", self.notes)
        add, delete, export = QPushButton("Add"), QPushButton("Delete"), QPushButton("Export CSV")
        add.clicked.connect(self.add)
        delete.clicked.connect(self.delete)
        export.clicked.connect(self.export)
        buttons = QHBoxLayout()
        for button in (add, delete, export):
            buttons.addWidget(button)
        self.search = QLineEdit(placeholderText="Search")
        self.search.textChanged.connect(self.refresh)
        self.department = QComboBox()
        self.department.currentTextChanged.connect(self.refresh)
        filters = QHBoxLayout()
        filters.addWidget(self.search)
        filters.addWidget(QLabel("Department filter"))
        filters.addWidget(self.department)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.shown_ids = []
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        self.resize(900, 600)
        self.fill_departments()
        self.refresh()

    def fill_departments(self):
        current = self.department.currentText() or ALL
        names = [row[0] for row in self.db.execute("select distinct department from employees where department != ''")]
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItems([ALL, *sorted(names, key=str.casefold)])
        self.department.setCurrentText(current if current in names else ALL)
        self.department.blockSignals(False)

    def rows(self):
        """The employees the search and the department filter let through."""
        query, arguments = "select * from employees where 1", []
        if self.department.currentText() not in ("", ALL):
            query += " and department = ?"
            arguments.append(self.department.currentText())
        term = self.search.text().strip()
        if term:
            query += " and (" + " or ".join(f"{c} like ?" for c in COLUMNS) + ")"
            arguments += [f"%{term}%"] * len(COLUMNS)
        return self.db.execute(query + " order by name collate nocase", arguments).fetchall()

    def refresh(self):
        rows = self.rows()
        self.shown_ids = [row[0] for row in rows]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row[1:]):
                self.table.setItem(r, c, QTableWidgetItem(value))
        total = self.db.execute("select count(*) from employees").fetchone()[0]
        self.count.setText(f"Showing {len(rows)} of {total} employees")

    def add(self):
        values = [self.inputs[c].text().strip() for c in COLUMNS[:-1]] + [self.notes.toPlainText().strip()]
        if not values[0]:
            QMessageBox.information(self, "Add employee", "Please enter a name.")
            return
        self.db.execute("insert into employees values (null, ?, ?, ?, ?, ?, ?)", values)
        self.db.commit()
        for field in self.inputs.values():
            field.clear()
        self.notes.clear()
        self.fill_departments()
        self.refresh()

    def delete(self):
        row = self.table.currentRow()
        if 0 <= row < len(self.shown_ids):
            self.db.execute("delete from employees where id = ?", (self.shown_ids[row],))
            self.db.commit()
            self.fill_departments()
            self.refresh()

    def export(self):
        path, _ = QFileDialog.getSaveFileName(self, "Export CSV", "employees.csv", "CSV files (*.csv)")
        if not path:
            return
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            writer.writerows(row[1:] for row in self.rows())
        self.count.setText(f"Exported {len(self.rows())} employees to {Path(path).name}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Crm()
    window.show()
    sys.exit(app.exec())
