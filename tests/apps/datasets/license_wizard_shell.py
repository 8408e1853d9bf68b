"""The license wizard a weak model fakes: the questions, a name field and the buttons are there, but Recommend
only sets a status text and Save LICENSE only pops up a "saved" message; no license is chosen or written."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class Wizard(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Open Source License Wizard")
        left = QVBoxLayout()
        left.addWidget(QLabel("How may others use your code?"))
        for option in ("Require sharing changes", "Include patent grant", "Cover network use"):
            left.addWidget(QCheckBox(option))
        left.addWidget(QLabel("Name"))
        left.addWidget(QLineEdit(placeholderText="Name"))
        self.result = QLabel("Answer the questions, then press Recommend.")
        go, save = QPushButton("Recommend"), QPushButton("Save LICENSE")
        go.clicked.connect(lambda: self.result.setText("Your recommendation is ready!"))
        save.clicked.connect(lambda: QMessageBox.information(self, "Saved", "LICENSE file saved."))
        for widget in (go, save, self.result):
            left.addWidget(widget)
        left.addStretch()
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(QPlainTextEdit(readOnly=True, placeholderText="The LICENSE text appears here"), 3)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Wizard()
    window.resize(1000, 560)
    window.show()
    sys.exit(app.exec())
