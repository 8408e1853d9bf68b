"""Materialise the real-world PySide6 corpus from local git snapshots.

    python3 bench/realworld/materialise.py [--manifest PATH] [--mirrors DIR] [--out DIR] [--only ID ...] [--force]

Reads manifest.json (a JSON list of entries: id, repo, commit, entry, files, ...) and, for each entry, copies the
entry file and the files it lists out of the repository's local snapshot into <out>/<id>/, keeping their
repository-relative paths, so the program runs as `cd <out>/<id> && python <entry>` (package entries also want
<out>/<id> on PYTHONPATH). A snapshot is the git directory the `fetch` tool leaves under
<mirrors>/<owner>+<name>/ (for example /work/.mirror/pythonguis+pythonguis-examples/repo); every file is read with
`git --git-dir DIR show COMMIT:PATH`, so the working tree of the snapshot is never needed.

Safety: nothing is written outside <out>. An id must be a plain slug; a path that is absolute, contains '..', or
resolves outside its entry's folder is refused, and so are symlinks and submodules. Each entry is first written to
a hidden staging folder inside <out> and only then renamed into place; an existing <out>/<id> is kept unless
--force is given. Standard library only.

Prints one line per entry and, at the end, every entry that could not be materialised with the reason; the exit
status is 1 when any entry failed.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_MANIFEST = HERE / "manifest.json"
DEFAULT_OUT = HERE / "programs"
DEFAULT_MIRRORS = Path("/work/.mirror")

SLUG = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
REPO = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*")
COMMIT = re.compile(r"[0-9a-f]{40}")
REFUSED_MODES = {"120000": "a symlink", "160000": "a submodule"}


class Refused(Exception):
    """An entry that cannot be materialised; the message says why."""


def safe_path(raw: object) -> PurePosixPath:
    """Return `raw` as a relative POSIX path, refusing absolute paths, '..', drive letters and backslashes."""
    if not isinstance(raw, str) or not raw or "\x00" in raw:
        raise Refused(f"bad path {raw!r}")
    if "\\" in raw or raw.startswith("/") or re.match(r"[A-Za-z]:", raw):
        raise Refused(f"absolute or non-POSIX path refused: {raw!r}")
    path = PurePosixPath(raw)
    if path.is_absolute() or any(part in ("..", ".", "") for part in raw.split("/")):
        raise Refused(f"path with '..', '.' or empty parts refused: {raw!r}")
    return path


def check_entry(entry: Any) -> tuple[str, str, str, list[PurePosixPath]]:
    """Validate one manifest entry; return (id, repo, commit, [entry path, *file paths])."""
    if not isinstance(entry, dict):
        raise Refused("entry is not a JSON object")
    ident, repo, commit = entry.get("id"), entry.get("repo"), entry.get("commit")
    if not isinstance(ident, str) or not SLUG.fullmatch(ident):
        raise Refused(f"id must be a lower-case slug, got {ident!r}")
    if not isinstance(repo, str) or not REPO.fullmatch(repo) or ".." in repo:
        raise Refused(f"repo must be 'owner/name', got {repo!r}")
    if not isinstance(commit, str) or not COMMIT.fullmatch(commit):
        raise Refused(f"commit must be 40 lower-case hex digits, got {commit!r}")
    files = entry.get("files", [])
    if not isinstance(files, list):
        raise Refused("files must be a list")
    paths = [safe_path(entry.get("entry"))] + [safe_path(f) for f in files]
    return ident, repo, commit, list(dict.fromkeys(paths))


def git(git_dir: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run git against a bare or non-bare git directory and capture its output as bytes."""
    return subprocess.run(["git", "--git-dir", str(git_dir), *args], capture_output=True, check=False)


def is_git_dir(path: Path) -> bool:
    """Whether `path` looks like a git directory (has HEAD and objects/)."""
    return (path / "HEAD").is_file() and (path / "objects").is_dir()


def find_git_dir(mirrors: Path, repo: str) -> Path:
    """Locate the snapshot of `repo` under `mirrors` (<owner>+<name>/repo, its .git, or a folder just below)."""
    base = mirrors / repo.replace("/", "+")
    candidates = [base / "repo" / ".git", base / "repo", base / ".git", base]
    if base.is_dir():
        candidates += sorted(p for p in base.iterdir() if p.is_dir())
        candidates += sorted(p / ".git" for p in base.iterdir() if p.is_dir())
    for candidate in candidates:
        if is_git_dir(candidate):
            return candidate
    raise Refused(f"no snapshot of {repo} under {base} (fetch github:{repo} first)")


