"""The files of run and bench folders, and two benches compared.

    GET /api/builds/{id}/files/{path}   a file of the build's run folder (images shown, the rest downloaded)
    GET /api/builds/{id}/zip            the whole run folder as a zip
    GET /api/builds/{id}/diff/{round}   a round's program against the round before
    GET /api/benches                    every bench folder in the runs folder
    GET /api/compare?a=&b=              two benches side by side (as `aegis report`)
    GET /benches/{name}/report.html     a bench's report, sandboxed

Files of a run folder were written next to untrusted programs: only PNG and JPEG images are shown inline;
every other file is a download, and none may run script on this origin (Content-Security-Policy: sandbox).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO
from urllib.parse import quote

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, PlainTextResponse, StreamingResponse
from starlette.background import BackgroundTask

from aegis.errors import AegisError
from aegis.serve.runs import diff, inside, list_benches, open_inside, zip_run
from aegis.serve.settings import SettingsDep, entry_of
from aegis.serve.views import ID

router = APIRouter(tags=["files"])
INLINE = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
SAFE_HEADERS = {"Content-Security-Policy": "sandbox", "X-Content-Type-Options": "nosniff"}
CHUNK = 1 << 16


@router.get("/api/builds/{build_id}/files/{path:path}", summary="A file of the build's run folder")
def file(build_id: str, path: str, settings: SettingsDep) -> StreamingResponse:
    """Sent from the file as it was opened (never through a link), not from its name again."""
    found = entry_of(settings, build_id)
    handle = open_inside(found.run_dir, path) if found.run_dir else None
    if handle is None:
        raise HTTPException(404, f"no file {path!r} in this build's run folder")
    name = PurePosixPath(path).name
    headers = {**SAFE_HEADERS, "Content-Length": str(os.fstat(handle.fileno()).st_size)}
    if (media := INLINE.get(PurePosixPath(name).suffix.lower())) is None:
        media = "application/octet-stream"
        headers["Content-Disposition"] = f"attachment; filename*=utf-8''{quote(name)}"
    return StreamingResponse(_chunks(handle), media_type=media, headers=headers)


def _chunks(handle: BinaryIO) -> Iterator[bytes]:
    with handle:
        while chunk := handle.read(CHUNK):
            yield chunk


@router.get("/api/builds/{build_id}/zip", summary="The whole run folder as a zip")
def zipped(build_id: str, settings: SettingsDep) -> FileResponse:
    found = entry_of(settings, build_id)
    if found.run_dir is None:
        raise HTTPException(404, "this build has no run folder yet")
    target = Path(tempfile.mkstemp(suffix=".zip")[1])
    zip_run(found.run_dir, target)
    cleanup = BackgroundTask(target.unlink, missing_ok=True)
    return FileResponse(target, filename=f"{found.run_dir.name}.zip", background=cleanup)


@router.get("/api/builds/{build_id}/diff/{number}", summary="A round's program against the round before")
def round_diff(build_id: str, number: int, settings: SettingsDep) -> PlainTextResponse:
    found = entry_of(settings, build_id)
    return PlainTextResponse(diff(found.run_dir, number) if found.run_dir else "")


@router.get("/api/benches", summary="Every bench folder in the runs folder")
def benches(settings: SettingsDep) -> list[dict[str, Any]]:
    return list_benches(settings.runs_dir)


@router.get("/api/compare", summary="Two bench folders side by side (aegis report)")
def compare(a: str, b: str, settings: SettingsDep) -> dict[str, Any]:
    from aegis.bench.compare import compare as compare_benches

    try:
        return compare_benches(bench_folder(settings.runs_dir, a), bench_folder(settings.runs_dir, b))
    except AegisError as exc:
        raise HTTPException(400, str(exc)) from None


@router.get("/benches/{name}/report.html", summary="A bench's report.html")
def report(name: str, settings: SettingsDep) -> FileResponse:
    target = inside(bench_folder(settings.runs_dir, name), "report.html")
    if target is None:
        raise HTTPException(404, f"bench {name!r} has no report.html")
    return FileResponse(target, headers={"Content-Security-Policy": "sandbox allow-scripts"})


def bench_folder(runs_dir: Path, name: str) -> Path:
    folder = runs_dir / name
    if not ID.fullmatch(name) or folder.is_symlink() or inside(folder, "summary.json") is None:
        raise HTTPException(404, f"no bench {name!r}")
    return folder
