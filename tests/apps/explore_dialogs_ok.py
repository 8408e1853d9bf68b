"""Buttons that open standard dialogs: a message box, a file chooser and a text prompt; each copes with Cancel."""

import sys
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class Dialogs(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Dialogs")
        self.status = QLabel("Ready")
        layout = QVBoxLayout(self)
        for text, slot in [("About", self.about), ("Open file", self.open_file), ("Rename", self.rename)]:
            button = QPushButton(text)
            button.clicked.connect(slot)
            layout.addWidget(button)
        layout.addWidget(self.status)

    def about(self):
        QMessageBox.information(self, "About Dialogs", "Dialogs 1.0, a demo")

    def open_file(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open a text file", "", "Text files (*.txt)")
        if not path:
            self.status.setText("No file chosen")
            return
        self.status.setText(Path(path).read_text(encoding="utf-8")[:100])

    def rename(self):
        name, ok = QInputDialog.getText(self, "Rename", "New name:")
        if ok and name:
            self.setWindowTitle(name)
        else:
            self.status.setText("Name unchanged")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Dialogs()
    window.show()
    sys.exit(app.exec())
