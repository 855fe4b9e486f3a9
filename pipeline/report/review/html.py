"""The review as one HTML document (A4 CSS; charts as inline SVG), which WeasyPrint turns into the PDF.

For the PDF the same SVG is given as an ``<img>`` (a data: URL) instead: WeasyPrint then parses it with
its SVG reader rather than cascading the page's CSS through each of its thousands of elements, which
took most of a review's time; the pages are the same (the same vector drawing, the same text).
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from pipeline.report.review import charts
from pipeline.report.review.model import Review, Table

CSS = Path(__file__).with_name("review.css")


def render_html(review: Review, svg_as: str = "inline") -> str:
    """``svg_as``: "inline" (a standalone HTML file) or "img" (for WeasyPrint)."""
    parts = [
        f'<!DOCTYPE html><html lang="{review.lang}"><head><meta charset="utf-8">',
        f"<title>{escape(review.title)}</title><style>{CSS.read_text(encoding='utf-8')}{footer_css(review.footer)}</style></head><body>",
        f'<header><h1>{escape(review.title)}</h1><p class="subtitle">{escape(review.subtitle)}</p>',
        '<table class="heading">',
        *(f"<tr><th>{escape(label)}</th><td>{escape(value)}</td></tr>" for label, value in review.heading),
        "</table></header>",
        f'<section class="profile"><h2>{escape(review.headings["profile"])}</h2>',
        *(f"<p>{escape(p)}</p>" for p in review.profile),
        f"<h3>{escape(review.headings['key_figures'])}</h3>",
        table(review.key_figures, css="key-figures", numeric_from=1),
        "</section>",
        f'<section class="charts"><h2>{escape(review.headings["charts"])}</h2>',
        *(figure(chart, svg_as) for chart in review.charts),
        "</section>",
        f'<section class="indicators"><h2>{escape(review.headings["indicators"])}</h2>',
        f"<p>{escape(review.indicators_intro)}</p>",
        *(table(t, css="indicators") for t in review.indicators),
        "</section>",
        f'<section class="sources"><h2>{escape(review.headings["sources"])}</h2><ul class="sources">',
        *(f"<li>{escape(line)}</li>" for line in review.sources),
        "</ul></section></body></html>",
    ]
    return "\n".join(parts)


def footer_css(text: str) -> str:
    """The running footer: the review's source line at the bottom left of every page."""
    quoted = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ")
    return f'@page {{ @bottom-left {{ content: "{quoted}"; }} }}'


def figure(chart, svg_as: str = "inline") -> str:
    drawing = charts.svg(chart)
    if svg_as == "img":
        data = base64.b64encode(('<?xml version="1.0" encoding="utf-8"?>' + drawing).encode("utf-8")).decode("ascii")
        drawing = f'<img src="data:image/svg+xml;base64,{data}" alt="">'
    return (
        f'<figure id="{escape(chart.key)}"><figcaption class="title">{escape(chart.title)}</figcaption>'
        f"{drawing}"
        f'<p class="sentence">{escape(chart.sentence)}</p><p class="source">{escape(chart.source)}</p></figure>'
    )


def table(t: Table, css: str = "", numeric_from: int | None = None) -> str:
    def cell(tag: str, i: int, text: str) -> str:
        num = ' class="num"' if numeric_from is not None and i >= numeric_from else ""
        return f"<{tag}{num}>{escape(text)}</{tag}>"

    head = "".join(cell("th", i, c) for i, c in enumerate(t.columns))
    body = "".join("<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>" for row in t.rows)
    caption = f"<h3>{escape(t.caption)}</h3>" if t.caption else ""
    note = f'<p class="note">{escape(t.note)}</p>' if t.note else ""
    return f'{caption}<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}'
