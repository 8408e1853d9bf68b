"""A three-step setup wizard on a QStackedWidget: account, preferences, summary."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

STEPS = ["Account", "Preferences", "Summary"]


class SetupWizard(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Setup")
        self.resize(440, 300)
        self.finished = False

        self.step_label = QLabel()
        self.pages = QStackedWidget()

        account = QWidget()
        self.user = QLineEdit()
        self.user.textChanged.connect(self.update_buttons)
        self.server = QComboBox()
        self.server.addItems(["eu.example.org", "us.example.org", "asia.example.org"])
        account_form = QFormLayout(account)
        account_form.addRow("User name", self.user)
        account_form.addRow("Server", self.server)

        preferences = QWidget()
        self.updates = QCheckBox("Install updates automatically")
        self.updates.setChecked(True)
        self.telemetry = QCheckBox("Share crash reports")
        pref_layout = QVBoxLayout(preferences)
        pref_layout.addWidget(self.updates)
        pref_layout.addWidget(self.telemetry)
        pref_layout.addStretch()

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        for page in (account, preferences, self.summary):
            self.pages.addWidget(page)

        self.back = QPushButton("Back")
        self.back.clicked.connect(self.go_back)
        self.forward = QPushButton("Next")
        self.forward.clicked.connect(self.go_forward)
        cancel = QPushButton("Start over")
        cancel.clicked.connect(self.start_over)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch()
        buttons.addWidget(self.back)
        buttons.addWidget(self.forward)

        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.pages)
        layout.addLayout(buttons)
        self.pages.currentChanged.connect(self.page_changed)
        self.page_changed(0)

    def page_changed(self, index):
        self.step_label.setText(f"Step {index + 1} of {len(STEPS)}: {STEPS[index]}")
        if index == len(STEPS) - 1:
            self.summary.setText(
                f"User <b>{self.user.text().strip()}</b> on {self.server.currentText()}.<br>"
                f"Automatic updates: {'on' if self.updates.isChecked() else 'off'}; "
                f"crash reports: {'on' if self.telemetry.isChecked() else 'off'}."
            )
        self.update_buttons()

    def update_buttons(self):
        index = self.pages.currentIndex()
        last = index == len(STEPS) - 1
        self.back.setEnabled(index > 0 and not self.finished)
        self.forward.setText("Finish" if last else "Next")
        self.forward.setEnabled(not self.finished and (index != 0 or bool(self.user.text().strip())))

    def go_back(self):
        self.pages.setCurrentIndex(max(0, self.pages.currentIndex() - 1))

    def go_forward(self):
        index = self.pages.currentIndex()
        if index < len(STEPS) - 1:
            self.pages.setCurrentIndex(index + 1)
            return
        self.finished = True
        self.step_label.setText("All set. You can close this window.")
        self.update_buttons()

    def start_over(self):
        self.finished = False
        self.user.clear()
        self.pages.setCurrentIndex(0)
        self.update_buttons()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = SetupWizard()
    window.show()
    sys.exit(app.exec())
