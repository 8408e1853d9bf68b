# Written by the embedded model (easy bench, 2026-12-03): Start shows one step down, and its QTimer is never
# connected, so the countdown stops there. The old check (one change after Start) passed it. Imports tidied by ruff.
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMainWindow, QPushButton, QVBoxLayout, QWidget


class MainWindow(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Timer")
        self.setGeometry(100, 100, 300, 200)

        self.label = QLabel("5", self)
        self.label.setFont(QFont("Arial", 48))
        self.label.setAlignment(Qt.AlignCenter)

        self.start_button = QPushButton("Start", self)
        self.start_button.clicked.connect(self.start_timer)

        self.input_field = QLineEdit(self)
        self.input_field.setPlaceholderText("Type a number")
        self.input_field.setAlignment(Qt.AlignCenter)

        layout = QVBoxLayout()
        layout.addWidget(self.label)
        layout.addWidget(self.start_button)
        layout.addWidget(self.input_field)

        central_widget = QWidget()
        central_widget.setLayout(layout)
        self.setCentralWidget(central_widget)

        self.timer = QTimer(self)  # Assign timer in __init__

    @Slot()
    def start_timer(self):
        if not self.input_field.text():
            self.label.setText("0")
            return
        current_time = int(self.input_field.text())
        if current_time > 0:
            self.label.setText(str(current_time - 1))
            self.timer.start(1000)  # Set timer to trigger every second
        else:
            self.label.setText("0")
            self.timer.stop()


if __name__ == "__main__":
    import sys

    app = QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sys.exit(app.exec())
