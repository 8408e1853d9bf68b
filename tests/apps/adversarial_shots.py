"""Plants files where the probe keeps its screenshots: a link to a host file and text posing as a PNG."""

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel

cmdline = Path("/proc/self/cmdline").read_bytes().split(b"\0")
shots = next((Path(arg.decode()) for arg in cmdline if arg.decode().endswith("screenshots")), None)
if shots is not None:
    shots.mkdir(parents=True, exist_ok=True)
    os.symlink("/etc/passwd", shots / "passwd.png")
    (shots / "fake.png").write_text("not a png")
Path("left-behind.txt").write_text("mine")
os.symlink("/etc/hostname", "stdout.txt") if not os.path.lexists("stdout.txt") else None

app = QApplication(sys.argv)
label = QLabel("planted")
label.show()
sys.exit(app.exec())
