"""A survey with a Done button that ends the program with app.quit(): a normal way for a user to leave."""

import sys

from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton, QVBoxLayout, QWidget


class Survey(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Survey")
        self.liked = QCheckBox("I liked it")
        done = QPushButton("Done")
        done.clicked.connect(self.finish)
        layout = QVBoxLayout(self)
        layout.addWidget(self.liked)
        layout.addWidget(done)

    def finish(self):
        print("liked" if self.liked.isChecked() else "did not like")
        QApplication.quit()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Survey()
    window.show()
    sys.exit(app.exec())
