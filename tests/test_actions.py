"""The action API: what a model can and cannot do to its workspace, and what it reads when it gets it wrong."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from aegis.actions import ActionCall, ActionError, ActionResult, Policy, Registry, default_registry
from aegis.actions.models import Params
from aegis.sandbox.runner import SubprocessRunner

SECRET = "TOP SECRET outside the workspace"
NUMBERED_LINES = "".join(f"line{n}\n" for n in range(1, 11))
COUNTER = """\
class Counter:
    def __init__(self):
        self.count = 0

    def add(self):
        self.count += 1

    def add_two(self):
        self.count += 1
        self.count += 1
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """tmp_path/ws is the workspace; beside it lie a secret, a sibling with a look-alike name, and links out."""
    ws = tmp_path / "ws"
    (ws / "sub").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(SECRET)
    (tmp_path / "ws_evil").mkdir()
    (ws / "app.py").write_text(COUNTER)
    links = {
        "up": tmp_path,
        "secret_link": tmp_path / "outside" / "secret.txt",
        "dangling": tmp_path / "outside" / "new.txt",
        "sub/dangling_rel": Path("../../outside/new2.txt"),
        "sub/up_rel": Path("../.."),
        "chain1": Path("chain2"),
        "chain2": tmp_path / "outside",
        "loop_a": Path("loop_b"),
        "loop_b": Path("loop_a"),
        "inside_link": Path("app.py"),
    }
    for name, target in links.items():
        (ws / name).symlink_to(target)
    return ws


@pytest.fixture
def policy(root: Path) -> Policy:
    return Policy(root)


@pytest.fixture
def registry(policy: Policy) -> Registry:
    return default_registry(policy, SubprocessRunner())


def call(registry: Registry, name: str, **params: Any) -> ActionResult:
    return registry.call(ActionCall(name=name, params=params))


def snapshot(top: Path) -> dict[str, str]:
    """Every entry under top, without following links: file contents, folders, link targets."""
    seen: dict[str, str] = {}
    for folder, dirs, files in os.walk(top):
        for name in dirs + files:
            path = Path(folder) / name
            key = str(path.relative_to(top))
            if path.is_symlink():
                seen[key] = f"-> {os.readlink(path)}"
            elif path.is_dir():
                seen[key] = "dir"
            else:
                seen[key] = path.read_bytes().hex()
    return seen


def escape_attempts(root: Path) -> list[str]:
    outside = root.parent
    return [
        "../pwned.txt",
        "../../pwned.txt",
        "../outside/secret.txt",
        "..",
        "./../pwned.txt",
        "sub/../../pwned.txt",
        "no/such/../../../pwned.txt",
        f"{root}/../pwned.txt",
        f"{outside}/pwned.txt",
        f"/{outside}/outside/secret.txt",
        f"{root}_evil/pwned.txt",
        "/etc/passwd",
        "/",
        "up/pwned.txt",
        "up/outside/secret.txt",
        "sub/up_rel/pwned.txt",
        "secret_link",
        "dangling",
        "sub/dangling_rel",
        "chain1/pwned.txt",
        "loop_a",
        "app\x00.py",
        "~/pwned.txt",
        "~root/pwned.txt",
        "$HOME/pwned.txt",
        "${HOME}/pwned.txt",
        "C:\\Windows\\pwned.txt",
        "C:/pwned.txt",
        "\\\\server\\share\\pwned.txt",
        "..\\pwned.txt",
        "a/" * 600 + "pwned.txt",
        "",
    ]


ESCAPING_ACTIONS: dict[str, dict[str, Any]] = {
    "create_file": {"content": "pwned", "overwrite": True},
    "read_file": {},
    "edit_file": {"search": "TOP", "replace": "pwned"},
    "list_files": {},
    "get_symbols": {},
}


def test_there_are_at_least_twenty_distinct_escape_attempts(root: Path) -> None:
    attempts = escape_attempts(root)
    assert len(set(attempts)) == len(attempts) >= 20


