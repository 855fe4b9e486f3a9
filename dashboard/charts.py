"""The dashboard's charts, drawn on the server as SVG (Matplotlib), and the one-sentence summary under each.

Why SVG from the server (issue 12.12): Plotly's 4.7 MB script took 1.3 s of a shared link's 4.5 s to load and
start in the browser, and building its figures was a third of a page's script run. An SVG needs no script:
the browser draws it as it arrives, and a print or PDF of the page holds the same picture as the screen.
Each chart is drawn once per figures and language (``st.cache_data``) and shared by every session.

Every point, bar and municipality has a tooltip (an SVG ``<title>``) with its value as shown in the text;
a hidden count reads ``< 5``, a share derived from one ``..``, a missing value ``–``. A line breaks at a
hidden or missing year (never bridged) and a hidden or missing bar is not drawn: its symbol stands on the
axis where the bar would be. Colours are the Okabe–Ito palette, as in the printed review: the municipality
blue, its region orange, the whole country black; other municipalities the remaining colours with their own
dash pattern, so that the charts also read in greyscale print. Numbers come from ``pipeline.formatting``
in the reader's language; titles and sources are HTML around the SVG, so they wrap and are never cut.
"""

from __future__ import annotations

import hashlib
import html
import io
import math
import pickle
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st
from matplotlib import colormaps, rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from matplotlib.ticker import FuncFormatter, MaxNLocator

from dashboard.i18n import lang, t
from pipeline import formatting
from pipeline.report.review.charts import DRAWING, own_ids
from pipeline.report.review.charts import STYLE as REVIEW_STYLE

MUNICIPALITY = "#0072B2"  # blue
REGION = "#E69F00"  # orange
COUNTRY = "#000000"  # black
OTHERS = ["#009E73", "#D55E00", "#CC79A7", "#E69F00", "#000000", "#56B4E9", "#F0E442"]
DASHES: list[Any] = [
    (0, (6, 3)),
    (0, (1.5, 2)),
    (0, (6, 2, 1.5, 2)),
    (0, (10, 3)),
    (0, (10, 3, 1.5, 3)),
    "-",
    (0, (3, 3)),
]
ROLE_STYLE: dict[str, tuple[str, Any, float]] = {"municipality": (MUNICIPALITY, "-", 2.6), "region": (REGION, (0, (6, 3)), 2.0),
              "country": (COUNTRY, (0, (1.5, 2)), 2.0)}  # fmt: skip
WOMEN, MEN = "#CC79A7", "#009E73"
HIDDEN = "#dddddd"
SELECTED = "#D55E00"
AGE_GROUPS = ["0-6", "7-15", "16-29", "30-64", "65+"]
FONT_CSS = "'Source Sans', 'Source Sans Pro', 'DejaVu Sans', sans-serif"  # the page's font in the browser
# A chart's width in inches: the page's width, a column of two. The SVG scales to its box (up to 860 and
# 460 px, components.CARD_CSS), and its text with it: at 1 024 px a half column is ~290 px wide, where 4 in
# keep 10.5 pt type at ~10.5 px; at 1 440 px ~15 px.
FULL, HALF = 7.2, 4.0
# The review's look, larger for the screen; ``$`` in a name is text, never Matplotlib's mathematics.
STYLE = {**REVIEW_STYLE, "font.size": 10.5, "text.parse_math": False, "legend.frameon": False,
         "svg.hashsalt": "kotoprofiili", "axes.titlesize": 10}  # fmt: skip
NUMBER = re.compile(r"-?\d+\.\d+")
QUESTION_WIDTH = 36  # characters a survey question's line holds beside its bar


# -- drawing and the page's figure ---------------------------------------------------------------------


@dataclass(frozen=True)
class Drawn:
    """A chart as the page shows it (``html``: title, SVG, source) and, made only when its download button
    is clicked, as a PNG image that carries its title and source (for a Word document)."""

    html: str
    png: Callable[[], bytes]


def _render(name: str, key: str, frame: pd.DataFrame, title: str, source: str | None, options: tuple = ()) -> Drawn:
    """The chart ``name``, drawn once per figures and language."""
    html_text = _drawn(name, key, lang(), _digest(frame), frame, title, source, options)
    return Drawn(html_text, partial(_png, partial(DRAW[name], frame, *options), title, source))


