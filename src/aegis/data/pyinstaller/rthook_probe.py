"""PyInstaller runtime hook: starts AEGIS's probe only when AEGIS_PROBE is set (AEGIS's package check)."""

import os

if os.environ.get("AEGIS_PROBE"):
    from aegis.probe.frozen import start_from_env

    start_from_env()
