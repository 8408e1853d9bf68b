"""Buttons and signals connected to nothing are named: a build fails them (a generated program must do what its labels
say), `aegis check` of a program people wrote only shows them (a style gallery's sample buttons do nothing
on purpose). Buttons wired in any way the code cannot follow are left alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aegis.config import ProbeConfig, SandboxConfig
from aegis.precheck.unwired import find_unwired
from aegis.sandbox.isolation import make_runner
from aegis.schema import Task
from aegis.verdict.headless import HeadlessProber
from aegis.verdict.requirements import requirements_of

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "tests" / "apps" / "placeholders" / "unwired.py"
WORKING = sorted((ROOT / "bench" / "corpus").glob("*.py")) + sorted((ROOT / "tests" / "apps").rglob("*ok*.py"))


def test_buttons_only_placed_and_signals_only_emitted_are_unwired_and_those_wired_any_way_are_not() -> None:
    found = find_unwired(APP.read_text())
    assert [p.message for p in found] == [
        "the 'Back' button (line 34) is connected to nothing, so clicking it does nothing; "
        "connect self.back_button.clicked to a method that does what it says",
        "the 'Forward' button (line 35) is connected to nothing, so clicking it does nothing; "
        "connect self.forward_button.clicked to a method that does what it says",
        "the 'Home' button (line 40) is connected to nothing, so clicking it does nothing; "
        "connect home.clicked to a method that does what it says",
        "stop() (line 77) only emits the signal stop_signal, which nothing is connected to, so it does nothing; "
        "connect stop_signal to a method that does the work, or do the work in stop()",
    ]
    assert {(p.kind, p.severity) for p in found} == {("placeholder", "fail")}


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ("getattr(self, 'back_button')", "attributes read by name"),
        ("self.findChildren(QPushButton)", "buttons found again through their parent"),
        ("QMetaObject.connectSlotsByName(self)", "slots connected by name"),
    ],
)
def test_a_program_the_code_cannot_follow_is_not_judged(change: str, why: str) -> None:
    source = APP.read_text().replace(
        "    def load(self):", f"    def wire(self):\n        {change}\n\n    def load(self):"
    )
    assert find_unwired(source) == [], why


def test_a_button_whose_text_another_function_changes_is_a_display() -> None:
    source = APP.read_text()
    assert not any("Visits" in p.message for p in find_unwired(source))
    unchanged = source.replace('        self.visits.setText("Visits: 1")\n', "")
    assert any("'Visits: 0' button" in p.message for p in find_unwired(unchanged))


def test_an_icon_button_made_without_text_is_not_judged() -> None:
    source = (
        "def make(layout):\n    icon = QToolButton()\n    icon.setIcon(QIcon('logo.png'))\n    layout.addWidget(icon)\n"
    )
    assert find_unwired(source) == []
    assert len(find_unwired(source.replace("QToolButton()", "QToolButton(text='Logo')"))) == 1


@pytest.mark.parametrize("program", WORKING, ids=lambda p: p.stem)
def test_no_false_alarm_on_working_programs(program: Path) -> None:
    assert find_unwired(program.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(("generated", "status", "severity"), [(True, "fail", "fail"), (False, "pass", "warn")])
def test_a_build_fails_what_is_unwired_and_a_check_of_any_program_only_names_it(
    generated: bool, status: str, severity: str, tmp_path: Path
) -> None:
    prober = HeadlessProber(make_runner(SandboxConfig()), ProbeConfig(timeout=8, max_actions=4), generated=generated)
    (tmp_path / "app").mkdir()
    verdict = prober.probe(Path(shutil.copy(APP, tmp_path / "app" / "app.py")), tmp_path / "probe")
    dead = [p for p in verdict.problems if p.kind == "placeholder"]
    assert verdict.status == status and len(dead) == 4
    assert {p.severity for p in dead} == {severity}
    failed = [r.name for r in requirements_of(Task(id="t", task="a browser"), verdict) if r.status == "failed"]
    assert failed == (
        [
            "the 'Back' button works",
            "the 'Forward' button works",
            "the 'Home' button works",
            "the feature behind stop() works",
        ]
        if generated
        else []
    )
