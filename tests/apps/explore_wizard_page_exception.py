"""A set-up wizard: the second page's Test connection button is broken."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWizard, QWizardPage


class Welcome(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle("Welcome")
        QVBoxLayout(self).addWidget(QLabel("This wizard sets up your mail account."))


class Server(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle("Server")
        test = QPushButton("Test connection")
        test.clicked.connect(self.test_connection)
        QVBoxLayout(self).addWidget(test)

    def test_connection(self):
        return {"host": "mail.example.org"}["port"]


app = QApplication(sys.argv)
wizard = QWizard()
wizard.setWindowTitle("Mail set-up")
wizard.addPage(Welcome())
wizard.addPage(Server())
wizard.show()
sys.exit(app.exec())
