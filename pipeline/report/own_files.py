"""The municipality's own files from the dashboard: a template to download, an upload checked, stored and built.

The one place where the dashboard changes anything, and only this: on a person's confirmation, one checked
CSV or XLSX is stored in ``data/local/`` and the database is rebuilt (a refresh, atomic as every build).

- :func:`template_bytes`: the XLSX template of a kind (sheet ``data`` with the Finnish header, sheet ``ohje``).
- :func:`check_upload`: the file read as the refresh reads it (at most 10 MiB, CSV or XLSX, formulas refused,
  nothing in it executed), every problem at once, and the :class:`Plan` of what storing it would do.
- :func:`store_and_rebuild`: under a lock, the plan carried out and the database built; when the build
  fails, ``data/local/`` is put back as it was, so that the next refresh does not fail on the same file.

Where a file goes: ``data/local/<name>`` where the name is the uploaded one when it already names the kind
(``quota.xlsx``, ``activity_2025.csv``) in safe characters, else ``<kind>.csv|xlsx``. It replaces the file of
that name, and an upload of the kind's main file (``quota.xlsx``) also replaces the main file in the other
format (``quota.csv``), so that the two are not read together. What is replaced is in the plan, which the
person confirms; the replaced bytes stay in the raw snapshot of the previous refresh
(``data/raw/local_files/<snapshot>/``). Other files of the kind stay and are read together with the new one.

This module reads the own-file parsers (``read``), the raw snapshot and the build: it is the only module of
the report layer that does (tests/test_layers.py names it).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import i18n, paths, registry
from pipeline.build import warehouse
from pipeline.i18n import said
from pipeline.raw.local_files import FILE_NAME, MAX_FILE_BYTES, LocalFilesBusy, holding, kind_of
from pipeline.read.local_files import (
    SUFFIXES,
    LocalFileError,
    kind_spec,
    read_local_dir,
    write_template,
)
from pipeline.read.local_files.problems import problem
from pipeline.read.local_files.read import read_local_bytes

_SAFE_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")


Busy = LocalFilesBusy  # another upload is being stored and built right now, or a refresh is building


@dataclass(frozen=True)
class Plan:
    """What storing a checked upload does: ``target`` written, ``replaces`` removed, ``kept`` read with it."""

    kind: str
    uploaded: str  # the name the person's file had
    target: str  # the name it is stored under in data/local/
    content: bytes
    rows: int
    replaces: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    digests: dict[str, str] = field(default_factory=dict)  # replaced and kept files' sha256 when checked


@dataclass(frozen=True)
class Checked:
    """The result of :func:`check_upload`: every problem (dicts as :class:`LocalFileError` has them), or a plan."""

    problems: list[dict]
    plan: Plan | None = None


@dataclass(frozen=True)
class Stored:
    """The result of :func:`store_and_rebuild`: ``ok`` and the build's problem when it failed."""

    ok: bool
    plan: Plan
    error: str = ""
    problems: list[dict] = field(default_factory=list)


def kinds() -> list[str]:
    return list(registry.local_kinds())


def template_bytes(kind: str) -> bytes:
    """The XLSX template of ``kind``, as ``python -m pipeline template KIND --output KIND.xlsx`` writes it."""
    with tempfile.TemporaryDirectory() as folder:
        return write_template(kind, Path(folder) / f"{kind}.xlsx").read_bytes()


def target_name(kind: str, uploaded: str) -> str:
    """The name an upload of ``kind`` is stored under (see the module docstring)."""
    name = Path(uploaded).name
    suffix = Path(name).suffix.lower()
    match = FILE_NAME.match(name)
    if match and match["kind"].lower() == kind and _SAFE_NAME.match(name) and not name.startswith("."):
        return name[: -len(suffix)] + suffix
    return f"{kind}{suffix}"


def check_upload(
    kind: str,
    uploaded: str,
    content: bytes,
    municipality_codes: set[str] | None = None,
    local_dir: Path | None = None,
) -> Checked:
    """The uploaded file read as the refresh would read it, then together with the kind's other files."""
    kind_spec(kind)
    suffix = Path(uploaded).suffix.lower()
    if suffix not in SUFFIXES:
        limit = MAX_FILE_BYTES // 2**20
        return Checked([problem(uploaded, None, None, None, None, said("own_problem.upload_suffix", limit=limit))])
    try:
        frame = read_local_bytes(kind, content, uploaded, municipality_codes)
    except LocalFileError as exc:
        return Checked(exc.problems)
    local_dir = Path(local_dir or paths.local_dir())
    target = target_name(kind, uploaded)
    replaced = _replaced(local_dir, kind, target)
    kept = [p for p in _files_of(local_dir, kind) if p not in replaced]
    if kept:  # read together (e.g. arrivals whose periods overlap another file's would count twice)
        problems = _together(kind, target, content, kept, municipality_codes)
        if problems:
            return Checked(problems)
    digests = {p.name: _sha256(p) for p in [*replaced, *kept]}
    plan = Plan(
        kind,
        Path(uploaded).name,
        target,
        content,
        len(frame),
        tuple(p.name for p in replaced),
        tuple(p.name for p in kept),
        digests,
    )
    return Checked([], plan)


