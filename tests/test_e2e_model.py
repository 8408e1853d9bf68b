"""End to end with the real embedded model (slow: minutes on 2 cores). Runs in CI all the same."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aegis.config import load_config
from aegis.generate.session import build_one
from aegis.llm import make_llm
from aegis.schema import Task

DRIVER = Path(__file__).parent / "drivers" / "click_counter.py"
TASK = "a window with a button; clicking it increments a counter shown in a label"


def click_and_read(app: Path) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(DRIVER), str(app)], env=env, capture_output=True, text=True, timeout=60, cwd=app.parent
    )
    line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def test_driver_sees_a_working_counter(tmp_path: Path) -> None:
    """The driver itself can fail: a counter that does not count is caught."""
    from helpers import COUNTER_APP

    good, broken = tmp_path / "good.py", tmp_path / "broken.py"
    good.write_text(COUNTER_APP)
    broken.write_text(COUNTER_APP.replace("self.count += 1", "pass"))
    assert click_and_read(good)["counted"] is True
    assert click_and_read(broken)["counted"] is False


@pytest.mark.slow
def test_embedded_model_builds_a_working_counter(tmp_path: Path) -> None:
    config = load_config(
        flags={
            "llm": {"model": "local"},
            "loop": {"max_rounds": 4, "spec": False},  # its own driver checks the counting
            "package": {"enabled": False},
            "runs": {"dir": tmp_path / "runs"},
        },
        env={},
    )
    llm = make_llm(config.llm)
    try:
        result = build_one(Task(id="e2e", task=TASK), config, llm)
    finally:
        llm.close()
    assert result.status == "pass", f"{result.message}; see {result.run_dir}"
    assert result.rounds <= 4
    report = click_and_read(Path(result.app_path))
    assert report["counted"], report
