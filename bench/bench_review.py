"""Benchmark the printed review: one PDF (Heinola 2024, warm) and ``report --all`` (one PDF per municipality).

    python -m bench.bench_review

A database is built from the bundled snapshot into a temporary folder. One review is made once to warm
up (imports, fonts), then timed 5 times (content + PDF, written to a file); the median is reported
against the target of 3 s, with where its time goes (the content from the marts, the Matplotlib charts,
WeasyPrint's layout and PDF) and the Word file's time. Then every municipality's review is written with
two processes (``--jobs 2``, this machine's two cores) against the target of 5 minutes. Reported, never
asserted.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from pipeline import paths
from pipeline.build import warehouse
from pipeline.report.review import Marts, build_review, charts, render, resolve, write_all, write_review

TARGET_ONE_S = 3
TARGET_ALL_S = 300


def main(runs: int = 5, jobs: int = 2) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "kotoprofiili.duckdb"
        warehouse.build(db_path=db, raw_root=paths.ROOT / "data" / "raw", progress=lambda _: None)
        with duckdb.connect(str(db), read_only=True) as con:
            marts = Marts.load(con)
            out = Path(folder) / "heinola.pdf"
            start = time.perf_counter()
            write_review(marts, ["111"], 2024, "fi", "pdf", out)
            first = time.perf_counter() - start
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                write_review(marts, ["111"], 2024, "fi", "pdf", out)
                times.append(time.perf_counter() - start)
            phases = _phases(marts, runs)
            start = time.perf_counter()
            written = write_all(marts, 2024, "fi", "pdf", Path(folder) / "all", jobs=jobs)
            all_s = time.perf_counter() - start
    result = {
        "benchmark": "review",
        "one_pdf_warm_median_s": round(statistics.median(times), 2),
        "one_pdf_first_s": round(first, 2),
        "target_one_s": TARGET_ONE_S,
        **phases,
        "all_reviews": len(written),
        "all_seconds": round(all_s, 1),
        "all_jobs": jobs,
        "target_all_s": TARGET_ALL_S,
    }
    print(
        f"review: one PDF (Heinola 2024) warm median {result['one_pdf_warm_median_s']} s (first {result['one_pdf_first_s']} s, "
        f"target {TARGET_ONE_S} s); report --all {len(written)} PDFs in {result['all_seconds']} s with {jobs} processes "
        f"(target {TARGET_ALL_S} s)"
    )
    print("  one review's phases (median s): " + ", ".join(f"{k.removesuffix('_s')} {v}" for k, v in phases.items()))
    return result


def _phases(marts: Marts, runs: int) -> dict:
    """Median seconds of each part of Heinola's review: content, charts (SVG), the PDF without the charts'
    drawing (WeasyPrint), and the Word file (its charts as 200 dpi PNG)."""
    subject = resolve(marts, ["111"])
    times: dict[str, list[float]] = {"content_s": [], "charts_svg_s": [], "weasyprint_s": [], "docx_s": []}
    for _ in range(runs):
        start = time.perf_counter()
        review = build_review(marts, subject, 2024, "fi")
        times["content_s"].append(time.perf_counter() - start)
        start = time.perf_counter()
        for chart in review.charts:
            charts.svg(chart)
        drawing = time.perf_counter() - start
        times["charts_svg_s"].append(drawing)
        start = time.perf_counter()
        render(review, "pdf")
        times["weasyprint_s"].append(time.perf_counter() - start - drawing)
        start = time.perf_counter()
        render(review, "docx")
        times["docx_s"].append(time.perf_counter() - start)
    return {name: round(statistics.median(values), 2) for name, values in times.items()}


if __name__ == "__main__":
    main()
