"""The personnel CRM a weak model fakes: the form, table, search and filter are there, but Add only prints,
the search and filter do nothing and Export pops an "Exported!" box without writing a file."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

COLUMNS = ("Name", "Email", "Phone", "Position", "Department", "Notes")


class Crm(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Personnel CRM")
        form = QFormLayout()
        self.inputs = {column: QLineEdit() for column in COLUMNS[:-1]}
        for column, field in self.inputs.items():
            form.addRow(column, field)
        form.addRow("Notes", QPlainTextEdit())
        add, export = QPushButton("Add"), QPushButton("Export CSV")
        add.clicked.connect(self.add)
        export.clicked.connect(lambda: QMessageBox.information(self, "Export", "Exported!"))
        search = QLineEdit(placeholderText="Search")
        search.textChanged.connect(lambda text: None)  # TODO: filter the table
        department = QComboBox()
        department.addItems(["All departments", "Sales", "Engineering", "Finance"])
        row = QHBoxLayout()
        for widget in (add, export, search, department):
            row.addWidget(widget)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.table)

    def add(self):
        print("Adding employee", self.inputs["Name"].text())
        QMessageBox.information(self, "Add", "Employee added!")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Crm()
    window.show()
    sys.exit(app.exec())
