"""A reference CSV to nested JSON converter for the csv-to-json checks: open a CSV, name the columns to group
by (in order), preview the nested JSON and save it."""

import csv
import json
import os
import sys

from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def typed(value):
    """A cell as JSON would want it: a whole number, a decimal, or the text itself."""
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


def nest(rows, columns):
    """Rows grouped level by level: {value of columns[0]: {value of columns[1]: [rest of the row, ...]}}."""
    if not columns:
        return rows
    first, rest = columns[0], columns[1:]
    groups = {}
    for row in rows:
        groups.setdefault(row[first], []).append({k: v for k, v in row.items() if k != first})
    return {key: nest(members, rest) for key, members in groups.items()}


class Converter(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("CSV to nested JSON")
        self.resize(760, 560)
        self.rows, self.columns = [], []
        self.columns_list = QListWidget()
        self.columns_list.setMaximumHeight(110)
        self.columns_list.itemDoubleClicked.connect(self.add_column)
        self.group_by = QLineEdit()
        self.group_by.setPlaceholderText("columns in order, e.g. region, city")
        self.group_by.returnPressed.connect(self.convert)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.status = QLabel("Open a CSV file to begin.")
        top = QHBoxLayout()
        for text, handler in (("Open CSV", self.open_csv), ("Convert", self.convert), ("Save JSON", self.save)):
            button = QPushButton(text)
            button.clicked.connect(handler)
            top.addWidget(button)
        top.addStretch()
        group_row = QHBoxLayout()
        group_row.addWidget(QLabel("Group by"))
        group_row.addWidget(self.group_by)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel("Columns (double-click to group by one)"))
        layout.addWidget(self.columns_list)
        layout.addLayout(group_row)
        layout.addWidget(QLabel("JSON preview"))
        layout.addWidget(self.preview)
        layout.addWidget(self.status)

    def open_csv(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open CSV", "", "CSV files (*.csv);;All files (*)")
        if not path:
            return
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            self.rows = [{k: typed(v or "") for k, v in row.items() if k is not None} for row in reader]
            self.columns = list(reader.fieldnames or [])
        self.columns_list.clear()
        self.columns_list.addItems(self.columns)
        self.group_by.clear()
        self.status.setText(f"{len(self.rows)} rows, {len(self.columns)} columns from {os.path.basename(path)}")
        self.convert()

    def add_column(self, item):
        chosen = self.chosen_columns()
        if item.text() not in chosen:
            self.group_by.setText(", ".join([*chosen, item.text()]))
            self.convert()

    def chosen_columns(self):
        return [name.strip() for name in self.group_by.text().split(",") if name.strip()]

    def result(self):
        """The nested JSON text, or None (with the reason in the status line) when it cannot be built."""
        if not self.columns:
            self.status.setText("Open a CSV file first.")
            return None
        chosen = self.chosen_columns()
        unknown = [name for name in chosen if name not in self.columns]
        if unknown:
            self.status.setText(f"Unknown column: {', '.join(unknown)} (columns: {', '.join(self.columns)})")
            return None
        return json.dumps(nest(self.rows, chosen), indent=2, ensure_ascii=False)

    def convert(self):
        text = self.result()
        if text is not None:
            self.preview.setPlainText(text)
            levels = len(self.chosen_columns())
            self.status.setText(f"Grouped {len(self.rows)} rows into {levels} level(s)")

    def save(self):
        text = self.result()
        if text is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save JSON", "grouped.json", "JSON files (*.json)")
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.status.setText(f"Saved {os.path.basename(path)}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    converter = Converter()
    converter.show()
    sys.exit(app.exec())
