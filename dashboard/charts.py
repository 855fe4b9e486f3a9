"""Small Plotly figures and the one-sentence summary that goes under each (also for screen readers).

Colours are the Okabe–Ito palette (safe for colour-blind readers): the municipality is always blue,
its region orange and the whole country black; other municipalities get the remaining colours and
their own dash pattern, so the charts also read in greyscale print. Numbers in hovers, labels and
summaries come from ``pipeline.formatting`` in the reader's language.
"""

from __future__ import annotations

import math
import textwrap
from urllib.parse import quote

import pandas as pd
import plotly.graph_objects as go
from babel.numbers import get_decimal_symbol, get_group_symbol

from dashboard.i18n import lang, t
from pipeline import formatting

MUNICIPALITY = "#0072B2"  # blue
REGION = "#E69F00"  # orange
COUNTRY = "#000000"  # black
OTHERS = ["#009E73", "#D55E00", "#CC79A7", "#E69F00", "#000000", "#56B4E9", "#F0E442"]
DASHES = ["dash", "dot", "dashdot", "longdash", "longdashdot", "solid", "dash"]
ROLE_STYLE = {"municipality": (MUNICIPALITY, "solid", 4), "region": (REGION, "dash", 3), "country": (COUNTRY, "dot", 3)}
WOMEN, MEN = "#CC79A7", "#009E73"
AGE_GROUPS = ["0-6", "7-15", "16-29", "30-64", "65+"]
FONT = "Source Sans Pro, Source Sans 3, Arial, sans-serif"
# Plotly.js fetches a world topojson from cdn.plot.ly for every geo subplot whose trace has a
# ``locationmode`` (``geojson-id`` included), even with the base map hidden; offline the fetch fails and
# nothing is drawn. An empty topology served as a data: URL (the ``#`` drops the file name plotly
# appends) satisfies it: the map needs only our own GeoJSON.
EMPTY_TOPOJSON_URL = "data:application/json," + quote('{"type":"Topology","objects":{},"arcs":[]}') + "#"


# -- shared settings -----------------------------------------------------------------------------------


def config(filename: str, *, zoom: bool = False) -> dict:
    """Plotly's modebar: only the camera (PNG download with a meaningful file name), plus zoom for maps."""
    remove = [
        "zoom2d",
        "pan2d",
        "select2d",
        "lasso2d",
        "zoomIn2d",
        "zoomOut2d",
        "autoScale2d",
        "resetScale2d",
        "toggleSpikelines",
        "hoverClosestCartesian",
        "hoverCompareCartesian",
        "hoverClosestGeo",
    ]
    if not zoom:
        remove += ["zoomInGeo", "zoomOutGeo", "resetGeo"]
    return {
        "displaylogo": False,
        "displayModeBar": True,
        "modeBarButtonsToRemove": remove,
        "scrollZoom": False,
        "topojsonURL": EMPTY_TOPOJSON_URL,
        "toImageButtonOptions": {"format": "png", "filename": f"kotoprofiili_{filename}", "scale": 2},
    }


def _separators() -> str:
    locale = formatting.LOCALES[lang()]
    return get_decimal_symbol(locale) + get_group_symbol(locale)


def _percent_suffix() -> str:
    """What follows a number in a percentage (`` %`` in fi/sv, ``%`` in en), as formatting writes it."""
    return formatting.percent(1, lang(), 0)[1:]


TITLE_WIDTH = 30  # characters a title line (17 px) holds in the narrowest chart: 250 px, half a 1 024 px window
QUESTION_WIDTH = 34  # characters a survey question's line holds beside its bar
SOURCE_WIDTH = 42  # characters a line of the source (11 px) holds in the narrowest chart


