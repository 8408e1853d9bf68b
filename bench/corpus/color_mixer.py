"""Mix a colour from red, green and blue sliders, or type a hex code and press Enter."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QLineEdit,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)


class ColorMixer(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Colour Mixer")
        self.resize(360, 320)

        self.swatch = QFrame()
        self.swatch.setMinimumHeight(90)
        self.swatch.setFrameShape(QFrame.Box)
        self.sliders = {}
        form = QFormLayout()
        for channel in ("Red", "Green", "Blue"):
            slider = QSlider(Qt.Horizontal)
            slider.setRange(0, 255)
            slider.setValue(128)
            slider.valueChanged.connect(self.slider_moved)
            self.sliders[channel] = slider
            form.addRow(channel, slider)

        self.hex = QLineEdit()
        self.hex.setMaxLength(7)
        self.hex.returnPressed.connect(self.hex_entered)
        form.addRow("Hex", self.hex)
        invert = QPushButton("Invert")
        invert.clicked.connect(self.invert)
        form.addRow(invert)

        layout = QVBoxLayout(self)
        layout.addWidget(self.swatch)
        layout.addLayout(form)
        self.slider_moved()

    def current(self):
        return QColor(*(self.sliders[c].value() for c in ("Red", "Green", "Blue")))

    def slider_moved(self):
        color = self.current()
        text = "#000000" if color.lightness() > 140 else "#ffffff"
        self.swatch.setStyleSheet(f"background: {color.name()}; color: {text};")
        self.hex.setText(color.name())

    def hex_entered(self):
        color = QColor(self.hex.text().strip())
        if not color.isValid():
            self.hex.setText(self.current().name())
            return
        self.set_color(color)

    def set_color(self, color):
        for channel, value in zip(("Red", "Green", "Blue"), (color.red(), color.green(), color.blue()), strict=True):
            self.sliders[channel].blockSignals(True)
            self.sliders[channel].setValue(value)
            self.sliders[channel].blockSignals(False)
        self.slider_moved()

    def invert(self):
        color = self.current()
        self.set_color(QColor(255 - color.red(), 255 - color.green(), 255 - color.blue()))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = ColorMixer()
    window.show()
    sys.exit(app.exec())
