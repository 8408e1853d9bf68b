"""Which packages a generated program imports, and which of them it may have.

    classify(code, allow=...)   one Dependency per top-level module the program imports:
                                "stdlib", "available" (PySide6, shared from AEGIS), "installable" (allowlisted
                                distribution) or "refused" (anything else)
    installable(deps)           the distribution names to install, once nothing is refused
    refusal_message(dep)        the line the model reads when it asked for a refused module
    allowed_packages(extra)     data/allowed_packages.json plus extra names, canonical and validated
    is_package_name(name)       whether name is a PEP 508 distribution name

Model-chosen package names are an attack path (hallucinated names get registered on PyPI by attackers), so
nothing is installed unless its distribution is on the allowlist; the curated data/module_packages.json says
which distribution an import name means (cv2 -> opencv-python-headless, PIL -> Pillow).
Imports under `if TYPE_CHECKING:` and relative imports are ignored; `__import__("x")` and
`importlib.import_module("x")` with a literal name count.
"""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from packaging.utils import InvalidName, canonicalize_name

from aegis.errors import ConfigError, DependencyError
from aegis.imports import scan

Status = Literal["stdlib", "available", "installable", "refused"]
SHARED_DISTS = ("PySide6-Essentials", "PySide6-Addons", "shiboken6")
PLATFORM_NAMES = {"win32": "Windows", "darwin": "macOS", "linux": "Linux"}
QT_BINDINGS = frozenset({"PyQt4", "PyQt5", "PyQt6", "PySide", "PySide2", "PySide6", "shiboken2", "shiboken6", "sip"})
FIND_SPEC_SCRIPT = """\
import importlib.util, sys
for name in sys.argv[1:]:
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if found:
        print(name)
"""


@dataclass(frozen=True)
class Dependency:
    """One top-level module the program imports, what it is, and the distribution it maps to."""

    module: str
    status: Status
    dist: str | None
    reason: str
    line: int

    @property
    def refused(self) -> bool:
        return self.status == "refused"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def classify(code: str, *, allow: Iterable[str] = (), python: str | None = None) -> list[Dependency]:
    """Classify every module the program imports, in order of first import.

    `python` is the interpreter the app will run under: a module it can import is "available". Without it,
    only what AEGIS shares with every app environment (PySide6, shiboken6) is available.
    Raises DependencyError when the code does not parse, ConfigError when an `allow` name is not a package name.
    """
    modules = imported_modules(code)
    allowed = allowed_packages(allow)
    shared = shared_modules()
    available = dict(shared) if python is None else {m: shared.get(m) for m in importable(python, modules)}
    return [_classify_one(module, line, allowed, available) for module, line in modules.items()]


def installable(deps: Sequence[Dependency]) -> list[str]:
    """Sorted, de-duplicated distribution names of the installable dependencies."""
    return sorted({dep.dist for dep in deps if dep.status == "installable" and dep.dist})


def refusal_message(dep: Dependency) -> str:
    if dep.module in QT_BINDINGS:
        return f"module '{dep.module}' is not available: this app must use PySide6 (the Qt that AEGIS provides)"
    platform = _platform_only().get(canonicalize_name(dep.dist)) if dep.dist and is_package_name(dep.dist) else None
    if platform is not None and platform != sys.platform:
        where = PLATFORM_NAMES.get(platform, platform)
        return f"module '{dep.module}' is not available: it only works on {where}; use Qt or the standard library"
    return f"module '{dep.module}' is not available: use the Python standard library or Qt (PySide6) instead"


def imported_modules(code: str) -> dict[str, int]:
    """Top-level module name -> line of its first import. Raises DependencyError on a syntax error."""
    try:
        found = scan(code)
    except (SyntaxError, ValueError) as exc:
        line = getattr(exc, "lineno", None)
        where = f"line {line}: " if line else ""
        raise DependencyError(f"{where}cannot read the imports: {getattr(exc, 'msg', exc)}") from None
    modules: dict[str, int] = {}
    for each in found:
        modules.setdefault(each.top, each.line)
    return modules


