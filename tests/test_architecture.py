"""The package layout holds: the layer contracts (import-linter), no private names across modules, a
docstring on every folder saying what it owns, and `aegis check` importing only the machinery it uses."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "aegis"


def test_the_import_contracts_are_kept() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    done = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def _module_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _private_imports(path: Path) -> list[str]:
    """`from aegis.x import _name` where aegis.x is another module (a package's own __init__ may)."""
    here = _module_of(path)
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("aegis"):
            if node.module == here:
                continue
            private = [a.name for a in node.names if a.name.startswith("_") and not a.name.endswith("__")]
            found += [f"{here}: {node.module}.{name}" for name in private]
    return found


def test_no_module_imports_another_modules_private_names() -> None:
    offenders = [line for path in sorted(PACKAGE.rglob("*.py")) for line in _private_imports(path)]
    assert offenders == []


FOLDERS = sorted(p.parent for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE and "data" not in p.parts)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_every_folder_says_what_it_owns(folder: Path) -> None:
    docstring = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8"))) or ""
    assert len(docstring.split()) >= 8, f"{folder}: its __init__ docstring should say what the folder owns"
    listed = {line.split()[0].rstrip("/") for line in docstring.splitlines() if line and not line.startswith(" ")}
    members = {p.stem for p in folder.iterdir() if p.suffix == ".py" and p.stem != "__init__"}
    members |= {p.name for p in folder.iterdir() if (p / "__init__.py").exists()}
    missing = {m for m in members if m not in listed and f"{m}.py" not in listed}
    assert not missing, f"{folder}: the docstring does not list {sorted(missing)}"


CHECK_PATH_NEVER = ("aegis.bench", "aegis.package", "aegis.generate", "aegis.llm", "aegis.acceptance", "ray", "openai")
"""What `aegis check` must not import unless it uses it: the acceptance schema only with --checks."""
LOG_MODULES = """\
import atexit, os, sys
atexit.register(lambda: open(os.environ["MODULES_OUT"], "w").write("\\n".join(sorted(sys.modules))))
from aegis.cli import main
sys.argv[0] = "aegis"
main()
"""


def modules_of_cli(tmp_path: Path, *args: str) -> tuple[int, set[str]]:
    """Run `aegis ARGS` in a fresh interpreter (this checkout's aegis); its exit code and every module it imported."""
    out = tmp_path / "modules.txt"
    path = os.pathsep.join(filter(None, [str(PACKAGE.parent), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "MODULES_OUT": str(out), "PYTHONPATH": path}
    done = subprocess.run(
        [sys.executable, "-c", LOG_MODULES, *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    return done.returncode, set(out.read_text(encoding="utf-8").split())


def forbidden(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == name or m.startswith(f"{name}.") for name in CHECK_PATH_NEVER))


def test_aegis_check_help_imports_no_other_command_machinery(tmp_path: Path) -> None:
    code, modules = modules_of_cli(tmp_path, "check", "--help")
    assert code == 0
    assert forbidden(modules) == []


def test_a_check_imports_neither_the_bench_nor_packaging_nor_models_nor_acceptance(tmp_path: Path) -> None:
    app = ROOT / "tests" / "apps" / "counter_ok.py"
    code, modules = modules_of_cli(tmp_path, "check", str(app), "--json")
    assert code == 0, "the counter should pass"
    assert "aegis.verdict.headless" in modules
    assert forbidden(modules) == []


def test_a_check_with_a_checks_file_imports_the_acceptance_schema(tmp_path: Path) -> None:
    """The other side of the boundary: --checks loads the acceptance schema (a bad file: exit 2, no run)."""
    app = ROOT / "tests" / "apps" / "counter_ok.py"
    (tmp_path / "checks.json").write_text("[{}]", encoding="utf-8")
    code, modules = modules_of_cli(tmp_path, "check", str(app), "--checks", "checks.json")
    assert code == 2
    assert "aegis.acceptance" in modules
