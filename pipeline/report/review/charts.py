"""The charts drawn with Matplotlib: SVG (vector, for HTML and PDF) and PNG at 200 dpi (for Word).

Matplotlib draws without a browser or a display, the same here and in CI, fast enough for
``report --all``; text stays text in the SVG (``svg.fonttype: none``), in the document's font.
Colours are the dashboard's Okabe–Ito palette: the municipality blue, the region orange, the country black.
"""

from __future__ import annotations

import io
import math
import re
import threading
from typing import Any

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from pipeline import formatting as fmt
from pipeline.report.review.model import Chart

PNG_DPI = 200
WIDTH_IN = 6.3  # 16 cm: the text width of an A4 page with 2.5 cm margins
MEMBERS = ["#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
ROLE_COLOURS = {"region": "#E69F00", "country": "#000000", "total": "#D55E00", "quota": "#9ecae1"}
GREY = "#BBBBBB"
# Matplotlib's rcParams are one global: ``rc_context`` sets them and puts them back. Two threads drawing at
# once (the dashboard's sessions, a review made on a click) would draw with each other's settings, so
# every chart of the project is drawn holding this lock (drawing is CPU-bound under the GIL anyway).
DRAWING = threading.RLock()
STYLE: Any = {  # Matplotlib types its keys as literals; these are checked when the chart is drawn
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#777777",
    "axes.grid": True,
    "grid.color": "#e6e6e6",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
}


def svg(chart: Chart) -> str:
    """The chart as an SVG document (no XML declaration, so that it can sit inside HTML)."""
    out = io.StringIO()
    with DRAWING, rc_context(STYLE):
        fig = figure(chart)
        FigureCanvasSVG(fig)
        fig.savefig(out, format="svg")
    text = out.getvalue()
    return own_ids(text[text.index("<svg") :], chart.key)


def own_ids(text: str, prefix: str) -> str:
    """Matplotlib numbers the elements of each figure from 1; in one document the ids must not repeat."""
    text = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', text)
    text = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", text)
    return re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', text)


def png(chart: Chart) -> bytes:
    out = io.BytesIO()
    with DRAWING, rc_context(STYLE):
        fig = figure(chart)
        FigureCanvasAgg(fig)
        fig.savefig(out, format="png", dpi=PNG_DPI)
    return out.getvalue()


def colours(chart: Chart) -> list[str]:
    members = iter(MEMBERS)
    return [ROLE_COLOURS.get(s.role) or next(members) for s in chart.series]


def figure(chart: Chart) -> Figure:
    height = 0.4 + 0.16 * len(chart.categories) if chart.kind == "hbars" else 2.1
    fig = Figure(figsize=(WIDTH_IN, height), layout="constrained")
    ax = fig.add_subplot()
    {"line": _line, "bars": _bars, "hbars": _hbars}[chart.kind](ax, chart)
    formatter = FuncFormatter(lambda v, _pos: _tick(v, chart))
    (ax.xaxis if chart.kind == "hbars" else ax.yaxis).set_major_formatter(formatter)
    if chart.kind != "hbars" and len(chart.series) > 1:
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=7)
    return fig


def _tick(value: float, chart: Chart) -> str:
    if chart.unit == "percent":
        return fmt.percent(value, chart.lang, decimals=0 if float(value).is_integer() else 1)
    return fmt.number(value, chart.lang)


def _nan(values):
    return [math.nan if v is None else v for v in values]


def _line(ax, chart: Chart) -> None:
    x = list(range(len(chart.categories)))
    for series, colour in zip(chart.series, colours(chart)):
        dashed = series.role in ("country", "total")
        ax.plot(x, _nan(series.values), color=colour, linewidth=2, linestyle="--" if dashed else "-",
                marker="o" if len(x) <= 12 else None, markersize=3.5, label=series.name)  # fmt: skip
    step = max(1, math.ceil(len(x) / 8))
    ax.set_xticks(x[::step], chart.categories[::step])
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(5))
    ax.grid(axis="x", visible=False)
    if len(chart.series) == 1:
        last = next((i for i in reversed(x) if chart.series[0].values[i] is not None), None)
        if last is not None:
            ax.annotate(chart.series[0].labels[last], (last, chart.series[0].values[last]), textcoords="offset points",
                        xytext=(4, 4), fontsize=7)  # fmt: skip


def _bars(ax, chart: Chart) -> None:
    n, width = len(chart.series), 0.8 / max(1, len(chart.series))
    for i, (series, colour) in enumerate(zip(chart.series, colours(chart))):
        x = [c + (i - (n - 1) / 2) * width for c in range(len(chart.categories))]
        ax.bar(x, [0 if v is None else v for v in series.values], width, color=colour, label=series.name)
        for xi, value, label in zip(x, series.values, series.labels):
            ax.annotate(label, (xi, value or 0), textcoords="offset points", xytext=(0, 2), ha="center", fontsize=7)
    ax.set_xticks(range(len(chart.categories)), chart.categories)
    ax.yaxis.set_major_locator(MaxNLocator(5, integer=True))
    ax.grid(axis="x", visible=False)
    ax.margins(y=0.15)


def _hbars(ax, chart: Chart) -> None:
    series = chart.series[0]
    y = list(range(len(chart.categories)))[::-1]
    fill = [MEMBERS[0] if c in chart.highlight else GREY for c in chart.categories]
    ax.barh(y, _nan(series.values), color=fill, height=0.7)
    for yi, value, label in zip(y, series.values, series.labels):
        if value is not None:
            ax.annotate(label, (value, yi), textcoords="offset points", xytext=(3, 0), va="center", fontsize=6.5)
    ax.set_yticks(y, chart.categories)
    for tick, category in zip(ax.get_yticklabels(), chart.categories):
        tick.set_fontweight("bold" if category in chart.highlight else "normal")
    ax.xaxis.set_major_locator(MaxNLocator(5))
    ax.grid(axis="y", visible=False)
    ax.margins(x=0.12, y=0.01)
