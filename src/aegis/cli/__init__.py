"""The `aegis` command line."""

from aegis.cli.app import main

__all__ = ["main"]
