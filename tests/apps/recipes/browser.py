"""A simple browser, built the way the recipe says: QtWebEngine is not installed, so a QTextBrowser shows the pages
and keeps the history that Back and Forward walk."""

import sys

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Browser")
        self.address = QLineEdit()
        self.view = QTextBrowser()
        row = QHBoxLayout()
        for text, slot in (("Back", self.view.backward), ("Forward", self.view.forward), ("Go", self.go)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addWidget(self.address)
        self.address.returnPressed.connect(self.go)
        self.view.sourceChanged.connect(lambda url: self.address.setText(url.toString()))
        layout = QVBoxLayout()
        layout.addLayout(row)
        layout.addWidget(self.view)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)

    def go(self) -> None:
        self.view.setSource(QUrl.fromUserInput(self.address.text()))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sys.exit(app.exec())
