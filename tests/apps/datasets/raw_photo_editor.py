"""A reference RAW photo editor for the middle dataset's checks: open a photo (camera RAW files through the
full-size JPEG preview every RAW format embeds; PNG/JPEG/TIFF directly), non-destructive exposure, contrast
and white-balance adjustments, rotation, and export to PNG or JPEG."""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap, QTransform
from PySide6.QtWidgets import (
    QApplication,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

RAW_SUFFIXES = ".dng .cr2 .cr3 .nef .arw .orf .rw2 .raf .pef .srw"
OPEN_FILTER = (
    "Photos (" + " ".join("*" + s for s in RAW_SUFFIXES.split()) + " *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"
)
PREVIEW_EDGE = 1600
"""Edits run on a copy at most this many pixels wide or high, so the sliders stay quick."""


def embedded_preview(data):
    """The largest JPEG stream inside a RAW file (camera RAWs all carry a full-size JPEG preview)."""
    best, start = b"", data.find(b"\xff\xd8\xff")
    while start != -1:
        end = data.find(b"\xff\xd9", start)
        if end == -1:
            break
        if end + 2 - start > len(best):
            best = data[start : end + 2]
        start = data.find(b"\xff\xd8\xff", start + 3)
    return QImage.fromData(best, "JPG") if best else QImage()


def load_photo(path):
    image = QImage(path)
    if image.isNull() and Path(path).suffix.casefold() in RAW_SUFFIXES.split():
        image = embedded_preview(Path(path).read_bytes())
    return image


def curve(exposure, contrast, gain):
    """A 256-entry lookup table: exposure in stops, contrast -100..100 around mid-grey, a channel gain."""
    factor = 2**exposure * gain
    slope = (100 + contrast) / 100 if contrast <= 0 else 100 / (100 - min(contrast, 99))
    return bytes(max(0, min(255, round((value * factor - 128) * slope + 128))) for value in range(256))


def develop(image, exposure, contrast, temperature, turns):
    """The photo with the adjustments applied; the original is never changed."""
    result = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = bytearray(result.constBits().tobytes())
    warm = temperature / 200  # -0.5..0.5: more red and less blue when warm
    for offset, gain in ((0, 1 - warm), (1, 1.0), (2, 1 + warm)):  # Format_RGB32 bytes: B, G, R, unused
        pixels[offset::4] = pixels[offset::4].translate(curve(exposure, contrast, gain))
    developed = QImage(bytes(pixels), result.width(), result.height(), result.bytesPerLine(), result.format()).copy()
    return developed.transformed(QTransform().rotate(90 * turns)) if turns % 4 else developed


class Editor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("RAW Photo Editor")
        self.original = QImage()
        self.turns = 0
        self.view = QLabel("Open a RAW photo or an image to begin")
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.setMinimumSize(480, 360)
        self.view.setStyleSheet("background: #2b2b2b; color: #f0f0f0")
        self.exposure = QDoubleSpinBox(minimum=-3, maximum=3, singleStep=0.1, suffix=" EV")
        self.contrast = QSpinBox(minimum=-100, maximum=100)
        self.temperature = QSpinBox(minimum=-100, maximum=100)
        for spin in (self.exposure, self.contrast, self.temperature):
            spin.valueChanged.connect(self.refresh)
        form = QFormLayout()
        form.addRow("Exposure", self.exposure)
        form.addRow("Contrast", self.contrast)
        form.addRow("Temperature", self.temperature)
        buttons = QHBoxLayout()
        for text, handler in (
            ("Open", self.open),
            ("Rotate", lambda: self.rotate(1)),
            ("Rotate Left", lambda: self.rotate(3)),
            ("Reset", self.reset),
            ("Export", self.export),
        ):
            button = QPushButton(text)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        self.info = QLabel("No photo")
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.info)
        side.addStretch()
        panes = QHBoxLayout()
        panes.addWidget(self.view, 1)
        panes.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(panes)

    def open(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open photo", str(Path.home()), OPEN_FILTER)
        if not path:
            return
        image = load_photo(path)
        if image.isNull():
            QMessageBox.warning(self, "Open photo", f"Cannot read {Path(path).name} as a photo.")
            return
        self.info.setText(f"{Path(path).name}\n{image.width()} x {image.height()}")
        if max(image.width(), image.height()) > PREVIEW_EDGE:
            image = image.scaled(PREVIEW_EDGE, PREVIEW_EDGE, Qt.AspectRatioMode.KeepAspectRatio)
        self.original = image
        self.reset()

    def reset(self):
        self.turns = 0
        for spin in (self.exposure, self.contrast, self.temperature):
            spin.blockSignals(True)
            spin.setValue(0)
            spin.blockSignals(False)
        self.refresh()

    def rotate(self, quarter_turns):
        self.turns = (self.turns + quarter_turns) % 4
        self.refresh()

    def edited(self):
        adjustments = (self.exposure.value(), self.contrast.value(), self.temperature.value())
        return develop(self.original, *adjustments, self.turns)

    def refresh(self):
        if self.original.isNull():
            return
        shown = QPixmap.fromImage(self.edited())
        if shown.width() > self.view.width() or shown.height() > self.view.height():
            shown = shown.scaled(self.view.size(), Qt.AspectRatioMode.KeepAspectRatio)
        self.view.setPixmap(shown)

    def export(self):
        if self.original.isNull():
            QMessageBox.information(self, "Export", "Open a photo first.")
            return
        path, chosen = QFileDialog.getSaveFileName(self, "Export photo", "", "PNG (*.png);;JPEG (*.jpg)")
        if not path:
            return
        if not Path(path).suffix:
            path += ".jpg" if "jpg" in chosen else ".png"
        if not self.edited().save(path):
            QMessageBox.warning(self, "Export", f"Could not write {path}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    editor = Editor()
    editor.show()
    sys.exit(app.exec())