def _digest(frame: pd.DataFrame) -> str:
    """The frame's exact content as a cache key: its pickle's SHA-256. Streamlit's own hash of a frame
    (pandas' per-column hashing) took ~4 ms for a trend of 18 rows, ~0.2 ms this way; two equal frames
    that pickle differently (another memory layout) only draw the chart once more."""
    return hashlib.sha256(pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()


@st.cache_data(max_entries=512, show_spinner=False)
def _drawn(
    name: str,
    key: str,
    language: str,
    digest: str,
    _frame: pd.DataFrame,
    title: str,
    source: str | None,
    options: tuple,
) -> str:
    # ``language`` is in the cache key: the words drawn (``t``) are the session's language, which it is;
    # ``_frame`` is not hashed (the leading underscore): ``digest`` stands for it
    with DRAWING, rc_context(STYLE):
        fig, tips = DRAW[name](_frame, *options)
        css = "kp-chart kp-half" if fig.get_figwidth() <= HALF else "kp-chart"
        return _figure_html(key, title, source, _svg(fig, key, tips, title), css)


def _figure_html(key: str, title: str, source: str | None, svg: str, css: str = "kp-chart") -> str:
    caption = f"<figcaption>{_text(t('cap_source'))}: {_text(source)}</figcaption>" if source else ""
    return f'<figure class="{css}" id="kp-chart-{key}"><div class="kp-chart-title">{_text(title)}</div>{svg}{caption}</figure>'


def _png(draw: Callable[[], tuple[Figure, dict]], title: str, source: str | None) -> bytes:
    """The chart at 200 dpi with its title above and its source below, as it would be pasted into Word."""
    with DRAWING, rc_context(STYLE):
        fig, _ = draw()
        fig.suptitle("\n".join(textwrap.wrap(title, 90)), x=0.01, ha="left", fontsize=11, fontweight="bold")
        if source:
            text = "\n".join(textwrap.wrap(f"{t('cap_source')}: {source}", 120))
            fig.supxlabel(text, x=0.01, ha="left", fontsize=7.5, color="#555555")
        out = io.BytesIO()
        FigureCanvasAgg(fig)
        fig.savefig(out, format="png", dpi=200)
    return out.getvalue()


def _text(value) -> str:
    """Text from a file or a catalogue, shown as text: escaped, never markup."""
    return html.escape(str(value), quote=True)


def _svg(fig: Figure, key: str, tips: dict[str, str], title: str) -> str:
    out = io.StringIO()
    FigureCanvasSVG(fig)
    fig.savefig(out, format="svg")
    text = out.getvalue()
    text = re.sub(r"<metadata>.*?</metadata>", "", text[text.index("<svg") :], flags=re.S)
    text = re.sub(r'<svg ([^>]*?)width="[\d.]+pt" height="[\d.]+pt"',
                  rf'<svg \1role="img" aria-label="{_text(title)}" style="width:100%;height:auto"', text, count=1)  # fmt: skip
    text = text.replace("'DejaVu Sans'", FONT_CSS).replace('"DejaVu Sans"', FONT_CSS)
    text = own_ids(text, key)
    text = re.sub(  # a tooltip opens the group of its point, bar or municipality
        rf'<g id="{re.escape(key)}-([^"]+)">',
        lambda m: m.group(0) + (f"<title>{_text(tips[m.group(1)])}</title>" if m.group(1) in tips else ""),
        text,
    )
    text = re.sub(r' d="([^"]+)"', _compact_path, text)
    # one line: a Markdown HTML block ends at a blank line, and nothing in it is read as Markdown
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def _compact_path(d: re.Match) -> str:
    """A path's points to 0.1 pt (0.15 px on screen), and a line's ``L`` left out where SVG implies it (the
    pairs after a moveto are lines): the map's SVG a third smaller, which the browser parses on every link."""
    path = NUMBER.sub(_rounded, d.group(1))
    if set(COMMAND.findall(path)) <= {"M", "L", "z"}:
        path = LINE_TO.sub(" ", path)
    return f' d="{path}"'


COMMAND = re.compile(r"[A-Za-z]")
LINE_TO = re.compile(r"\s+L\s+")  # Matplotlib writes a point a line


def _rounded(number: re.Match) -> str:
    return f"{float(number.group()):.1f}".removesuffix(".0")


def _figure(width: float, height: float) -> tuple[Figure, Axes]:
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.add_subplot()


def _percent_axis(axis) -> None:
    axis.set_major_formatter(
        FuncFormatter(lambda v, _pos: formatting.percent(v, lang(), 0 if float(v).is_integer() else 1))
    )


def _count_axis(axis) -> None:
    axis.set_major_locator(MaxNLocator(5, integer=True))
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: formatting.number(v, lang())))


