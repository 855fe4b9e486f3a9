"""Benchmark ``read_jsonstat`` on a synthetic 1.25 M-cell JSON-stat 2.0 dataset, side by side with a bare
``json.loads`` of the same document: the whole read (load + read) against the parse alone.

    python -m bench.bench_jsonstat

The dataset is SYNTHETIC (random numbers, made-up codes), shaped like a StatFin 11rm answer for
every municipality: 309 areas x 169 languages x 3 sexes x 8 years x 1 content = 1,253,256 cells,
about 5 % null with status "..." (as 11rm marks cells under 10 persons). For comparison, pyjstat
takes ~28 s on a document of this size.
"""

from __future__ import annotations

import json
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


def main(repeats: int = 5) -> dict:
    text = json.dumps(synthetic_dataset())
    dataset = json.loads(text)
    cells = math.prod(dataset["size"])
    load = read = math.inf
    for _ in range(repeats):  # alternated, so both see the same machine
        start = time.perf_counter()
        json.loads(text)
        load = min(load, time.perf_counter() - start)
        start = time.perf_counter()
        frame = read_jsonstat(dataset)
        read = min(read, time.perf_counter() - start)
        del frame
    # Peak memory in a separate run: tracemalloc slows allocation, so it stays out of the timing.
    tracemalloc.start()
    frame = read_jsonstat(dataset)
    peak_mib = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    assert len(frame) == cells
    ratio = (load + read) / load
    print(
        f"read_jsonstat: {cells:,} cells: json.loads {load:.3f} s + read {read:.3f} s = {ratio:.2f}x the bare "
        f"parse (best of {repeats}), peak +{peak_mib:.0f} MiB"
    )
    return {"name": "read_jsonstat", "cells": cells, "seconds": read, "json_load_seconds": load,
            "load_and_read_vs_load": ratio, "peak_mib": peak_mib}  # fmt: skip


if __name__ == "__main__":
    main()
