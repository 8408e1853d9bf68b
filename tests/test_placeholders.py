"""Pretended features are named: handlers that only announce work, next to code that says it is not done."""

from __future__ import annotations

from pathlib import Path

import pytest

from aegis.config import ProbeConfig, SandboxConfig
from aegis.generate.session import build_one
from aegis.llm import make_llm
from aegis.precheck.placeholders import find_placeholders
from aegis.sandbox.isolation import make_runner
from aegis.schema import Problem, Task, Verdict
from aegis.verdict.headless import HeadlessProber
from fakeserver import ScriptedServer
from helpers import fenced

APPS = Path(__file__).parent / "apps" / "placeholders"
CORPUS = Path(__file__).resolve().parents[1] / "bench" / "corpus"


def names(found: list[Problem]) -> list[str]:
    return [p.message.split("()")[0] for p in found]


def test_a_screenshot_handler_that_only_shows_a_message_box_is_a_placeholder() -> None:
    found = find_placeholders((APPS / "screenshot_shell.py").read_text())
    assert names(found) == ["take_screenshot", "start_recording"]
    assert all(p.kind == "placeholder" and p.severity == "fail" for p in found)
    assert "'Implement screenshot capturing logic here'" in found[0].message
    assert "(simulated)" in found[1].message


def test_a_simulated_progress_an_empty_handler_and_not_implemented_are_placeholders() -> None:
    found = find_placeholders((APPS / "converter_shell.py").read_text())
    assert names(found) == ["convert", "load_model", "export"]
    assert "Simulate conversion process" in found[0].message
    assert "connected to a control but does nothing" in found[1].message
    assert "NotImplementedError" in found[2].message and "implement what it stands for" in found[2].message


def test_real_features_with_a_todo_a_message_box_or_an_empty_override_are_not() -> None:
    assert find_placeholders((APPS / "real_features.py").read_text()) == []


@pytest.mark.parametrize("program", sorted(CORPUS.glob("*.py")), ids=lambda p: p.stem)
def test_no_false_alarm_on_the_working_corpus(program: Path) -> None:
    assert find_placeholders(program.read_text(encoding="utf-8")) == []


def test_code_that_does_not_parse_has_none() -> None:
    assert find_placeholders("def broken(:\n    # TODO implement here\n") == []


def probe(app: Path, out: Path, *, find_placeholders: bool = True) -> Verdict:
    config = ProbeConfig(timeout=8, settle=0.3, max_actions=6, find_placeholders=find_placeholders)
    return HeadlessProber(make_runner(SandboxConfig()), config).probe(app, out)


def test_the_verdict_names_a_shell_that_runs_cleanly_as_failing(tmp_path: Path) -> None:
    """The screenshot shell starts, survives every click, and would have passed the explorer alone."""
    verdict = probe(APPS / "screenshot_shell.py", tmp_path / "on")
    assert not verdict.passed and verdict.windows
    assert [p.kind for p in verdict.failures] == ["placeholder", "placeholder"]

    unchecked = probe(APPS / "screenshot_shell.py", tmp_path / "off", find_placeholders=False)
    assert unchecked.passed


def test_a_real_app_with_a_todo_comment_still_passes(tmp_path: Path) -> None:
    assert probe(APPS / "real_features.py", tmp_path).passed


NOTES_SHELL = (
    (APPS / "real_features.py")
    .read_text()
    .replace(
        """        # TODO: remember the last folder
        path, _ = QFileDialog.getSaveFileName(self, "Save", "", "Text (*.txt)")
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(self.text.toPlainText())
            QMessageBox.information(self, "Saved", f"Saved to {path}")""",
        """        # For simplicity, we just confirm the save
        QMessageBox.information(self, "Saved", "Your note was saved")""",
    )
)


def test_the_loop_sends_a_placeholder_back_and_the_real_feature_passes(server: ScriptedServer, config_for) -> None:
    assert "For simplicity" in NOTES_SHELL
    server.add(fenced(NOTES_SHELL), fenced((APPS / "real_features.py").read_text()))
    llm = make_llm(config_for(server).llm)
    try:
        result = build_one(Task(id="notes", task="a notes app that saves to a file"), config_for(server), llm)
    finally:
        llm.close()

    assert (result.status, result.rounds) == ("pass", 2)
    repair = server.requests[1]["messages"][-1]["content"]
    line = NOTES_SHELL.splitlines().index("    def save(self):") + 1
    assert f"save() (line {line}) is a placeholder" in repair and "For simplicity, we just confirm the save" in repair
