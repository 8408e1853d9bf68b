"""A virtual environment per dependency set, so an app's packages never go into AEGIS's own environment.

    env_for(deps, base_python=...)   the cached environment for these dependencies, built on first use;
                                     raises DependencyError, before anything runs, if any is refused
    AppEnv.create(root, base_python) a fresh environment under root (no packages of its own yet)
    env.install(["qrcode"])          uv installs wheels only (no setup.py runs), as an argument list
    env.requirements_txt()           exact versions, the shared Qt included
    env.python                       the interpreter to run the app with

Layout of an environment's root:

    venv/            `python -m venv --without-pip`; uv installs the app's wheels here
    shared/          links to AEGIS's own PySide6 and shiboken6 folders and their .dist-info, put on sys.path
                     by a .pth file in venv's site-packages (a relative path, so the root can be renamed)
    aegis-env.json   written last, so its presence means the environment is complete

Qt is shared rather than installed: linking takes milliseconds and no disk, works offline, and the app runs
against exactly the Qt that AEGIS's checks and packager use. The .pth entry comes after site-packages, so
nothing else of AEGIS's environment is visible, and uv never sees (so never changes) the shared files.
Environments live under `$AEGIS_CACHE_DIR/envs` (else the per-user cache folder), one per sorted set of
distribution names, base Python and shared Qt version.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from packaging.version import InvalidVersion, Version

from aegis.deps.classify import SHARED_DISTS, Dependency, installable, is_package_name, refusal_message, shared_entries
from aegis.errors import DependencyError
from aegis.paths import cache_dir

MANIFEST = "aegis-env.json"
PTH_FILE = "_aegis_shared.pth"
# Wheels only: an sdist would run its setup.py on this machine at install time. Copies, not uv's default
# hardlinks into its cache: an app that rewrites its own packages must not reach other environments.
INSTALL_OPTIONS = ("--only-binary", ":all:", "--link-mode", "copy")
INSTALL_SECONDS = 600.0
OUTPUT_CHARS = 4000
SITE_SCRIPT = "import sysconfig; print(sysconfig.get_path('purelib'))"


@dataclass(frozen=True)
class InstallResult:
    """One `uv pip install`: the argv it ran, how it ended, and the exact versions then in the environment."""

    argv: tuple[str, ...]
    returncode: int
    output: str = ""
    versions: Mapping[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.returncode == 0


class AppEnv:
    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def python(self) -> Path:
        if sys.platform == "win32":
            return self.root / "venv" / "Scripts" / "python.exe"
        return self.root / "venv" / "bin" / "python"

    @classmethod
    def create(cls, root: Path, base_python: str) -> AppEnv:
        """A new environment under root (which must not exist) that sees AEGIS's PySide6 and nothing else."""
        root.mkdir(parents=True)
        env = cls(root)
        _check_call([base_python, "-m", "venv", "--without-pip", str(root / "venv")], "create a virtual environment")
        env._share_qt()
        return env

    def install(self, dists: Sequence[str], *, find_links: Path | None = None) -> InstallResult:
        """Install wheels of `dists` ("name" or "name==version"); `find_links` installs offline from a folder."""
        if not dists:
            return InstallResult(argv=(), returncode=0)
        specs = [_requirement(d) for d in dists]
        index = ["--no-index", "--find-links", str(find_links)] if find_links else []
        argv = [find_uv(), "pip", "install", "--python", str(self.python), *INSTALL_OPTIONS, *index, *specs]
        done = _run(argv, self.root, INSTALL_SECONDS)
        output = (done.stdout + done.stderr)[-OUTPUT_CHARS:]
        versions = self.freeze() if done.returncode == 0 else {}
        return InstallResult(tuple(argv), done.returncode, output, versions)

    def site_packages(self) -> Path:
        """The venv's site-packages (e.g. for PyInstaller's --paths when packaging from AEGIS's env)."""
        return Path(_check_call([str(self.python), "-I", "-c", SITE_SCRIPT], "find site-packages").strip())

    def freeze(self) -> dict[str, str]:
        """Distribution name -> exact version of what is installed in the venv itself (not the shared Qt)."""
        done = _run([find_uv(), "pip", "freeze", "--python", str(self.python)], self.root, 60)
        if done.returncode != 0:
            raise DependencyError(f"cannot list the packages of {self.root}: {done.stderr.strip()[-300:]}")
        pins = (line.split("==", 1) for line in done.stdout.splitlines() if "==" in line)
        return {name.strip(): version.strip() for name, version in pins}

    def requirements_txt(self) -> str:
        """requirements.txt text with exact versions: the app's packages, then the shared Qt it runs on."""
        lines = [f"{name}=={version}" for name, version in sorted(self.freeze().items(), key=lambda p: p[0].lower())]
        lines += [f"{name}=={version}" for name, version in shared_versions().items()]
        return "".join(f"{line}\n" for line in lines)

    def _share_qt(self) -> None:
        shared = self.root / "shared"
        shared.mkdir()
        for dist in SHARED_DISTS:
            entries = shared_entries(dist)
            base = Path(str(importlib.metadata.distribution(dist).locate_file(""))) if entries else shared
            for entry in entries:
                _link(base / entry, shared / entry)
        site = self.site_packages()
        (site / PTH_FILE).write_text(os.path.relpath(shared, site) + "\n", encoding="utf-8")


