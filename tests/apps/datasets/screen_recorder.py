"""A reference screenshot and screen recorder for the middle dataset's checks.

"Take Screenshot" grabs the whole screen and shows it; "Save Screenshot" writes it as a PNG. "Start Recording"
grabs the screen five times a second until "Stop Recording"; "Save Recording" writes the frames as an
animated GIF, encoded here (a 216-colour palette, LZW) with the standard library only.
"""

import struct
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, qRgb
from PySide6.QtWidgets import QApplication, QFileDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

FRAME_MS = 200
FRAME_WIDTH = 320
PALETTE = [qRgb(r * 51, g * 51, b * 51) for r in range(6) for g in range(6) for b in range(6)]


class Recorder(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Screen Recorder")
        self.shot = None
        self.frames = []
        self.timer = QTimer(self, interval=FRAME_MS)
        self.timer.timeout.connect(self.grab_frame)
        self.preview = QLabel("No screenshot yet", alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(360, 260)
        self.preview.setStyleSheet("background: #f4f4f4; color: #222; border: 1px solid #bbb")
        self.status = QLabel("Ready")
        self.record = QPushButton("Start Recording")
        self.record.clicked.connect(self.toggle_recording)
        buttons = QGridLayout()
        for index, (button, slot) in enumerate(
            (
                (QPushButton("Take Screenshot"), self.take_screenshot),
                (QPushButton("Save Screenshot"), self.save_screenshot),
                (self.record, None),
                (QPushButton("Save Recording"), self.save_recording),
            )
        ):
            if slot is not None:
                button.clicked.connect(slot)
            buttons.addWidget(button, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def grab_screen(self):
        return QApplication.primaryScreen().grabWindow(0)

    def show_picture(self, pixmap):
        self.preview.setPixmap(pixmap.scaled(self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio))

    def take_screenshot(self):
        self.shot = self.grab_screen()
        self.show_picture(self.shot)
        self.status.setText(f"Screenshot taken: {self.shot.width()} x {self.shot.height()}")

    def save_screenshot(self):
        if self.shot is None:
            self.status.setText("Take a screenshot first")
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save Screenshot", "screenshot.png", "PNG image (*.png)")
        if path:
            path = path if path.lower().endswith(".png") else path + ".png"
            saved = self.shot.save(path, "PNG")
            self.status.setText(f"Saved {path}" if saved else f"Could not write {path}")

    def toggle_recording(self):
        if self.timer.isActive():
            self.timer.stop()
            self.record.setText("Start Recording")
            self.status.setText(f"Recorded {len(self.frames)} frames ({len(self.frames) * FRAME_MS / 1000:.1f} s)")
        else:
            self.frames = []
            self.grab_frame()
            self.timer.start()
            self.record.setText("Stop Recording")

    def grab_frame(self):
        pixmap = self.grab_screen()
        self.frames.append(pixmap.toImage().scaledToWidth(FRAME_WIDTH, Qt.TransformationMode.SmoothTransformation))
        self.show_picture(pixmap)
        self.status.setText(f"Recording... {len(self.frames)} frames")

    def save_recording(self):
        if self.timer.isActive():
            self.toggle_recording()
        if not self.frames:
            self.status.setText("Record something first")
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save Recording", "recording.gif", "GIF animation (*.gif)")
        if path:
            path = path if path.lower().endswith(".gif") else path + ".gif"
            with open(path, "wb") as handle:
                handle.write(gif_bytes(self.frames, FRAME_MS // 10))
            self.status.setText(f"Saved {len(self.frames)} frames to {path}")


def gif_bytes(frames, delay):
    """An endlessly looping GIF89a of equally sized frames, `delay` hundredths of a second apart."""
    width, height = frames[0].width(), frames[0].height()
    palette = b"".join(struct.pack("BBB", (c >> 16) & 255, (c >> 8) & 255, c & 255) for c in PALETTE)
    palette += bytes(768 - len(palette))
    out = bytearray(b"GIF89a" + struct.pack("<HHBBB", width, height, 0xF7, 0, 0) + palette)
    out += b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    for frame in frames:
        indexed = frame.convertToFormat(QImage.Format.Format_Indexed8, PALETTE, Qt.ImageConversionFlag.ThresholdDither)
        rows = bytes(indexed.constBits())
        stride = indexed.bytesPerLine()
        pixels = b"".join(rows[y * stride : y * stride + width] for y in range(height))
        out += b"\x21\xf9\x04\x00" + struct.pack("<H", delay) + b"\x00\x00"
        out += b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x08"
        data = lzw(pixels)
        for start in range(0, len(data), 255):
            chunk = data[start : start + 255]
            out += bytes([len(chunk)]) + chunk
        out += b"\x00"
    return bytes(out + b"\x3b")


def lzw(pixels):
    """GIF's variable-width LZW for 8-bit pixels: codes of 9 to 12 bits, a clear code when the table fills."""
    clear, end = 256, 257
    out, bits, count = bytearray(), 0, 0
    table, next_code, size = {}, 258, 9

    def emit(code):
        nonlocal bits, count
        bits |= code << count
        count += size
        while count >= 8:
            out.append(bits & 255)
            bits >>= 8
            count -= 8

    emit(clear)
    prefix = pixels[0]
    for pixel in pixels[1:]:
        key = prefix << 8 | pixel
        code = table.get(key)
        if code is not None:
            prefix = code
            continue
        emit(prefix)
        if next_code < 4096:
            table[key] = next_code
            next_code += 1
            if next_code > 1 << size:
                size += 1
        else:
            emit(clear)
            table, next_code, size = {}, 258, 9
        prefix = pixel
    emit(prefix)
    emit(end)
    if count:
        out.append(bits & 255)
    return bytes(out)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Recorder()
    window.show()
    sys.exit(app.exec())
