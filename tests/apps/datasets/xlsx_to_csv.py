"""A reference batch XLSX to CSV converter: reads workbooks with the standard library only (zipfile and
ElementTree), writes every sheet as <workbook>_<sheet>.csv next to its workbook (or into a chosen folder),
with the chosen delimiter and encoding, and a progress bar over all the sheets."""

import csv
import posixpath
import re
import sys
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DOC_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
DELIMITERS = {"Comma (,)": ",", "Semicolon (;)": ";", "Tab": "\t", "Pipe (|)": "|"}
ENCODINGS = {
    "UTF-8": "utf-8",
    "UTF-8 with BOM": "utf-8-sig",
    "UTF-16": "utf-16",
    "Latin-1 (ISO-8859-1)": "latin-1",
    "Windows-1252": "cp1252",
}


def column_index(ref):
    """'C7' -> 2: the letters of a cell reference as a zero-based column."""
    number = 0
    for letter in re.match(r"[A-Z]+", ref).group():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def cell_text(cell, shared):
    kind, value = cell.get("t", "n"), cell.find(f"{MAIN}v")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(f"{MAIN}t"))
    if value is None or value.text is None:
        return ""
    if kind == "s":
        return shared[int(value.text)]
    if kind == "b":
        return "TRUE" if value.text == "1" else "FALSE"
    text = value.text
    if kind == "n" and re.fullmatch(r"-?\d+\.0+", text):
        text = text.split(".")[0]
    return text


def read_workbook(path):
    """[(sheet name, rows)] for every sheet of an .xlsx file, in workbook order."""
    with zipfile.ZipFile(path) as book:
        names = set(book.namelist())
        shared = []
        if "xl/sharedStrings.xml" in names:
            strings = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in item.iter(f"{MAIN}t")) for item in strings.iter(f"{MAIN}si")]
        links = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
        targets = {link.get("Id"): link.get("Target") for link in links.iter(f"{REL}Relationship")}
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
        sheets = []
        for sheet in workbook.iter(f"{MAIN}sheet"):
            target = targets[sheet.get(DOC_REL_ID)]
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            rows = []
            for row in ElementTree.fromstring(book.read(part)).iter(f"{MAIN}row"):
                values = []
                for position, cell in enumerate(row.iter(f"{MAIN}c")):
                    index = column_index(cell.get("r")) if cell.get("r") else position
                    values += [""] * (index - len(values))
                    values.append(cell_text(cell, shared))
                rows.append(values)
            sheets.append((sheet.get("name"), rows))
        return sheets


class Converter(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("XLSX to CSV Converter")
        self.files, self.output = [], None
        add, clear = QPushButton("Add files"), QPushButton("Clear")
        folder, convert = QPushButton("Output folder"), QPushButton("Convert")
        add.clicked.connect(self.add_files)
        clear.clicked.connect(self.clear)
        folder.clicked.connect(self.choose_output)
        convert.clicked.connect(self.convert)
        self.inputs = QListWidget()
        self.delimiter, self.encoding = QComboBox(), QComboBox()
        self.delimiter.addItems(DELIMITERS)
        self.encoding.addItems(ENCODINGS)
        options = QHBoxLayout()
        for widget in (QLabel("Delimiter"), self.delimiter, QLabel("Encoding"), self.encoding, folder):
            options.addWidget(widget)
        top = QHBoxLayout()
        for widget in (add, clear, convert):
            top.addWidget(widget)
        self.progress = QProgressBar()
        self.results = QListWidget()
        self.status = QLabel("Add .xlsx files, pick a delimiter and an encoding, then Convert.")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel("Workbooks"))
        layout.addWidget(self.inputs)
        layout.addLayout(options)
        layout.addWidget(self.progress)
        layout.addWidget(QLabel("Written CSV files"))
        layout.addWidget(self.results)
        layout.addWidget(self.status)
        self.resize(640, 520)

    def add_files(self):
        paths, _ = QFileDialog.getOpenFileNames(self, "Add Excel files", str(Path.home()), "Excel files (*.xlsx)")
        for path in paths:
            if path not in self.files:
                self.files.append(path)
                self.inputs.addItem(path)

    def clear(self):
        self.files.clear()
        self.inputs.clear()
        self.results.clear()
        self.progress.setValue(0)

    def choose_output(self):
        folder = QFileDialog.getExistingDirectory(self, "Output folder")
        if folder:
            self.output = folder
            self.status.setText(f"CSV files go to {folder}")

    def convert(self):
        if not self.files:
            self.status.setText("Add some .xlsx files first.")
            return
        delimiter = DELIMITERS[self.delimiter.currentText()]
        encoding = ENCODINGS[self.encoding.currentText()]
        books, problems = [], []
        for path in self.files:
            try:
                books.append((Path(path), read_workbook(path)))
            except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError) as exc:
                problems.append(f"{Path(path).name}: not a readable workbook ({exc})")
        total = sum(len(sheets) for _, sheets in books)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.results.clear()
        done = 0
        for path, sheets in books:
            for name, rows in sheets:
                folder = Path(self.output) if self.output else path.parent
                safe_name = re.sub(r"[^\w.-]+", "_", name)
                target = folder / f"{path.stem}_{safe_name}.csv"
                with open(target, "w", newline="", encoding=encoding, errors="replace") as handle:
                    csv.writer(handle, delimiter=delimiter).writerows(rows)
                self.results.addItem(target.name)
                done += 1
                self.progress.setValue(done)
                QApplication.processEvents()
        self.progress.setValue(self.progress.maximum() if done else 0)
        self.status.setText("; ".join(problems) or f"Converted {done} sheet(s) from {len(books)} workbook(s).")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Converter()
    window.show()
    sys.exit(app.exec())
