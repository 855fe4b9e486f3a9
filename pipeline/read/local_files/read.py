"""Reading hand-kept files into validated frames: one file, a whole directory, or no rows at all."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from pipeline.raw.snapshot import RawFile
from pipeline.read.local_files.checks import overlapping_periods, pandera_problems, unknown_municipalities
from pipeline.read.local_files.discover import discover
from pipeline.read.local_files.header import cell_at, extra_cells, map_header
from pipeline.read.local_files.kinds import LocalKind, kind_spec
from pipeline.read.local_files.parse import parse_cells
from pipeline.read.local_files.problems import LocalFileError, display_path, problem, sorted_problems
from pipeline.read.local_files.tables import UnreadableTable, table_rows

SUMMED_BY_PERIOD = ("arrivals",)  # kinds whose periods are added up: two that overlap would count twice


def read_local_file(
    kind: str, path: Path, municipality_codes: set[str] | None = None, shown: str | None = None
) -> pd.DataFrame:
    """One hand-kept file as a validated frame of canonical columns plus ``source_file``, ``source_row``.

    ``shown``: the name problems give the file (a raw copy is named by its original path in data/local/).
    Raises :class:`LocalFileError` with every problem of the file at once.
    """
    spec, path = kind_spec(kind), Path(path)
    shown = shown or display_path(path)
    try:
        rows = table_rows(path.read_bytes(), path.name)
    except (OSError, UnreadableTable) as exc:
        raise LocalFileError(
            [
                problem(
                    shown,
                    None,
                    None,
                    None,
                    None,
                    f"luettava CSV- tai XLSX-tiedosto ({exc})",
                    f"a readable CSV or XLSX file ({exc})",
                )
            ]
        ) from exc
    if not rows:
        raise LocalFileError(
            [
                problem(
                    shown,
                    None,
                    None,
                    None,
                    None,
                    "otsikkorivi: " + ", ".join(c.fi for c in spec.columns),
                    "a header row: " + ", ".join(spec.names),
                )
            ]
        )
    (header_label, header), body = rows[0], rows[1:]
    positions, problems = map_header(spec, header, body, shown, header_label)
    missing = {c.name for c in spec.columns if c.name not in positions}
    problems += extra_cells(header, body, shown)
    raw = pd.DataFrame(
        {name: [cell_at(cells, positions.get(name)) for _, cells in body] for name in spec.names}, dtype="object"
    )
    parsed, bad_cells = parse_cells(spec, raw, body, problems, shown)
    problems += unknown_municipalities(parsed, raw, body, shown, municipality_codes)
    parsed["source_file"] = pd.Series([str(path)] * len(body), dtype="object")
    parsed["source_row"] = pd.Series([label for label, _ in body], dtype="object")
    try:
        valid = spec.model.validate(parsed, lazy=True)
    except pa.errors.SchemaErrors as exc:
        problems += pandera_problems(spec, exc.failure_cases, raw, parsed, body, shown, bad_cells, missing)
        valid = None
    if problems:
        raise LocalFileError(sorted_problems(problems, spec))
    return _finish(spec, valid)


def read_local_dir(local_dir: Path, municipality_codes: set[str] | None = None) -> dict[str, pd.DataFrame]:
    """Every kind -> all its files read and stacked (an empty typed frame when none).
    Problems of all files are raised together as one :class:`LocalFileError`."""
    found: dict[str, list[tuple[Path, str | None]]] = {
        kind: [(path, None) for path in paths] for kind, paths in discover(local_dir).items()
    }
    return _read_kinds(found, municipality_codes)


def read_local_snapshot(
    files: dict[str, list[RawFile]], municipality_codes: set[str] | None = None
) -> dict[str, pd.DataFrame]:
    """Every kind -> the raw snapshot's copies of its files read and stacked (``source_file`` is the copy;
    problems name the original file). Problems of all files are raised together."""
    found = {kind: [(f.path, f.meta.get("original_path")) for f in kind_files] for kind, kind_files in files.items()}
    return _read_kinds(found, municipality_codes)


def _read_kinds(
    found: dict[str, list[tuple[Path, str | None]]], municipality_codes: set[str] | None
) -> dict[str, pd.DataFrame]:
    """Kind -> (file, the name problems give it) pairs, read and stacked; every problem raised at once."""
    frames, problems = {}, []
    for kind, files in found.items():
        parts = []
        for path, shown in files:
            try:
                parts.append(read_local_file(kind, path, municipality_codes, shown=shown))
            except LocalFileError as exc:
                problems.extend(exc.problems)
        frames[kind] = pd.concat(parts, ignore_index=True) if parts else empty_frame(kind)
        if kind in SUMMED_BY_PERIOD and len(parts) == len(files):
            shown_of = {str(path): shown or display_path(path) for path, shown in files}
            problems.extend(overlapping_periods(frames[kind], shown_of))
    if problems:
        raise LocalFileError(problems)
    return frames


def empty_frame(kind: str) -> pd.DataFrame:
    """A valid frame of ``kind`` with no rows (the types the reader returns)."""
    spec = kind_spec(kind)
    raw = pd.DataFrame({c.name: pd.Series(dtype="object") for c in spec.columns})
    parsed, _ = parse_cells(spec, raw, [], [])
    parsed["source_file"] = pd.Series(dtype="object")
    parsed["source_row"] = pd.Series(dtype="object")
    return _finish(spec, spec.model.validate(parsed))


def _finish(spec: LocalKind, frame: pd.DataFrame) -> pd.DataFrame:
    """Required whole-number columns as int64 (they have no nulls once valid); columns in file order."""
    frame = frame[[*spec.names, "source_file", "source_row"]].reset_index(drop=True)
    for col in spec.columns:
        if col.required and col.type in ("year", "count"):
            frame[col.name] = frame[col.name].astype("int64")
    return frame
