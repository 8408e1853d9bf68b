import sys

from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLabel, QLineEdit, QMessageBox

app = QApplication(sys.argv)
password, ok = QInputDialog.getText(None, "Unlock", "Master password:", QLineEdit.EchoMode.Password)
if not ok or not password:
    sys.exit(0)
if QMessageBox.question(None, "Vault", "Create a new vault?") != QMessageBox.StandardButton.Yes:
    sys.exit(0)
path, _ = QFileDialog.getOpenFileName(None, "Open vault", "", "Vault (*.txt)")
label = QLabel(f"Unlocked with {len(password)} characters; vault {path.rsplit('/', 1)[-1]}")
label.setWindowTitle("Vault")
label.show()
sys.exit(app.exec())