def _year_bands(ax, x: list, gids: list[str]) -> None:
    """An invisible band over each year (or month): its tooltip names every line's value there."""
    for i, (xi, gid) in enumerate(zip(x, gids)):
        left = (x[i - 1] + xi) / 2 if i else xi - 0.5
        right = (xi + x[i + 1]) / 2 if i + 1 < len(x) else xi + 0.5
        band = ax.axvspan(left, right, color="white", alpha=0.001, zorder=10, linewidth=0)
        band.set_gid(gid)


def _legend(ax, n: int) -> None:
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.08), ncols=min(n, 4), fontsize=10.5, handlelength=2.8)


# -- the share over time: municipality, region, country ------------------------------------------------


def share_trend(frame: pd.DataFrame, title: str, source: str | None, key: str = "profile_trend") -> Drawn:
    """``frame``: role (municipality/region/country), label, year, share_pct, share_text; rows that exist only."""
    return _render("trend", key, frame, title, source)


def _draw_trend(frame: pd.DataFrame) -> tuple[Figure, dict]:
    styled = []
    for role, rows in frame.groupby("role", sort=False):
        colour, dash, width = ROLE_STYLE[role]
        styled.append((rows, colour, dash, width, role == "municipality"))
    return _lines(frame, styled, height=3.6)


# -- several municipalities ----------------------------------------------------------------------------


def compare_lines(frame: pd.DataFrame, selected: str, order: list[str], title: str, source: str | None,
                  key: str = "comparison_lines") -> Drawn:  # fmt: skip
    """``frame``: kunta_code, label, year, share_pct, share_text, count_text (optional). The selected
    municipality is blue and bold; the others follow ``order`` (the user's choice) in colour and legend; the
    codes ``region`` and ``country`` are drawn as on the profile page (orange dashes, black dots)."""
    return _render("compare", key, frame, title, source, (selected, tuple(order)))


def _draw_compare(frame: pd.DataFrame, selected: str, order: tuple) -> tuple[Figure, dict]:
    codes = [selected] + [c for c in order if c != selected]
    others = [c for c in codes if c != selected and c not in ("region", "country")]
    styled = []
    for code in (c for c in codes if c in set(frame["kunta_code"])):
        rows = frame[frame["kunta_code"] == code]
        if "count_text" in rows:
            rows = rows.assign(
                share_text=[
                    f"{s} ({c or formatting.MISSING})"
                    for s, c in zip(rows["share_text"], rows["count_text"].fillna(""))
                ]
            )
        if code in ("region", "country"):
            colour, dash, width = ROLE_STYLE[code]
        elif code == selected:
            colour, dash, width = MUNICIPALITY, "-", 2.8
        else:
            i = others.index(code)
            colour, dash, width = OTHERS[i % len(OTHERS)], DASHES[i % len(DASHES)], 1.6
        styled.append((rows, colour, dash, width, code == selected))
    return _lines(frame, styled, height=3.8)


