"""Pre-checks: what can be found and fixed in a program's source before it ever runs.

static.py      precheck(code): compile + pyflakes; PySide6 names used without import (or from the wrong
               module) fixed from the shipped name table (data/pyside6_names.json)
layout_fix.py  a QMainWindow's ignored setLayout() moved onto a central widget
placeholders.py  handlers that only pretend ("for simplicity, we'll just show a message box")

Pure source-to-source work: runs nothing. May import the shared modules (schema, errors); nothing else of aegis.
"""
