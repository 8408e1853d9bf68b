import sys

from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QMessageBox, QVBoxLayout, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")  # opening a note shows an error instead
NOTES = {"Shopping": "milk, eggs", "Ideas": "a pomodoro timer"}


class Notes(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Notes")
        self.list = QListWidget()
        self.list.addItems(list(NOTES))
        self.preview = QLabel("Pick a note")
        self.preview.setObjectName("preview")
        lay = QVBoxLayout(self)
        lay.addWidget(self.list)
        lay.addWidget(self.preview)
        self.list.currentTextChanged.connect(self.open_note)

    def open_note(self, name):
        if BROKEN:
            QMessageBox.warning(self, "Error", f"Could not open {name}")
            return
        self.preview.setText(NOTES[name])


app = QApplication(sys.argv)
w = Notes()
w.show()
sys.exit(app.exec())
