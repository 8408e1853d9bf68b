"""Clean build environments for PyInstaller: one per dependency set, made with uv, kept in the cache.

    envs = BuildEnvs(cache_dir() / "build-envs")
    python = envs.ensure(build_requirements(addons=False, packages=()))   # <root>/<key>/bin/python

Only what is installed in the build environment can end up in a package, so it holds PySide6-Essentials
and PyInstaller (at the versions the app was checked against) plus the app's own allowed packages, never
AEGIS's environment with its LLM client, pydantic and the rest. The key hashes the interpreter and the
requirement list, so apps with the same needs share one environment. Creation runs under a file lock and
ends with a `ready` stamp: an environment cut short by a crash is made again next time.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from aegis.errors import PackagingError

PINNED = ("PySide6-Essentials", "pyinstaller", "pyinstaller-hooks-contrib")
"""Installed at the version AEGIS itself has (the one the headless check used), when it has them."""
ADDONS = "PySide6-Addons"


def build_requirements(*, addons: bool, packages: Sequence[str] = ()) -> list[str]:
    names = [*PINNED, *([ADDONS] if addons else [])]
    return sorted({_pinned(name) for name in names} | set(packages), key=str.lower)


def _pinned(name: str) -> str:
    version_of = "PySide6-Essentials" if name == ADDONS else name  # Addons must match Essentials
    try:
        return f"{name}=={importlib.metadata.version(version_of)}"
    except importlib.metadata.PackageNotFoundError:
        return name


class BuildEnvs:
    def __init__(
        self, root: Path, *, python: str = sys.executable, uv: Sequence[str] = (), timeout: float = 900.0
    ) -> None:
        self.root = root
        self.python = python
        self.uv = list(uv) or [sys.executable, "-m", "uv"]
        self.timeout = timeout

    def key(self, requirements: Sequence[str]) -> str:
        interpreter = {"python": str(Path(self.python).resolve()), "version": sys.version, "requires": requirements}
        return hashlib.sha256(json.dumps(interpreter, sort_keys=True).encode()).hexdigest()[:16]

    def ensure(self, requirements: Sequence[str]) -> Path:
        """The build environment's Python for these requirements, made first if needed."""
        env = self.root / self.key(requirements)
        with locked(self.root / f"{env.name}.lock"):
            if not (env / "ready").exists():
                self._create(env, requirements)
        return python_in(env)

    def _create(self, env: Path, requirements: Sequence[str]) -> None:
        shutil.rmtree(env, ignore_errors=True)
        self._uv("venv", "--quiet", "--python", self.python, str(env))
        self._uv("pip", "install", "--quiet", "--python", str(python_in(env)), *requirements)
        (env / "requirements.txt").write_text("\n".join(requirements) + "\n", encoding="utf-8")
        (env / "ready").write_text("", encoding="utf-8")

    def _uv(self, *args: str) -> None:
        try:
            done = subprocess.run(
                [*self.uv, *args], capture_output=True, text=True, timeout=self.timeout, stdin=subprocess.DEVNULL
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PackagingError(f"could not make the build environment with uv: {exc}") from exc
        if done.returncode != 0:
            lines = [line for line in done.stderr.splitlines() if line.strip()] or [f"exit code {done.returncode}"]
            raise PackagingError(f"could not make the build environment (uv {args[0]}): {lines[-1][:300]}")


def python_in(env: Path) -> Path:
    return env / "Scripts" / "python.exe" if os.name == "nt" else env / "bin" / "python"


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock on `path` (created if needed) for as long as the block runs, across processes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(file, fcntl.LOCK_UN)
