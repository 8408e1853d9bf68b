"""Benchmark: the seed's packaging (`pyinstaller --onefile` in an environment with full PySide6) against AEGIS's.

    .venv/bin/python bench/package_bench.py [--out PATH]

For the counter (tests/apps/counter_ok.py) and a text editor with menus (bench/apps/text_editor.py):

  seed      a temporary venv made with uv holding the `PySide6` metapackage (Essentials + Addons),
            PyInstaller and AEGIS's own dependencies; `pyinstaller --onefile --windowed app.py`;
            the file's size is what the user downloads; then a 5 s offscreen start
  one-dir   AEGIS's packager, cold (a fresh cache folder: build environment, PyInstaller's cache and the
            app's work folder all made from nothing, packages still from uv's cache), then cached (the same
            app with a small code change, rebuilt in the same cache); the .tar.gz is the download
  one-file  the same, in one-file mode; the executable is the download

AEGIS's seconds are the packager's whole job: environment, PyInstaller, the executable's headless check and
the archive. Targets: the download at most 60% of the seed's one-file; a cached rebuild at least 2x faster
than cold. Writes bench/results/<date>-package.json (or --out) after every step, so a cut-short run keeps
what it measured. Takes several minutes: seven PyInstaller builds per app.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from aegis.config import PackageConfig
from aegis.package.buildenv import build_requirements
from aegis.package.packager import PyInstallerPackager
from aegis.sandbox.runner import SubprocessRunner

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
APPS = {"counter": ROOT / "tests" / "apps" / "counter_ok.py", "text-editor": HERE / "apps" / "text_editor.py"}
SIZE_TARGET = 0.60
SPEEDUP_TARGET = 2.0
UV = [sys.executable, "-m", "uv"]


def seed_env(folder: Path) -> tuple[Path, float]:
    """A venv as the seed had it: full PySide6 and AEGIS's own dependencies next to PyInstaller."""
    started = time.monotonic()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    own = [d for d in project["dependencies"] if not d.lower().startswith(("pyside6", "pyinstaller"))]
    pins = [r.replace("PySide6-Essentials", "PySide6") for r in build_requirements(addons=False)]
    subprocess.run([*UV, "venv", "--quiet", "--python", sys.executable, str(folder)], check=True)
    python = folder / "bin" / "python"
    subprocess.run([*UV, "pip", "install", "--quiet", "--python", str(python), *pins, *own], check=True)
    return python, time.monotonic() - started


def seed_onefile(python: Path, app: Path, work: Path) -> dict[str, Any]:
    work.mkdir(parents=True)
    shutil.copy(app, work / "app.py")
    argv = [str(python), "-m", "PyInstaller", "--noconfirm", "--onefile", "--windowed", "--name", "app", "app.py"]
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(work / "config")}
    started = time.monotonic()
    with (work / "pyinstaller.log").open("w") as log:
        subprocess.run(argv, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT, check=True)
    seconds = time.monotonic() - started
    exe = work / "dist" / "app"
    return {"bytes": exe.stat().st_size, "seconds": round(seconds, 1), "starts": starts_offscreen(exe)}


def starts_offscreen(exe: Path) -> bool:
    with tempfile.TemporaryDirectory() as home:
        env = {"QT_QPA_PLATFORM": "offscreen", "HOME": home, "TMPDIR": home}  # a killed one-file leaves its unpacking
        result = SubprocessRunner().run([str(exe)], cwd=Path(home), timeout=5.0, env=env)
    return result.timed_out and "Traceback" not in result.stderr


def aegis_builds(app: Path, mode: str, scratch: Path) -> dict[str, Any]:
    """Cold in a fresh cache, then cached after a small change; same name, so the same work folder."""
    config = PackageConfig.model_validate({"mode": mode})
    packager = PyInstallerPackager(SubprocessRunner(), config, cache=scratch / "cache")
    scratch.mkdir(parents=True, exist_ok=True)
    source = scratch / "app.py"
    source.write_text(app.read_text(encoding="utf-8"), encoding="utf-8")
    cold = packager.package(source, scratch / "cold", name="app")
    source.write_text(app.read_text(encoding="utf-8") + "\n# a small change\nCHANGED = True\n", encoding="utf-8")
    cached = packager.package(source, scratch / "cached", name="app")
    return {"cold": summary(cold.model_dump(), mode), "cached": summary(cached.model_dump(), mode)}


def summary(result: dict[str, Any], mode: str) -> dict[str, Any]:
    exe = Path(result["executable"]) if result["executable"] else None
    download = exe.stat().st_size if mode == "onefile" and exe else result["size_bytes"]
    unpacked = sum(f.stat().st_size for f in exe.parent.rglob("*") if f.is_file() and not f.is_symlink()) if exe else 0
    return {
        "ok": result["ok"],
        "download_bytes": download,
        "archive_bytes": result["size_bytes"],
        "unpacked_bytes": unpacked if mode == "onedir" else download,
        "seconds": round(result["seconds"], 1),
        "cached": result["cached"],
        "verified": result["verified"],
        "message": result["message"],
    }


def judge(app: dict[str, Any]) -> dict[str, Any]:
    seed = app["seed_onefile"]["bytes"]
    verdicts = {}
    for mode in ("onedir", "onefile"):
        builds = app.get(mode)
        if not builds:
            continue
        size = builds["cold"]["download_bytes"] / seed
        speedup = builds["cold"]["seconds"] / max(builds["cached"]["seconds"], 0.1)
        verdicts[mode] = {
            "download_vs_seed": round(size, 3),
            "size_target_met": size <= SIZE_TARGET,
            "cached_speedup": round(speedup, 2),
            "speed_target_met": speedup >= SPEEDUP_TARGET,
        }
    return verdicts


def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "requirements": build_requirements(addons=False),
    }


def save(out: Path, data: dict[str, Any]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def report(name: str, app: dict[str, Any]) -> None:
    seed = app["seed_onefile"]
    print(f"{name}: seed one-file {seed['bytes'] / 1e6:.1f} MB in {seed['seconds']:.0f} s (starts: {seed['starts']})")
    for mode in ("onedir", "onefile"):
        cold, cached, verdict = app[mode]["cold"], app[mode]["cached"], app["targets"][mode]
        size = f"{cold['download_bytes'] / 1e6:.1f} MB ({verdict['download_vs_seed']:.0%} of seed)"
        print(
            f"  aegis {mode}: download {size}, "
            f"cold {cold['seconds']:.0f} s, cached {cached['seconds']:.0f} s ({verdict['cached_speedup']:.1f}x); "
            f"ok {cold['ok']}/{cached['ok']}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "results" / f"{date.today()}-package.json")
    args = parser.parse_args()
    data: dict[str, Any] = {"date": str(date.today()), "machine": machine(), "apps": {}}
    with tempfile.TemporaryDirectory(prefix="aegis-package-bench-") as scratch_dir:
        scratch = Path(scratch_dir)
        python, env_seconds = seed_env(scratch / "seed-env")
        data["seed_env_seconds"] = round(env_seconds, 1)
        for name, app in APPS.items():
            result: dict[str, Any] = {}
            data["apps"][name] = result
            result["seed_onefile"] = seed_onefile(python, app, scratch / name / "seed")
            save(args.out, data)
            for mode in ("onedir", "onefile"):
                result[mode] = aegis_builds(app, mode, scratch / name / mode)
                save(args.out, data)
            result["targets"] = judge(result)
            save(args.out, data)
            report(name, result)
    print(f"results: {args.out}")


if __name__ == "__main__":
    main()
