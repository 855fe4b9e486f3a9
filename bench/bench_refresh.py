"""Time and peak memory of a full offline refresh on the bundled snapshot."""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

from pipeline import paths
from pipeline.build import warehouse


def main() -> dict:
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(3):
            started = time.perf_counter()
            warehouse.build(db_path=Path(tmp) / "bench.duckdb", raw_root=paths.raw_dir(), progress=lambda _: None)
            runs.append(time.perf_counter() - started)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"refresh (bundled snapshot): {min(runs):.2f} s best of 3 (median {sorted(runs)[1]:.2f} s), "
        f"process peak RSS {peak_mib:.0f} MiB"
    )
    return {"name": "refresh_offline", "seconds": round(min(runs), 3), "peak_rss_mib": round(peak_mib)}


if __name__ == "__main__":
    main()
