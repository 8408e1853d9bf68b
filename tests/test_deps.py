"""Dependencies: model-chosen imports are classified, only allowlisted wheels are installed, and only into a
per-app environment. No test reaches the network; the one that would is skipped unless AEGIS_TEST_PYPI=1."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from aegis.cli.deps import deps as deps_command
from aegis.deps.appenv import AppEnv, env_for
from aegis.deps.classify import Dependency, allowed_packages, classify, installable, refusal_message
from aegis.errors import ConfigError, DependencyError

HOST_PYTHON = sys.executable
MADE_UP = [
    "pyqt_helpers",
    "tkinter_extras",
    "pyside6_widgets_plus",
    "easygui_pro",
    "qrcodegen_fast",
    "qt_material_icons_ext",
    "pysimplecalc",
    "numpy_financial_tools",
    "matplotlib_qt_embed",
    "pandas_gui_table",
    "imagetools_lite",
    "pdfgen_simple",
    "sound_player_qt",
    "json_schema_forms",
    "csvviewer_core",
    "desktop_notifier_plus",
    "pyside_utils",
    "colorpicker_widget",
    "timer_utils_qt",
    "texteditor_components",
    "weatherapi_client_py",
    "sqlite_orm_lite",
]
MISMATCHES = {
    "cv2": "opencv-python-headless",
    "PIL": "Pillow",
    "fitz": "PyMuPDF",
    "OpenGL": "PyOpenGL",
    "yaml": "PyYAML",
    "sklearn": "scikit-learn",
    "skimage": "scikit-image",
    "bs4": "beautifulsoup4",
    "docx": "python-docx",
    "pptx": "python-pptx",
    "serial": "pyserial",
    "dateutil": "python-dateutil",
    "Crypto": "pycryptodome",
    "qrcode": "qrcode",
    "magic": "python-magic",
    "dotenv": "python-dotenv",
    "jwt": "PyJWT",
    "zmq": "pyzmq",
    "usb": "pyusb",
    "win32api": "pywin32",
    "gi": "PyGObject",
    "attr": "attrs",
    "Levenshtein": "python-Levenshtein",
    "fpdf": "fpdf2",
}


def by_module(code: str, **kwargs: object) -> dict[str, Dependency]:
    return {dep.module: dep for dep in classify(code, **kwargs)}  # type: ignore[arg-type]


@pytest.fixture
def fake_uv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A `uv` first on PATH that records every argv (one JSON list per line) and fails. Returns the log."""
    bin_dir = tmp_path / "fakebin"
    bin_dir.mkdir()
    log = tmp_path / "uv-calls.jsonl"
    script = bin_dir / "uv"
    script.write_text(
        f"#!{HOST_PYTHON}\nimport json, sys\n"
        f"with open({str(log)!r}, 'a') as f:\n    f.write(json.dumps(sys.argv[1:]) + '\\n')\n"
        "sys.exit(3)\n"
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return log


def test_made_up_modules_are_all_refused_and_nothing_is_installed(fake_uv: Path, tmp_path: Path) -> None:
    code = "".join(f"import {name}\n" for name in MADE_UP) + "from PySide6.QtWidgets import QApplication\n"
    found = classify(code)
    refused = [dep.module for dep in found if dep.refused]
    assert refused == MADE_UP
    assert installable(found) == []
    with pytest.raises(DependencyError) as caught:
        env_for(found, base_python=HOST_PYTHON, cache_dir=tmp_path / "envs")
    assert caught.value.modules == tuple(MADE_UP)
    assert "module 'easygui_pro' is not available" in str(caught.value)
    assert not fake_uv.exists(), "uv was called for refused names"
    assert not (tmp_path / "envs").exists()


def test_one_refused_import_blocks_installing_the_allowed_ones_too(fake_uv: Path, tmp_path: Path) -> None:
    found = classify("import numpy\nimport qrcodegen_fast\n")
    with pytest.raises(DependencyError):
        env_for(found, base_python=HOST_PYTHON, cache_dir=tmp_path / "envs")
    assert not fake_uv.exists()


def test_allowed_name_reaches_uv_as_one_argument_with_wheels_only(fake_uv: Path, tmp_path: Path) -> None:
    """The control for the two tests above: the same fake uv does record a call when something is allowed."""
    found = classify("import tinypkg\n", allow=["tinypkg"])
    with pytest.raises(DependencyError, match="cannot install tinypkg"):
        env_for(found, base_python=HOST_PYTHON, cache_dir=tmp_path / "envs")
    calls = [json.loads(line) for line in fake_uv.read_text().splitlines()]
    assert len(calls) == 1
    assert calls[0][:2] == ["pip", "install"]
    assert calls[0][calls[0].index("--only-binary") + 1] == ":all:"
    assert calls[0][calls[0].index("--link-mode") + 1] == "copy"
    assert calls[0][-1] == "tinypkg"
    assert list((tmp_path / "envs").iterdir()) == [], "a failed build leaves no environment behind"


@pytest.mark.parametrize("spec", ["../evil", "foo; rm -rf /", "pkg==1.0 --index-url http://x", "-e.", "a b", ""])
def test_install_refuses_anything_but_a_plain_name_before_running_uv(spec: str, fake_uv: Path, tmp_path: Path) -> None:
    with pytest.raises(DependencyError, match="not a package name"):
        AppEnv(tmp_path).install([spec])
    assert not fake_uv.exists()


@pytest.mark.parametrize("name", ["../evil", "foo; rm -rf /", "pkg==1.0 --index-url http://x", "-rrequirements.txt"])
def test_allow_package_must_be_a_package_name(name: str) -> None:
    with pytest.raises(ConfigError, match="not a package name"):
        allowed_packages([name])


@pytest.mark.parametrize("literal", ["foo; rm -rf /", "pkg==1.0 --index-url http://x", "é_pkg"])
def test_dynamic_imports_of_invalid_names_are_refused(literal: str) -> None:
    (dep,) = classify(f"__import__({literal!r})\n")
    assert dep.refused
    assert dep.reason == "not a valid package name"


@pytest.mark.parametrize(("module", "dist"), sorted(MISMATCHES.items()))
def test_import_names_map_to_the_right_distribution(module: str, dist: str) -> None:
    (dep,) = classify(f"import {module}.sub\n")
    assert dep.dist == dist


def test_allowlisted_packages_are_installable_under_their_distribution_name() -> None:
    found = by_module("import numpy\nimport cv2\nfrom PIL import Image\nimport yaml\nfrom docx import Document\n")
    assert {m: d.status for m, d in found.items()} == dict.fromkeys(found, "installable")
    assert installable(list(found.values())) == sorted(
        ["numpy", "opencv-python-headless", "Pillow", "PyYAML", "python-docx"]
    )


def test_stdlib_and_the_shared_pyside6_need_nothing_installed() -> None:
    found = by_module(
        "from __future__ import annotations\nimport os.path, sys, json\nimport tkinter\n"
        "from PySide6.QtWidgets import QApplication\nimport shiboken6\n"
    )
    assert {m: d.status for m, d in found.items()} == {
        "__future__": "stdlib",
        "os": "stdlib",
        "sys": "stdlib",
        "json": "stdlib",
        "tkinter": "stdlib",
        "PySide6": "available",
        "shiboken6": "available",
    }
    assert found["PySide6"].dist == "PySide6-Essentials"


def test_relative_and_type_checking_imports_are_ignored() -> None:
    code = (
        "import typing\nfrom typing import TYPE_CHECKING\nfrom . import helpers\nfrom .models import Thing\n"
        "if TYPE_CHECKING:\n    import made_up_stubs\nif typing.TYPE_CHECKING:\n    from other_stubs import X\n"
        "else:\n    import yaml\n"
        "def f():\n    import numpy\n"
    )
    assert list(by_module(code)) == ["typing", "yaml", "numpy"]


def test_modules_are_listed_once_at_their_first_import() -> None:
    found = classify("import os\nimport numpy\nimport numpy.linalg\nfrom numpy import array\nimport b; import a\n")
    assert [(d.module, d.line) for d in found] == [("os", 1), ("numpy", 2), ("b", 5), ("a", 5)]


def test_allow_package_extends_the_allowlist_by_distribution_or_module_name() -> None:
    assert classify("import tinypkg\n")[0].refused
    assert classify("import tiny_pkg\n", allow=["Tiny.Pkg"])[0].status == "installable"
    assert classify("import Levenshtein\n", allow=["python-levenshtein"])[0].status == "installable"
    assert classify("import fitz\n", allow=["fitz"])[0].dist == "PyMuPDF"


def test_other_qt_bindings_stay_refused_even_when_allowed() -> None:
    (dep,) = classify("from PyQt5.QtWidgets import QWidget\n", allow=["PyQt5"])
    assert dep.refused
    assert (
        refusal_message(dep)
        == "module 'PyQt5' is not available: this app must use PySide6 (the Qt that AEGIS provides)"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="pywin32 is fine on Windows")
def test_windows_only_packages_are_refused_elsewhere_even_when_allowed() -> None:
    (dep,) = classify("import win32api\n", allow=["pywin32"])
    assert dep.refused
    assert "only works on Windows" in refusal_message(dep)


def test_refusal_message_tells_the_model_what_to_use_instead() -> None:
    (dep,) = classify("import easygui_pro\n")
    assert refusal_message(dep) == (
        "module 'easygui_pro' is not available: use the Python standard library or Qt (PySide6) instead"
    )


def test_not_allowed_packages_say_why() -> None:
    (dep,) = classify("import pydub\n")
    assert dep.refused
    assert "ffmpeg" in dep.reason


def test_unparsable_code_is_a_check_error() -> None:
    with pytest.raises(DependencyError, match="line 1"):
        classify("import (\n")


def test_classify_against_a_given_interpreter(tmp_path: Path) -> None:
    """With `python`, "available" means that interpreter can import it (AEGIS's own env has numpy)."""
    found = by_module("import numpy\nimport pyqt_helpers\n", python=HOST_PYTHON)
    assert found["numpy"].status == "available"
    assert found["pyqt_helpers"].refused


def cli(*args: str) -> tuple[int, str]:
    app = typer.Typer()
    app.command()(deps_command)
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_cli_exit_codes_and_json(tmp_path: Path) -> None:
    ok, refused = tmp_path / "ok.py", tmp_path / "refused.py"
    ok.write_text("import sys\nfrom PySide6.QtWidgets import QLabel\nimport numpy\n")
    refused.write_text("import numpy\nimport easygui_pro\n")
    code, out = cli(str(ok), "--json")
    assert code == 0
    assert [(d["module"], d["status"]) for d in json.loads(out)] == [
        ("sys", "stdlib"),
        ("PySide6", "available"),
        ("numpy", "installable"),
    ]
    assert cli(str(refused))[0] == 1
    assert "easygui_pro" in cli(str(refused))[1]
    assert cli(str(refused), "--allow-package", "easygui-pro")[0] == 0
    assert cli(str(refused), "--allow-package", "../evil")[0] == 2
    assert cli(str(tmp_path / "missing.py"))[0] == 2


def build_wheel(folder: Path, name: str, version: str) -> Path:
    """A minimal valid pure-Python wheel, written by hand (no build backend, no network)."""
    dist_info = f"{name}-{version}.dist-info"
    files = {
        f"{name}/__init__.py": f"VERSION = {version!r}\n",
        f"{dist_info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
        f"{dist_info}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = [f"{path},sha256={_digest(text)},{len(text.encode())}" for path, text in files.items()]
    files[f"{dist_info}/RECORD"] = "\n".join([*record, f"{dist_info}/RECORD,,"]) + "\n"
    wheel = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
    return wheel


def _digest(text: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()


def host_site_listing() -> set[str]:
    site = subprocess.run(
        [HOST_PYTHON, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return set(os.listdir(site))


def can_import(python: Path | str, module: str) -> bool:
    probe = f"import {module}; print({module}.__file__)"
    return subprocess.run([str(python), "-c", probe], capture_output=True).returncode == 0


def run_qt(python: Path) -> subprocess.CompletedProcess[str]:
    code = "from PySide6.QtWidgets import QApplication, QLabel\napp = QApplication([])\nQLabel('hi').show()\n"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([str(python), "-c", code], capture_output=True, text=True, env=env, timeout=60)


def test_app_env_installs_an_allowed_wheel_offline_and_leaves_the_host_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_uv: Path
) -> None:
    monkeypatch.setenv("PATH", os.environ["PATH"].split(os.pathsep, 1)[1])  # the real uv for this test
    monkeypatch.setenv("UV_CACHE_DIR", str(tmp_path / "uv-cache"))
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    build_wheel(wheels, "tinypkg", "1.2.3")
    before = host_site_listing()
    found = classify("import tinypkg\nfrom PySide6.QtCore import QObject\n", allow=["tinypkg"])

    env = env_for(found, base_python=HOST_PYTHON, cache_dir=tmp_path / "envs", find_links=wheels)

    assert can_import(env.python, "tinypkg")
    assert can_import(env.python, "PySide6.QtCore"), "the shared Qt is visible in the app env"
    assert not can_import(env.python, "numpy"), "nothing else of AEGIS's env is"
    assert run_qt(env.python).returncode == 0, run_qt(env.python).stderr
    assert not can_import(HOST_PYTHON, "tinypkg"), "the host env is unchanged"
    assert host_site_listing() == before
    requirements = env.requirements_txt().splitlines()
    assert "tinypkg==1.2.3" in requirements
    assert any(line.startswith("PySide6-Essentials==") for line in requirements)

    monkeypatch.setenv("PATH", f"{fake_uv.parent / 'fakebin'}{os.pathsep}{os.environ['PATH']}")
    again = env_for(found, base_python=HOST_PYTHON, cache_dir=tmp_path / "envs", find_links=wheels)
    assert again.root == env.root
    assert not fake_uv.exists(), "a built environment is reused without running uv"


@pytest.mark.skipif(os.environ.get("AEGIS_TEST_PYPI") != "1", reason="needs PyPI: set AEGIS_TEST_PYPI=1")
def test_app_env_installs_qrcode_from_pypi(tmp_path: Path) -> None:
    found = classify("import qrcode\n")
    env = env_for(found, base_python=HOST_PYTHON, cache_dir=tmp_path / "envs")
    assert can_import(env.python, "qrcode")
    assert any(line.startswith("qrcode==") for line in env.requirements_txt().splitlines())
