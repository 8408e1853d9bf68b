"""A reference video converter for the middle dataset's checks, with Qt and the standard library only.

Reads raw YUV4MPEG2 (.y4m: 4:2:0, 4:4:4 or mono) and animated GIF; writes AVI (Motion JPEG, each frame a
JPEG from Qt) and animated GIF (216-colour palette, LZW encoded here). Open a video, pick the output format,
Convert, choose where to save.
"""

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader, qRgb
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

FORMATS = {"AVI (Motion JPEG)": "avi", "GIF (animated)": "gif"}
PALETTE = [qRgb(r * 51, g * 51, b * 51) for r in range(6) for g in range(6) for b in range(6)]


def read_y4m(path):
    """Frames (QImage, RGB) and frames per second of a YUV4MPEG2 file."""
    data = Path(path).read_bytes()
    header, _, rest = data.partition(b"\n")
    if not header.startswith(b"YUV4MPEG2"):
        raise ValueError("not a YUV4MPEG2 file")
    tags = {t[:1]: t[1:] for t in header.decode("ascii").split()[1:]}
    width, height, colour = int(tags["W"]), int(tags["H"]), tags.get("C", "420jpeg")
    top, bottom = (int(n) for n in tags.get("F", "25:1").split(":"))
    shift = 1 if colour.startswith("420") else 0
    chroma = 0 if colour.startswith("mono") else ((width + shift) >> shift) * ((height + shift) >> shift)
    frames, size = [], width * height + 2 * chroma
    while rest.startswith(b"FRAME"):
        _, _, rest = rest.partition(b"\n")
        plane, rest = rest[:size], rest[size:]
        if len(plane) < size:
            break
        rgb, cw = bytearray(), (width + shift) >> shift
        for y in range(height):
            for x in range(width):
                c = (y >> shift) * cw + (x >> shift)
                luma = plane[y * width + x]
                u, v = (plane[width * height + c] - 128, plane[width * height + chroma + c] - 128) if chroma else (0, 0)
                rgb += bytes(
                    max(0, min(255, round(p)))
                    for p in (luma + 1.402 * v, luma - 0.344 * u - 0.714 * v, luma + 1.772 * u)
                )
        image = QImage(bytes(rgb), width, height, width * 3, QImage.Format.Format_RGB888)
        frames.append(image.convertToFormat(QImage.Format.Format_RGB32))  # a copy that owns its pixels
    return frames, top / bottom


def read_gif(path):
    reader = QImageReader(str(path))
    frames, delay = [], 100
    while reader.canRead():
        image = reader.read()
        if image.isNull():
            break
        delay = reader.nextImageDelay() or delay
        frames.append(image.convertToFormat(QImage.Format.Format_RGB32))
    return frames, 1000 / delay


def chunk(tag, body):
    """A RIFF chunk: its tag, its size, its body padded to an even length."""
    return tag + struct.pack("<I", len(body)) + body + b"\0" * (len(body) % 2)


def write_avi(path, frames, fps):
    """AVI with one Motion JPEG video stream and an index."""
    jpegs = []
    for frame in frames:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        frame.save(buffer, "JPG", 90)
        jpegs.append(bytes(buffer.data()))
    width, height, count, biggest = frames[0].width(), frames[0].height(), len(frames), max(map(len, jpegs))
    rate = round(fps * 1000)  # the stream's rate is rate / 1000 frames per second
    avih = struct.pack("<10I16x", round(1e6 / fps), biggest * round(fps), 0, 0x10, count, 0, 1, biggest, width, height)
    stream = struct.pack("<4s4sIHHI", b"vids", b"MJPG", 0, 0, 0, 0)
    stream += struct.pack("<7I4h", 1000, rate, 0, count, biggest, 0xFFFFFFFF, 0, 0, 0, width, height)
    bitmap = struct.pack("<IiiHH4sIiiII", 40, width, height, 1, 24, b"MJPG", width * height * 3, 0, 0, 0, 0)
    strl = chunk(b"LIST", b"strl" + chunk(b"strh", stream) + chunk(b"strf", bitmap))
    hdrl = b"hdrl" + chunk(b"avih", avih) + strl
    movi, index, offset = b"movi", b"", 4
    for jpeg in jpegs:
        index += b"00dc" + struct.pack("<III", 0x10, offset, len(jpeg))
        movi += chunk(b"00dc", jpeg)
        offset = len(movi)
    body = b"AVI " + chunk(b"LIST", hdrl) + chunk(b"LIST", movi) + chunk(b"idx1", index)
    Path(path).write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)


