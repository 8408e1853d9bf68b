"""bench/mutate.py: the check benchmark's fault injector finds the handlers, and every mutant raises there."""

from __future__ import annotations

import importlib.util
import sys
import traceback
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent

SOURCE = '''
import functools


class Signal:
    def __init__(self):
        self.slots = []

    def connect(self, slot):
        self.slots.append(slot)


class App:
    def __init__(self):
        self.clicked, self.timeout, self.typed, self.chosen = Signal(), Signal(), Signal(), Signal()
        self.clicked.connect(self.on_click)
        self.timeout.connect(self.tick)
        self.typed.connect(lambda text: self.on_text(text))
        self.chosen.connect(functools.partial(self.on_choice, 3))
        for signal, slot in ((self.clicked, self.documented),):
            signal.connect(slot)
        self.clicked.connect(self.one_liner)
        self.clicked.connect(print)

    def on_click(self):
        return 1

    def tick(self):
        return 2

    def on_text(self, text):
        return text

    def on_choice(self, n, value):
        return n + value

    def documented(self):
        """Docstring stays first."""
        return 3

    def one_liner(self): return 4

    def not_a_handler(self):
        return 5
'''

ARGS: dict[str, tuple[object, ...]] = {"on_text": ("x",), "on_choice": (3, 4)}


def _load_mutate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_mutate", ROOT / "bench" / "mutate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


mutate = _load_mutate()


def test_finds_connected_handlers_only_and_marks_timers() -> None:
    found = {m.handler: m.trigger for m in mutate.mutants(SOURCE)}
    assert found == {
        "App.on_click": "gui",
        "App.tick": "timer",
        "App.on_text": "gui",
        "App.on_choice": "gui",
        "App.documented": "gui",
        "App.one_liner": "gui",
    }


@pytest.mark.parametrize("index", range(6))
def test_each_mutant_raises_in_its_handler_at_the_reported_line(index: int) -> None:
    mutant = mutate.mutants(SOURCE)[index]
    namespace: dict[str, object] = {}
    exec(compile(mutant.source, "<mutant>", "exec"), namespace)
    app = namespace["App"]()  # type: ignore[operator]
    method = mutant.handler.split(".")[-1]
    with pytest.raises(Exception) as caught:
        getattr(app, method)(*ARGS.get(method, ()))
    last = traceback.extract_tb(caught.value.__traceback__)[-1]
    assert (last.name, last.lineno) == (method, mutant.line)


def test_faults_go_round_the_kinds_and_output_is_deterministic() -> None:
    first, second = mutate.mutants(SOURCE), mutate.mutants(SOURCE)
    assert first == second
    assert [m.fault for m in first[:4]] == list(mutate.FAULTS)


def test_docstring_stays_the_docstring() -> None:
    mutant = next(m for m in mutate.mutants(SOURCE) if m.handler == "App.documented")
    namespace: dict[str, object] = {}
    exec(compile(mutant.source, "<mutant>", "exec"), namespace)
    assert namespace["App"].documented.__doc__ == "Docstring stays first."  # type: ignore[attr-defined]


def test_every_corpus_program_has_gui_handlers_and_valid_mutants() -> None:
    for program in sorted((ROOT / "bench" / "corpus").glob("*.py")):
        found = mutate.mutants(program.read_text(encoding="utf-8"))
        assert sum(m.trigger == "gui" for m in found) >= 2, program.name
        for mutant in found:
            compile(mutant.source, program.name, "exec")
