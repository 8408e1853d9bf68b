"""What real, human-written PySide6 programs do that the checker once got wrong (issue #14's real-world
corpus, bench/realworld): each app here is one such habit, written small; the check must pass it, or fail
it for the app's own fault and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

from aegis.config import ProbeConfig, SandboxConfig
from aegis.precheck.placeholders import find_placeholders
from aegis.sandbox.isolation import make_runner
from aegis.schema import Verdict
from aegis.verdict.headless import HeadlessProber

APPS = Path(__file__).parent / "apps"
FAST = ProbeConfig(timeout=5)


def run_check(name: str, out: Path) -> Verdict:
    return HeadlessProber(make_runner(SandboxConfig()), FAST).probe(APPS / f"{name}.py", out)


def actions_done(out: Path) -> list[str]:
    lines = (out / "probe.jsonl").read_text(encoding="utf-8").splitlines()
    return [r["description"] for r in map(json.loads, lines) if r["kind"] == "action" and "skipped" not in r]


def test_a_model_whose_row_count_requires_the_parent_is_explored_and_app_exec__works(tmp_path: Path) -> None:
    """Before: the explorer called rowCount() with no parent, blamed its own TypeError on the app and hung
    45 s; and the probe's wrapper made `app.exec_()` (an instance method) fail as unbound."""
    verdict = run_check("explore_model_rowcount_ok", tmp_path)
    assert verdict.status == "pass", verdict.problems
    assert "selected 'Milk' in QTableView" in actions_done(tmp_path)
    assert verdict.timings["total"] < 30


def test_a_tray_only_app_is_judged_on_its_tray_menu_with_an_environment_warning(tmp_path: Path) -> None:
    verdict = run_check("tray_only_ok", tmp_path)
    kinds = {(p.kind, p.severity) for p in verdict.problems}
    assert ("environment", "warn") in kinds
    crash = [p for p in verdict.problems if p.kind == "exception"]
    assert [p.message for p in crash] == ["RuntimeError: the tray menu's Crash entry ran"]  # reached, and blamed
    assert crash[0].action == "triggered tray menu action 'tray > Crash'"
    done = actions_done(tmp_path)
    assert "triggered tray menu action 'tray > Pick a colour'" in done
    assert [action for action in done if "Exit" in action] == done[-1:]  # the quitting entry only at the end
    assert any("QColorDialog" in dialog for dialog in verdict.dialogs)


def test_a_tray_app_whose_window_shows_on_a_click_of_its_icon_is_explored_in_that_window(tmp_path: Path) -> None:
    verdict = run_check("tray_click_shows_window_ok", tmp_path)
    assert verdict.status == "pass", verdict.problems
    assert [w.title for w in verdict.windows] == ["Tray Notes"]
    assert any("QTextEdit" in action for action in actions_done(tmp_path))


def test_an_app_that_picks_the_xcb_platform_runs_headless_and_its_portuguese_quit_is_pressed_last(
    tmp_path: Path,
) -> None:
    verdict = run_check("forced_platform_ok", tmp_path)
    assert verdict.status == "pass", verdict.problems
    assert [(p.kind, p.severity) for p in verdict.problems] == [("environment", "warn")]
    assert "'xcb'" in verdict.problems[0].message
    done = actions_done(tmp_path)
    assert [action for action in done if "Sair" in action] == ["triggered menu action 'Arquivo > Sair'"] == done[-1:]


def test_large_bold_low_contrast_text_warns_and_transparent_text_is_not_judged(tmp_path: Path) -> None:
    verdict = run_check("explore_hidden_text_ok", tmp_path)
    assert verdict.status == "pass", verdict.problems
    judged = [p for p in verdict.problems if p.kind == "unreadable_text"]
    assert [(p.severity, "'MR'" in p.message) for p in judged] == [("warn", True)]


def test_an_empty_slot_is_a_placeholder_only_where_the_user_fires_it() -> None:
    code = """
class Window:
    def __init__(self):
        self.worker.signals.finished.connect(self.unzip_finished)
        self.button.clicked.connect(self.on_export)
        self.check.toggled[bool].connect(self.on_toggle)

    def unzip_finished(self):
        pass

    def on_export(self):
        pass

    def on_toggle(self, on):
        pass
"""
    found = sorted(p.message.split("(")[0] for p in find_placeholders(code))
    assert found == ["on_export", "on_toggle"]


def test_quit_is_pressed_last_and_a_fault_in_its_handler_fails_the_app(tmp_path: Path) -> None:
    verdict = run_check("explore_quit_handler_exception", tmp_path)
    assert verdict.status == "fail"
    assert [(p.kind, p.action) for p in verdict.problems] == [("exception", "triggered menu action 'File > Quit'")]
    assert verdict.problems[0].message == "KeyError: 'best'"
    assert verdict.screenshots and all(Path(shot).exists() for shot in verdict.screenshots)  # taken before Quit


def test_a_dialog_cancelled_while_exploring_is_opened_again_filled_in_and_accepted(tmp_path: Path) -> None:
    verdict = run_check("explore_dialog_accept_exception", tmp_path)
    assert verdict.status == "fail"
    found = [(p.message, p.action) for p in verdict.problems]
    assert found == [
        (
            "AttributeError: 'str' object has no attribute 'title_case'",
            "clicked QPushButton 'Add task', then accepted its dialog",
        )
    ]


def test_an_item_check_box_is_ticked(tmp_path: Path) -> None:
    verdict = run_check("explore_check_item_exception", tmp_path)
    assert [(p.message, p.action) for p in verdict.problems] == [
        ("ZeroDivisionError: division by zero", "ticked the box of 'Milk' in QListWidget")
    ]


def test_a_wizard_is_walked_to_its_second_page(tmp_path: Path) -> None:
    verdict = run_check("explore_wizard_page_exception", tmp_path)
    assert [(p.message, p.action) for p in verdict.problems] == [
        ("KeyError: 'port'", "clicked QPushButton 'Test connection'")
    ]


def test_an_accepted_print_dialog_prints_to_a_pdf_instead_of_waiting_for_a_printer(tmp_path: Path) -> None:
    verdict = run_check("explore_print_ok", tmp_path)
    assert verdict.status == "pass", verdict.problems
    assert verdict.dialogs[-1].startswith("QPrintDialog 'Print' (after triggered menu action 'File > Print...', then")
    assert verdict.timings["total"] < 20  # printing to a printer that is not there waited 45 s, then "hang"