def allowed_packages(extra: Iterable[str] = ()) -> frozenset[str]:
    """Canonical names of the allowlist plus `extra`; an extra that is not a PEP 508 name raises ConfigError."""
    names = set(_allowlist())
    for name in extra:
        if not is_package_name(name):
            raise ConfigError(f"--allow-package {name!r}: not a package name (letters, digits, '.', '-', '_')")
        names.add(canonicalize_name(name))
    return frozenset(names)


def is_package_name(name: str) -> bool:
    """Whether `name` is a PEP 508 distribution name (and so can never smuggle an option, path or URL)."""
    try:
        canonicalize_name(name, validate=True)
    except InvalidName:
        return False
    return True


def shared_modules() -> dict[str, str]:
    """Top-level modules AEGIS shares with every app environment -> their distribution (from its metadata)."""
    shared: dict[str, str] = {}
    for dist in SHARED_DISTS:
        for top in shared_entries(dist):
            if not top.endswith(".dist-info"):
                shared[top.split(".")[0]] = dist
    return shared


def shared_entries(dist: str) -> list[str]:
    """The top-level files and folders of one installed distribution, relative to its site-packages."""
    try:
        files = importlib.metadata.distribution(dist).files or []
    except importlib.metadata.PackageNotFoundError:
        return []
    return sorted({f.parts[0] for f in files if f.parts[0] not in ("..", "__pycache__")})


def importable(python: str, modules: Iterable[str]) -> set[str]:
    """The modules `python` can find (without importing them), asked in one isolated subprocess."""
    names = [m for m in modules if m.isidentifier()]
    argv = [python, "-I", "-c", FIND_SPEC_SCRIPT, *names]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=True)
    except (OSError, subprocess.SubprocessError) as exc:
        raise DependencyError(f"cannot ask {python} which modules it has: {exc}") from None
    return set(done.stdout.split())


def _classify_one(module: str, line: int, allowed: frozenset[str], available: Mapping[str, str | None]) -> Dependency:
    if module in sys.stdlib_module_names:
        return Dependency(module, "stdlib", None, "standard library", line)
    if module in available:
        dist = available[module]
        return Dependency(module, "available", dist, f"shared from AEGIS ({dist})" if dist else "importable", line)
    dist = _module_packages().get(module, module)
    return Dependency(module, *_policy(module, dist, allowed), line)


def _policy(module: str, dist: str, allowed: frozenset[str]) -> tuple[Status, str, str]:
    if not is_package_name(dist):
        return "refused", dist, "not a valid package name"
    if module in QT_BINDINGS:
        return "refused", dist, "a Qt binding: only the shared PySide6 is used"
    name = canonicalize_name(dist)
    platform = _platform_only().get(name)
    if platform is not None and platform != sys.platform:
        return "refused", dist, f"only works on {PLATFORM_NAMES.get(platform, platform)}"
    if name in allowed or (is_package_name(module) and canonicalize_name(module) in allowed):
        return "installable", dist, "on the allowlist"
    reason = _not_allowed().get(name)
    return "refused", dist, f"not on the allowlist: {reason}" if reason else "not on the allowlist"


@cache
def _data(name: str) -> dict[str, Any]:
    text = resources.files("aegis.data").joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _entries(name: str, section: str) -> dict[str, str]:
    return {k: v for k, v in _data(name)[section].items() if not k.startswith("_")}


def _module_packages() -> dict[str, str]:
    return _entries("module_packages.json", "modules")


def _platform_only() -> dict[str, str]:
    return {canonicalize_name(k): v for k, v in _entries("module_packages.json", "platform_only").items()}


def _allowlist() -> frozenset[str]:
    return frozenset(canonicalize_name(k) for k in _entries("allowed_packages.json", "packages"))


def _not_allowed() -> dict[str, str]:
    return {canonicalize_name(k): v for k, v in _entries("allowed_packages.json", "not_allowed").items()}
