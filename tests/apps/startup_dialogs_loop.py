import sys

from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QLineEdit, QMessageBox

app = QApplication(sys.argv)
while True:
    password, ok = QInputDialog.getText(None, "Unlock", "Password (20+ characters):", QLineEdit.EchoMode.Password)
    if not ok:
        sys.exit(0)
    if len(password) >= 20:
        break
    QMessageBox.warning(None, "Unlock", "Too short")
label = QLabel("unlocked")
label.show()
sys.exit(app.exec())
