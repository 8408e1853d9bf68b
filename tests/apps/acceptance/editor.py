import sys

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QPlainTextEdit

BROKEN = sys.argv[0].endswith("_broken.py")


class W(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Editor")
        self.edit = QPlainTextEdit()
        self.setCentralWidget(self.edit)
        menu = self.menuBar().addMenu("&File")
        save = QAction("&Save...", self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.triggered.connect(self.save)
        menu.addAction(save)
        op = QAction("&Open...", self)
        op.triggered.connect(self.open)
        menu.addAction(op)

    def save(self):
        path, _ = QFileDialog.getSaveFileName(self, "Save file", "", "Text files (*.txt);;All files (*)")
        if path and not BROKEN:
            with open(path, "w") as f:
                f.write(self.edit.toPlainText())
            QMessageBox.information(self, "Saved", f"Saved to {path}")

    def open(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open", "", "Text (*.txt)")
        if path:
            with open(path) as f:
                self.edit.setPlainText(f.read())


app = QApplication(sys.argv)
w = W()
w.show()
sys.exit(app.exec())