def write_gif(path, frames, fps):
    width, height = frames[0].width(), frames[0].height()
    palette = b"".join(struct.pack("BBB", (c >> 16) & 255, (c >> 8) & 255, c & 255) for c in PALETTE)
    out = bytearray(b"GIF89a" + struct.pack("<HHBBB", width, height, 0xF7, 0, 0) + palette + bytes(768 - len(palette)))
    out += b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    for frame in frames:
        indexed = frame.convertToFormat(QImage.Format.Format_Indexed8, PALETTE, Qt.ImageConversionFlag.ThresholdDither)
        rows, stride = bytes(indexed.constBits()), indexed.bytesPerLine()
        pixels = b"".join(rows[y * stride : y * stride + width] for y in range(height))
        out += b"\x21\xf9\x04\x00" + struct.pack("<H", round(100 / fps)) + b"\x00\x00"
        out += b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x08"
        data = lzw(pixels)
        for start in range(0, len(data), 255):
            out += bytes([len(data[start : start + 255])]) + data[start : start + 255]
        out += b"\x00"
    Path(path).write_bytes(bytes(out + b"\x3b"))


def lzw(pixels):
    """GIF's LZW for 8-bit pixels: codes of 9 to 12 bits, a clear code whenever the table is full."""
    out, bits, count, table, next_code, size = bytearray(), 0, 0, {}, 258, 9

    def emit(code):
        nonlocal bits, count
        bits, count = bits | code << count, count + size
        while count >= 8:
            out.append(bits & 255)
            bits, count = bits >> 8, count - 8

    emit(256)
    prefix = pixels[0]
    for pixel in pixels[1:]:
        code = table.get(prefix << 8 | pixel)
        if code is not None:
            prefix = code
            continue
        emit(prefix)
        if next_code < 4096:
            table[prefix << 8 | pixel], next_code = next_code, next_code + 1
            size += next_code > 1 << size
        else:
            emit(256)
            table, next_code, size = {}, 258, 9
        prefix = pixel
    emit(prefix)
    emit(257)
    return bytes(out + (bytes([bits & 255]) if count else b""))


class Converter(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Video Converter")
        self.frames, self.fps, self.source = [], 25.0, None
        self.info = QLabel("No video opened")
        self.format = QComboBox()
        self.format.addItems(list(FORMATS))
        self.progress = QProgressBar()
        self.status = QLabel("Open a .y4m or .gif video")
        open_button, convert = QPushButton("Open"), QPushButton("Convert")
        open_button.clicked.connect(self.open)
        convert.clicked.connect(self.convert)
        row = QHBoxLayout()
        row.addWidget(open_button)
        row.addWidget(self.info, 1)
        form = QFormLayout()
        form.addRow("Output format", self.format)
        layout = QVBoxLayout(self)
        for part in (row, form):
            layout.addLayout(part)
        for widget in (convert, self.progress, self.status):
            layout.addWidget(widget)
        self.resize(440, 180)

    def open(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open Video", "", "Videos (*.y4m *.gif);;All files (*)")
        if not path:
            return
        try:
            reader = read_gif if Path(path).read_bytes()[:3] == b"GIF" else read_y4m
            frames, fps = reader(path)
            if not frames:
                raise ValueError("it holds no frames")
        except (OSError, ValueError, KeyError) as exc:
            QMessageBox.warning(self, "Open Video", f"Cannot read {Path(path).name}: {exc}")
            return
        self.frames, self.fps, self.source = frames, fps, Path(path)
        self.info.setText(
            f"{self.source.name}: {frames[0].width()}x{frames[0].height()}, {len(frames)} frames, {fps:g} fps"
        )
        self.progress.setValue(0)

    def convert(self):
        if not self.frames:
            self.status.setText("Open a video first")
            return
        suffix = FORMATS[self.format.currentText()]
        suggested = str(self.source.with_suffix(f".{suffix}"))
        path, _ = QFileDialog.getSaveFileName(
            self, "Save Converted Video", suggested, f"{suffix.upper()} video (*.{suffix})"
        )
        if not path:
            return
        path = path if path.lower().endswith(f".{suffix}") else f"{path}.{suffix}"
        (write_avi if suffix == "avi" else write_gif)(path, self.frames, self.fps)
        self.progress.setValue(100)
        self.status.setText(f"Converted {len(self.frames)} frames to {path}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Converter()
    window.show()
    sys.exit(app.exec())
