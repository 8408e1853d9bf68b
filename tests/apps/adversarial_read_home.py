"""Reads a file from the real home folder (its path in target.txt beside this file) and prints it."""

from pathlib import Path

target = Path(__file__).with_name("target.txt").read_text()
print(Path(target).read_text())
