"""Reading hand-kept files into validated frames: one file, a whole directory, or no rows at all."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from pipeline import formatting, i18n
from pipeline.i18n import said
from pipeline.raw.local_files import too_large
from pipeline.raw.snapshot import RawFile
from pipeline.read.local_files.checks import overlapping_periods, pandera_problems, unknown_municipalities
from pipeline.read.local_files.discover import discover
from pipeline.read.local_files.header import blank_header, cell_at, extra_cells, map_header
from pipeline.read.local_files.kinds import LocalKind, kind_spec
from pipeline.read.local_files.parse import parse_cells
from pipeline.read.local_files.problems import LocalFileError, Problems, column_names, display_path, problem
from pipeline.read.local_files.tables import Rows, UnreadableTable, iter_table_rows

SUMMED_BY_PERIOD = ("arrivals",)  # kinds whose periods are added up: two that overlap would count twice


def read_local_file(
    kind: str, path: Path, municipality_codes: set[str] | None = None, shown: str | None = None
) -> pd.DataFrame:
    """One hand-kept file as a validated frame of canonical columns plus ``source_file``, ``source_row``.

    ``shown``: the name problems give the file (a raw copy is named by its original path in data/local/).
    A file over :data:`~pipeline.raw.local_files.MAX_FILE_BYTES` is refused before a byte of it is read.
    Raises :class:`LocalFileError` with every problem of the file at once.
    """
    kind_spec(kind)
    path = Path(path)
    shown = shown or display_path(path)
    try:
        reason = too_large(path)
        content = path.read_bytes() if reason is None else b""
    except OSError as exc:
        raise _unreadable(shown, exc) from exc
    if reason is not None:
        raise LocalFileError([problem(shown, None, None, None, None, reason)])
    return read_local_bytes(kind, content, path.name, municipality_codes, shown=shown, source_file=str(path))


def read_local_bytes(
    kind: str,
    content: bytes,
    filename: str,
    municipality_codes: set[str] | None = None,
    *,
    shown: str | None = None,
    source_file: str | None = None,
) -> pd.DataFrame:
    """An own file's bytes (a file read, an upload) as :func:`read_local_file` reads it; ``filename``
    tells CSV from XLSX. Within bounded memory: the size is checked first, the rows are streamed and only
    the cells of the kind's columns are kept (each distinct text once), at most :data:`MAX_ROWS` rows and
    :data:`~pipeline.read.local_files.problems.MAX_PROBLEMS` problems."""
    spec = kind_spec(kind)
    shown = shown or filename
    reason = too_large(Path(filename), size=len(content))
    if reason is not None:
        raise LocalFileError([problem(shown, None, None, None, None, reason)])
    problems = Problems(spec, shown)
    try:
        labels, columns = _stream(spec, iter_table_rows(content, filename), shown, problems)
    except UnreadableTable as exc:
        raise _unreadable(shown, exc) from exc
    body: Rows = [(label, _NO_CELLS) for label in labels]  # the checks name a row by its label
    missing = {c.name for c in spec.columns if c.name not in columns}
    raw = pd.DataFrame(
        {name: columns.get(name, [None] * len(labels)) for name in spec.names}, index=range(len(labels)), dtype="object"
    )
    del columns
    parsed, bad_cells = parse_cells(spec, raw, body, problems, shown)
    problems += unknown_municipalities(parsed, raw, body, shown, municipality_codes)
    parsed["source_file"] = pd.Series([source_file or shown] * len(body), dtype="object")
    parsed["source_row"] = pd.Series(labels, dtype="object")
    try:
        valid = spec.model.validate(parsed, lazy=True)
    except pa.errors.SchemaErrors as exc:
        problems += pandera_problems(spec, exc.failure_cases, raw, parsed, body, shown, bad_cells, missing)
        valid = None
    if problems:
        raise LocalFileError(problems.final())
    return _finish(spec, valid)


# The most rows of data one file is read for: 10 MiB (the size limit) of the shortest rows a kind can
# have. A file with more is not read to the end, so that the rows kept stay within bounded memory.
MAX_ROWS = 200_000
_NO_CELLS: list[str] = []  # a row of ``body`` keeps its label only
_SHARED = 100_000  # distinct texts kept once per column (codes, dates, counts repeat; notes may not)


def _stream(spec: LocalKind, rows, shown: str, problems: Problems) -> tuple[list[str], dict[str, list]]:
    """The header and the rows, one at a time: each row's label and the cells of the header's known
    columns (each distinct text held once); problems of the header and of cells outside it."""
    first = next(rows, None)
    if first is None:
        raise LocalFileError(
            [
                problem(
                    shown,
                    None,
                    None,
                    None,
                    None,
                    said("own_problem.no_header", columns=column_names(spec, spec.names)),
                )
            ]
        )
    header_label, header = first
    positions, header_problems = map_header(spec, header, [], shown, header_label)
    problems += header_problems
    blank = [i for i, text in enumerate(header) if not text]
    blank_with_values: set[int] = set()
    labels: list[str] = []
    columns: dict[str, list] = {name: [] for name in positions}
    shared: dict[str, dict[str, str]] = {name: {} for name in positions}
    for label, cells in rows:
        if len(labels) >= MAX_ROWS:
            limit = {lang: formatting.number(MAX_ROWS, lang) for lang in i18n.LANGUAGES}
            raise LocalFileError(
                [
                    problem(
                        shown,
                        label,
                        None,
                        None,
                        None,
                        said("own_problem.too_many_rows", limit=limit),
                    )
                ]
            )
        labels.append(label)
        blank_with_values.update(i for i in blank if cell_at(cells, i))
        if len(cells) > len(header) and any(cells[len(header) :]):
            problems += extra_cells(header, [(label, cells)], shown)
        for name, position in positions.items():
            text = cell_at(cells, position)
            if type(text) is str:  # a FormulaCell stays what it is
                seen = shared[name]
                text = seen.setdefault(text, text) if len(seen) < _SHARED else seen.get(text, text)
            columns[name].append(text)
    problems += [blank_header(spec, shown, header_label, i) for i in sorted(blank_with_values)]
    return labels, columns


def _unreadable(shown: str, exc: Exception) -> LocalFileError:
    return LocalFileError(
        [
            problem(
                shown,
                None,
                None,
                None,
                None,
                said("own_problem.unreadable", reason=exc),
            )
        ]
    )


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