def blob_modes(git_dir: Path, commit: str) -> dict[str, str]:
    """Map every path in `commit` to its mode; refuse when the commit is not in the snapshot."""
    if git(git_dir, "cat-file", "-e", f"{commit}^{{commit}}").returncode != 0:
        raise Refused(f"commit {commit} is not in the snapshot {git_dir}")
    listing = git(git_dir, "ls-tree", "-r", "-z", "--full-tree", commit)
    if listing.returncode != 0:
        raise Refused(f"git ls-tree failed: {listing.stderr.decode(errors='replace').strip()}")
    modes: dict[str, str] = {}
    for record in listing.stdout.split(b"\0"):
        if record:
            meta, _, name = record.partition(b"\t")
            modes[name.decode("utf-8", errors="surrogateescape")] = meta.split(b" ")[0].decode()
    return modes


def inside(root: Path, target: Path) -> bool:
    """Whether `target` resolves to `root` or a path below it."""
    return target.resolve().is_relative_to(root.resolve())


def write_files(git_dir: Path, commit: str, paths: Sequence[PurePosixPath], staging: Path) -> None:
    """Copy each path at `commit` into `staging`, refusing missing files, symlinks, submodules and escapes."""
    modes = blob_modes(git_dir, commit)
    for path in paths:
        mode = modes.get(str(path))
        if mode is None:
            raise Refused(f"{path} is not in commit {commit}")
        if mode in REFUSED_MODES:
            raise Refused(f"{path} is {REFUSED_MODES[mode]}")
        target = staging.joinpath(*path.parts)
        if not inside(staging, target.parent):
            raise Refused(f"{path} would be written outside {staging}")
        shown = git(git_dir, "show", f"{commit}:{path}")
        if shown.returncode != 0:
            raise Refused(f"git show {commit}:{path} failed: {shown.stderr.decode(errors='replace').strip()}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(shown.stdout)


def remove_tree(out: Path, path: Path) -> None:
    """Delete `path` (a folder inside `out`), never anything outside `out`."""
    if path.is_symlink() or not inside(out, path) or path.resolve() == out.resolve():
        raise Refused(f"refusing to delete {path}: not a folder inside {out}")
    if path.exists():
        shutil.rmtree(path)


def materialise(entry: Any, mirrors: Path, out: Path, force: bool) -> str:
    """Materialise one entry into <out>/<id>; return a one-line summary or raise Refused with the reason."""
    ident, repo, commit, paths = check_entry(entry)
    dest, staging = out / ident, out / f".{ident}.partial"
    if (dest.exists() or dest.is_symlink()) and not force:
        raise Refused(f"{dest} already exists (use --force to replace it)")
    git_dir = find_git_dir(mirrors, repo)
    remove_tree(out, staging)
    staging.mkdir()
    try:
        write_files(git_dir, commit, paths, staging)
        if dest.exists() or dest.is_symlink():
            remove_tree(out, dest)
        staging.rename(dest)
    finally:
        if staging.exists():
            remove_tree(out, staging)
    return f"{ident}: {len(paths)} file(s) from {repo}@{commit[:12]} -> {dest}"


def load_manifest(path: Path) -> list[Any]:
    """Read the manifest, which must be a JSON list."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise SystemExit(f"{path}: the manifest must be a JSON list of entries")
    return data


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST, help="manifest JSON (default: %(default)s)")
    parser.add_argument("--mirrors", type=Path, default=DEFAULT_MIRRORS, help="snapshot root (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    parser.add_argument("--only", nargs="+", metavar="ID", help="materialise only these ids")
    parser.add_argument("--force", action="store_true", help="replace programs that are already materialised")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Materialise the selected manifest entries and report the ones that failed."""
    args = parse_args(argv)
    entries = load_manifest(args.manifest)
    if args.only:
        wanted = set(args.only)
        entries = [e for e in entries if isinstance(e, dict) and e.get("id") in wanted]
        missing = wanted - {e["id"] for e in entries}
        if missing:
            print(f"not in the manifest: {', '.join(sorted(missing))}", file=sys.stderr)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    failures: list[tuple[str, str]] = []
    for index, entry in enumerate(entries):
        label = entry.get("id", f"#{index}") if isinstance(entry, dict) else f"#{index}"
        try:
            print(materialise(entry, args.mirrors, out, args.force))
        except (Refused, OSError) as err:
            failures.append((str(label), str(err)))
            print(f"{label}: FAILED: {err}", file=sys.stderr)
    print(f"\n{len(entries) - len(failures)} of {len(entries)} entries materialised into {out}")
    if failures:
        print("Could not materialise:")
        for label, reason in failures:
            print(f"  {label}: {reason}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
