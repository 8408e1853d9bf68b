import sys

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton, QTextEdit, QVBoxLayout, QWidget


class Notes(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Notes")
        layout = QVBoxLayout(self)
        self.text = QTextEdit()
        layout.addWidget(self.text)
        for label, handler in (("Save", self.save), ("About", self.about), ("Clear", self.clear)):
            button = QPushButton(label)
            button.clicked.connect(handler)
            layout.addWidget(button)

    def save(self):
        # TODO: remember the last folder
        path, _ = QFileDialog.getSaveFileName(self, "Save", "", "Text (*.txt)")
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(self.text.toPlainText())
            QMessageBox.information(self, "Saved", f"Saved to {path}")

    def about(self):
        QMessageBox.about(self, "About", "A small notes app")

    def clear(self):
        self.text.clear()

    def closeEvent(self, event):  # noqa: N802 - Qt's name
        pass


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Notes()
    window.show()
    sys.exit(app.exec())
