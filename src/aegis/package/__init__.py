"""Packaging: a passing program becomes a small PyInstaller executable, which is then probed like the source.

packager.py    PyInstallerPackager: build, verify, archive (.tar.gz + sha256)
buildenv.py    cached per-app build environments (PyInstaller + only the Qt the app uses)
freeze.py      hidden imports, excludes and the Qt modules to prune, from the program's imports
verify.py      ExecutableProber: start the executable with the dormant probe awake, judge it headless

May import verdict, sandbox and the shared modules; never generate, bench or cli.
"""
