"""bench/rejudge.py: earlier benches' programs judged again with today's checks, each bench counted on the same
requirements; a row whose build left no program passes none of them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMER = ROOT / "tests" / "apps" / "datasets" / "easy_timer.py"
COUNTER = ROOT / "tests" / "apps" / "counter_ok.py"


def _bench(folder: Path, rows: list[dict[str, object]], programs: dict[str, Path] | None = None) -> Path:
    """A bench folder as `aegis bench` leaves it: results.jsonl, and each row's program under the folder."""
    folder.mkdir()
    for name, source in (programs or {}).items():
        shutil.copyfile(source, folder / name)
    (folder / "results.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    return folder


def test_every_bench_is_counted_on_todays_checks(tmp_path: Path) -> None:
    timer_row = {"task_id": "timer", "status": "pass", "app": "timer.py", "requirements_passed": 1}
    counter_row = {"task_id": "timer", "status": "pass", "app": "counter.py"}
    new = _bench(tmp_path / "new", [timer_row, counter_row], {"timer.py": TIMER, "counter.py": COUNTER})
    old = _bench(tmp_path / "old", [{"task_id": "timer", "status": "error", "app": ""}])
    out = tmp_path / "rejudge.json"

    done = subprocess.run(
        [sys.executable, "bench/rejudge.py", "datasets/easy.json", f"new={new}", f"old={old}", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert done.returncode == 0, done.stderr
    document = json.loads(out.read_text())
    timer, counter, nothing = document["rows"]
    assert timer["status"] == "pass" and timer["passed"] == timer["checked"] > 0 and timer["own_checks"] == "1/0"
    assert counter["passed"] == 0 and counter["failed"]  # a counter is no timer: today's checks fail it
    assert nothing == {**nothing, "status": "no program", "passed": 0, "checked": timer["checked"]}
    assert document["summary"]["old"]["rate"] == 0.0
    assert document["summary"]["new"]["passed"] == timer["checked"]
