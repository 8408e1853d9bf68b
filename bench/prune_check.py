"""Checks that every group of Qt files AEGIS prunes from packages can go: removes them one group at a time.

    .venv/bin/python bench/prune_check.py [--out PATH]

Packages the counter and the text editor one-dir with nothing pruned, then deletes the files of each
pattern in aegis.freeze.PRUNED from the package, cumulatively, in order, and runs the executable's headless
check (the probe inside the package, offscreen, exploring) after every removal. Prints a table and writes
bench/results/<date>-prune.json (or --out). Run it again after upgrading PySide6 or PyInstaller.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from aegis.config import PackageConfig, ProbeConfig
from aegis.package import freeze
from aegis.package.packager import PyInstallerPackager
from aegis.package.verify import ExecutableProber
from aegis.paths import cache_dir
from aegis.sandbox.runner import SubprocessRunner

HERE = Path(__file__).resolve().parent
PATTERNS = freeze.PRUNED
APPS = {"counter": HERE.parent / "tests" / "apps" / "counter_ok.py", "text-editor": HERE / "apps" / "text_editor.py"}


def removal_steps(name: str, app: Path, scratch: Path) -> list[dict[str, Any]]:
    packager = PyInstallerPackager(SubprocessRunner(), PackageConfig(), cache=cache_dir())
    result = packager.package(app, scratch / name, name=f"{name}-unpruned")
    if not result.ok:
        sys.exit(f"{name}: the unpruned package fails: {result.message}")
    bundle = Path(result.executable).parent / "_internal"
    check = ExecutableProber(SubprocessRunner(), ProbeConfig(explore_seconds=5.0))
    steps = []
    for pattern in PATTERNS:
        removed = [f for f in bundle.rglob("*") if f.is_file() and fnmatch.fnmatch(_dest(f, bundle), pattern)]
        for file in removed:
            file.unlink()
        verdict = check.probe(Path(result.executable), app, scratch / name / "check")
        failures = [p.message for p in verdict.failures]
        steps.append({"pattern": pattern, "files": len(removed), "passed": verdict.passed, "failures": failures})
        print(f"{name:12} {pattern:70} {len(removed):3} file(s)  {'pass' if verdict.passed else failures}")
    return steps


def _dest(file: Path, bundle: Path) -> str:
    return file.relative_to(bundle).as_posix()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "results" / f"{date.today()}-prune.json")
    args = parser.parse_args()
    freeze.PRUNED = ()  # build with everything, then remove group by group
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="aegis-prune-") as scratch:
        for name, app in APPS.items():
            results[name] = removal_steps(name, app, Path(scratch))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"date": str(date.today()), "apps": results}, indent=2) + "\n", encoding="utf-8")
    print(f"results: {args.out}")


if __name__ == "__main__":
    main()
