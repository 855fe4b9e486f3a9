"""Charts drawn by several threads at once (the dashboard's sessions, a review made on a click) are each
drawn with the project's style: Matplotlib's rcParams are one global that ``rc_context`` sets and puts back.

Synthetic chart data, named as such."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

from pipeline.report.review import charts
from pipeline.report.review.model import Chart, Series


def _chart(key: str) -> Chart:
    years = [str(y) for y in range(2000, 2025)]
    series = [Series(name=f"Synthetic {i}", values=[0.1 * i * j for j in range(25)], labels=["x"] * 25)
              for i in range(1, 4)]  # fmt: skip
    return Chart(key=key, title="Synthetic", sentence="", source="synthetic", kind="line", categories=years,
                 series=series, unit="percent", lang="fi")  # fmt: skip


def _drawn(chart: Chart) -> str:
    """The SVG without what differs between any two draws: the time in its metadata, its markers' and clip paths' ids."""
    svg = re.sub(r"<metadata>.*?</metadata>", "", charts.svg(chart), flags=re.S)
    return re.sub(r"\b[mp][0-9a-f]{10}\b", "id", svg)


def test_charts_drawn_at_once_are_drawn_alike():
    chart = _chart("synthetic")
    alone = _drawn(chart)
    with ThreadPoolExecutor(max_workers=6) as pool:
        drawn = list(pool.map(lambda _: _drawn(chart), range(60)))
    assert "<text" in alone  # text stays text (svg.fonttype none): a draw with the defaults writes glyph paths
    assert sum(svg != alone for svg in drawn) == 0
