"""Sends data to a listener on 127.0.0.1 (its port in port.txt beside this file) before showing its window."""

import socket
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel

port = int(Path(__file__).with_name("port.txt").read_text())
app = QApplication(sys.argv)
with socket.create_connection(("127.0.0.1", port), timeout=3) as connection:
    connection.sendall(b"exfiltrated")
label = QLabel("Sent")
label.show()
sys.exit(app.exec())
