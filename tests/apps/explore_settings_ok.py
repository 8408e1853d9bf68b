"""A settings panel: check boxes, radio buttons, a combo box, a spin box and a slider, all updating a summary."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSlider,
    QSpinBox,
    QWidget,
)


class Settings(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Settings")
        self.sound = QCheckBox("Sound")
        self.updates = QCheckBox("Automatic updates")
        self.light = QRadioButton("Light theme")
        self.dark = QRadioButton("Dark theme")
        self.light.setChecked(True)
        self.language = QComboBox()
        self.language.addItems(["English", "Deutsch", "Français"])
        self.font_size = QSpinBox()
        self.font_size.setRange(8, 32)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.summary = QLabel()
        layout = QFormLayout(self)
        for label, widget in [
            ("", self.sound),
            ("", self.updates),
            ("", self.light),
            ("", self.dark),
            ("Language", self.language),
            ("Font size", self.font_size),
            ("Volume", self.volume),
            ("", self.summary),
        ]:
            layout.addRow(label, widget)
        for box in (self.sound, self.updates, self.light, self.dark):
            box.toggled.connect(self.update_summary)
        self.language.currentTextChanged.connect(self.update_summary)
        self.font_size.valueChanged.connect(self.update_summary)
        self.volume.valueChanged.connect(self.update_summary)
        self.update_summary()

    def update_summary(self):
        theme = "dark" if self.dark.isChecked() else "light"
        sound = f"sound at {self.volume.value()}%" if self.sound.isChecked() else "muted"
        self.summary.setText(f"{self.language.currentText()}, {theme}, {self.font_size.value()} pt, {sound}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Settings()
    window.show()
    sys.exit(app.exec())
