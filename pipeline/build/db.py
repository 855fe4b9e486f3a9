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


class Renewing:
    """One connection to the working file, closed and opened anew once it has written ``limit`` rows.

    DuckDB keeps memory for what a connection wrote until it closes (~20-30 MiB for a table of ~70 000
    rows, ~220 MiB over the whole build in one connection); a connection for every table cost ~20 ms to
    open each (74 in a build: 1.5 s of a 6 s refresh). Renewed after ``limit`` rows it is both.
    """

    def __init__(self, path: Path | str, limit: int = 60_000) -> None:
        self.path, self.limit, self.rows = path, limit, 0
        self._con: duckdb.DuckDBPyConnection | None = None

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._con = connect(self.path)
        return self._con

    def wrote(self, rows: int) -> None:
        self.rows += rows
        if self.rows >= self.limit:
            self.close()

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
        self._con, self.rows = None, 0

    def __enter__(self) -> Renewing:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
