"""The key-value store a weak model fakes: the same console and admin table, but every command is only
echoed with "OK", nothing is stored, and Save and Delete only print."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


class Admin(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("KV Store")
        self.output = QPlainTextEdit(readOnly=True)
        self.output.setAccessibleName("Console")
        self.command = QLineEdit(placeholderText="Command")
        self.command.returnPressed.connect(self.execute)
        console = QGroupBox("Console")
        box = QVBoxLayout(console)
        box.addWidget(self.output)
        box.addWidget(self.command)
        keys = QTableWidget(0, 3)
        keys.setAccessibleName("Keys")
        keys.setHorizontalHeaderLabels(["Key", "Type", "TTL"])
        value = QPlainTextEdit()
        value.setAccessibleName("Value")
        save, delete = QPushButton("Save"), QPushButton("Delete")
        save.clicked.connect(lambda: print("TODO: save the value"))
        delete.clicked.connect(lambda: print("TODO: delete the key"))
        admin = QVBoxLayout()
        admin.addWidget(QLabel("Keys"))
        admin.addWidget(keys)
        admin.addWidget(value)
        admin.addWidget(save)
        admin.addWidget(delete)
        layout = QHBoxLayout(self)
        layout.addWidget(console, 1)
        layout.addLayout(admin, 1)

    def execute(self):
        line = self.command.text().strip()
        self.command.clear()
        if line:
            self.output.appendPlainText(f"> {line}\nOK")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Admin()
    window.show()
    sys.exit(app.exec())
