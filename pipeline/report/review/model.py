"""The printed review as plain data: computed once from the marts, then rendered as HTML, PDF or Word.

Every text in it is final (in the review's language, numbers formatted, small counts already shown as
``< 5`` / ``..``), so the renderers only lay it out and never compute or format a figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Series:
    """One line or set of bars: ``values`` to draw (None = a gap), ``labels`` the text of each point as
    shown (``< 5`` where a hidden count stands); ``role`` picks the colour (own, member, region, country,
    total, quota)."""

    name: str
    values: list[float | None]
    labels: list[str]
    role: str = "own"


@dataclass(frozen=True)
class Chart:
    """A chart and the one sentence under it. ``kind``: line, bars (grouped by category) or hbars
    (one bar a category, ``highlight`` names the categories drawn in the municipality's colour)."""

    key: str
    title: str
    sentence: str
    source: str
    kind: str
    categories: list[str]
    series: list[Series]
    unit: str  # percent or count: how the axis is labelled
    lang: str
    highlight: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[str]]
    caption: str = ""
    note: str = ""


@dataclass
class Review:
    """One municipality's or one group's review in one language."""

    lang: str
    year: int
    name: str  # the municipality's or the group's name in the review's language
    title: str
    subtitle: str
    heading: list[tuple[str, str]]  # the heading block: (label, value)
    profile: list[str]  # the paragraphs of "Maahanmuuttoprofiili"
    key_figures: Table
    charts: list[Chart]
    indicators: list[Table]
    indicators_intro: str
    sources: list[str]  # sources, reference dates, definitions, methods and the small-count rule
    footer: str
    headings: dict[str, str] = field(default_factory=dict)  # section headings in the review's language
