"""The header row of a hand-kept file: which column is where, and what is wrong with it."""

from __future__ import annotations

from pipeline.i18n import said
from pipeline.read.common import fold
from pipeline.read.local_files.kinds import LocalKind
from pipeline.read.local_files.problems import column_names, problem
from pipeline.read.local_files.tables import Rows


def cell_at(cells: list[str], position: int | None) -> str | None:
    if position is None or position >= len(cells) or cells[position] == "":
        return None
    return cells[position]


def map_header(
    spec: LocalKind, header: list[str], body: Rows, shown: str, label: str
) -> tuple[dict[str, int], list[dict]]:
    """Canonical name -> position in the header; problems for unknown, repeated and missing columns."""
    aliases = {}
    for c in spec.columns:
        aliases[fold(c.fi)] = c
        aliases[fold(c.name)] = c
    positions: dict[str, int] = {}
    problems: list[dict] = []
    allowed = column_names(spec, spec.names)
    for i, text in enumerate(header):
        if not text:
            if any(cell_at(cells, i) for _, cells in body):
                problems.append(blank_header(spec, shown, label, i))
            continue
        col = aliases.get(fold(text))
        if col is None:
            problems.append(
                problem(
                    shown,
                    label,
                    text,
                    None,
                    None,
                    said("own_problem.unknown_column", allowed=allowed),
                )
            )
        elif col.name in positions:
            problems.append(
                problem(
                    shown,
                    label,
                    text,
                    col.name,
                    None,
                    said("own_problem.repeated_column", other=positions[col.name] + 1),
                )
            )
        else:
            positions[col.name] = i
    for c in spec.columns:
        if c.required and c.name not in positions:
            problems.append(
                problem(
                    shown,
                    label,
                    c.fi,
                    c.name,
                    None,
                    said("own_problem.missing_column", form=c.form),
                )
            )
    return positions, problems


def blank_header(spec: LocalKind, shown: str, label: str, i: int) -> dict:
    """The header row has no name for column ``i`` (0-based), which has values."""
    return problem(
        shown,
        label,
        f"#{i + 1}",
        None,
        "",
        said("own_problem.blank_header", allowed=column_names(spec, spec.names)),
    )


def extra_cells(header: list[str], body: Rows, shown: str) -> list[dict]:
    """Values to the right of the last header column."""
    return [
        problem(
            shown,
            label,
            f"#{len(header) + 1}",
            None,
            cells[len(header)],
            said("own_problem.extra_cells"),
        )
        for label, cells in body
        if any(cells[len(header) :])
    ]