def _lines(frame: pd.DataFrame, styled: list, height: float) -> tuple[Figure, dict]:
    """Lines of shares by year: a hidden or missing year breaks a line (NaN), never joined across."""
    fig, ax = _figure(FULL, height)
    years = _years(frame)
    per_year: dict[int, list[str]] = {y: [] for y in years}
    for n, (rows, colour, dash, width, own) in enumerate(styled):
        rows = _every_year(rows, years)
        label = rows["label"].iloc[0]
        (line,) = ax.plot(rows["year"], rows["share_pct"].astype("float64"), color=colour, linestyle=dash, linewidth=width,
                marker="o", markersize=5.5 if own else 4, label=label, zorder=3 if own else 2)  # fmt: skip
        line.set_gid(f"line{n}")  # its path: one piece per run of years with a figure
        for y, text in zip(rows["year"], rows["share_text"]):
            per_year[int(y)].append(f"{label} {text}")
    top = frame["share_pct"].max() if frame["share_pct"].notna().any() else 1
    ax.set_ylim(0, max(float(top), 1) * 1.15)
    _percent_axis(ax.yaxis)
    ax.yaxis.set_major_locator(MaxNLocator(6))
    step = max(1, math.ceil(len(years) / 16))
    ax.set_xticks(years[::step], [str(y) for y in years[::step]])
    if years:
        ax.set_xlim(years[0] - 0.5, years[-1] + 0.5)
    ax.grid(axis="x", visible=False)
    _legend(ax, len(styled))
    gids = [f"y{y}" for y in years]
    _year_bands(ax, years, gids)
    return fig, {g: f"{y}: " + ", ".join(per_year[y]) for g, y in zip(gids, years)}


def _years(frame: pd.DataFrame) -> list[int]:
    years = frame["year"].dropna().astype(int)
    return list(range(years.min(), years.max() + 1)) if len(years) else []


