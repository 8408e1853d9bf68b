"""Package a passing app with PyInstaller, then start the executable once to prove it runs.

Issue #6 makes this small (per-app environment, excluded Qt parts) and checks it with the explorer.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from aegis.config import PackageConfig
from aegis.protocols import Runner
from aegis.schema import PackageResult

SMOKE_SECONDS = 5.0
"""The executable must still be running (not crashed) this long after start."""


class PyInstallerPackager:
    def __init__(self, runner: Runner, config: PackageConfig, *, python: str = sys.executable) -> None:
        self.runner = runner
        self.config = config
        self.python = python

    def package(self, app: Path, out_dir: Path, *, name: str) -> PackageResult:
        started = time.monotonic()
        work = out_dir.parent / "build"
        result = self.runner.run(
            [
                self.python,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--clean",
                f"--{self.config.mode}",
                "--windowed",
                "--name",
                name,
                "--distpath",
                str(out_dir / "dist"),
                "--workpath",
                str(work),
                "--specpath",
                str(work),
                str(app),
            ],
            cwd=app.parent,
            timeout=self.config.timeout,
            env={"HOME": str(work), "PYINSTALLER_CONFIG_DIR": str(work / "config")},
        )
        (out_dir / "pyinstaller.log").write_text(result.stdout + result.stderr, encoding="utf-8")
        seconds = time.monotonic() - started
        exe = out_dir / "dist" / name if self.config.mode == "onefile" else out_dir / "dist" / name / name
        if result.returncode != 0 or not exe.exists():
            reason = "timed out" if result.timed_out else _last_line(result.stderr)
            return PackageResult(ok=False, seconds=seconds, message=f"PyInstaller failed: {reason}")
        shutil.rmtree(work, ignore_errors=True)
        failure = self.smoke_test(exe)
        return PackageResult(
            ok=failure is None,
            executable=str(exe),
            size_bytes=_size(exe.parent),
            seconds=seconds,
            message=failure or "",
        )

    def smoke_test(self, exe: Path) -> str | None:
        """None when the executable starts and keeps running offscreen; else why it did not."""
        with tempfile.TemporaryDirectory(prefix="aegis-home-") as home:
            result = self.runner.run(
                [str(exe)],
                cwd=exe.parent,
                timeout=SMOKE_SECONDS,
                env={"QT_QPA_PLATFORM": "offscreen", "HOME": home, "XDG_RUNTIME_DIR": home},
            )
        if result.timed_out and "Traceback" not in result.stderr:
            return None
        return f"the packaged executable did not keep running: {_last_line(result.stderr) or result.returncode}"


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not os.path.islink(f))
