"""A form: a line edit and a button that checks the age typed in, coping with text that is not a number."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class AgeForm(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Age check")
        self.age = QLineEdit()
        self.age.setPlaceholderText("Your age")
        self.age.returnPressed.connect(self.check_age)
        self.result = QLabel("Type your age and press Check")
        button = QPushButton("Check")
        button.clicked.connect(self.check_age)
        layout = QVBoxLayout(self)
        layout.addWidget(self.age)
        layout.addWidget(button)
        layout.addWidget(self.result)

    def check_age(self):
        try:
            age = int(self.age.text())
        except ValueError:
            self.result.setText("Please type a whole number")
            return
        self.result.setText("Adult" if age >= 18 else "Minor")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = AgeForm()
    window.show()
    sys.exit(app.exec())