def env_for(
    deps: Sequence[Dependency], *, base_python: str, cache_dir: Path | None = None, find_links: Path | None = None
) -> AppEnv:
    """The environment for these dependencies, reused when already built. Nothing runs if any is refused."""
    refused = [dep for dep in deps if dep.refused]
    if refused:
        text = "; ".join(refusal_message(dep) for dep in refused)
        raise DependencyError(text, modules=tuple(dep.module for dep in refused))
    dists = installable(deps)
    root = (cache_dir or default_env_dir()) / env_key(dists, base_python)
    if (root / MANIFEST).is_file():
        return AppEnv(root)
    return _build(root, base_python, dists, find_links)


def default_env_dir() -> Path:
    """`$AEGIS_CACHE_DIR/envs` when set, else the per-user cache folder's `envs`."""
    return cache_dir() / "envs"


def env_key(dists: Sequence[str], base_python: str) -> str:
    identity = {"dists": sorted(dists), "python": os.path.realpath(base_python), "shared": shared_versions()}
    return hashlib.sha256(json.dumps(identity, sort_keys=True).encode()).hexdigest()[:16]


def shared_versions() -> dict[str, str]:
    """The shared Qt distributions installed in AEGIS's environment -> their versions."""
    versions: dict[str, str] = {}
    for dist in SHARED_DISTS:
        try:
            versions[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            continue
    return versions


def find_uv() -> str:
    """`uv` from PATH, else the one the `uv` Python package ships."""
    found = shutil.which("uv")
    if found:
        return found
    try:
        from uv import find_uv_bin  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise DependencyError("installing an app's packages needs uv: pip install uv") from None
    return str(find_uv_bin())


def _build(root: Path, base_python: str, dists: list[str], find_links: Path | None) -> AppEnv:
    """Build under a temporary name and rename, so a crash or a concurrent build never leaves a half env."""
    tmp = root.with_name(f"{root.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        env = AppEnv.create(tmp, base_python)
        result = env.install(dists, find_links=find_links)
        if not result.ok:
            raise DependencyError(f"cannot install {', '.join(dists)}: {_last_line(result.output)}")
        manifest = {"dists": dists, "versions": dict(result.versions), "python": base_python}
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        _rename(tmp, root)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return AppEnv(root)


def _rename(tmp: Path, root: Path) -> None:
    try:
        tmp.rename(root)
    except OSError:
        if not (root / MANIFEST).is_file():  # else another process built the same environment first
            raise


def _requirement(spec: str) -> str:
    name, pinned, version = spec.partition("==")
    if not is_package_name(name) or (pinned and not _is_version(version)):
        raise DependencyError(f"{spec!r} is not a package name, optionally with ==version")
    return spec


def _is_version(text: str) -> bool:
    try:
        Version(text)
    except InvalidVersion:
        return False
    return text == text.strip()


def _link(source: Path, link: Path) -> None:
    try:
        link.symlink_to(source, target_is_directory=source.is_dir())
    except OSError:
        if sys.platform == "win32" and source.is_dir():
            import _winapi  # a directory junction needs no symlink privilege

            _winapi.CreateJunction(str(source), str(link))
        else:
            raise


def _run(argv: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise DependencyError(f"cannot run {argv[0]}: {exc}") from None


def _check_call(argv: list[str], what: str) -> str:
    done = _run(argv, Path.cwd(), 120)
    if done.returncode != 0:
        raise DependencyError(f"cannot {what}: {_last_line(done.stderr)}")
    return done.stdout


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no output"