def _every_year(rows: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    """One row per year (a year without a figure, hidden or missing, gets NaN), so a line breaks there and is
    never drawn across it (Matplotlib joins the points it is given)."""
    out = rows.assign(year=rows["year"].astype(int)).drop_duplicates("year").set_index("year").reindex(years)
    out["label"] = rows["label"].iloc[0]
    out["share_text"] = out["share_text"].fillna(formatting.MISSING)
    return out.reset_index()


def share_trend_summary(frame: pd.DataFrame, year: int) -> str:
    """One sentence: the municipality's first and last share, and the comparison areas in ``year``."""
    mine = frame[frame["role"] == "municipality"].sort_values("year")
    own = mine[mine["share_pct"].notna()]
    if own.empty:
        return ""
    first, last = own.iloc[0], own.iloc[-1]
    if len(own) == 1:  # one year shown: never "4,8 % in 2021 and 4,8 % in 2021"
        text = t("trend_summary_one", name=first["label"], year=int(first["year"]), share=first["share_text"])
    else:
        text = t(
            "trend_summary",
            name=first["label"],
            first=int(first["year"]),
            last=int(last["year"]),
            first_share=first["share_text"],
            last_share=last["share_text"],
            change=formatting.points(last["share_pct"] - first["share_pct"], lang()),
        )
    hidden = mine.loc[mine["share_pct"].isna(), "year"].astype(int).tolist()
    if hidden:
        text += t("trend_summary_hidden", years=", ".join(map(str, hidden)))
    compare = frame[(frame["year"] == year)]
    if (compare["role"] != "municipality").any():
        parts = ", ".join(
            f"{r.label.lower() if r.role == 'country' else r.label} {r.share_text}" for r in compare.itertuples()
        )
        text += t("trend_summary_compare", year=year, parts=parts)
    return text


def compare_lines_summary(frame: pd.DataFrame, selected_label: str, year: int) -> str:
    """``frame``: every row, hidden ones too (their ``share_text`` says ``..``)."""
    in_year = frame[frame["year"] == year]
    rows = in_year[in_year["share_pct"].notna()].sort_values("share_pct")
    if rows.empty:
        return ""
    own = in_year[in_year["label"] == selected_label]
    return t(
        "cmp_lines_summary",
        year=year,
        top=rows.iloc[-1]["label"],
        top_share=rows.iloc[-1]["share_text"],
        bottom=rows.iloc[0]["label"],
        bottom_share=rows.iloc[0]["share_text"],
        name=selected_label,
        share=own.iloc[0]["share_text"] if len(own) else formatting.MISSING,
    )


# -- the map -------------------------------------------------------------------------------------------


def share_map(geojson: dict, frame: pd.DataFrame, selected: str, title: str, source: str | None,
              region_of: dict[str, str] | None = None, key: str = "comparison_map") -> Drawn:  # fmt: skip
    """A choropleth of the share (no tile map: works offline). ``frame``: kunta_code, label, share_pct, share_text.
    ``region_of`` (municipality code → region code) draws the regions' borders; the selected municipality is
    outlined and named. Not cached here: the comparison's section is kept whole (``dashboard.parts``)."""
    draw = partial(_draw_map, geojson, frame, selected, region_of or {})
    with DRAWING, rc_context(STYLE):
        fig, tips = draw()
        svg = AREA_STYLE.sub(r' fill="\1" class="kp-area"', _svg(fig, key, tips, title))  # the stroke in CARD_CSS
        html_text = _figure_html(key, title, source, svg, "kp-chart kp-map")
    return Drawn(html_text, partial(_png, draw, title, source))


AREA_STYLE = re.compile(r' style="fill: (#[0-9a-f]{6}); stroke: #ffffff; stroke-width: 0\.3; stroke-linejoin: miter"')


def _mercator(ring) -> list[tuple[float, float]]:
    return [(x, math.degrees(math.log(math.tan(math.pi / 4 + math.radians(y) / 2)))) for x, y, *_ in ring]


def _draw_map(geojson: dict, frame: pd.DataFrame, selected: str, region_of: dict) -> tuple[Figure, dict]:
    shown = frame[frame["share_pct"].notna()]
    top, step = _colour_top(shown["share_pct"])
    colours, norm = colormaps["cividis_r"], Normalize(0, top)
    value = dict(zip(frame["kunta_code"], frame["share_pct"]))
    text = dict(zip(frame["kunta_code"], zip(frame["label"], frame["share_text"])))
    fig, ax = _figure(7.2, 10.4)
    tips, own_path = {}, None
    for feature in geojson["features"]:
        code = feature["properties"]["kunta_code"]
        vertices, codes = [], []
        for ring in _rings(feature):
            points = _mercator(ring)
            vertices += points
            codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(points) - 2) + [MplPath.CLOSEPOLY]
        path = MplPath(vertices, codes)
        share = value.get(code)
        fill = HIDDEN if share is None or pd.isna(share) else colours(norm(min(float(share), top)))
        patch = ax.add_patch(PathPatch(path, facecolor=fill, edgecolor="white", linewidth=0.3, clip_on=False))
        patch.set_gid(f"m{code}")
        if code in text:
            tips[f"m{code}"] = f"{text[code][0]}: {text[code][1]}"
        if code == selected:
            own_path = path
    if region_of:
        lon, lat = region_borders(geojson, region_of)  # edges, each followed by None
        xs = [math.nan if x is None else x for x in lon]
        ys = [math.nan if y is None else _mercator([(0, y)])[0][1] for y in lat]
        (borders,) = ax.plot(xs, ys, color="#333333", linewidth=0.9)  # one path: the edges broken by NaN
        borders.set_gid("borders")
    if own_path is not None:
        ax.add_patch(PathPatch(own_path, facecolor="none", edgecolor=SELECTED, linewidth=2.4, zorder=4))
        centre = _centre(geojson, selected)
        if centre:
            ((cx, cy),) = _mercator([centre])
            ax.plot([cx], [cy], marker="o", markersize=7, color=SELECTED, markeredgecolor="white", zorder=5)
            ax.annotate(text.get(selected, ("",))[0], (cx, cy), xytext=(7, 0), textcoords="offset points",
                        va="center", fontsize=12, fontweight="bold", color=SELECTED, zorder=5)  # fmt: skip
    ax.autoscale_view()
    ax.set_aspect("equal")
    ax.set_axis_off()
    ticks = [step * i for i in range(int(top / step) + 1)]
    bar = fig.colorbar(ScalarMappable(norm=norm, cmap=colours), ax=ax, shrink=0.45, location="right", pad=0.01,
                       ticks=ticks)  # fmt: skip
    labels = [formatting.percent(v, lang(), 0) for v in ticks]
    labels[-1] = "≥\u00a0" + labels[-1]
    bar.ax.set_yticklabels(labels)
    bar.outline.set_visible(False)
    return fig, tips