def _layout(fig: go.Figure, title: str, source: str | None, *, height: int = 420) -> go.Figure:
    """A chart's frame; a long title wraps onto more lines (plotly would cut it at the chart's edge)."""
    lines = textwrap.wrap(title, TITLE_WIDTH) or [""]
    source_lines = textwrap.wrap(f"{t('cap_source')}: {source}", SOURCE_WIDTH) if source else []
    extra = 14 * max(0, len(source_lines) - 1)  # each further line of the source, below the first
    fig.update_layout(
        title={"text": "<br>".join(lines), "x": 0, "xanchor": "left", "font": {"size": 17}},
        separators=_separators(),
        height=height + extra,
        font={"family": FONT, "size": 14},
        margin={"l": 10, "r": 10, "t": 40 + 22 * len(lines), "b": 80 + extra if source else 40},
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "title": None},
        hoverlabel={"font": {"family": FONT}},
        plot_bgcolor="white",
        paper_bgcolor="white",
    )
    if source:  # so that a downloaded PNG carries its source
        fig.add_annotation(
            text="<br>".join(source_lines),  # on lines, or plotly cuts it at the chart's right edge
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            yshift=(-80 if height < 600 else -30) - extra,
            showarrow=False,
            xanchor="left",
            yanchor="bottom",
            font={"size": 11, "color": "#555555"},
        )
    return fig


def _share_axis(fig: go.Figure, top: float) -> None:
    fig.update_yaxes(
        title=None,
        ticksuffix=_percent_suffix(),
        rangemode="tozero",
        range=[0, max(top, 1) * 1.15],
        gridcolor="#e6e6e6",
        zeroline=True,
        zerolinecolor="#999999",
    )
    fig.update_xaxes(title=None, dtick=1, tickformat="d", showgrid=False)


# -- the share over time: municipality, region, country ------------------------------------------------


def share_trend(frame: pd.DataFrame, title: str, source: str | None) -> go.Figure:
    """``frame``: role (municipality/region/country), label, year, share_pct, share_text; rows that exist only."""
    fig = go.Figure()
    years = _years(frame)
    for role, rows in frame.groupby("role", sort=False):
        colour, dash, width = ROLE_STYLE[role]
        rows = _every_year(rows, years)
        fig.add_trace(
            go.Scatter(
                x=rows["year"],
                y=rows["share_pct"],
                name=rows["label"].iloc[0],
                mode="lines+markers",
                line={"color": colour, "dash": dash, "width": width},
                marker={"size": 9, "color": colour},
                customdata=rows[["label", "share_text"]],
                connectgaps=False,
                hovertemplate="%{customdata[0]} %{x}: <b>%{customdata[1]}</b><extra></extra>",
            )
        )
    _share_axis(fig, frame["share_pct"].max() if frame["share_pct"].notna().any() else 1)
    return _layout(fig, title, source)


def _years(frame: pd.DataFrame) -> list[int]:
    years = frame["year"].dropna().astype(int)
    return list(range(years.min(), years.max() + 1)) if len(years) else []


