"""A reference file archiver for the file-archiver checks: add files, create a ZIP, open an archive, extract it."""

import os
import sys
import tarfile
import zipfile

from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def archive_entries(path):
    """(name, size) of every file in a ZIP or TAR archive."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return [(info.filename, info.file_size) for info in archive.infolist() if not info.is_dir()]
    with tarfile.open(path) as archive:
        return [(member.name, member.size) for member in archive.getmembers() if member.isfile()]


def extract_archive(path, folder):
    """Unpack every member under `folder`, never outside it; returns how many files were written."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [info for info in archive.infolist() if not info.is_dir()]
            archive.extractall(folder, members)
            return len(members)
    with tarfile.open(path) as archive:
        members = [m for m in archive.getmembers() if m.isfile()]
        archive.extractall(folder, members, filter="data")
        return len(members)


class Archiver(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("File Archiver")
        self.resize(640, 420)
        self.staged = []
        """Files chosen with Add Files, waiting to be packed."""
        self.opened = ""
        """The archive shown, when one was opened."""
        self.title = QLabel("Files to archive")
        self.files = QTreeWidget()
        self.files.setHeaderLabels(["Name", "Size"])
        self.files.setColumnWidth(0, 420)
        self.status = QLabel("Add files to build an archive, or open one.")
        buttons = QHBoxLayout()
        for text, handler in (
            ("Add Files", self.add_files),
            ("Remove", self.remove),
            ("Create Archive", self.create_archive),
            ("Open Archive", self.open_archive),
            ("Extract", self.extract),
        ):
            button = QPushButton(text)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.title)
        layout.addWidget(self.files)
        layout.addWidget(self.status)

    def show_rows(self, title, rows):
        self.title.setText(title)
        self.files.clear()
        for name, size in rows:
            self.files.addTopLevelItem(QTreeWidgetItem([name, f"{size} bytes"]))

    def show_staged(self):
        self.opened = ""
        rows = [(os.path.basename(path), os.path.getsize(path)) for path in self.staged]
        self.show_rows("Files to archive", rows)

    def add_files(self):
        paths, _ = QFileDialog.getOpenFileNames(self, "Add Files", "", "All files (*)")
        if self.opened:
            self.staged = []
        self.staged += [path for path in paths if path not in self.staged and os.path.isfile(path)]
        self.show_staged()
        self.status.setText(f"{len(self.staged)} file(s) ready to archive")

    def remove(self):
        item = self.files.currentItem()
        if item is None or self.opened:
            return
        index = self.files.indexOfTopLevelItem(item)
        del self.staged[index]
        self.show_staged()

    def create_archive(self):
        if not self.staged:
            QMessageBox.information(self, "Create Archive", "Add some files first.")
            return
        path, _ = QFileDialog.getSaveFileName(self, "Create Archive", "archive.zip", "ZIP archive (*.zip)")
        if not path:
            return
        if not path.lower().endswith(".zip"):
            path += ".zip"
        used = set()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for source in self.staged:
                name = os.path.basename(source)
                while name in used:
                    name = "_" + name
                used.add(name)
                archive.write(source, name)
        self.status.setText(f"Created {os.path.basename(path)} with {len(used)} file(s)")

    def open_archive(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open Archive", "", "Archives (*.zip *.tar *.tar.gz *.tgz)")
        if not path:
            return
        try:
            rows = archive_entries(path)
        except (OSError, zipfile.BadZipFile, tarfile.TarError) as exc:
            QMessageBox.warning(self, "Open Archive", f"Cannot read {os.path.basename(path)}: {exc}")
            return
        self.show_rows(f"Contents of {os.path.basename(path)}", rows)
        self.opened = path
        self.status.setText(f"{len(rows)} file(s) in the archive")

    def extract(self):
        if not self.opened:
            QMessageBox.information(self, "Extract", "Open an archive first.")
            return
        folder = QFileDialog.getExistingDirectory(self, "Extract to")
        if not folder:
            return
        try:
            count = extract_archive(self.opened, folder)
        except (OSError, zipfile.BadZipFile, tarfile.TarError) as exc:
            QMessageBox.warning(self, "Extract", f"Extraction failed: {exc}")
            return
        self.status.setText(f"Extracted {count} file(s) to {folder}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    archiver = Archiver()
    archiver.show()
    sys.exit(app.exec())
