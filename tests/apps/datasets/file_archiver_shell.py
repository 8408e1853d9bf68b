"""The file archiver a weak model fakes: the buttons and the file table are there, the handlers only report."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)


class Archiver(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("File Archiver")
        self.resize(640, 420)
        self.files = QTreeWidget()
        self.files.setHeaderLabels(["Name", "Size"])
        self.status = QLabel("Ready")
        buttons = QHBoxLayout()
        for text, handler in (
            ("Add Files", self.add_files),
            ("Create Archive", self.create_archive),
            ("Open Archive", self.open_archive),
            ("Extract", self.extract),
        ):
            button = QPushButton(text)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.files)
        layout.addWidget(self.status)

    def add_files(self):
        paths, _ = QFileDialog.getOpenFileNames(self, "Add Files")
        print("selected", paths)  # TODO: show them in the table
        self.status.setText(f"{len(paths)} file(s) selected")

    def create_archive(self):
        print("Creating archive...")
        QMessageBox.information(self, "Create Archive", "Archive created successfully!")

    def open_archive(self):
        print("Opening archive...")
        self.status.setText("Archive opened")

    def extract(self):
        pass  # TODO: extraction


if __name__ == "__main__":
    app = QApplication(sys.argv)
    archiver = Archiver()
    archiver.show()
    sys.exit(app.exec())
