"""Everything a page shows, as text: for tests that read every page the way a person would (issue 12).

``rendered(at)`` gathers the words of every element (markdown, captions, cards, badges, alerts), every cell
of every table, the texts of every chart (titles, labels, hovers, annotations) and what every download
would hold (its data and its about sheet); ``run_page`` records the downloads while the page runs.
"""

from __future__ import annotations

import json
import re

import pandas as pd
from streamlit.testing.v1 import AppTest

from pipeline import paths

APP = str(paths.ROOT / "dashboard" / "app.py")
PAGES = ["app_pages/profile.py", "app_pages/comparison.py", "app_pages/impact.py", "app_pages/sources.py"]
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


def chart_texts(at: AppTest) -> list[str]:
    """The words of every Plotly chart: titles, trace names, texts, hovers' data, annotations, tick labels."""
    out: list[str] = []
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        layout = spec.get("layout", {})
        out.append(str(layout.get("title", {}).get("text", "")))
        out += [str(a.get("text", "")) for a in layout.get("annotations", [])]
        for axis in [v for k, v in layout.items() if k.startswith(("xaxis", "yaxis"))]:
            out += [str(v) for v in axis.get("ticktext", []) or []]
        for trace in spec.get("data", []):
            out.append(str(trace.get("name", "")))
            for key in ("text", "customdata", "hovertext"):
                out += [str(v) for v in _flat(trace.get(key))]
            for key in ("x", "y"):  # category labels (numbers are typed arrays, gaps are null)
                out += [v for v in _flat(trace.get(key)) if isinstance(v, str)]
    return [text.replace("<br>", " ") for text in out]  # a label on two lines reads as one


def _flat(value) -> list:
    if isinstance(value, list):
        return [item for v in value for item in _flat(v)]
    return [] if value is None else [value]


def element_texts(at: AppTest) -> list[str]:
    """The words of the page's elements, as rendered (no-break spaces as spaces)."""
    out = [e.value for kind in ("title", "header", "subheader", "markdown", "caption") for e in at.get(kind)]
    out += [e.value for kind in ("info", "warning", "error", "success") for e in at.get(kind)]
    out += [f"{m.label} {m.value} {m.delta or ''} {m.proto.body}" for m in at.metric]
    out += [str(b.proto.label) for b in at.get("download_button")]
    for frame in [d.value for d in at.dataframe] + [t.value for t in at.table]:
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
