"""Dependencies of generated programs: guarded, and never installed into the host or AEGIS's environment.

classify.py    what a program imports: stdlib, available (PySide6), installable (allowlisted) or refused
appenv.py      per-app virtual environments in the user cache, keyed by their sorted requirements
prepare.py     the loop's dependency step: refuse, or install into the app's own environment

May import the shared modules only (schema, config, errors, paths, imports).
"""
