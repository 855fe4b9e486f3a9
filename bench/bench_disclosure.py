"""The small-count rule on a table the size of the live language table 11rm (SYNTHETIC counts)."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from pipeline.disclosure import protect


def main() -> dict:
    rng = np.random.default_rng(0)  # synthetic: 309 areas x 169 languages x 3 sexes x 6 years
    areas, langs, sexes, years = 309, 169, 3, 6
    n = areas * langs * sexes * years
    frame = pd.DataFrame(
        {
            "area": np.repeat(np.arange(areas), langs * sexes * years),
            "language": np.tile(np.repeat(np.arange(langs), sexes * years), areas),
            "sex": np.tile(np.repeat(np.arange(sexes), years), areas * langs),
            "year": np.tile(np.arange(years), areas * langs * sexes),
            "population": pd.array(rng.integers(0, 60, n), dtype="Int64"),
        }
    )
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        protect(frame, "population", groups=[["area", "year", "sex"], ["area", "year", "language"]])
        runs.append(time.perf_counter() - started)
    print(f"disclosure.protect: {n:,} synthetic cells, two groupings, in {min(runs):.2f} s (best of 3)")
    return {"name": "disclosure_protect", "cells": n, "seconds": round(min(runs), 3)}


if __name__ == "__main__":
    main()
