"""Writes a file at each path given: the system, the real home, its own folder. Says which were refused."""

import sys

refused = 0
for path in sys.argv[1:]:
    try:
        with open(path, "w") as file:
            file.write("written by an untrusted program\n")
        print(f"wrote {path}")
    except OSError as exc:
        print(f"refused {path}: {exc}", file=sys.stderr)
        refused += 1
sys.exit(1 if refused else 0)
