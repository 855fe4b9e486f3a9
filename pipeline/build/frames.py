"""A DuckDB relation as the pandas frame ``relation.df()`` gives, without a Python string per text cell.

``relation.df()`` turns every VARCHAR cell into a Python ``str`` before pandas packs the column into its
Arrow-backed ``str`` dtype: for the 77 875 rows of ``indicator_values`` that is ~55 MiB of short-lived
Python objects and a peak of ~140 MiB of RSS (most of it kept by the allocators afterwards). Through
Arrow the text columns arrive as the same ``str`` columns directly from DuckDB's Arrow buffers
(~17 MiB for the same table). The other columns still come from ``.df()``, so that their dtypes are
DuckDB's own (DATE as ``datetime64[us]``, integers with nulls as ``Int64``, DECIMAL and HUGEINT as
float64), and so do text columns that hold no value at all (``.df()`` makes those ``object``).
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow as pa


def to_pandas(relation: duckdb.DuckDBPyRelation) -> pd.DataFrame:
    """The same frame as ``relation.df()`` (columns, dtypes, values, row order), built with less memory.

    ``relation`` is a table or a projection of one: it is scanned twice (text columns, then the others),
    and two scans of a table give its rows in the same order (insertion order is preserved, one thread)."""
    columns = list(relation.columns)
    text = [c for c, t in zip(columns, relation.types) if str(t) == "VARCHAR"]
    if not text:
        return relation.df()
    arrow = relation.project(_names(text)).to_arrow_table()
    empty = {c for c in text if arrow.column(c).null_count == arrow.num_rows}
    arrow = arrow.drop_columns(list(empty))
    parts: dict[str, pd.Series] = {}
    if arrow.num_columns:
        parts.update(arrow.to_pandas().items())
    del arrow
    rest = [c for c in columns if c not in text or c in empty]
    if rest:
        parts.update(relation.project(_names(rest)).df().items())
    return pd.DataFrame({c: parts.pop(c) for c in columns}, copy=False)


def _names(columns: list[str]) -> str:
    return ", ".join('"' + c.replace('"', '""') + '"' for c in columns)


def release_unused() -> None:
    """Give back to the system the memory the Arrow pool keeps for reuse.

    pandas' ``str`` columns live in pyarrow's pool (the C library's malloc: ``pipeline/__init__.py``), which
    keeps what is freed for the next Arrow allocation; DuckDB allocates elsewhere and cannot use it. Released after the raw files are
    read, after each raw table and model is written and after each table is validated, the refresh of the
    bundled snapshot peaks ~18 MiB lower.
    """
    pa.default_memory_pool().release_unused()
