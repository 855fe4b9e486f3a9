"""Time and peak memory of a full offline refresh on the bundled snapshot, each run in a fresh process as
``make refresh`` runs it (three builds in one process measured the allocator's leftovers of the first two
as well: 279 MiB where one refresh peaks at ~250)."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from bench.refresh_process import refresh
from pipeline import paths


def main() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        runs = [refresh(paths.raw_dir(), Path(tmp)) for _ in range(3)]
    best = min(runs, key=lambda r: r.seconds)
    peak = max(r.peak_rss_mib for r in runs)
    print(
        f"refresh (bundled snapshot, 3 fresh processes): {best.seconds:.2f} s best "
        f"(median {statistics.median(r.seconds for r in runs):.2f} s; the build itself {best.build_seconds:.1f} s), "
        f"peak RSS {peak:.0f} MiB (highest of the 3)"
    )
    return {
        "name": "refresh_offline",
        "seconds": round(best.seconds, 3),
        "build_seconds": best.build_seconds,
        "peak_rss_mib": round(peak),
    }


if __name__ == "__main__":
    main()
