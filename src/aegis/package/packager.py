"""Package a passing app into a small executable that is checked like the source, plus a .tar.gz to ship.

    build environment (buildenv.py: PySide6-Essentials + PyInstaller + the app's packages, cached per set)
    -> plan (freeze.py: the app's imports, excluded modules, pruned Qt plugins) beside AEGIS's spec
    -> PyInstaller in the app's cached work folder, output to out_dir/pyinstaller.log
    -> the executable's headless check (verify.py) -> <name>.tar.gz and <name>.tar.gz.sha256

The analysed main script is the same for every app (data/pyinstaller/main.py runs the app's module), so
when only the app's code changed PyInstaller reuses its analysis and rebuilds in seconds. Under the cache
folder (`AEGIS_CACHE_DIR`, else the user cache):

    build-envs/<key>/                       the build environments (buildenv.py)
    pyinstaller/                            PyInstaller's own cache: stripped binaries, base module graph
    package-work/<name>-<mode>-<env key>/   per app: spec, plan.json, hooks, probe copy, PyInstaller workpath
"""

from __future__ import annotations

import hashlib
import json
import tarfile
import time
from collections.abc import Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from aegis.config import PackageConfig, ProbeConfig
from aegis.errors import PackagingError
from aegis.package import freeze
from aegis.package.buildenv import BuildEnvs, build_requirements, locked
from aegis.package.verify import APP_MODULE, ExecutableProber
from aegis.paths import cache_dir
from aegis.protocols import Runner
from aegis.schema import ExecResult, PackageResult, Verdict
from aegis.verdict.toolkit import detect_toolkit

SPEC = "aegis.spec"
LOG = "pyinstaller.log"
ZLIB_LEVEL = 6
"""For the one-file archive and the .tar.gz: 3x faster than PyInstaller's 9 for 0.5% more bytes."""


class PyInstallerPackager:
    def __init__(
        self, runner: Runner, config: PackageConfig, *, probe: ProbeConfig | None = None, cache: Path | None = None
    ) -> None:
        self.runner = runner
        self.config = config
        self.prober = ExecutableProber(runner, probe or ProbeConfig())
        self.cache = cache or cache_dir()
        self.envs = BuildEnvs(self.cache / "build-envs", timeout=config.timeout)

    def package(self, app: Path, out_dir: Path, *, name: str, packages: Sequence[str] = ()) -> PackageResult:
        """Build, check and archive `app` under out_dir/dist; `packages` are its extra allowed distributions."""
        started = time.monotonic()
        app, out_dir = app.resolve(), out_dir.resolve()
        try:
            exe, cached = self._freeze(app, out_dir, name, packages)
        except PackagingError as exc:
            return PackageResult(ok=False, seconds=time.monotonic() - started, message=str(exc))
        verdict = self.prober.probe(exe, app, out_dir / "package-check")
        if not verdict.passed:
            message = f"the packaged app fails its check: {_first_failure(verdict)}"
            return PackageResult(ok=False, executable=str(exe), seconds=time.monotonic() - started, message=message)
        target = exe if self.config.mode == "onefile" else exe.parent
        archive, digest = write_archive(target)
        return PackageResult(
            ok=True,
            executable=str(exe),
            size_bytes=archive.stat().st_size,
            seconds=time.monotonic() - started,
            message=how_to_run(archive, exe, target),
            archive=str(archive),
            sha256=digest,
            cached=cached,
            verified=_verified(verdict),
        )

    def _freeze(self, app: Path, out_dir: Path, name: str, packages: Sequence[str]) -> tuple[Path, bool]:
        """PyInstaller's executable, and whether its analysis came from the cache."""
        code = app.read_text(encoding="utf-8")
        requirements = build_requirements(addons=freeze.needs_addons(code), packages=packages)
        python = self.envs.ensure(requirements)
        work = self.cache / "package-work" / f"{name}-{self.config.mode}-{self.envs.key(requirements)[:8]}"
        with locked(work.with_name(work.name + ".lock")):
            write_plan(work, code, name=name, onefile=self.config.mode == "onefile", packages=bool(packages))
            result = self._pyinstaller(python, work, out_dir)
        log = result.stdout + result.stderr
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / LOG).write_text(log, encoding="utf-8")
        exe = out_dir / "dist" / name if self.config.mode == "onefile" else out_dir / "dist" / name / name
        if result.returncode != 0 or not exe.exists():
            reason = "timed out" if result.timed_out else _last_line(log)
            raise PackagingError(f"PyInstaller failed: {reason} (see {out_dir / LOG})")
        return exe, "Running Analysis" not in log

    def _pyinstaller(self, python: Path, work: Path, out_dir: Path) -> ExecResult:
        return self.runner.run(
            [
                str(python),
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--distpath",
                str(out_dir / "dist"),
                "--workpath",
                str(work / "build"),
                str(work / SPEC),
            ],
            cwd=work,
            timeout=self.config.timeout,
            env={
                "HOME": str(work),
                "PYINSTALLER_CONFIG_DIR": str(self.cache / "pyinstaller"),
                "PYINSTALLER_ZLIB_COMPRESSION_LEVEL": str(ZLIB_LEVEL),
            },
            writable=[out_dir, self.cache / "pyinstaller"],
        )