def test_policy_resolve_refuses_every_escape_attempt(policy: Policy, root: Path) -> None:
    for attempt in escape_attempts(root):
        with pytest.raises(ActionError) as refused:
            policy.resolve(attempt)
        assert str(refused.value), attempt


@pytest.mark.parametrize("action", ESCAPING_ACTIONS)
def test_no_action_reads_or_writes_outside_the_workspace(registry: Registry, root: Path, action: str) -> None:
    before = snapshot(root.parent)
    for attempt in escape_attempts(root):
        result = call(registry, action, path=attempt, **ESCAPING_ACTIONS[action])
        assert not result.success, f"{action} accepted {attempt!r}: {result.data}"
        assert result.error
        assert SECRET not in result.model_dump_json()
    assert snapshot(root.parent) == before
    assert not Path("/tmp/pwned.txt").exists()


def test_refusals_tell_the_model_what_to_do_instead(registry: Registry) -> None:
    assert "outside the workspace" in call(registry, "read_file", path="../outside/secret.txt").error
    assert "not expanded" in call(registry, "read_file", path="~/x").error
    assert "forward slashes" in call(registry, "read_file", path="C:\\x").error
    assert "NUL" in call(registry, "read_file", path="a\x00").error


def test_paths_that_stay_inside_are_accepted(registry: Registry, root: Path) -> None:
    for path in ["app.py", "./app.py", "sub/../app.py", f"{root}/app.py", "inside_link"]:
        result = call(registry, "read_file", path=path)
        assert result.success, (path, result.error)
        assert result.data["path"] == "app.py"
        assert result.data["content"].startswith("   1 | class Counter:")


def test_files_are_created_in_new_folders_but_never_overwritten_by_accident(registry: Registry, root: Path) -> None:
    created = call(registry, "create_file", path="pkg/util.py", content="X = 1\n")
    assert created.success and created.data == {"path": "pkg/util.py", "bytes": 6, "lines": 1, "replaced": False}
    assert (root / "pkg" / "util.py").read_text() == "X = 1\n"
    again = call(registry, "create_file", path="pkg/util.py", content="X = 2\n")
    assert not again.success and "exists already" in again.error and "overwrite=true" in again.error
    assert (root / "pkg" / "util.py").read_text() == "X = 1\n"
    assert call(registry, "create_file", path="pkg/util.py", content="X = 2\n", overwrite=True).data["replaced"]
    assert (root / "pkg" / "util.py").read_text() == "X = 2\n"


def test_writing_a_python_file_that_does_not_parse_is_noted_in_the_logs(registry: Registry) -> None:
    result = call(registry, "create_file", path="broken.py", content="def f(:\n    pass\n")
    assert result.success
    assert len(result.logs) == 1 and "broken.py does not parse: line 1" in result.logs[0]


def test_edit_with_one_match_is_applied_and_shown(registry: Registry, root: Path) -> None:
    result = call(
        registry, "edit_file", path="app.py", search="        self.count = 0", replace="        self.count = 10"
    )
    assert result.success, result.error
    assert result.data["line"] == 3
    assert "   3 |         self.count = 10" in result.data["snippet"]
    assert (root / "app.py").read_text() == COUNTER.replace("count = 0", "count = 10")


def test_edit_with_no_match_says_so_and_shows_the_closest_lines(registry: Registry, root: Path) -> None:
    result = call(
        registry, "edit_file", path="app.py", search="    def add_two(self):\n        self.total += 2", replace=""
    )
    assert not result.success
    assert "not found in app.py (0 matches)" in result.error
    assert "closest lines are 8-9" in result.error
    assert "   8 |     def add_two(self):\n   9 |         self.count += 1" in result.error
    assert (root / "app.py").read_text() == COUNTER


def test_edit_that_differs_only_in_indentation_gets_that_hint(registry: Registry) -> None:
    result = call(registry, "edit_file", path="app.py", search="def add(self):\n  self.count += 1", replace="")
    assert "closest lines are 5-6" in result.error
    assert "only in spacing or indentation" in result.error


