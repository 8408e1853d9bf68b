import sys

from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

BROKEN = sys.argv[0].endswith("_broken.py")  # Add does nothing


class W(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Todo")
        row = QHBoxLayout()
        row.addWidget(QLabel("Task:"))
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("What needs doing?")
        row.addWidget(self.edit)
        add = QPushButton("&Add")
        add.clicked.connect(self.add)
        row.addWidget(add)
        self.list = QListWidget()
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.list)
        self.edit.returnPressed.connect(self.add)

    def add(self):
        if self.edit.text().strip() and not BROKEN:
            self.list.addItem(self.edit.text())
            self.edit.clear()


app = QApplication(sys.argv)
w = W()
w.show()
sys.exit(app.exec())