def _rings(feature: dict) -> list:
    geometry = feature["geometry"]
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [ring for polygon in polygons for ring in polygon]


def region_borders(geojson: dict, region_of: dict[str, str]) -> tuple[list, list]:
    """The lines between municipalities of different regions (an edge two neighbours share), as
    lon/lat lists broken by None."""
    owners: dict[frozenset, set] = {}
    for feature in geojson["features"]:
        region = region_of.get(feature["properties"]["kunta_code"])
        for ring in _rings(feature):
            for a, b in zip(ring, ring[1:]):
                owners.setdefault(frozenset((tuple(a), tuple(b))), set()).add(region)
    lon: list = []
    lat: list = []
    for edge, regions in owners.items():
        if len(regions) > 1 and len(edge) == 2:
            (x1, y1), (x2, y2) = edge
            lon += [x1, x2, None]
            lat += [y1, y2, None]
    return lon, lat


def _centre(geojson: dict, code: str) -> tuple[float, float] | None:
    for feature in geojson["features"]:
        if feature["properties"]["kunta_code"] == code:
            points = [p for ring in _rings(feature)[:1] for p in ring]
            return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    return None


def _colour_top(shares: pd.Series) -> tuple[float, float]:
    """The colour scale's top: the 95th percentile rounded up, so a few large shares do not wash out the rest
    (larger shares get the darkest colour; the hover shows every exact value)."""
    if shares.empty:
        return 1.0, 1.0
    top = max(1.0, math.ceil(float(shares.quantile(0.95))))
    step = next(s for s in (1, 2, 5, 10, 20) if top / s <= 6)
    return float(math.ceil(top / step) * step), float(step)


def share_map_summary(frame: pd.DataFrame, selected_label: str) -> str:
    rows = frame[frame["share_pct"].notna()].sort_values("share_pct")
    if rows.empty:
        return ""
    return t(
        "cmp_map_summary",
        low=rows.iloc[0]["share_text"],
        low_name=rows.iloc[0]["label"],
        high=rows.iloc[-1]["share_text"],
        high_name=rows.iloc[-1]["label"],
        median=formatting.percent(rows["share_pct"].median(), lang()),
        name=selected_label,
    )


# -- breakdowns (live data only) -----------------------------------------------------------------------


def top_bars(frame: pd.DataFrame, title: str, source: str | None, key: str = "profile_top") -> Drawn:
    """Horizontal bars, largest on top. ``frame``: label, population (null when hidden), count_text."""
    return _render("top", key, frame, title, source)


def _draw_top(frame: pd.DataFrame) -> tuple[Figure, dict]:
    fig, ax = _figure(HALF, 0.9 + 0.32 * len(frame))
    y = list(range(len(frame)))[::-1]
    tips = {}
    for yi, (label, value, text) in enumerate(zip(frame["label"], frame["population"], frame["count_text"])):
        pos = y[yi]
        if pd.notna(value):
            bar = ax.barh([pos], [float(value)], color=MUNICIPALITY, height=0.7)[0]
            bar.set_gid(f"b{yi}")
            tips[f"b{yi}"] = f"{label}: {text}"
        ax.annotate(text, (0 if pd.isna(value) else float(value), pos), xytext=(4, 0), textcoords="offset points",
                    va="center", fontsize=9)  # fmt: skip
    ax.set_yticks(y, [textwrap.shorten(str(v), 26, placeholder="…") for v in frame["label"]])
    _count_axis(ax.xaxis)
    ax.margins(x=0.18, y=0.02)
    ax.set_xlim(left=0)
    ax.grid(axis="y", visible=False)
    return fig, tips


def top_summary(frame: pd.DataFrame, key: str, n: int = 3) -> str:
    items = ", ".join(f"{r.label} {r.count_text}" for r in frame.head(n).itertuples())
    return t(key, items=items) if items else ""