def test_edit_with_several_matches_gives_their_lines_and_asks_for_context(registry: Registry, root: Path) -> None:
    result = call(registry, "edit_file", path="app.py", search="self.count += 1", replace="self.count -= 1")
    assert not result.success
    assert "occurs 3 times in app.py, at lines 6, 9, 10" in result.error
    assert "more surrounding lines" in result.error
    assert (root / "app.py").read_text() == COUNTER


def test_edit_with_an_empty_search_is_refused(registry: Registry) -> None:
    assert "search is empty" in call(registry, "edit_file", path="app.py", search="", replace="x").error


@pytest.mark.parametrize(
    ("params", "first", "last"),
    [
        ({"start_line": 3, "end_line": 5}, 3, 5),
        ({"start_line": 9}, 9, 10),
        ({"end_line": 2}, 1, 2),
        ({"start_line": 8, "end_line": 99}, 8, 10),
        ({"start_line": None, "end_line": None}, 1, 10),
    ],
)
def test_read_ranges_are_one_based_inclusive_and_numbered(
    registry: Registry, root: Path, params: dict[str, Any], first: int, last: int
) -> None:
    (root / "lines.txt").write_text(NUMBERED_LINES)
    result = call(registry, "read_file", path="lines.txt", **params)
    assert result.success, result.error
    expected = "\n".join(f"{n:>4} | line{n}" for n in range(first, last + 1))
    assert result.data["content"] == expected
    assert (result.data["start_line"], result.data["end_line"], result.data["total_lines"]) == (first, last, 10)


def test_read_ranges_that_make_no_sense_are_explained(registry: Registry, root: Path) -> None:
    (root / "lines.txt").write_text(NUMBERED_LINES)
    assert "only 10 lines" in call(registry, "read_file", path="lines.txt", start_line=11).error
    assert "before start_line" in call(registry, "read_file", path="lines.txt", start_line=5, end_line=4).error
    assert "greater than or equal to 1" in call(registry, "read_file", path="lines.txt", start_line=0).error
    assert "is a directory" in call(registry, "read_file", path="sub").error
    assert "does not exist" in call(registry, "read_file", path="nope.txt").error


def test_read_output_is_capped_and_says_where_to_read_on(root: Path) -> None:
    registry = default_registry(Policy(root, max_read_bytes=100), SubprocessRunner())
    (root / "lines.txt").write_text(NUMBERED_LINES)
    first = call(registry, "read_file", path="lines.txt")
    assert first.success and len(first.data["content"].encode()) <= 100
    assert first.data["end_line"] == 7 and first.logs == ["output cut at 100 bytes; read on with start_line=8"]
    rest = call(registry, "read_file", path="lines.txt", start_line=8)
    assert rest.data["content"].splitlines()[0] == "   8 | line8" and not rest.logs


def test_a_huge_line_is_cut_without_being_read_whole(root: Path) -> None:
    registry = default_registry(Policy(root, max_read_bytes=1000), SubprocessRunner())
    (root / "huge.txt").write_text("x" * 50_000 + "\nsecond\n")
    result = call(registry, "read_file", path="huge.txt")
    assert result.data["total_lines"] == 2
    assert "[line cut]" in result.data["content"] and len(result.data["content"]) < 1100


def test_binary_files_are_refused(registry: Registry, root: Path) -> None:
    (root / "blob.bin").write_bytes(b"\x7fELF\x00\x00\x01")
    assert "binary" in call(registry, "read_file", path="blob.bin").error


def test_writes_over_the_byte_cap_are_refused_and_change_nothing(root: Path) -> None:
    registry = default_registry(Policy(root, max_write_bytes=len(COUNTER) + 5), SubprocessRunner())
    big = call(registry, "create_file", path="big.py", content="x" * (len(COUNTER) + 6))
    assert not big.success and "the limit is" in big.error
    assert not (root / "big.py").exists()
    grow = call(registry, "edit_file", path="app.py", search="self.count = 0", replace="self.count = 0  # start")
    assert not grow.success and "the limit is" in grow.error
    assert (root / "app.py").read_text() == COUNTER


