"""The textbook shape: a main() that ends with sys.exit(app.exec())."""

import sys

from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget


def main():
    app = QApplication(sys.argv)
    window = QWidget()
    window.setWindowTitle("Todo")
    layout = QVBoxLayout(window)
    layout.addWidget(QLineEdit())
    layout.addWidget(QPushButton("Add"))
    layout.addWidget(QListWidget())
    layout.addWidget(QCheckBox("Hide done"))
    window.show()
    sys.exit(app.exec())


if __name__ == "__main__":
    main()
