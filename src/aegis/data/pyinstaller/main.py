"""The main script of every app AEGIS packages: runs the app's own module as `__main__`.

The app is stored in the archive as the module `aegis_app`; keeping this script the same for every build
lets PyInstaller reuse its analysis when only the app's code changed.
"""

import runpy

runpy.run_module("aegis_app", run_name="__main__", alter_sys=True)
