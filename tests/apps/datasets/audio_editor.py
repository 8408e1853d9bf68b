"""A reference audio editor for the middle dataset's checks: open a 16-bit WAV, trim, normalize, fade, save.

The selection is Start..End in seconds (the whole clip after opening); Trim keeps it, Fade In and Fade Out
ramp it linearly, Normalize scales the clip so its peak reaches full scale (0 dBFS). The waveform is drawn
per pixel column (the lowest and highest sample), the selection shaded; Duration and Peak are shown below.
Standard library only: `wave` reads and writes the file, `array` holds the samples.
"""

import math
import sys
import wave
from array import array

from PySide6.QtCore import QLineF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

FULL_SCALE = 32767


class Waveform(QWidget):
    """The samples as a waveform (all channels together), with the selection shaded."""

    def __init__(self, editor):
        super().__init__()
        self.editor = editor
        self.setMinimumSize(520, 180)

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        editor, width, middle = self.editor, self.width(), self.height() / 2
        frames = editor.frames()
        if frames:
            left, right = (int(x * width / frames) for x in editor.selection())
            painter.fillRect(left, 0, max(1, right - left), self.height(), QColor("#dde8f6"))
            painter.setPen(QColor("#1f4e99"))
            lines, step = [], editor.channels
            for x in range(width):
                start, end = x * frames // width * step, max((x + 1) * frames // width, x * frames // width + 1) * step
                chunk = editor.samples[start:end]
                if chunk:
                    top, bottom = max(chunk) / FULL_SCALE * middle, min(chunk) / FULL_SCALE * middle
                    lines.append(QLineF(x, middle - top, x, middle - bottom))
            painter.drawLines(lines)  # one call: many void calls each cost None a reference in PySide6 6.12 on 3.11
        painter.setPen(QColor("#888888"))
        painter.drawLine(0, int(middle), width, int(middle))
        painter.end()


class AudioEditor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Audio Editor")
        self.samples, self.channels, self.rate = array("h"), 1, 44100
        self.waveform = Waveform(self)
        self.start, self.end = QDoubleSpinBox(decimals=2, singleStep=0.1), QDoubleSpinBox(decimals=2, singleStep=0.1)
        for spin in (self.start, self.end):
            spin.setToolTip("seconds")
            spin.valueChanged.connect(self.waveform.update)
        self.duration, self.peak, self.status = QLabel("0.00 s"), QLabel("-"), QLabel("Open a 16-bit WAV file")
        form = QFormLayout()
        for name, widget in (
            ("Start", self.start),
            ("End", self.end),
            ("Duration", self.duration),
            ("Peak", self.peak),
        ):
            form.addRow(name, widget)
        buttons = QGridLayout()
        actions = (
            ("Open", self.open),
            ("Save", self.save),
            ("Trim", self.trim),
            ("Normalize", self.normalize),
            ("Fade In", lambda: self.fade(rising=True)),
            ("Fade Out", lambda: self.fade(rising=False)),
        )
        for index, (text, slot) in enumerate(actions):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button, index // 3, index % 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.waveform)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.changed(select_all=True)

    def frames(self):
        return len(self.samples) // self.channels

    def selection(self):
        """The selected frames as (first, after last), clamped to the clip."""
        frames = self.frames()
        first = min(frames, max(0, round(self.start.value() * self.rate)))
        last = min(frames, max(first, round(self.end.value() * self.rate)))
        return first, last

    def changed(self, select_all=False):
        seconds = self.frames() / self.rate
        self.start.setMaximum(seconds)
        self.end.setMaximum(seconds)
        if select_all:
            self.start.setValue(0)
            self.end.setValue(seconds)
        self.duration.setText(f"{seconds:.2f} s")
        loudest = max((abs(s) for s in self.samples), default=0)
        self.peak.setText(f"{20 * math.log10(loudest / FULL_SCALE):.1f} dBFS" if loudest else "silent")
        self.waveform.update()

    def open(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open Audio", "", "WAV audio (*.wav)")
        if not path:
            return
        try:
            with wave.open(path, "rb") as sound:
                if sound.getsampwidth() != 2:
                    raise ValueError("only 16-bit PCM WAV files can be edited")
                self.channels, self.rate = sound.getnchannels(), sound.getframerate()
                data = sound.readframes(sound.getnframes())
        except (OSError, EOFError, ValueError, wave.Error) as exc:
            QMessageBox.warning(self, "Open", f"Cannot open {path}: {exc}")
            return
        self.samples = array("h", data[: len(data) // 2 * 2])
        if sys.byteorder == "big":
            self.samples.byteswap()
        self.changed(select_all=True)
        self.status.setText(f"Opened {path} ({self.channels} channel(s), {self.rate} Hz)")

    def save(self):
        if not self.samples:
            self.status.setText("Nothing to save: open a WAV file first")
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save Audio", "edited.wav", "WAV audio (*.wav)")
        if not path:
            return
        data = array("h", self.samples)
        if sys.byteorder == "big":
            data.byteswap()
        with wave.open(path, "wb") as sound:
            sound.setnchannels(self.channels)
            sound.setsampwidth(2)
            sound.setframerate(self.rate)
            sound.writeframes(data.tobytes())
        self.status.setText(f"Saved {path}")

    def trim(self):
        first, last = self.selection()
        if last <= first:
            self.status.setText("Select a part to keep first (Start before End)")
            return
        self.samples = self.samples[first * self.channels : last * self.channels]
        self.changed(select_all=True)
        self.status.setText(f"Trimmed to {self.frames() / self.rate:.2f} s")

    def normalize(self):
        loudest = max((abs(s) for s in self.samples), default=0)
        if not loudest:
            self.status.setText("Nothing to normalize")
            return
        gain = FULL_SCALE / loudest
        self.samples = array("h", (max(-FULL_SCALE, min(FULL_SCALE, round(s * gain))) for s in self.samples))
        self.changed()
        self.status.setText(f"Normalized (gain {20 * math.log10(gain):+.1f} dB)")

    def fade(self, rising):
        first, last = self.selection()
        length = last - first
        if length < 2:
            self.status.setText("Select a part to fade first (Start before End)")
            return
        for frame in range(first, last):
            gain = (frame - first) / (length - 1)
            gain = gain if rising else 1 - gain
            for channel in range(self.channels):
                index = frame * self.channels + channel
                self.samples[index] = round(self.samples[index] * gain)
        self.changed()
        self.status.setText(f"Fade {'in' if rising else 'out'} over {first / self.rate:.2f}-{last / self.rate:.2f} s")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    editor = AudioEditor()
    editor.show()
    sys.exit(app.exec())