def write_plan(work: Path, code: str, *, name: str, onefile: bool, packages: bool) -> None:
    """AEGIS's spec, main script, runtime hook, Qt hooks, probe copy and the app's code in `work`, and
    plan.json saying what to build. Files are rewritten only when their content changes: PyInstaller's cache
    goes by their dates. The app is packaged as one module; modules beside it are not bundled."""
    toolkit = detect_toolkit(code)
    hooks = _write_support(work)
    _sync(work / "app" / f"{APP_MODULE}.py", code.encode())  # a stable path: each build's run folder is new
    plan: dict[str, Any] = {
        "name": name,
        "onefile": onefile,
        "strip": True,
        "main": str(work / "main.py"),
        "app": str(work / "app" / f"{APP_MODULE}.py"),
        "app_module": APP_MODULE,
        "pathex": [str(work / "probe-src")],
        "hiddenimports": freeze.hidden_imports(code, toolkit),
        "excludes": freeze.excludes(code, toolkit, extra_packages=packages),
        "hooks": str(hooks),
        "runtime_hooks": [str(work / "rthook_probe.py")],
    }
    _sync(work / "plan.json", json.dumps(plan, indent=1).encode())


def _write_support(work: Path) -> Path:
    data = resources.files("aegis") / "data" / "pyinstaller"
    for name in (SPEC, "main.py", "rthook_probe.py"):
        _sync(work / name, data.joinpath(name).read_bytes())
    _sync(work / "probe-src" / "aegis" / "__init__.py", b'"""The AEGIS probe, packaged dormant."""\n')
    _copy_tree(resources.files("aegis.probe"), work / "probe-src" / "aegis" / "probe")
    prune = json.dumps(freeze.PRUNED).encode()
    hook = data.joinpath("hook-PySide6-module.py").read_bytes()
    hooks = work / f"hooks-{hashlib.sha256(prune + hook).hexdigest()[:8]}"  # a new folder: a new analysis
    _sync(hooks / "prune.json", prune)
    for module in freeze.QT_HOOKED:
        _sync(hooks / f"hook-PySide6.{module}.py", hook)
    return hooks


def _copy_tree(source: Traversable, target: Path) -> None:
    """The probe's Python files, sub-packages included."""
    for entry in source.iterdir():
        if entry.is_dir() and entry.name != "__pycache__":
            _copy_tree(entry, target / entry.name)
        elif entry.name.endswith(".py"):
            _sync(target / entry.name, entry.read_bytes())


def _sync(path: Path, content: bytes) -> None:
    if not path.exists() or path.read_bytes() != content:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def write_archive(target: Path) -> tuple[Path, str]:
    """`<target>.tar.gz` next to target (symlinks kept) and `<archive>.sha256` in sha256sum's format."""
    archive = target.with_name(target.name + ".tar.gz")
    level = 1 if target.is_file() else ZLIB_LEVEL  # a one-file executable is compressed already
    with tarfile.open(archive, "w:gz", compresslevel=level) as tar:
        tar.add(target, arcname=target.name)
    digest = file_sha256(archive)
    archive.with_name(archive.name + ".sha256").write_text(f"{digest}  {archive.name}\n", encoding="utf-8")
    return archive, digest


def file_sha256(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as file:
        while block := file.read(1 << 20):
            sha.update(block)
    return sha.hexdigest()


def how_to_run(archive: Path, exe: Path, target: Path) -> str:
    size = archive.stat().st_size / 1e6
    command = f"./{target.name}" if target == exe else f"./{target.name}/{exe.name}"
    return f"{archive} ({size:.1f} MB): run it with `tar xzf {archive.name} && {command}`"


def _verified(verdict: Verdict) -> str:
    window = next((f"window '{w.title}' ({w.width}x{w.height})" for w in verdict.windows), "its window")
    return f"headless check of the executable passed: {window}, {verdict.actions} action(s) explored"


def _first_failure(verdict: Verdict) -> str:
    problem = verdict.failures[0]
    after = f" (after {problem.action})" if problem.action else ""
    return f"{problem.kind}: {problem.message}{after}"


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""
