"""Everything a page shows, as text: for tests that read every page the way a person would (issue 12).

``rendered(at)`` gathers the words of every element (markdown, captions, cards, badges, alerts), every cell
of every table, the texts of every chart (titles, labels, hovers, annotations) and what every download
would hold (its data and its about sheet); ``run_page`` records the downloads while the page runs.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pandas as pd
from streamlit.testing.v1 import AppTest

from pipeline import paths

APP = str(paths.ROOT / "dashboard" / "app.py")
PAGES = ["app_pages/profile.py", "app_pages/comparison.py", "app_pages/impact.py", "app_pages/sources.py"]
CHART = re.compile(r'<figure class="kp-chart[^"]*" id="kp-chart-([^"]+)">')
WORDS = re.compile(r"<(text|title|div|figcaption)\b[^>]*>(.*?)</\1>", re.S)
STRAY = re.compile(r"(?<![\wÅÄÖåäö])(nan|NaN|None|NaT|<NA>)(?![\wÅÄÖåäö])|\(\s*\)")


def run_recording(monkeypatch, keep, forget, page: str | None = None, **params) -> AppTest:
    """Run the app on ``page`` with query ``params``; ``keep(frame, stem, about, kw)`` sees every download
    offered, and ``forget()`` is called before switching to ``page`` (so only its downloads stay)."""
    from dashboard import components

    original = components.downloads

    def record(frame, stem, about, **kw):
        keep(frame, stem, about, kw)
        return original(frame, stem, about, **kw)

    monkeypatch.setattr(components, "downloads", record)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(params)
    at.run()
    if page and page != PAGES[0]:
        forget()
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def run_page(monkeypatch, page: str | None = None, **params) -> tuple[AppTest, list[tuple[pd.DataFrame, list[str]]]]:
    """Run the app on ``page`` with query ``params``; returns it and every (frame, about) offered for download."""
    offered: list[tuple[pd.DataFrame, list[str]]] = []
    at = run_recording(
        monkeypatch, lambda frame, stem, about, kw: offered.append((frame.copy(), list(about))), offered.clear, page,
        **params,
    )  # fmt: skip
    return at, offered


def charts(at: AppTest) -> dict[str, str]:
    """Every chart on the page (``dashboard.charts``: a figure of title, SVG and source), by its key."""
    found = {}
    for element in at.markdown:
        match = CHART.match(element.value)
        if match:
            found[match.group(1)] = element.value
    return found


def chart_texts(at: AppTest, key: str | None = None) -> list[str]:
    """The words of every chart (or of the chart ``key``): its title, source, axis and value labels, legend
    and every tooltip, as the browser shows them."""
    out: list[str] = []
    for name, figure in charts(at).items():
        if key is None or name == key:
            out += [html.unescape(re.sub(r"<[^>]+>", "", m.group(2))).strip() for m in WORDS.finditer(figure)]
    return [text for text in out if text]


def chart_tips(at: AppTest, key: str) -> list[str]:
    """The tooltips of the chart ``key`` (one a year, a bar or a municipality)."""
    return [html.unescape(t) for t in re.findall(r"<title>(.*?)</title>", charts(at)[key])]


def element_texts(at: AppTest) -> list[str]:
    """The words of the page's elements, as rendered (no-break spaces as spaces)."""
    out = [e.value for kind in ("title", "header", "subheader", "markdown", "caption") for e in at.get(kind)]
    out = [text for text in out if not CHART.match(text)]  # a chart's words: chart_texts
    out += [e.value for kind in ("info", "warning", "error", "success") for e in at.get(kind)]
    out += [f"{m.label} {m.value} {m.delta or ''} {m.proto.body}" for m in at.metric]
    out += [str(b.proto.label) for b in at.get("download_button")]
    out += [line for card in cards(at) for line in card]
    for frame in [d.value for d in at.dataframe] + tables(at):
        data = frame.data if hasattr(frame, "data") else frame  # a Styler shows its formatted cells
        out += [str(c) for c in data.columns] + [str(i) for i in data.index]
        out += [v for v in data.to_numpy().ravel() if isinstance(v, str)]  # numbers are formatted by the page
    return [text.replace("\u00a0", " ") for text in out]


def download_texts(offered) -> list[str]:
    """What the CSV/XLSX downloads would hold: headers, text cells (numbers are numbers) and the about lines."""
    out: list[str] = []
    for frame, about in offered:
        out += [str(c) for c in frame.columns] + about
        for column in frame.columns:
            out += [v for v in frame[column] if isinstance(v, str)]
    return out


def strays(texts: list[str]) -> list[str]:
    return sorted({t for t in texts if STRAY.search(t)})


class _Cells(HTMLParser):
    """The rows of one ``components.table``: the text of each ``th`` and ``td`` as the browser shows it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def table_frame(body: str) -> pd.DataFrame:
    """A ``components.table`` block as a frame of the texts it shows (header row as the columns)."""
    parser = _Cells()
    parser.feed(body)
    header, *rows = parser.rows
    return pd.DataFrame(rows, columns=header)


class _Cards(HTMLParser):
    """The impact page's cards of one ``kp-cards`` block: each card's lines (title, badge, measures and
    sources) as the browser shows them, a strong value between ``**`` as Markdown would mark it."""

    LINES = ("kp-card-title", "kp-badge", "kp-measure", "kp-source")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.cards: list[list[str]] = []
        self._line: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        css = (dict(attrs).get("class") or "").split()
        if "kp-card" in css:
            self.cards.append([])
        elif any(c in self.LINES for c in css):
            self._line = []
        elif tag == "strong" and self._line is not None:
            self._line.append("**")

    def handle_endtag(self, tag):
        if tag == "strong" and self._line is not None:
            self._line.append("**")
        elif tag in ("div", "span", "p") and self._line is not None:
            self.cards[-1].append("".join(self._line))
            self._line = None

    def handle_data(self, data):
        if self._line is not None:
            self._line.append(data)


def cards(node) -> list[list[str]]:
    """Every impact card under ``node``, in page order: its title, its badge, then its measures' lines."""
    out: list[list[str]] = []
    for element in node.get("html"):
        if 'class="kp-cards' in element.proto.body:
            parser = _Cards()
            parser.feed(element.proto.body)
            out += parser.cards
    return out


def tables(node) -> list[pd.DataFrame]:
    """Every table (``components.table``) under ``node`` (the app, an expander), in page order."""
    return [table_frame(e.proto.body) for e in node.get("html") if 'class="kp-table' in e.proto.body]
