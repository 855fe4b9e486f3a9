"""The connection the build writes with: DuckDB on one thread.

The tables are small (the largest ~80 000 rows), so a second thread saves little time, but each thread
holds its own buffers and allocator arenas: on the bundled snapshot one thread peaks ~60 MiB lower.
Results do not depend on it (``preserve_insertion_order`` stays on, so tables keep their row order).
"""

from __future__ import annotations

from pathlib import Path

import duckdb


def connect(path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=read_only, config={"threads": 1})
