"""Screenshots from an X server for toolkits that cannot grab themselves (Tk): `xwd`, made a PNG here.

Standard library only: `xwd -root` (Debian package x11-apps) dumps the screen of the X server named by
DISPLAY; the dump (32 bits per pixel, as Xvfb at depth 24 writes it) is cropped to the window's box and
re-encoded as an RGB PNG. The screen, not the window, because Tk draws a menu bar outside the window
that `xwd -id` would dump.
"""

from __future__ import annotations

import struct
import subprocess
import zlib
from pathlib import Path

XWD_HEADER = struct.Struct(">25I")
XWD_COLOR_BYTES = 12
Z_PIXMAP = 2
CAPTURE_SECONDS = 5.0


Box = tuple[int, int, int, int]
"""x, y, width, height on the screen."""


def capture(box: Box, path: Path) -> str:
    """Saves that part of the screen as a PNG; returns "" on success, else why it could not."""
    try:
        dump = subprocess.run(
            ["xwd", "-silent", "-root"], capture_output=True, timeout=CAPTURE_SECONDS, check=True
        ).stdout
    except FileNotFoundError:
        return "xwd is missing: install the Debian package x11-apps"
    except (OSError, subprocess.SubprocessError) as exc:
        return f"xwd failed: {exc}"
    try:
        width, height, rgb = xwd_to_rgb(dump, box)
    except (ValueError, struct.error) as exc:
        return f"unreadable xwd dump: {exc}"
    path.write_bytes(png(width, height, rgb))
    return ""


def xwd_to_rgb(dump: bytes, box: Box) -> tuple[int, int, bytes]:
    """Width, height and packed 8-bit RGB rows of the box (clipped to the image) in an XWD ZPixmap dump."""
    fields = XWD_HEADER.unpack_from(dump)
    header_size, pixmap_format = fields[0], fields[2]
    byte_order, bits_per_pixel, bytes_per_line = fields[7], fields[11], fields[12]
    masks, colors = fields[14:17], fields[19]
    if pixmap_format != Z_PIXMAP or bits_per_pixel != 32:
        raise ValueError(f"format {pixmap_format} with {bits_per_pixel} bits per pixel")
    offsets = [_byte_of(mask, little_endian=byte_order == 0) for mask in masks]
    left, top = max(box[0], 0), max(box[1], 0)
    width, height = min(box[0] + box[2], fields[4]) - left, min(box[1] + box[3], fields[5]) - top
    if width <= 0 or height <= 0:
        raise ValueError(f"the box {box} is off the screen")
    start = header_size + colors * XWD_COLOR_BYTES + left * 4
    rgb = bytearray(width * height * 3)
    for y in range(height):
        first = start + (top + y) * bytes_per_line
        row = dump[first : first + width * 4]
        if len(row) < width * 4:
            raise ValueError("the dump is cut short")
        for channel, offset in enumerate(offsets):
            rgb[y * width * 3 + channel : (y + 1) * width * 3 : 3] = row[offset::4]
    return width, height, bytes(rgb)


def _byte_of(mask: int, *, little_endian: bool) -> int:
    shift = mask.bit_length() - 8
    if shift < 0 or shift % 8 or mask != 0xFF << shift:
        raise ValueError(f"colour mask {mask:#x} is not one whole byte")
    return shift // 8 if little_endian else 3 - shift // 8


def png(width: int, height: int, rgb: bytes) -> bytes:
    stride = width * 3
    raw = b"".join(b"\x00" + rgb[y * stride : (y + 1) * stride] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 6)) + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
