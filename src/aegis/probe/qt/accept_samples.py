"""The files a check gives the app: the sample text and image, and files a `provide_file` step names.

    write_samples(home)                     -> (text sample, image sample), written before the app can ask
    write_provided(home, name, content)     -> the path of a real file of the kind its suffix names
    sample_colours_shown(image)             -> how many of the sample image's four colours a picture shows

A provided file is what a user would have on disk: .pdf a PDF whose page shows `content`, .xlsx a workbook
whose first sheet holds `content` read as CSV rows, .wav a one-second tone, an image suffix the sample image,
anything else `content` as UTF-8 text (so a binary file can only be given when its bytes are ASCII). Every
file written here is replaced, never written through a link the app left, and dated a day back, so
"written since the check started" (expect_sqlite, expect_not_stored) never counts it as the app's.

Runs inside the app's child process (imports PySide6; never imported by the AEGIS core).
"""

from __future__ import annotations

import csv
import html
import io
import math
import os
import re
import struct
import time
import wave
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter, QTextDocument

SAMPLE_TEXT = "Hello from AEGIS\n"
SAMPLE_COLOURS = ((0xE6, 0x19, 0x4B), (0x3C, 0xB4, 0x4B), (0x43, 0x63, 0xD8), (0xFF, 0xE1, 0x19))
"""The sample image's quadrants: saturated colours no style draws, so seeing them means the image is shown."""
SAMPLE_SIZE = (160, 120)
COLOUR_TOLERANCE = 16
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp")
TONE_HZ, RATE = 440, 22050
BACKDATED_SECONDS = 86400
NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")
"""A cell written as a number; anything else (nan, 1_000, " 12 ") is text, as a spreadsheet program reads it."""
XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def write_samples(home: Path) -> tuple[Path, Path]:
    text, image = home / "aegis-sample.txt", home / "aegis-sample.png"
    _write_text(text, SAMPLE_TEXT)
    _write_image(image, "")
    return text, image


def write_provided(home: Path, name: str, content: str) -> Path:
    """A file of that name in the home folder, made by its suffix (the name is a plain file name, validated)."""
    path = home / name
    suffix = path.suffix.casefold()
    writer = WRITERS.get(".image" if suffix in IMAGE_SUFFIXES else suffix, _write_text)
    writer(path, content)
    return path


def _backdated(write: Callable[[Path, str], None]) -> Callable[[Path, str], None]:
    """Written anew (a link the app left under that name is removed, not followed), then dated back."""

    def written(path: Path, content: str) -> None:
        if path.is_symlink() or path.is_file():
            path.unlink()
        write(path, content)
        old = time.time() - BACKDATED_SECONDS
        os.utime(path, (old, old))

    return written


@_backdated
def _write_text(path: Path, content: str) -> None:
    path.write_text(content, encoding="utf-8")


@_backdated
def _write_image(path: Path, content: str) -> None:
    width, height = SAMPLE_SIZE
    picture = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(picture)
    for index, colour in enumerate(SAMPLE_COLOURS):
        left, top = (index % 2) * width // 2, (index // 2) * height // 2
        painter.fillRect(left, top, width // 2, height // 2, QColor(*colour))
    painter.end()
    picture.save(str(path))


@_backdated
def _write_pdf(path: Path, content: str) -> None:
    writer = QPdfWriter(str(path))
    document = QTextDocument()
    document.setPlainText(content)
    document.print_(writer)


@_backdated
def _write_wav(path: Path, content: str) -> None:
    samples = (int(12000 * math.sin(2 * math.pi * TONE_HZ * n / RATE)) for n in range(RATE))
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(RATE)
        sound.writeframes(b"".join(struct.pack("<h", sample) for sample in samples))


@_backdated
def _write_xlsx(path: Path, content: str) -> None:
    """The smallest workbook spreadsheet programs open: one sheet, every cell an inline string or a number."""
    rows = list(csv.reader(io.StringIO(content)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, xml in XLSX_PARTS.items():
            book.writestr(name, xml)
        book.writestr("xl/worksheets/sheet1.xml", _sheet(rows))


def _sheet(rows: list[list[str]]) -> str:
    lines = []
    for number, row in enumerate(rows, 1):
        cells = "".join(_cell(f"{_column(index)}{number}", value) for index, value in enumerate(row))
        lines.append(f'<row r="{number}">{cells}</row>')
    return f'{XML}<worksheet xmlns="{MAIN}"><sheetData>{"".join(lines)}</sheetData></worksheet>'


def _cell(ref: str, value: str) -> str:
    if NUMBER.fullmatch(value):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = html.escape(XML_UNSAFE.sub("", value), quote=False)  # &, < and > (xml.sax would import urllib)
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XLSX_PARTS = {
    "[Content_Types].xml": (
        f'{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        f'{XML}<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
        f'Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'{XML}<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'{XML}<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
        f'Type="{DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}
WRITERS: dict[str, Callable[[Path, str], None]] = {
    ".pdf": _write_pdf,
    ".xlsx": _write_xlsx,
    ".wav": _write_wav,
    ".image": _write_image,
}


def sample_colours_shown(image: QImage, minimum: int = 40) -> int:
    """How many of the sample's four colours cover at least `minimum` pixels of the image."""
    picture = image.convertToFormat(QImage.Format.Format_RGB32)
    width, stride = picture.width(), picture.bytesPerLine() // 4
    pixels = memoryview(picture.constBits()).cast("I")
    counts: Counter[int] = Counter()
    for row in range(picture.height()):
        counts.update(pixels[row * stride : row * stride + width])
    found = [0] * len(SAMPLE_COLOURS)
    for argb, count in counts.items():
        rgb = ((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF)
        for index, colour in enumerate(SAMPLE_COLOURS):
            if max(abs(a - b) for a, b in zip(rgb, colour, strict=True)) <= COLOUR_TOLERANCE:
                found[index] += count
    return sum(1 for count in found if count >= minimum)
