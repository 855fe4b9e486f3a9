"""Benchmark ``read_jsonstat`` on a synthetic 1.25 M-cell JSON-stat 2.0 dataset.

    python -m bench.bench_jsonstat

The dataset is SYNTHETIC (random numbers, made-up codes), shaped like a StatFin 11rm answer for
every municipality: 309 areas x 169 languages x 3 sexes x 8 years x 1 content = 1,253,256 cells,
about 5 % null with status "..." (as 11rm marks cells under 10 persons). For comparison, pyjstat
takes ~28 s on a document of this size.
"""

from __future__ import annotations

import math
import time
import tracemalloc

import numpy as np

from pipeline.read.jsonstat import read_jsonstat

SHAPE = {  # dimension id -> synthetic category codes
    "alue_23_20260101": ["SSS"] + [f"KU{i:03d}" for i in range(1, 309)],
    "kieli_15_20180102": ["SSS", "01", "02"] + [f"l{i:03d}" for i in range(166)],
    "sukupuoli_9_20180101": ["SSS", "1", "2"],
    "timeperiod_y": [str(year) for year in range(2018, 2026)],
    "contentscode": ["vaerak-vaesto"],
}


def synthetic_dataset(null_share: float = 0.05, seed: int = 0) -> dict:
    """A synthetic JSON-stat 2.0 dataset as PxWeb shapes it (index objects, sparse status)."""
    n = math.prod(len(codes) for codes in SHAPE.values())
    rng = np.random.default_rng(seed)
    values: list = rng.integers(0, 100_000, n).tolist()
    nulls = np.flatnonzero(rng.random(n) < null_share).tolist()
    for i in nulls:
        values[i] = None
    return {
        "version": "2.0",
        "class": "dataset",
        "label": "Synthetic benchmark dataset",
        "id": list(SHAPE),
        "size": [len(codes) for codes in SHAPE.values()],
        "dimension": {
            dim_id: {
                "label": dim_id,
                "category": {
                    "index": {code: i for i, code in enumerate(codes)},
                    "label": {code: code for code in codes},
                },
            }
            for dim_id, codes in SHAPE.items()
        },
        "value": values,
        "status": {str(i): "..." for i in nulls},
    }


def main(repeats: int = 3) -> dict:
    dataset = synthetic_dataset()
    cells = math.prod(dataset["size"])
    seconds = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        frame = read_jsonstat(dataset)
        seconds = min(seconds, time.perf_counter() - start)
        del frame
    # Peak memory in a separate run: tracemalloc slows allocation, so it stays out of the timing.
    tracemalloc.start()
    frame = read_jsonstat(dataset)
    peak_mib = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    assert len(frame) == cells
    print(f"read_jsonstat: {cells:,} cells in {seconds:.2f} s (best of {repeats}), peak +{peak_mib:.0f} MiB")
    return {"name": "read_jsonstat", "cells": cells, "seconds": seconds, "peak_mib": peak_mib}


if __name__ == "__main__":
    main()
