"""The connection the build writes with: DuckDB on one thread.

The tables are small (the largest ~80 000 rows), so a second thread saves little time, but each thread
holds buffers of its own: on the bundled snapshot one thread peaks ~30 MiB lower (bench_refresh 368 ->
336 MiB). Row order does not depend on it (``preserve_insertion_order`` stays on) and the published
tables are the same; a sum of doubles may round differently in its last digit (the shares of regions in
``int_foreign_language_speakers_aggregated``: at most 1.2e-14 percentage points, before the mart rounds
them to one decimal), as it may already between machines of different numbers of cores (DuckDB's
default is a thread per core).
"""

from __future__ import annotations

from pathlib import Path

import duckdb


def connect(path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=read_only, config={"threads": 1})