def _every_year(rows: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    """One row per year (a year without a figure, hidden or missing, gets NaN), so a line breaks there and is
    never drawn across it (plotly joins the points it is given)."""
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


# -- several municipalities ----------------------------------------------------------------------------


def compare_lines(frame: pd.DataFrame, selected: str, order: list[str], title: str, source: str | None) -> go.Figure:
    """``frame``: kunta_code, label, year, share_pct, share_text, count_text (optional). The selected
    municipality is blue and bold; the others follow ``order`` (the user's choice) in colour and legend; the
    codes ``region`` and ``country`` are drawn as on the profile page (orange dashes, black dots)."""
    fig = go.Figure()
    codes = [selected] + [c for c in order if c != selected]
    years = _years(frame)
    others = [c for c in codes if c != selected and c not in ("region", "country")]
    for code in (c for c in codes if c in set(frame["kunta_code"])):
        rows = _every_year(frame[frame["kunta_code"] == code], years)
        if "count_text" not in rows:
            rows = rows.assign(count_text=formatting.MISSING)
        rows = rows.assign(count_text=rows["count_text"].fillna(formatting.MISSING).replace("", formatting.MISSING))
        own = code == selected
        if code in ("region", "country"):  # the region and the country as on the profile page
            colour, dash, width = ROLE_STYLE[code]
        else:
            i = others.index(code) if not own else 0
            colour = MUNICIPALITY if own else OTHERS[i % len(OTHERS)]
            dash, width = ("solid", 4) if own else (DASHES[i % len(DASHES)], 2)
        fig.add_trace(
            go.Scatter(
                x=rows["year"],
                y=rows["share_pct"],
                name=rows["label"].iloc[0],
                mode="lines+markers",
                line={"color": colour, "dash": dash, "width": width},
                marker={"size": 8 if own else 6},
                customdata=rows[["label", "share_text", "count_text"]],
                connectgaps=False,
                hovertemplate="%{customdata[0]} %{x}: <b>%{customdata[1]}</b> (%{customdata[2]})<extra></extra>",
            )
        )
    _share_axis(fig, frame["share_pct"].max() if frame["share_pct"].notna().any() else 1)
    return _layout(fig, title, source, height=440)


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


def share_map(
    geojson: dict,
    frame: pd.DataFrame,
    selected: str,
    title: str,
    source: str | None,
    region_of: dict[str, str] | None = None,
) -> go.Figure:
    """A choropleth of the share (no tile map: works offline). ``frame``: kunta_code, label, share_pct, share_text.
    ``region_of`` (municipality code → region code) draws the regions' borders; the selected municipality is
    outlined and named."""
    shown = frame[frame["share_pct"].notna()]
    hidden = frame[frame["share_pct"].isna()]
    top, step = _colour_top(shown["share_pct"])
    ticks = [step * i for i in range(int(top / step) + 1)]
    labels = [formatting.percent(v, lang(), 0) for v in ticks]
    labels[-1] = "≥\u00a0" + labels[-1]
    fig = go.Figure()
    fig.add_trace(
        go.Choropleth(
            geojson=geojson,
            featureidkey="properties.kunta_code",
            locations=shown["kunta_code"],
            z=shown["share_pct"],
            zmin=0,
            zmax=top,
            colorscale="Cividis",
            reversescale=True,
            marker={"line": {"color": "white", "width": 0.4}},
            customdata=shown[["label", "share_text"]],
            hovertemplate="%{customdata[0]}: <b>%{customdata[1]}</b><extra></extra>",
            colorbar={
                "title": {"text": ""},
                "tickvals": ticks,
                "ticktext": labels,
                "len": 0.6,
                "thickness": 14,
                "x": 0.98,
            },
        )
    )
    if len(hidden):
        fig.add_trace(
            go.Choropleth(
                geojson=_only(geojson, hidden["kunta_code"]),
                featureidkey="properties.kunta_code",
                locations=hidden["kunta_code"],
                z=[0] * len(hidden),
                colorscale=[[0, "#dddddd"], [1, "#dddddd"]],
                showscale=False,
                marker={"line": {"color": "white", "width": 0.4}},
                customdata=hidden[["label", "share_text"]],
                hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>",
            )
        )
    own = frame[frame["kunta_code"] == selected]
    fig.add_trace(
        go.Choropleth(
            geojson=_only(geojson, own["kunta_code"]),
            featureidkey="properties.kunta_code",
            locations=own["kunta_code"],
            z=[0] * len(own),
            colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
            showscale=False,
            marker={"line": {"color": "#D55E00", "width": 4}},
            customdata=own[["label", "share_text"]],
            hovertemplate="<b>%{customdata[0]}: %{customdata[1]}</b><extra></extra>",
        )
    )
    if region_of:
        lon, lat = region_borders(geojson, region_of)
        fig.add_trace(
            go.Scattergeo(
                lon=lon,
                lat=lat,
                mode="lines",
                line={"color": "#333333", "width": 1.3},
                hoverinfo="skip",
                showlegend=False,
                name=t("region"),
            )
        )
    centre = _centre(geojson, selected)
    if centre and len(own):
        fig.add_trace(
            go.Scattergeo(
                lon=[centre[0]],
                lat=[centre[1]],
                mode="markers+text",
                text=[own["label"].iloc[0]],
                textposition="middle right",
                textfont={"size": 14, "color": "#D55E00", "family": FONT},
                marker={"size": 11, "color": "#D55E00", "line": {"color": "white", "width": 2}},
                hoverinfo="skip",
                showlegend=False,
                name=own["label"].iloc[0],
            )
        )
    # Mercator keeps Finland upright; plotly's fitbounds does not work with rotated projections.
    fig.update_geos(fitbounds="locations", visible=False, projection_type="mercator")
    _layout(fig, title, source, height=1000)
    bottom = fig.layout.margin.b - 40  # room for the source's lines (30 px below the map for the first)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 50, "b": bottom}, dragmode=False, modebar={"orientation": "v"})
    return fig


def _only(geojson: dict, codes) -> dict:
    """The features of ``codes`` alone: a trace that draws a few municipalities carries only their shapes
    (every trace's GeoJSON is sent to the browser and parsed there)."""
    wanted = set(codes)
    features = [f for f in geojson["features"] if f["properties"]["kunta_code"] in wanted]
    return {"type": "FeatureCollection", "features": features}


def _rings(feature: dict) -> list:
    geometry = feature["geometry"]
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [ring for polygon in polygons for ring in polygon]


def region_borders(geojson: dict, region_of: dict[str, str]) -> tuple[list, list]:
    """The lines between municipalities of different regions (an edge two neighbours share), as plotly
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


def top_bars(frame: pd.DataFrame, title: str, source: str | None) -> go.Figure:
    """Horizontal bars, largest on top. ``frame``: label, population (null when hidden), count_text."""
    rows = frame.iloc[::-1]
    fig = go.Figure(
        go.Bar(
            x=rows["population"].fillna(0),
            y=rows["label"],
            orientation="h",
            marker={"color": MUNICIPALITY},
            text=rows["count_text"],
            textposition="outside",
            cliponaxis=False,
            customdata=rows[["label", "count_text"]],
            hovertemplate="%{customdata[0]}: <b>%{customdata[1]}</b><extra></extra>",
        )
    )
    fig.update_xaxes(title=None, showgrid=True, gridcolor="#e6e6e6", rangemode="tozero")
    fig.update_yaxes(title=None)
    return _layout(fig, title, source, height=max(320, 40 * len(rows) + 140))


def top_summary(frame: pd.DataFrame, key: str, n: int = 3) -> str:
    items = ", ".join(f"{r.label} {r.count_text}" for r in frame.head(n).itertuples())
    return t(key, items=items) if items else ""


def age_sex_bars(frame: pd.DataFrame, title: str, source: str | None) -> go.Figure:
    """Grouped bars by age group for women and men. ``frame``: age_group, sex, population, count_text."""
    fig = go.Figure()
    for sex, colour in (("female", WOMEN), ("male", MEN)):
        rows = frame[frame["sex"] == sex].set_index("age_group").reindex(AGE_GROUPS).dropna(how="all").reset_index()
        if rows.empty:
            continue
        labels = rows["age_group"].str.replace("-", "–")
        fig.add_trace(
            go.Bar(
                x=labels,
                y=rows["population"].fillna(0),
                name=t(sex),
                marker={"color": colour},
                text=rows["count_text"],
                textposition="outside",
                cliponaxis=False,
                customdata=pd.DataFrame({"sex": t(sex), "text": rows["count_text"]}),
                hovertemplate="%{customdata[0]} %{x}: <b>%{customdata[1]}</b><extra></extra>",
            )
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(title=None, gridcolor="#e6e6e6", rangemode="tozero")
    fig.update_xaxes(title=t("age_group"))
    return _layout(fig, title, source)


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


def monthly_counts(frame: pd.DataFrame, title: str, source: str | None) -> go.Figure:
    """Month-end counts as a line. ``frame``: reference_date, persons (null when hidden), count_text."""
    fig = go.Figure(
        go.Scatter(
            x=frame["reference_date"],
            y=frame["persons"],
            mode="lines+markers+text",
            connectgaps=False,
            line={"color": MUNICIPALITY, "width": 3},
            marker={"size": 9, "color": MUNICIPALITY},
            text=frame["count_text"],
            textposition="top center",
            customdata=frame[["month_text", "count_text"]],
            hovertemplate="%{customdata[0]}: <b>%{customdata[1]}</b><extra></extra>",
        )
    )
    fig.update_yaxes(title=None, rangemode="tozero", gridcolor="#e6e6e6")
    fig.update_xaxes(title=None, showgrid=False, tickformat="%m/%Y")
    return _layout(fig, title, source, height=360)


def quota_bars(frame: pd.DataFrame, title: str, source: str | None) -> go.Figure:
    """Quota against persons arrived per year. ``frame``: year, quota, arrived_persons, *_text, and
    ``year_label`` (a year whose arrivals cover only part of it says so under the bars).

    A hidden (``< 5``) or missing (``–``) value has no bar at all, never one of height 0: its symbol is written
    on the axis line where the bar would stand."""
    fig = go.Figure()
    x = frame["year_label"] if "year_label" in frame else frame["year"].astype(str)
    for offset, (column, label, colour) in zip(
        (-0.2, 0.2), (("quota", t("quota"), "#56B4E9"), ("arrived_persons", t("arrived_persons"), MUNICIPALITY))
    ):
        for i, (value, text) in enumerate(zip(frame[column], frame[f"{column}_text"])):
            if pd.isna(value):
                fig.add_annotation(
                    x=i + offset, y=0, text=text, showarrow=False, yanchor="bottom", font={"color": "#555555"}
                )
        fig.add_trace(
            go.Bar(
                x=x,
                y=frame[column].astype("float64"),
                name=label,
                marker={"color": colour},
                text=frame[f"{column}_text"],
                textposition="outside",
                cliponaxis=False,
                customdata=pd.DataFrame({"label": label, "text": frame[f"{column}_text"]}),
                hovertemplate="%{customdata[0]} %{x}: <b>%{customdata[1]}</b><extra></extra>",
            )
        )
    fig.update_layout(barmode="group")
    fig.update_yaxes(title=None, rangemode="tozero", gridcolor="#e6e6e6")
    fig.update_xaxes(title=None, type="category")
    return _layout(fig, title, source, height=360)


def survey_bars(frame: pd.DataFrame, title: str, source: str | None) -> go.Figure:
    """Kuntaliitto's survey: one stacked bar per question (agree, neither, disagree, cannot say)."""
    parts = [
        ("agree_pct", t("kl_agree"), "#009E73"),
        ("neutral_pct", t("kl_neutral"), "#BBBBBB"),
        ("disagree_pct", t("kl_disagree"), "#D55E00"),
        ("cannot_say_pct", t("kl_cannot_say"), "#E6E6E6"),
    ]
    # A question is a long sentence: on lines of its own, or plotly cuts it at the chart's left edge.
    questions = ["<br>".join(textwrap.wrap(q, QUESTION_WIDTH)) for q in frame["question"]]
    lines = sum(max(2, q.count("<br>") + 1) for q in questions)
    fig = go.Figure()
    for column, label, colour in parts:
        texts = [formatting.percent(v, lang(), 0) for v in frame[column]]
        fig.add_trace(
            go.Bar(
                y=questions,
                x=frame[column],
                name=label,
                orientation="h",
                marker={"color": colour},
                text=texts,
                textposition="inside",
                customdata=pd.DataFrame({"label": label, "text": texts}),
                hovertemplate="%{customdata[0]}: <b>%{customdata[1]}</b><extra></extra>",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title=None, range=[0, 100], ticksuffix=_percent_suffix(), showgrid=False)
    fig.update_yaxes(title=None, autorange="reversed", automargin=True)
    return _layout(fig, title, source, height=max(340, 170 + 20 * lines + 24 * len(questions)))
