"""Shared UI pieces: numbers through the disclosure rule, the source caption, downloads, headline cards."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from datetime import date
from functools import partial
from typing import Literal

import pandas as pd
import streamlit as st

from dashboard import charts, data
from dashboard.i18n import lang, t
from pipeline import disclosure, formatting
from pipeline import i18n as catalog
from pipeline.report import exports

COMPUTED_METHODS = ("computed", "computed_estimate", "harmonised")
CARD_HEIGHT: Literal["stretch"] = "stretch"  # every card of a row as tall as the tallest, whatever wraps in it
# A card's label, value and the line under it wrap rather than end in "…" (Streamlit cuts them to one line)
CARD_CSS = """<style>
.kp-chart {margin: 0 0 0.5rem 0;} .kp-chart svg {display: block; max-width: 860px;}
.kp-half svg {max-width: 460px;}
.kp-map svg {max-width: 760px;} .kp-map .kp-area {stroke: #ffffff; stroke-width: 0.3;}
.kp-chart-title {font-weight: 600; font-size: 1.05rem; margin-bottom: 0.25rem;}
.kp-chart figcaption {font-size: 0.8rem; color: #555;}
[data-testid="stMetricLabel"] *, [data-testid="stMetricValue"], [data-testid="stMetricValue"] *,
[data-testid="stMetricDelta"] * {white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; overflow-wrap: anywhere;}
.kp-table {width: 100%; border-collapse: collapse; font-size: 0.875rem; margin: 0 0 1rem 0;}
.kp-table.kp-fixed {table-layout: fixed;}
.kp-table th, .kp-table td {padding: 0.3rem 0.4rem; text-align: left; vertical-align: top;
  border-bottom: 1px solid rgba(49, 51, 63, 0.1); overflow-wrap: break-word; hyphens: auto;}
.kp-table.kp-fixed th, .kp-table.kp-fixed td {overflow-wrap: anywhere;}
.kp-table th {font-weight: 600; color: rgba(49, 51, 63, 0.75); border-bottom-color: rgba(49, 51, 63, 0.25);}
.kp-table .kp-num {text-align: right; font-variant-numeric: tabular-nums;}
.kp-table td.kp-num {white-space: nowrap;}
.kp-table tr.kp-chosen td {background-color: #d6eaf8; font-weight: 600;}
.kp-cards {display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.5rem; margin: 0 0 1rem 0;}
@media (max-width: 640px) {.kp-cards {grid-template-columns: minmax(0, 1fr);}}
.kp-card {border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 1rem;
  overflow-wrap: break-word; hyphens: auto;}
.kp-card-title {font-weight: 600; margin: 0 0 0.5rem 0;}
.kp-card p {margin: 0 0 0.5rem 0;}
.kp-card .kp-source {font-size: 0.875rem; color: rgba(49, 51, 63, 0.6);}
.kp-badge {display: inline-block; font-size: 0.875rem; line-height: 1.4; padding: 0 0.375rem;
  border-radius: 0.25rem; margin: 0 0 0.75rem 0;}
.kp-badge-green {background: rgba(33, 195, 84, 0.1); color: #177233;}
.kp-badge-orange {background: rgba(255, 164, 33, 0.12); color: #a34d00;}
.kp-badge-blue {background: rgba(28, 131, 225, 0.1); color: #0054a3;}
.kp-badge-gray {background: rgba(49, 51, 63, 0.1); color: #31333f;}
.kp-scroll {overflow-y: auto; margin: 0 0 1rem 0; border: 1px solid rgba(49, 51, 63, 0.1); border-radius: 0.5rem;}
.kp-scroll .kp-table {margin: 0;}
.kp-scroll .kp-table th {position: sticky; top: 0; background: #fff; z-index: 1;}
</style>"""
# The browser's own print (Ctrl+P): the page's content only, on A4, no card, chart or table row split
# across pages. Streamlit's frame scrolls inside a 100vh box, which would print as one cut page.
PRINT_CSS = """<style>
@media print {
  @page {size: A4; margin: 12mm;}
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stButton"], [data-testid="stDownloadButton"], [data-testid="stLinkButton"],
  [data-testid="stElementToolbar"], [data-testid="stBottom"], [data-testid="stSidebarNav"],
  [data-testid="stExpandSidebarButton"], footer {display: none !important;}
  html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"],
  [data-testid="stMainBlockContainer"] {height: auto !important; min-height: 0 !important;
    overflow: visible !important; position: static !important;}
  [data-testid="stMain"] {margin-left: 0 !important;}
  [data-testid="stMainBlockContainer"] {padding: 0 !important; max-width: 100% !important;}
  [data-testid="stMetric"], [data-testid="stVerticalBlockBorderWrapper"], .kp-chart,
  [data-testid="stImage"], .kp-table tr, .kp-card, [data-testid="stAlert"], [data-testid="stCaptionContainer"],
  [data-testid="stHorizontalBlock"] {break-inside: avoid !important; page-break-inside: avoid !important;}
  .kp-scroll {max-height: none !important; overflow: visible !important; border: none !important;}
  .kp-scroll .kp-table th {position: static !important;}
  h1, h2, h3, [data-testid="stHeading"] {break-after: avoid !important; page-break-after: avoid !important;}
  * {-webkit-print-color-adjust: exact !important; print-color-adjust: exact !important;}
}
</style>"""


# -- numbers -------------------------------------------------------------------------------------------


def is_confidential(flag) -> bool:
    return isinstance(flag, str) and flag == disclosure.CONFIDENTIAL


def count_text(value, flag=None) -> str:
    """A count of persons: ``< 5`` when confidential, ``–`` when missing, else ``1 234``."""
    if is_confidential(flag):
        return disclosure.SYMBOL
    return formatting.MISSING if data.is_missing(value) else formatting.number(int(value), lang())


def share_text(value, flag=None) -> str:
    """A share in percent (``5,5 %``); ``..`` when it is hidden with its count (a figure derived from a count of
    1–4), ``–`` when missing."""
    if data.is_missing(value):
        return disclosure.SYMBOL_DERIVED if is_confidential(flag) else formatting.MISSING
    return formatting.percent(float(value), lang())


def points_text(value) -> str:
    return formatting.MISSING if data.is_missing(value) else formatting.points(float(value), lang())


def day_text(value) -> str:
    return formatting.MISSING if data.is_missing(value) else formatting.day(value, lang())


def marking(flag, derived: bool = False) -> str:
    """What a download says beside a count (``< 5`` when confidential) or, ``derived``, beside a share or rate of
    one (``..``); ``–`` for missing."""
    if is_confidential(flag):
        return disclosure.SYMBOL_DERIVED if derived else disclosure.SYMBOL
    return formatting.MISSING if isinstance(flag, str) and flag == disclosure.MISSING else ""


def share_marking(value, flag) -> str:
    """The marking of a share in a download: empty when it is shown, ``..`` when hidden, ``–`` when missing."""
    if not data.is_missing(value):
        return ""
    return disclosure.SYMBOL_DERIVED if is_confidential(flag) else formatting.MISSING


# -- the caption under every chart and table -----------------------------------------------------------


def _unique(values: Iterable) -> list:
    out = []
    for value in values:
        if not data.is_missing(value) and value not in out:
            out.append(value)
    return out


def _dates(values: Iterable) -> str:
    days = sorted({str(v)[:10] for v in _unique(values)})
    if not days:
        return formatting.MISSING
    if len(days) > 2:
        return f"{formatting.day(days[0], lang())}–{formatting.day(days[-1], lang())}"
    return ", ".join(formatting.day(d, lang()) for d in days)


SPACES = re.compile(r"[ \t\n\r\f\v]+")  # not the no-break spaces that keep a number and its unit together


def one_line(text) -> str:
    """Text on one line: each run of spaces and line breaks one space; a no-break space stays as it is."""
    return SPACES.sub(" ", str(text)).strip(" ")


def escaped(text) -> str:
    """Text from a file or the catalogue in an HTML block (a table, a card): on one line, escaped, never markup."""
    return html.escape(one_line(text), quote=True)


def plain(text) -> str:
    """Text that came from a file, made inert for Markdown: the marks that make emphasis, code, links and
    images (``* _ ` [ ] ~ $ |``), an HTML tag's ``<`` and a list or heading mark at the start are escaped, and
    a web or mail address is shown as code (Markdown makes a link of it even escaped); line breaks become
    spaces. Other punctuation stays as written, so the text reads the same."""
    text = one_line(text)
    parts = []
    for i, part in enumerate(_ADDRESS.split(text)):
        if i % 2:
            parts.append("`" + part.replace("`", "'") + "`")
        else:
            part = _MARKS.sub(lambda m: "\\" + m.group(0), part)
            parts.append(_TAG.sub("\\<", part))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), "".join(parts))


_ADDRESS = re.compile(r"((?:[a-z][a-z0-9+.-]*://|www\.)\S+|\S+@\S+\.\w+)", re.IGNORECASE)
_MARKS = re.compile(r"[\\`*_\[\]~$|]")
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+[.)])")
_escape = plain


def caption_lines(
    *,
    sources: Iterable,
    dates: Iterable,
    definitions: Iterable[str] = (),
    computed: Iterable[tuple[str, str]] = (),
    preliminary: Iterable[str] = (),
    small_counts: bool = False,
    notes: Iterable[str] = (),
) -> list[str]:
    """The caption as plain lines (also written into the XLSX download's second sheet)."""
    lines = [
        f"{t('cap_source')}: {'; '.join(_unique(sources)) or formatting.MISSING}",
        f"{t('cap_date')}: {_dates(dates)}",
    ]
    for key in _unique(definitions):
        text = data.definition(key, lang())
        if text:
            lines.append(f"{t('cap_definition')}: {text}")
    done = [(area, method) for area, method in _unique(computed) if method in COMPUTED_METHODS]
    if done:
        which = "; ".join(f"{area}: {t('method_' + method)}" for area, method in done)
        lines.append(f"{t('cap_computed')} – {which}.")
    prelim = _unique(preliminary)
    if prelim:
        lines.append(f"{t('cap_preliminary')}: {', '.join(prelim)}.")
    if small_counts:
        lines.append(t("cap_small") + ".")
    lines.extend(_unique(notes))
    return lines


NUM = ' class="kp-num"'  # a cell of a numeric column, aligned right


def card(title: str, badge: str, colour: str, lines: Sequence[str]) -> str:
    """One card of a :func:`cards_html` grid (``CARD_CSS``'s ``.kp-card``): a title, a badge in ``colour``
    (green, orange, blue or gray) and lines made by :func:`card_line` and :func:`card_source`."""
    return (
        f'<div class="kp-card"><div class="kp-card-title">{escaped(title)}</div>'
        f'<span class="kp-badge kp-badge-{colour}">{escaped(badge)}</span>{"".join(lines)}</div>'
    )


def card_line(label: str, value: str, after: str = "") -> str:
    """A card's line ``label: **value** after``, every part escaped."""
    after = f" {escaped(after)}" if after.strip() else ""
    return f'<p class="kp-measure">{escaped(label)}: <strong>{escaped(value)}</strong>{after}</p>'


def card_source(text: str) -> str:
    """A card's source line, smaller and grey."""
    return f'<p class="kp-source">{escaped(text)}</p>'


def cards_html(items: Sequence[str]) -> str:
    """Cards from :func:`card` as one HTML block, three a row (one on a narrow screen); one block instead of
    an element a line keeps the browser's work small (the impact page: 118 elements → 42)."""
    return f'<div class="kp-cards" lang="{lang()}">{"".join(items)}</div>'


def table(
    frame: pd.DataFrame,
    widths: Sequence[float] | None = None,
    *,
    numeric: Sequence[str] = (),
    chosen: Sequence[int] = (),
    height: int | None = None,
) -> None:
    """Show :func:`table_html`."""
    st.html(table_html(frame, widths, numeric=numeric, chosen=chosen, height=height))


def table_html(
    frame: pd.DataFrame,
    widths: Sequence[float] | None = None,
    *,
    numeric: Sequence[str] = (),
    chosen: Sequence[int] = (),
    height: int | None = None,
) -> str:
    """A table of words and formatted numbers, as one HTML block whose every cell is escaped: nothing in it
    is read as HTML or Markdown, and a missing value is "–". Its words wrap within the page; ``widths`` (per
    cent, column by column) fixes the columns; the ``numeric`` columns are aligned right; the rows at the
    positions ``chosen`` are marked (the municipality looked at); with ``height`` (px) the table scrolls
    under its sticky header, and prints whole. (``st.table`` renders each cell as Markdown: ~1 ms of the
    browser's time a cell, 0.6 s for the 487 cells of the sources page; ``st.dataframe`` loads its grid's
    scripts and had the server format the 308-row ranking through a pandas Styler on every run.)"""
    wanted = set(numeric)
    right = [c in wanted for c in frame.columns]
    marked = set(chosen)
    columns = "".join(f'<col style="width: {w}%">' for w in widths or ())
    head = "".join(f"<th{NUM if r else ''}>{_cell(c)}</th>" for c, r in zip(frame.columns, right))
    body = "".join(
        ('<tr class="kp-chosen">' if i in marked else "<tr>")
        + "".join(f"<td{NUM if r else ''}>{_cell(v)}</td>" for v, r in zip(row, right))
        + "</tr>"
        for i, row in enumerate(frame.itertuples(index=False))
    )
    css = "kp-table kp-fixed" if widths else "kp-table"
    colgroup = f"<colgroup>{columns}</colgroup>" if columns else ""
    block = (
        f'<table class="{css}" lang="{lang()}">{colgroup}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )
    if height:
        # tabindex: the box scrolls with the keyboard's arrows too
        block = f'<div class="kp-scroll" tabindex="0" style="max-height: {int(height)}px">{block}</div>'
    return block


def _cell(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return formatting.MISSING
    return escaped(value)


def chart(drawn: charts.Drawn) -> None:
    """A chart drawn by ``dashboard.charts``: one HTML block (title, SVG, source) whose file texts are
    escaped there, so nothing in it is read as Markdown."""
    st.markdown(drawn.html, unsafe_allow_html=True)


def source_caption(**parts) -> list[str]:
    """Show under a chart or table: source, reference date, definition, what is computed or preliminary.

    Takes the arguments of :func:`caption_lines` and returns its lines (for the downloads).
    """
    lines = caption_lines(**parts)
    st.caption(caption_text(lines))
    return lines


def caption_text(lines: Iterable[str]) -> str:
    """The caption's lines as ``st.caption`` shows them: each on its own line, its text inert for Markdown."""
    return "  \n".join(_escape(line) for line in lines)


# -- downloads -----------------------------------------------------------------------------------------


ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def for_download(frame: pd.DataFrame, decimals: dict[str, int | None] | None = None) -> pd.DataFrame:
    """The frame as its file holds it: numbers rounded as the page shows them (``decimals`` by column, ``None``
    when the caller rounded them, one decimal otherwise; a column of whole numbers stays whole), dates
    (``2024-12-31`` or a timestamp) as dates."""
    decimals = decimals or {}
    out = frame.reset_index(drop=True).copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_bool_dtype(values):
            continue
        if pd.api.types.is_float_dtype(values):
            known = values.dropna()
            places = decimals.get(column, 1)
            if column not in decimals and len(known) and (known == known.round()).all():
                out[column] = values.round().astype("Int64")
            elif places is not None:  # None: the caller rounded each value as shown
                out[column] = values.round(places)
        elif pd.api.types.is_datetime64_any_dtype(values):
            out[column] = [None if pd.isna(v) else v.date() for v in values]
        elif values.dtype == object or pd.api.types.is_string_dtype(values):
            known = [v for v in values if not data.is_missing(v)]
            if known and all(isinstance(v, str) and ISO_DAY.match(v) for v in known):
                out[column] = [None if data.is_missing(v) else date.fromisoformat(v) for v in values]
    return out


def method_words(values: Iterable) -> list:
    """How a figure was got, in the page's language ("laskettu kuntien luvuista (arvio)"), not its code."""
    return [v if data.is_missing(v) else t(f"method_{v}") if catalog.has(f"method_{v}") else v for v in values]


def status_words(values: Iterable) -> list:
    """A figure's status from its publisher (preliminary or final) in the page's language."""
    return [v if data.is_missing(v) else t(f"figure_{v}") if catalog.has(f"figure_{v}") else v for v in values]


def _csv(frame: pd.DataFrame, decimals: dict[str, int | None] | None = None) -> bytes:
    return exports.csv_bytes(for_download(frame, decimals))


def _xlsx(frame: pd.DataFrame, about: list[str], decimals: dict[str, int | None] | None = None) -> bytes:
    notes = about + [f"{t('small_count_rule_title')}: {rule_text()}"]
    sheets = {t("sheet_data"): for_download(frame, decimals), t("sheet_about"): pd.DataFrame({t("cap_source"): notes})}
    return exports.xlsx_bytes(sheets, decimals, lang())


def downloads(
    frame: pd.DataFrame,
    stem: str,
    about: list[str],
    *,
    chart: charts.Drawn | None = None,
    chart_stem: str | None = None,
    decimals: dict[str, int | None] | None = None,
) -> None:
    """CSV and XLSX buttons for the data a chart or table shows, and PNG for the chart (built only when clicked;
    named ``chart_stem`` when the chart is not what the table is, as the map beside the ranking).

    ``frame`` must already carry its source, reference date and method columns, and its counts through
    the disclosure rule (hidden counts empty, with the symbol in a marking column). Numbers are rounded as
    shown (``decimals`` by column, one decimal otherwise) and every figure in it must also be on the page.
    """
    frame = frame.reset_index(drop=True)
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.download_button(
            t("download_csv"),
            partial(_csv, frame, decimals),
            file_name=f"kotoprofiili_{stem}.csv",
            mime="text/csv",
            icon=":material/download:",
            on_click="ignore",
            key=f"csv_{stem}",
        )
        st.download_button(
            t("download_xlsx"),
            partial(_xlsx, frame, about, decimals),
            file_name=f"kotoprofiili_{stem}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            icon=":material/table_view:",
            on_click="ignore",
            key=f"xlsx_{stem}",
        )
        if chart is not None:  # the chart as an image (title and source in it), made only when clicked
            st.download_button(
                t("download_png"),
                chart.png,
                file_name=f"kotoprofiili_{chart_stem or stem}.png",
                mime="image/png",
                icon=":material/image:",
                on_click="ignore",
                key=f"png_{stem}",
            )


def rule_text() -> str:
    return {"fi": disclosure.RULE_FI, "sv": disclosure.RULE_SV, "en": disclosure.RULE_EN}[lang()]


# -- headline card -------------------------------------------------------------------------------------


def headline_card(
    label: str,
    value: str,
    *,
    change: float | None = None,
    change_text: str | None = None,
    help: str | None = None,
    words: bool = False,
) -> None:
    """A bordered card of one fixed height: ``st.metric`` for a figure (``change``, a number, sets the arrow,
    ``change_text`` is what the card says under the value), or ``words=True`` for a plain phrase such as
    "ei tiedossa tässä aineistossa", which a metric's large type would cut short."""
    if words:
        with st.container(border=True, height=CARD_HEIGHT):
            st.markdown(f":small[{label}]", help=help)
            st.markdown(f"**{value}**")
        return
    arrow: Literal["off", "up", "down"] = "off" if change is None or change == 0 else ("up" if change > 0 else "down")
    st.metric(
        label,
        value,
        delta=change_text,
        delta_color="off",
        delta_arrow=arrow,
        help=help,
        border=True,
        height=CARD_HEIGHT,
    )