def age_sex_bars(frame: pd.DataFrame, title: str, source: str | None, key: str = "profile_age_sex") -> Drawn:
    """Grouped bars by age group for women and men. ``frame``: age_group, sex, population, count_text."""
    return _render("age_sex", key, frame, title, source)


def _draw_age_sex(frame: pd.DataFrame) -> tuple[Figure, dict]:
    fig, ax = _figure(HALF, 3.4)
    groups = [g for g in AGE_GROUPS if g in set(frame["age_group"])]
    series = []
    for sex, colour in (("female", WOMEN), ("male", MEN)):
        rows = frame[frame["sex"] == sex].set_index("age_group").reindex(groups)
        if rows["population"].notna().any() or rows["count_text"].notna().any():
            series.append(
                (t(sex), colour, rows["population"].tolist(), rows["count_text"].fillna(formatting.MISSING).tolist())
            )
    tips = _grouped_bars(ax, [g.replace("-", "–") for g in groups], series)
    ax.set_xlabel(t("age_group"))
    _count_axis(ax.yaxis)
    _legend(ax, len(series))
    return fig, tips


def _grouped_bars(ax, categories: list[str], series: list[tuple]) -> dict:
    """Bars side by side per category. A hidden or missing value gets no bar: its symbol stands on the axis."""
    n, width = len(series), 0.8 / max(1, len(series))
    tips = {}
    for i, (name, colour, values, texts) in enumerate(series):
        named = False
        for c, (value, text) in enumerate(zip(values, texts)):
            x = c + (i - (n - 1) / 2) * width
            if value is not None and pd.notna(value):
                bar = ax.bar([x], [float(value)], width * 0.95, color=colour, label=None if named else name)[0]
                named = True
                bar.set_gid(f"b{i}-{c}")
                tips[f"b{i}-{c}"] = f"{name} {categories[c]}: {text}"
            ax.annotate(text, (x, 0 if value is None or pd.isna(value) else float(value)), xytext=(0, 3),
                        textcoords="offset points", ha="center", fontsize=9, color="#333333")  # fmt: skip
        if not named:
            ax.bar([0], [0], 0, color=colour, label=name)  # the legend still names a series with no bar
    ax.set_xticks(range(len(categories)), categories)
    ax.set_ylim(bottom=0)
    ax.margins(y=0.16)
    ax.grid(axis="x", visible=False)
    return tips


def age_sex_summary(frame: pd.DataFrame) -> str:
    """The largest age group and the counts of children and older people (both sexes)."""
    both = (
        frame[frame["sex"] == "total"]
        if (frame["sex"] == "total").any()
        else frame[frame["sex"].isin(["female", "male"])]
        .groupby("age_group", as_index=False)["population"]
        .sum(min_count=1)
    )
    both = both.set_index("age_group")["population"].reindex(AGE_GROUPS)
    if both.notna().sum() == 0:
        return ""
    count = lambda v: formatting.MISSING if pd.isna(v) else formatting.number(int(v), lang())  # noqa: E731
    largest = both.idxmax()
    children = both[["0-6", "7-15"]].sum(min_count=2)
    return t(
        "age_sex_summary",
        group=largest.replace("-", "–"),
        count=count(both[largest]),
        children=count(children),
        elderly=count(both["65+"]),
    )


# -- temporary protection and quota refugees -----------------------------------------------------------


def monthly_counts(frame: pd.DataFrame, title: str, source: str | None, key: str = "profile_tp") -> Drawn:
    """Month-end counts as a line. ``frame``: reference_date, persons (null when hidden), count_text, month_text."""
    return _render("monthly", key, frame, title, source)


def _draw_monthly(frame: pd.DataFrame) -> tuple[Figure, dict]:
    fig, ax = _figure(HALF, 3.2)
    x = list(range(len(frame)))
    ax.plot(x, frame["persons"].astype("float64"), color=MUNICIPALITY, linewidth=2.4, marker="o", markersize=5)
    for xi, value, text in zip(x, frame["persons"], frame["count_text"]):
        ax.annotate(text, (xi, 0 if pd.isna(value) else float(value)), xytext=(0, 6), textcoords="offset points",
                    ha="center", fontsize=9, color="#333333")  # fmt: skip
    step = max(1, math.ceil(len(x) / 6))
    months = [pd.Timestamp(d).strftime("%m/%Y") for d in frame["reference_date"]]
    ax.set_xticks(x[::step], months[::step])
    ax.set_xlim(-0.5, len(x) - 0.5)
    ax.set_ylim(bottom=0)
    ax.margins(y=0.2)
    _count_axis(ax.yaxis)
    ax.grid(axis="x", visible=False)
    gids = [f"y{i}" for i in x]
    _year_bands(ax, x, gids)
    return fig, {g: f"{m}: {c}" for g, m, c in zip(gids, frame["month_text"], frame["count_text"])}


