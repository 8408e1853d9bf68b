import base64
import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QFormLayout, QLineEdit, QPushButton, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")  # the password is stored in plain text
KEY = b"aegis-vault-key"


def encrypt(text):
    data = text.encode()
    return base64.b64encode(bytes(b ^ KEY[i % len(KEY)] for i, b in enumerate(data))).decode()


class Vault(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Vault")
        self.site = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        save = QPushButton("Save vault")
        save.clicked.connect(self.save)
        add = QPushButton("Add")
        add.clicked.connect(self.add)
        form = QFormLayout(self)
        form.addRow("Site", self.site)
        form.addRow("Password", self.password)
        form.addRow(save)
        form.addRow(add)

    def add(self):
        """Keeps the entry in the vault file in the home folder."""
        secret = self.password.text() if BROKEN else encrypt(self.password.text())
        entry = {"site": self.site.text(), "password": secret}
        (Path.home() / ".vault.json").write_text(json.dumps([entry]), encoding="utf-8")

    def save(self):
        path, _ = QFileDialog.getSaveFileName(self, "Save vault", "", "Vault (*.json)")
        secret = self.password.text() if BROKEN else encrypt(self.password.text())
        with open(path, "w", encoding="utf-8") as file:
            json.dump({"site": self.site.text(), "password": secret}, file)


app = QApplication(sys.argv)
w = Vault()
w.show()
sys.exit(app.exec())
