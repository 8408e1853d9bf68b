"""The CSV to JSON converter a weak model fakes: it opens the CSV and shows it raw; Convert and Save only report."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class Converter(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("CSV to nested JSON")
        self.resize(760, 560)
        self.group_by = QLineEdit()
        self.group_by.setPlaceholderText("columns in order, e.g. region, city")
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.status = QLabel("Open a CSV file to begin.")
        top = QHBoxLayout()
        for text, handler in (("Open CSV", self.open_csv), ("Convert", self.convert), ("Save JSON", self.save)):
            button = QPushButton(text)
            button.clicked.connect(handler)
            top.addWidget(button)
        group_row = QHBoxLayout()
        group_row.addWidget(QLabel("Group by"))
        group_row.addWidget(self.group_by)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(group_row)
        layout.addWidget(QLabel("JSON preview"))
        layout.addWidget(self.preview)
        layout.addWidget(self.status)

    def open_csv(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open CSV", "", "CSV files (*.csv)")
        if path:
            with open(path, encoding="utf-8") as handle:
                self.preview.setPlainText(handle.read())

    def convert(self):
        print("grouping by", self.group_by.text())  # TODO: build the nested JSON
        self.status.setText("Converted!")

    def save(self):
        QMessageBox.information(self, "Save JSON", "JSON saved successfully!")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    converter = Converter()
    converter.show()
    sys.exit(app.exec())