def store_and_rebuild(
    plan: Plan, local_dir: Path | None = None, progress: Callable[[str], None] = lambda _: None
) -> Stored:
    """Store the planned file and rebuild the database; on a failed build put ``data/local/`` back as it was.

    Raises :class:`Busy` when another upload holds the lock. When the folder changed since the check (a file
    to replace gone or changed, a new file of the target name), nothing is stored and the result says so.
    """
    local_dir = Path(local_dir or paths.local_dir())
    local_dir.mkdir(parents=True, exist_ok=True)
    with holding(local_dir):  # not waited for: Busy
        if _changed(plan, local_dir):
            return Stored(False, plan, error="changed")
        token = uuid.uuid4().hex
        part = local_dir / f".upload-{token}.part"
        aside = local_dir / f".upload-{token}.previous"
        target = local_dir / plan.target
        part.write_bytes(plan.content)
        aside.mkdir()
        moved = []
        try:
            for name in plan.replaces:
                os.replace(local_dir / name, aside / name)
                moved.append(name)
            os.replace(part, target)
            warehouse.build(progress=progress)
        except BaseException as exc:
            _restore(local_dir, target, aside, moved)
            part.unlink(missing_ok=True)
            if isinstance(exc, warehouse.BuildError):
                return Stored(False, plan, error=str(exc))
            raise
        shutil.rmtree(aside, ignore_errors=True)
        return Stored(True, plan)


def _restore(local_dir: Path, target: Path, aside: Path, moved: list[str]) -> None:
    """``data/local/`` as it was before the upload: the new file removed, the replaced ones back."""
    if target.name not in moved:
        target.unlink(missing_ok=True)
    for name in moved:
        os.replace(aside / name, local_dir / name)
    shutil.rmtree(aside, ignore_errors=True)


def _files_of(local_dir: Path, kind: str) -> list[Path]:
    if not local_dir.is_dir():
        return []
    return sorted(p for p in local_dir.iterdir() if kind_of(p) == kind)


def _replaced(local_dir: Path, kind: str, target: str) -> list[Path]:
    """The files the upload replaces: the one of its name, and the main file in either format."""
    names = {target.lower()}
    if Path(target).stem.lower() == kind:
        names |= {f"{kind}{suffix}" for suffix in SUFFIXES}
    return [p for p in _files_of(local_dir, kind) if p.name.lower() in names]


def _changed(plan: Plan, local_dir: Path) -> bool:
    for name, digest in plan.digests.items():
        path = local_dir / name
        if not path.is_file() or _sha256(path) != digest:
            return True
    now = {p.name for p in _files_of(local_dir, plan.kind)}
    return bool(now - set(plan.digests))


def _together(kind: str, target: str, content: bytes, kept: list[Path], codes: set[str] | None) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        for path in kept:
            shutil.copyfile(path, Path(folder) / path.name)
        (Path(folder) / target).write_bytes(content)
        try:
            read_local_dir(Path(folder), codes)
        except LocalFileError as exc:
            prefix = str(Path(folder)) + os.sep
            return [{**p, "file": str(p["file"]).replace(prefix, "")} for p in exc.problems]
    return []


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- a problem in the page's language --------------------------------------------------------------------


def problem_rows(problems: list[dict], lang: str) -> list[dict]:
    """Each problem as the page shows it: file, row, column, value and the expected form in ``lang``."""
    return [
        {
            "file": str(p.get("file") or ""),
            "row": row_text(p.get("row"), lang),
            "column": str(p.get("column") or ""),
            "value": "" if p.get("value") is None else str(p["value"]),
            "expected": expected_text(p, lang),
        }
        for p in problems
    ]


def row_text(row: str | None, lang: str) -> str:
    """``line 4`` (of a CSV) or ``row 4`` (of a sheet) in ``lang``; empty for the file or its header."""
    if not row:
        return ""
    unit, number = str(row).split(" ", 1)
    return i18n.text("own_line" if unit == "line" else "own_row", lang, number=number)


def expected_text(p: dict, lang: str) -> str:
    """The expected form in ``lang``: each problem is said in every language of the catalog."""
    return str(p[f"expected_{lang}"])
