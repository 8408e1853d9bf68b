"""A tabbed preferences window: General, Appearance and Privacy, with Apply and Restore Defaults."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

DEFAULTS = {"name": "", "autosave": True, "interval": 5, "theme": 0, "tracking": False, "history": True}
THEMES = ("Light", "Sepia", "High contrast")


class Settings(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Preferences")
        self.resize(420, 320)
        self.applied = dict(DEFAULTS)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.general_tab(), "General")
        self.tabs.addTab(self.appearance_tab(), "Appearance")
        self.tabs.addTab(self.privacy_tab(), "Privacy")
        self.tabs.currentChanged.connect(self.tab_changed)

        buttons = QDialogButtonBox(QDialogButtonBox.Apply | QDialogButtonBox.RestoreDefaults)
        buttons.button(QDialogButtonBox.Apply).clicked.connect(self.apply)
        buttons.button(QDialogButtonBox.RestoreDefaults).clicked.connect(self.restore_defaults)
        self.status = QLabel("")

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        layout.addWidget(self.status)
        self.load(DEFAULTS)

    def general_tab(self):
        page = QWidget()
        self.name = QLineEdit()
        self.autosave = QCheckBox("Save automatically")
        self.autosave.toggled.connect(self.autosave_toggled)
        self.interval = QSpinBox()
        self.interval.setRange(1, 60)
        self.interval.setSuffix(" min")
        form = QFormLayout(page)
        form.addRow("Display name", self.name)
        form.addRow(self.autosave)
        form.addRow("Every", self.interval)
        return page

    def appearance_tab(self):
        page = QWidget()
        self.theme = QButtonGroup(page)
        layout = QVBoxLayout(page)
        for index, name in enumerate(THEMES):
            button = QRadioButton(name)
            self.theme.addButton(button, index)
            layout.addWidget(button)
        self.theme.idClicked.connect(self.theme_chosen)
        self.preview = QLabel("The quick brown fox jumps over the lazy dog.")
        layout.addWidget(self.preview)
        layout.addStretch()
        return page

    def privacy_tab(self):
        page = QWidget()
        self.tracking = QCheckBox("Send anonymous usage statistics")
        self.history = QCheckBox("Remember recent files")
        layout = QVBoxLayout(page)
        layout.addWidget(self.tracking)
        layout.addWidget(self.history)
        layout.addStretch()
        return page

    def load(self, values):
        self.name.setText(values["name"])
        self.autosave.setChecked(values["autosave"])
        self.interval.setValue(values["interval"])
        self.interval.setEnabled(values["autosave"])
        self.theme.button(values["theme"]).setChecked(True)
        self.theme_chosen(values["theme"])
        self.tracking.setChecked(values["tracking"])
        self.history.setChecked(values["history"])

    def autosave_toggled(self, on):
        self.interval.setEnabled(on)

    def theme_chosen(self, index):
        styles = (
            "background: #ffffff; color: #111111;",
            "background: #f4ecd8; color: #3b2f1e;",
            "background: #000000; color: #ffff00;",
        )
        self.preview.setStyleSheet(styles[index] + " padding: 8px;")

    def tab_changed(self, index):
        self.status.setText(f"Editing {self.tabs.tabText(index)} settings")

    def apply(self):
        self.applied = {
            "name": self.name.text().strip(),
            "autosave": self.autosave.isChecked(),
            "interval": self.interval.value(),
            "theme": self.theme.checkedId(),
            "tracking": self.tracking.isChecked(),
            "history": self.history.isChecked(),
        }
        self.status.setText(f"Applied: theme {THEMES[self.applied['theme']]}")

    def restore_defaults(self):
        self.load(DEFAULTS)
        self.status.setText("Defaults restored (not yet applied)")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Settings()
    window.show()
    sys.exit(app.exec())
