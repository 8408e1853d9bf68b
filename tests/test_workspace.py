"""The scratch a checked program runs in, and what AEGIS takes back from it (verdict/workspace.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aegis.probe.signing import Signer
from aegis.verdict import workspace
from aegis.verdict.workspace import ReportChannel, Scratch

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def program_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    (folder / "data").mkdir(parents=True)
    (folder / "app.py").write_text("print('hi')")
    (folder / "data" / "words.txt").write_text("apple")
    (folder / ".git").mkdir()
    (folder / "probe.jsonl").write_text("AEGIS's, from an earlier check")
    (folder / "link").symlink_to("/etc/hostname")
    return folder


def test_the_scratch_holds_the_programs_folder_but_not_aegis_outputs_or_tool_folders(tmp_path: Path) -> None:
    with Scratch.made(program_folder(tmp_path) / "app.py") as scratch:
        names = sorted(path.name for path in scratch.app_dir.iterdir())
        assert names == ["app.py", "data", "link"]
        assert (scratch.app_dir / "link").is_symlink()  # copied as a link, never followed
        assert (scratch.app_dir / "data" / "words.txt").read_text() == "apple"
        root = scratch.root
    assert not root.exists()


def test_a_folder_too_big_to_copy_gives_its_top_level_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workspace, "MAX_COPY_BYTES", 3)
    with Scratch.made(program_folder(tmp_path) / "app.py") as scratch:
        assert sorted(path.name for path in scratch.app_dir.iterdir()) == ["app.py"]


def test_only_regular_png_files_come_back_and_report_paths_name_the_kept_copies(tmp_path: Path) -> None:
    app = program_folder(tmp_path) / "app.py"
    out = tmp_path / "out"
    out.mkdir()
    with Scratch.made(app) as scratch, ReportChannel() as channel:
        (scratch.shots / "start-0.png").write_bytes(PNG)
        (scratch.shots / "fake.png").write_text("not a png")
        (scratch.shots / "passwd.png").symlink_to("/etc/passwd")
        os.mkfifo(scratch.shots / "fifo.png")
        (scratch.shots / "huge.png").write_bytes(PNG + b"\0" * workspace.MAX_SHOT_BYTES)
        shot = scratch.shots / "start-0.png"
        line = f'{{"kind": "accept_done", "name": "c", "passed": true, "screenshot": "{shot}"}}'
        os.write(channel.fd, (Signer(channel.key).line(line) + "\n").encode())
        records = scratch.bring_back(channel, app, out)
    assert sorted(path.name for path in (out / "screenshots").iterdir()) == ["start-0.png"]
    assert records[0].to_json()["screenshot"] == str(out / "screenshots" / "start-0.png")
    assert (out / "probe.jsonl").read_text().count("accept_done") == 1


def test_lines_the_probe_did_not_sign_fail_the_check(tmp_path: Path) -> None:
    app = program_folder(tmp_path) / "app.py"
    with Scratch.made(app) as scratch, ReportChannel() as channel:
        os.write(channel.fd, b'{"kind": "done"}\n')
        records = scratch.bring_back(channel, app, tmp_path)
    assert [record.to_json()["problem_kind"] for record in records] == ["tampering"]
