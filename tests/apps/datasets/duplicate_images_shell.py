"""The duplicate image finder a weak model fakes: it asks for a folder and says "Scan complete", but finds nothing,
and the delete buttons only pop a "Deleted!" box."""

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


class Finder(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Duplicate Image Finder")
        buttons = QHBoxLayout()
        for text, slot in (("Scan folder", self.scan), ("Delete", self.delete), ("Delete duplicates", self.delete)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["File", "Match", "Size"])
        middle = QHBoxLayout()
        middle.addWidget(self.tree)
        middle.addWidget(QLabel("Preview"))
        self.status = QLabel("Choose a folder to scan.")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(middle)
        layout.addWidget(self.status)

    def scan(self):
        folder = QFileDialog.getExistingDirectory(self, "Choose a folder to scan")
        # TODO: compute perceptual hashes and group the images
        print("Scanning", folder)
        self.status.setText("Scan complete!")

    def delete(self):
        QMessageBox.information(self, "Delete", "Deleted!")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Finder()
    window.show()
    sys.exit(app.exec())