def test_list_files_lists_recursively_without_entering_links(registry: Registry, root: Path) -> None:
    (root / "sub" / "deep").mkdir()
    (root / "sub" / "deep" / "data.txt").write_text("12345")
    flat = call(registry, "list_files").data["entries"]
    assert f"app.py ({len(COUNTER)} bytes)" in flat and "sub/" in flat and "up (symlink)" in flat
    assert "sub/deep/" not in flat
    deep = call(registry, "list_files", path="sub", recursive=True).data["entries"]
    assert "sub/deep/data.txt (5 bytes)" in deep and "sub/up_rel (symlink)" in deep
    assert not any("secret" in entry or "ws_evil" in entry for entry in deep)


def test_list_files_caps_the_count(root: Path) -> None:
    registry = default_registry(Policy(root, max_list_entries=5), SubprocessRunner())
    for n in range(20):
        (root / "sub" / f"f{n:02}.txt").touch()
    result = call(registry, "list_files", path="sub")
    assert len(result.data["entries"]) == 5
    assert "listing cut at 5 entries" in result.logs[0]


def test_get_symbols_outlines_classes_functions_and_methods(registry: Registry, root: Path) -> None:
    (root / "mod.py").write_text("import os\n\ndef main(argv=None):\n    pass\n\n" + COUNTER)
    result = call(registry, "get_symbols", path="mod.py")
    assert result.success
    assert result.data["outline"].splitlines() == [
        "def main(argv=None)  line 3-4",
        "class Counter  line 6-15",
        "  def __init__(self)  line 7-8",
        "  def add(self)  line 10-11",
        "  def add_two(self)  line 13-15",
    ]
    kinds = [(s["kind"], s["name"]) for s in result.data["symbols"]]
    assert kinds[:3] == [("function", "main"), ("class", "Counter"), ("method", "__init__")]


def test_get_symbols_reports_syntax_errors_with_the_line(registry: Registry, root: Path) -> None:
    (root / "bad.py").write_text("x = 1\ndef broken(:\n")
    result = call(registry, "get_symbols", path="bad.py")
    assert not result.success
    assert "bad.py does not parse: line 2" in result.error and "   2 | def broken(:" in result.error


def test_run_command_runs_python_in_the_workspace(registry: Registry, root: Path) -> None:
    result = call(registry, "run_command", argv=["python", "-c", "import os; print(os.getcwd())"])
    assert result.success, result.error
    assert result.data["stdout"].strip() == str(root) and result.data["returncode"] == 0


def test_run_command_reports_a_failing_program_with_its_output(registry: Registry) -> None:
    result = call(registry, "run_command", argv=["python3", "-c", "raise SystemExit('boom')"])
    assert not result.success and result.error == "the command exited with code 1"
    assert "boom" in result.data["stderr"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["bash", "-c", "cat /etc/passwd"], "'bash' is not allowed; allowed programs: python, python3"),
        (["sh"], "'sh' is not allowed"),
        (["/usr/bin/python3", "-V"], "bare program name"),
        (["./python", "-V"], "bare program name"),
        (["python -c 'print(1)'"], "one item per argument"),
        ("python app.py", 'not one string; e.g. ["python", "app.py"]'),
        ([], "at least 1 item"),
    ],
)
def test_run_command_refuses_other_programs_and_shell_strings(
    registry: Registry, root: Path, argv: Any, message: str
) -> None:
    before = snapshot(root.parent)
    result = call(registry, "run_command", argv=argv)
    assert not result.success and message in result.error
    assert snapshot(root.parent) == before


def test_run_command_kills_a_command_at_the_policy_timeout(root: Path) -> None:
    registry = default_registry(Policy(root, timeout_s=1.0), SubprocessRunner())
    started = time.monotonic()
    result = call(registry, "run_command", argv=["python", "-c", "import time; time.sleep(60)"], timeout_s=600)
    assert time.monotonic() - started < 10
    assert not result.success and "ran past 1 s and was killed" in result.error
    assert result.data["timed_out"] is True