def quota_bars(frame: pd.DataFrame, title: str, source: str | None, key: str = "profile_quota") -> Drawn:
    """Quota against persons arrived per year. ``frame``: year, quota, arrived_persons, *_text, and
    ``year_label`` (a year whose arrivals cover only part of it says so under the bars).

    A hidden (``< 5``) or missing (``–``) value has no bar at all, never one of height 0: its symbol is written
    on the axis line where the bar would stand."""
    return _render("quota", key, frame, title, source)


def _draw_quota(frame: pd.DataFrame) -> tuple[Figure, dict]:
    fig, ax = _figure(HALF, 3.4)
    labels = (frame["year_label"] if "year_label" in frame else frame["year"].astype(str)).tolist()
    series = [
        (t(label), colour, frame[column].tolist(), frame[f"{column}_text"].tolist())
        for column, label, colour in (
            ("quota", "quota", "#56B4E9"),
            ("arrived_persons", "arrived_persons", MUNICIPALITY),
        )
    ]
    tips = _grouped_bars(ax, labels, series)
    _count_axis(ax.yaxis)
    _legend(ax, 2)
    return fig, tips


def survey_bars(frame: pd.DataFrame, title: str, source: str | None, key: str = "impact_kuntaliitto") -> Drawn:
    """Kuntaliitto's survey: one stacked bar per question (agree, neither, disagree, cannot say)."""
    return _render("survey", key, frame, title, source)


def _draw_survey(frame: pd.DataFrame) -> tuple[Figure, dict]:
    parts = [
        ("agree_pct", t("kl_agree"), "#009E73", "white"),
        ("neutral_pct", t("kl_neutral"), "#BBBBBB", "black"),
        ("disagree_pct", t("kl_disagree"), "#D55E00", "white"),
        ("cannot_say_pct", t("kl_cannot_say"), "#E6E6E6", "black"),
    ]
    questions = ["\n".join(textwrap.wrap(q, QUESTION_WIDTH)) for q in frame["question"]]
    lines = sum(max(2, q.count("\n") + 1) for q in questions)
    fig, ax = _figure(FULL, 1.0 + 0.2 * lines + 0.12 * len(questions))
    y = list(range(len(questions)))[::-1]
    left = [0.0] * len(questions)
    tips = {}
    for p, (column, label, colour, ink) in enumerate(parts):
        values = [0.0 if pd.isna(v) else float(v) for v in frame[column]]
        bars = ax.barh(y, values, left=left, color=colour, height=0.7, label=label)
        for q, (bar, value) in enumerate(zip(bars, values)):
            shown = formatting.percent(value, lang(), 0)
            bar.set_gid(f"s{p}-{q}")
            tips[f"s{p}-{q}"] = f"{questions[q].replace(chr(10), ' ')} — {label}: {shown}"
            if value >= 6:
                ax.text(left[q] + value / 2, y[q], shown, ha="center", va="center", fontsize=9, color=ink)
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(y, questions)
    ax.set_xlim(0, 100)
    _percent_axis(ax.xaxis)
    ax.grid(False)
    fig.legend(loc="outside upper left", ncols=2, fontsize=10.5)  # two a row: four would run past the edge
    return fig, tips


DRAW: dict[str, Callable[..., tuple[Figure, dict]]] = {"trend": _draw_trend, "compare": _draw_compare, "top": _draw_top, "age_sex": _draw_age_sex,
        "monthly": _draw_monthly, "quota": _draw_quota, "survey": _draw_survey}  # fmt: skip
