"""The XLSX to CSV converter a weak model fakes: files can be added and options picked, but Convert only prints
and pops a "Conversion complete!" box; nothing is written and the progress bar never moves."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class Converter(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("XLSX to CSV Converter")
        add, convert = QPushButton("Add files"), QPushButton("Convert")
        add.clicked.connect(self.add_files)
        convert.clicked.connect(self.convert)
        self.inputs = QListWidget()
        self.delimiter, self.encoding = QComboBox(), QComboBox()
        self.delimiter.addItems(["Comma (,)", "Semicolon (;)", "Tab", "Pipe (|)"])
        self.encoding.addItems(["UTF-8", "UTF-16", "Latin-1 (ISO-8859-1)", "Windows-1252"])
        options = QHBoxLayout()
        for widget in (QLabel("Delimiter"), self.delimiter, QLabel("Encoding"), self.encoding):
            options.addWidget(widget)
        self.progress = QProgressBar()
        layout = QVBoxLayout(self)
        for widget in (add, self.inputs, convert, self.progress):
            layout.addWidget(widget)
        layout.addLayout(options)

    def add_files(self):
        paths, _ = QFileDialog.getOpenFileNames(self, "Add Excel files", "", "Excel files (*.xlsx)")
        self.inputs.addItems(paths)

    def convert(self):
        # TODO: read each sheet and write it as CSV
        print("Converting", self.inputs.count(), "files with", self.delimiter.currentText())
        QMessageBox.information(self, "Done", "Conversion complete!")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Converter()
    window.show()
    sys.exit(app.exec())
