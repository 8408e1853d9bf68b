"""A reference password manager for the middle dataset's checks: an encrypted local vault and a generator.

The vault, ~/.password_vault.json, keeps sites and usernames in the clear and every password encrypted with
the standard library only: PBKDF2-HMAC-SHA256 derives the keys from the master password (asked for the first
time a password is added or copied) and a random salt, an HMAC-SHA256 keystream (counter mode) encrypts, and
an HMAC-SHA256 tag detects a wrong master password or a changed file. "Generate" fills the Password field
with a random password from `secrets`.
"""

import base64
import hashlib
import hmac
import json
import secrets
import string
import sys
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

VAULT = Path.home() / ".password_vault.json"
ITERATIONS = 200_000
ALPHABET = string.ascii_letters + string.digits + "!@#$%^&*()-_=+[]{}?"


class Vault:
    """Sites and usernames in the clear, each password encrypted under keys derived from the master password."""

    def __init__(self):
        stored = json.loads(VAULT.read_text(encoding="utf-8")) if VAULT.exists() else {}
        self.salt = base64.b64decode(stored["salt"]) if stored else secrets.token_bytes(16)
        self.entries = stored.get("entries", [])
        self.keys = None

    def unlock(self, master):
        key = hashlib.pbkdf2_hmac("sha256", master.encode(), self.salt, ITERATIONS)
        self.keys = [hmac.new(key, purpose, hashlib.sha256).digest() for purpose in (b"encrypt", b"authenticate")]
        try:
            for entry in self.entries[:1]:
                self.decrypt(entry)
        except ValueError:
            self.keys = None
            raise

    def keystream(self, nonce, length):
        blocks = (
            hmac.new(self.keys[0], nonce + n.to_bytes(8, "big"), hashlib.sha256).digest()
            for n in range(length // 32 + 1)
        )
        return b"".join(blocks)[:length]

    def encrypt(self, password):
        plain, nonce = password.encode("utf-8"), secrets.token_bytes(16)
        data = bytes(a ^ b for a, b in zip(plain, self.keystream(nonce, len(plain)), strict=True))
        tag = hmac.new(self.keys[1], nonce + data, hashlib.sha256).digest()
        return base64.b64encode(nonce + tag + data).decode()

    def decrypt(self, entry):
        blob = base64.b64decode(entry["secret"])
        nonce, tag, data = blob[:16], blob[16:48], blob[48:]
        if not hmac.compare_digest(tag, hmac.new(self.keys[1], nonce + data, hashlib.sha256).digest()):
            raise ValueError("Wrong master password, or the vault was changed.")
        return bytes(a ^ b for a, b in zip(data, self.keystream(nonce, len(data)), strict=True)).decode("utf-8")

    def save(self):
        stored = {"salt": base64.b64encode(self.salt).decode(), "entries": self.entries}
        VAULT.write_text(json.dumps(stored, indent=1), encoding="utf-8")
        VAULT.chmod(0o600)


class PasswordManager(QWidget):
    def __init__(self):
        super().__init__()
        self.vault = Vault()
        self.setWindowTitle("Password Manager")
        self.site, self.user = QLineEdit(placeholderText="Site"), QLineEdit(placeholderText="Username")
        self.password = QLineEdit(placeholderText="Password", echoMode=QLineEdit.EchoMode.Password)
        show = QCheckBox("Show")
        show.toggled.connect(
            lambda on: self.password.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        )
        self.length = QSpinBox(minimum=8, maximum=64, value=16)
        form = QFormLayout()
        form.addRow("Site", self.site)
        form.addRow("Username", self.user)
        row = QHBoxLayout()
        row.addWidget(self.password)
        row.addWidget(show)
        form.addRow("Password", row)
        form.addRow("Length", self.length)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Site", "Username", "Password"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        buttons = QHBoxLayout()
        for text, slot in (
            ("Generate", self.generate),
            ("Add", self.add),
            ("Copy Password", self.copy),
            ("Delete", self.delete),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.status = QLabel(f"Vault: {VAULT} (encrypted)")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.refresh()

    def generate(self):
        while True:
            password = "".join(secrets.choice(ALPHABET) for _ in range(self.length.value()))
            kinds = (string.ascii_lowercase, string.ascii_uppercase, string.digits)
            if all(any(c in kind for c in password) for kind in kinds):
                break
        self.password.setText(password)
        self.status.setText(f"Generated a {len(password)}-character password")

    def add(self):
        site, password = self.site.text().strip(), self.password.text()
        if not site or not password:
            self.status.setText("Enter a site and a password first")
            return
        if not self.unlocked():
            return
        self.vault.entries = [e for e in self.vault.entries if e["site"] != site]
        self.vault.entries.append(
            {"site": site, "username": self.user.text().strip(), "secret": self.vault.encrypt(password)}
        )
        self.vault.save()
        for field in (self.site, self.user, self.password):
            field.clear()
        self.refresh()
        self.status.setText(f"Saved {site} to the encrypted vault")

    def refresh(self):
        self.table.setRowCount(0)
        for entry in sorted(self.vault.entries, key=lambda e: e["site"].casefold()):
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate((entry["site"], entry["username"], "\N{BULLET}" * 8)):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def selected(self):
        row = self.table.currentRow()
        site = self.table.item(row, 0).text() if row >= 0 and self.table.item(row, 0) else None
        return next((e for e in self.vault.entries if e["site"] == site), None)

    def copy(self):
        entry = self.selected()
        if entry is not None and self.unlocked():
            QApplication.clipboard().setText(self.vault.decrypt(entry))
            self.status.setText(f"Copied the password for {entry['site']}")

    def unlocked(self):
        """Ask for the master password once per session (a new vault takes the first one given)."""
        while self.vault.keys is None:
            prompt = "Master password:" if self.vault.entries else "Choose a master password for the new vault:"
            master, ok = QInputDialog.getText(self, "Master Password", prompt, QLineEdit.EchoMode.Password)
            if not ok:
                return False
            try:
                if master:
                    self.vault.unlock(master)
            except ValueError as exc:
                QMessageBox.warning(self, "Locked", str(exc))
        return True

    def delete(self):
        entry = self.selected()
        if entry is not None:
            self.vault.entries.remove(entry)
            self.vault.save()
            self.refresh()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = PasswordManager()
    window.show()
    sys.exit(app.exec())
