"""Refresh time and peak memory as the raw snapshot grows: the bundled snapshot (1×) and SYNTHETIC
snapshots about 10× and 100× its raw cells, generated here into a temporary folder and never bundled.

The growth is where a live snapshot grows: population by one-year age and sex (StatFin 11re shape: the
real 309 areas and 102 age groups of the recorded 11re metadata, both sexes and their total) for more
years, and population by citizenship (11rh shape) with synthetic citizenship codes. Values are made up
(7 persons a cell, totals summed), consistent enough to pass validation. Each build runs in its own
process, so its peak RSS is its own (``os.wait4``).

    python -m bench.bench_refresh_scale
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import numpy as np

from bench.refresh_process import refresh
from pipeline import paths
from pipeline.raw.snapshot import SnapshotWriter

METADATA = Path(__file__).parent.parent / "tests" / "fixtures" / "pxweb" / "statfin_11re_GET_metadata_fi.json"
SYNTHETIC_ID = "20990101-synthetic"  # sorts after every real snapshot: the build reads these


def _variables() -> dict[str, list[str]]:
    meta = json.loads(METADATA.read_text(encoding="utf-8"))
    return {v["code"]: v["values"] for v in meta["variables"]}


def _dataset(dims: dict[str, list[str]], values: np.ndarray) -> dict:
    return {
        "version": "2.0", "class": "dataset", "label": "SYNTHETIC benchmark data", "source": "synthetic",
        "updated": "2099-01-01T00:00:00Z", "id": list(dims), "size": [len(v) for v in dims.values()],
        "role": {"time": ["timeperiod_y"]},
        "dimension": {d: {"label": d, "category": {"index": {c: i for i, c in enumerate(v)}, "label": {c: c for c in v}}}
                      for d, v in dims.items()},
        "value": values.ravel().tolist(),
    }  # fmt: skip


def _counts(n_areas: int, n_groups: int) -> np.ndarray:
    """7 a cell; the total of the groups (first), of the sexes (first) and of the areas (first) summed."""
    cells = np.full((n_areas, n_groups, 3), 7, dtype=np.int64)
    cells[:, 0, :] = 7 * (n_groups - 1)
    cells[:, :, 0] = cells[:, :, 1] * 2
    cells[0] = cells[1:].sum(axis=0)
    return cells


META = {"kind": "synthetic_benchmark", "format": "jsonstat2", "url": "synthetic", "licence": "synthetic",
        "citation": "SYNTHETIC benchmark data", "retrieved_at": "2099-01-01T00:00:00Z"}  # fmt: skip


def _write_breakdown(
    raw_root: Path, dataset: str, table: str, variable: str, groups: list[str], years: list[str]
) -> int:
    """One synthetic snapshot of a breakdown by area, ``variable`` (its ``groups``), sex and year, a file a
    year as PxWeb splits a query; returns the cells written."""
    if not years:
        return 0
    areas = _variables()["alue_23_20260101"]
    writer, cells = SnapshotWriter(dataset, SYNTHETIC_ID, raw_root), 0
    for year in years:
        dims = {"alue_23_20260101": areas, variable: groups, "sukupuoli_9_20180101": ["SSS", "1", "2"],
                "timeperiod_y": [year], "contentscode": ["vaerak-vaesto"]}  # fmt: skip
        doc = _dataset(dims, _counts(len(areas), len(groups)))
        writer.add(f"{table}_{year}.json", json.dumps(doc).encode(), META)
        cells += len(doc["value"])
    writer.commit()
    return cells


def write_synthetic(raw_root: Path, age_years: list[str], citizenship_years: list[str], citizenships: int) -> int:
    """The synthetic snapshots of age and sex (11re) and citizenship (11rh); returns the cells written."""
    ages = _variables()["ikaryhma_10_20180101"]
    codes = ["SSS"] + [f"{i:03d}" for i in range(100, 100 + citizenships)]
    return _write_breakdown(raw_root, "population_by_age_sex", "11re", "ikaryhma_10_20180101", ages, age_years) + (
        _write_breakdown(
            raw_root, "population_by_citizenship", "11rh", "kansalaisuus_4_20240101", codes, citizenship_years
        )
    )


def main() -> dict:
    years = _variables()["timeperiod_y"]
    scales = {1: ([], [], 0), 10: (years[-8:], [], 0), 100: (years, years[-30:], 30)}
    results: list[dict] = []
    bundled = 0
    for _, (age_years, citizenship_years, citizenships) in scales.items():
        with tempfile.TemporaryDirectory() as tmp:
            raw_root = Path(tmp) / "raw"
            shutil.copytree(paths.raw_dir(), raw_root)
            write_synthetic(raw_root, age_years, citizenship_years, citizenships)
            run = refresh(raw_root, Path(tmp) / "curated")
            seconds, peak, rows = run.seconds, run.peak_rss_mib, run.raw_rows
        bundled = bundled or rows  # the first run is the bundled snapshot alone
        results.append({"scale": round(rows / bundled, 1), "raw_rows": rows, "seconds": round(seconds, 2),
                        "peak_rss_mib": round(peak)})  # fmt: skip
        print(f"refresh at {rows / bundled:5.1f}x the bundled raw rows ({rows:,}): {seconds:6.1f} s, "
              f"peak RSS {peak:5.0f} MiB")  # fmt: skip
    return {"name": "refresh_scale", "runs": results}


if __name__ == "__main__":
    main()