def test_run_command_output_is_capped_keeping_the_end(root: Path) -> None:
    registry = default_registry(Policy(root, max_output_bytes=1000), SubprocessRunner())
    result = call(registry, "run_command", argv=["python", "-c", "print('a' * 5000 + 'THE END')"])
    stdout = result.data["stdout"]
    assert stdout.startswith("[first 4008 bytes cut]") and stdout.endswith("THE END\n")
    assert len(stdout) < 1100


def test_unknown_action_lists_the_known_ones(registry: Registry) -> None:
    result = call(registry, "delete_everything", path=".")
    assert not result.success
    assert result.error == (
        "unknown action 'delete_everything'; the known actions are: read_file, create_file, edit_file, "
        "list_files, get_symbols, run_command, finish"
    )
    assert result.duration_ms >= 0


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("read_file", {}, "path: Field required"),
        ("read_file", {"pth": "app.py"}, "pth: Extra inputs are not permitted"),
        ("read_file", {"path": "app.py", "start_line": "two"}, "start_line: Input should be a valid integer"),
        ("create_file", {"path": ["a"], "content": "x"}, "path: Input should be a valid string"),
        ("edit_file", {"path": "app.py", "search": "x"}, "replace: Field required"),
        ("run_command", {"argv": ["python", 3]}, "argv.1: Input should be a valid string"),
    ],
)
def test_malformed_params_get_a_message_the_model_can_act_on(
    registry: Registry, name: str, params: dict[str, Any], message: str
) -> None:
    result = registry.call(ActionCall(name=name, params=params))
    assert not result.success
    assert result.error.startswith(f"invalid parameters for {name}: ")
    assert message in result.error
    assert f"{name} takes: path (string, required)" in result.error or name == "run_command"


def test_handler_failures_become_results_not_exceptions(policy: Policy) -> None:
    registry = Registry()

    def explode(params: Params) -> None:
        raise PermissionError(13, "Permission denied")

    registry.register("explode", Params, explode, "Always fails.")
    result = registry.call(ActionCall(name="explode", params={}))
    assert (result.success, result.error) == (False, "explode failed: Permission denied")


EXPECTED_REQUIRED = {
    "read_file": ["path"],
    "create_file": ["path", "content"],
    "edit_file": ["path", "search", "replace"],
    "list_files": [],
    "get_symbols": ["path"],
    "run_command": ["argv"],
    "finish": [],
}


def test_tool_definitions_are_openai_functions_with_object_schemas(registry: Registry) -> None:
    definitions = registry.tool_definitions()
    json.dumps(definitions)
    assert [d["function"]["name"] for d in definitions] == list(EXPECTED_REQUIRED)
    for definition in definitions:
        assert definition["type"] == "function"
        function = definition["function"]
        assert set(function) == {"name", "description", "parameters"} and function["description"]
        schema = function["parameters"]
        assert schema["type"] == "object" and schema["additionalProperties"] is False
        assert schema.get("required", []) == EXPECTED_REQUIRED[function["name"]]
        assert "title" not in schema and "$defs" not in schema
        for prop in schema["properties"].values():
            assert prop["description"] and prop["type"] in {"string", "integer", "number", "boolean", "array"}
    run_command = definitions[5]["function"]["parameters"]["properties"]["argv"]
    assert run_command["items"] == {"type": "string"} and run_command["minItems"] == 1


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("x = 1\x00\n", "null bytes"),
        ("a" + ".a" * 100_000, "nested too deeply"),
        ("-" * 20_000 + "1", "nested too deeply"),
    ],
)
def test_python_that_breaks_the_parser_is_an_error_not_a_crash(
    registry: Registry, root: Path, source: str, message: str
) -> None:
    (root / "weird.py").write_text(source)
    assert message in call(registry, "get_symbols", path="weird.py").error


def test_a_name_too_long_for_the_file_system_is_an_error_not_a_crash(registry: Registry) -> None:
    result = call(registry, "create_file", path="x" * 300 + ".py", content="")
    assert result.error == "create_file failed: File name too long"
