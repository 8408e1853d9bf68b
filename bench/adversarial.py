"""Benchmark: every attack of the adversarial corpus against the sandbox and the check, and the working corpus.

    .venv/bin/python bench/adversarial.py [--corpus] [--baseline-src PATH] [--out PATH]

Each attack is one program of tests/apps/adversarial_*.py, run as AEGIS runs programs (the headless check
from an attempt folder, or the sandbox runner), and judged by what the host sees afterwards: a canary file
untouched, no link or file left in the attempt folder, no root-only file read, the cap named, the verdict
failed. Per attack: contained or not, the verdict (or the run's end), seconds.

--corpus also checks every program of bench/corpus (40 working programs) with `aegis check`, counting false
failures and the median seconds to a verdict; --baseline-src runs the same checks a second time with an
older AEGIS's source folder first on PYTHONPATH (interleaved, program by program), so the two medians come
from one run on one machine. Writes bench/results/<date>-adversarial.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from aegis.config import ProbeConfig, SandboxConfig
from aegis.sandbox.isolation import SandboxRunner, make_runner
from aegis.schema import ExecResult, Verdict
from aegis.verdict.headless import HeadlessProber

ROOT = Path(__file__).resolve().parent.parent
APPS = ROOT / "tests" / "apps"
CORPUS = ROOT / "bench" / "corpus"
FAST = ProbeConfig(timeout=6, settle=0.2, explore=False, explore_seconds=1)
EXPLORE = ProbeConfig(timeout=6, settle=0.2, explore=True, explore_seconds=6)
Outcome = dict[str, Any]
CLI = "import sys; from aegis.cli import main; sys.argv[0] = 'aegis'; main()"
"""The `aegis` command, from whichever source PYTHONPATH puts first."""


def check(name: str, folder: Path, config: ProbeConfig = FAST, **files: str) -> Verdict:
    attempt = folder / "attempt"
    attempt.mkdir(parents=True)
    app = Path(shutil.copy(APPS / f"{name}.py", attempt / "app.py"))
    for file_name, text in files.items():
        (attempt / file_name).write_text(text, encoding="utf-8")
    return HeadlessProber(make_runner(SandboxConfig()), config).probe(app, attempt)


def run(name: str, folder: Path, *args: str, runner: SandboxRunner | None = None) -> ExecResult:
    work = folder / "work"
    work.mkdir(parents=True)
    app = Path(shutil.copy(APPS / f"{name}.py", work / "app.py"))
    return (runner or make_runner(SandboxConfig())).run([sys.executable, str(app), *args], cwd=work, timeout=30)


def verdict_outcome(verdict: Verdict, contained: bool) -> Outcome:
    first = verdict.failures[0] if verdict.failures else None
    return {
        "contained": contained,
        "verdict": verdict.status,
        "problem": f"{first.kind}: {first.message}"[:200] if first else "",
    }


def run_outcome(result: ExecResult, contained: bool) -> Outcome:
    return {"contained": contained, "verdict": f"exit {result.returncode}", "problem": result.cap_hit or ""}


def links(folder: Path) -> Outcome:
    canary = folder / "canary.txt"
    canary.write_text("untouched")
    verdict = check("adversarial_links", folder)
    attempt = folder / "attempt"
    clean = canary.read_text() == "untouched" and not any(p.is_symlink() for p in attempt.rglob("*"))
    return verdict_outcome(verdict, clean)


def forged_report(folder: Path) -> Outcome:
    verdict = check("adversarial_forge_report", folder)
    return verdict_outcome(verdict, not verdict.passed and not verdict.windows)


def own_excepthook(folder: Path) -> Outcome:
    verdict = check("adversarial_excepthook", folder, EXPLORE)
    return verdict_outcome(verdict, any(p.message == "RuntimeError: Go is broken" for p in verdict.failures))


def exit_from_button(folder: Path) -> Outcome:
    verdict = check("adversarial_exit_button", folder, EXPLORE)
    return verdict_outcome(verdict, any(p.kind == "early_exit" for p in verdict.failures))


def timer_quit(folder: Path) -> Outcome:
    verdict = check("adversarial_timer_quit", folder, EXPLORE)
    return verdict_outcome(verdict, any(p.kind == "early_exit" for p in verdict.failures))


def planted_screenshots(folder: Path) -> Outcome:
    verdict = check("adversarial_shots", folder)
    attempt = folder / "attempt"
    shots = list((attempt / "screenshots").iterdir())
    clean = (
        not (attempt / "left-behind.txt").exists()
        and not any(p.is_symlink() for p in attempt.rglob("*"))
        and all(p.read_bytes().startswith(b"\x89PNG") for p in shots)
    )
    return verdict_outcome(verdict, clean)


def root_only_file(folder: Path) -> Outcome:
    result = run("adversarial_identity", folder)
    return run_outcome(result, "read /etc/shadow" not in result.stdout)


def network(folder: Path) -> Outcome:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.settimeout(0.5)
        verdict = check("adversarial_network", folder, **{"port.txt": str(server.getsockname()[1])})
        try:
            server.accept()[0].close()
            reached = True
        except TimeoutError:
            reached = False
    refused = any(
        "ConnectionRefusedError" in p.message or "Network is unreachable" in p.message for p in verdict.failures
    )
    return verdict_outcome(verdict, not reached and refused)


def memory_split(folder: Path) -> Outcome:
    result = run("adversarial_memory_split", folder, "2048", runner=make_runner(SandboxConfig(run_memory_mb=3072)))
    return run_outcome(result, result.cap_hit == "memory" and result.stdout.count("child holds") < 2)


def shm_fill(folder: Path) -> Outcome:
    result = run("adversarial_shm_fill", folder, "4096")
    contained = "wrote 4096 MB" not in result.stdout and not Path("/dev/shm/aegis-fill").exists()
    return run_outcome(result, contained)


def disk_fill(folder: Path) -> Outcome:
    result = run("adversarial_disk_fill", folder, "12", "512")
    used = sum(p.stat().st_size for p in (folder / "work").glob("fill-*.bin"))
    return {**run_outcome(result, result.cap_hit == "disk"), "left_mb": used >> 20}


ATTACKS: dict[str, Callable[[Path], Outcome]] = {
    "links where AEGIS writes": links,
    "forged report": forged_report,
    "own sys.excepthook": own_excepthook,
    "os._exit from Save": exit_from_button,
    "quit from a timer": timer_quit,
    "planted screenshots": planted_screenshots,
    "read /etc/shadow": root_only_file,
    "connect to 127.0.0.1": network,
    "2 x 2 GB in two children": memory_split,
    "fill /dev/shm": shm_fill,
    "fill the disk (6 GB in files)": disk_fill,
}


def run_attacks() -> list[Outcome]:
    rows = []
    for name, attack in ATTACKS.items():
        with tempfile.TemporaryDirectory(prefix="aegis-adversarial-") as folder:
            started = time.monotonic()
            outcome = attack(Path(folder))
        rows.append({"attack": name, **outcome, "seconds": round(time.monotonic() - started, 2)})
        print(f"{'contained' if outcome['contained'] else 'NOT CONTAINED':14} {name}: {outcome['verdict']}")
    return rows


def check_corpus(baseline_src: Path | None) -> dict[str, Any]:
    """`aegis check` on every working program: false failures and seconds, with the baseline interleaved."""
    variants = {"current": None, **({"baseline": baseline_src} if baseline_src else {})}
    seconds: dict[str, list[float]] = {name: [] for name in variants}
    failures: dict[str, list[str]] = {name: [] for name in variants}
    for program in sorted(CORPUS.glob("*.py")):
        for name, source in variants.items():
            passed, took = aegis_check(program, source)
            seconds[name].append(took)
            if not passed:
                failures[name].append(program.stem)
        print(f"{program.stem}: " + ", ".join(f"{n} {seconds[n][-1]:.1f} s" for n in variants))
    return {
        name: {
            "programs": len(seconds[name]),
            "false_failures": failures[name],
            "median_seconds": round(statistics.median(seconds[name]), 2),
        }
        for name in variants
    }


def aegis_check(program: Path, source: Path | None) -> tuple[bool, float]:
    env = {**os.environ, **({"PYTHONPATH": str(source)} if source else {})}
    with tempfile.TemporaryDirectory(prefix="aegis-corpus-") as folder:
        app = Path(shutil.copy(program, Path(folder) / program.name))
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-c", CLI, "check", str(app), "--json"],
            capture_output=True,
            text=True,
            env=env,
            cwd=folder,
            check=False,
        )
        took = time.monotonic() - started
    try:
        return json.loads(done.stdout)["status"] == "pass", took
    except (json.JSONDecodeError, KeyError):
        return False, took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="store_true", help="also check the 40 working programs")
    parser.add_argument("--baseline-src", type=Path, default=None, help="an older AEGIS's src folder to compare")
    default_out = ROOT / "bench" / "results" / f"{date.today():%Y-%m-%d}-adversarial.json"
    parser.add_argument("--out", type=Path, default=default_out, help="where the results JSON goes")
    args = parser.parse_args()
    result: dict[str, Any] = {"date": f"{date.today()}", "as_root": os.geteuid() == 0, "attacks": run_attacks()}
    result["contained"] = sum(row["contained"] for row in result["attacks"])
    if args.corpus:
        result["corpus"] = check_corpus(args.baseline_src)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{result['contained']}/{len(ATTACKS)} attacks contained; wrote {args.out}")


if __name__ == "__main__":
    main()
