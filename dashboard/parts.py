"""A page's section computed once and shown by every run.

Under load the pages' own Python was the server's cost (issue 13.10: 76 % of its time with 50 sessions at
once; a stand-in app of the same elements rendered in ~9 ms): every run formatted the same 308 ranked rows,
captions, chart digests and download frames again. A section's builder now puts what it shows into a
:class:`Parts` — each element as a call with its arguments ready (sentences, a table's HTML, a caption's
text, a drawn chart, a download's frame) — and :func:`built_once` keeps it (``st.cache_resource``) per the
builder's arguments, which name the database version, the municipality, the year, what was chosen and the
language, for every session alike. A run then only emits the elements (:meth:`Parts.show`), widgets such
as the download buttons included (they are made in the run, from the kept frames).

A builder reads the database and the catalogue only, never the session (the language it is given is the
one its ``t`` and numbers speak: :func:`built_once` checks it), and calls no ``st`` function itself. The
builders live in ``dashboard/sections/``, imported once: decorated in a page script they were decorated anew
on every run, and Streamlit's key of a cached function (its source, read through ``inspect``) was then 14 %
of the server's time under load.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial, wraps
from typing import Any, ParamSpec

import pandas as pd
import streamlit as st

from dashboard import charts, components
from dashboard.i18n import lang

P = ParamSpec("P")


class Parts:
    """The elements of a section in order, each a call made when the section is shown."""

    def __init__(self) -> None:
        self._calls: list[Callable[[], Any]] = []

    def add(self, element: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Any element (or a function that makes some) with its arguments, called at :meth:`show`."""
        self._calls.append(partial(element, *args, **kwargs))

    def show(self) -> None:
        for call in self._calls:
            call()

    # -- the elements the pages use ---------------------------------------------------------------------
    def markdown(self, text: str, **kwargs: Any) -> None:
        self.add(st.markdown, text, **kwargs)

    def title(self, text: str, **kwargs: Any) -> None:
        self.add(st.title, text, **kwargs)

    def header(self, text: str, **kwargs: Any) -> None:
        self.add(st.header, text, **kwargs)

    def subheader(self, text: str, **kwargs: Any) -> None:
        self.add(st.subheader, text, **kwargs)

    def info(self, text: str, **kwargs: Any) -> None:
        self.add(st.info, text, **kwargs)

    def divider(self) -> None:
        self.add(st.divider)

    def html(self, block: str) -> None:
        self.add(st.html, block)

    def table(self, frame: pd.DataFrame, widths: Sequence[float] | None = None, **kwargs: Any) -> None:
        """:func:`components.table`, its HTML made now."""
        self.html(components.table_html(frame, widths, **kwargs))

    def cards(self, items: Sequence[str]) -> None:
        self.html(components.cards_html(items))

    def chart(self, drawn: charts.Drawn) -> None:
        self.add(components.chart, drawn)

    def caption(self, **parts: Any) -> list[str]:
        """:func:`components.source_caption`, its text made now; returns its lines (for the downloads)."""
        lines = components.caption_lines(**parts)
        self.add(st.caption, components.caption_text(lines))
        return lines

    def downloads(self, frame: pd.DataFrame, stem: str, about: list[str], **kwargs: Any) -> None:
        """:func:`components.downloads`: the buttons are made at each show, from this frame."""
        self.add(_downloads, frame, stem, list(about), **kwargs)

    def headline_card(self, label: str, value: str, **kwargs: Any) -> None:
        self.add(components.headline_card, label, value, **kwargs)

    # -- layout -----------------------------------------------------------------------------------------
    def columns(self, spec: int | Sequence[float], **kwargs: Any) -> list[Parts]:
        """``st.columns``: one :class:`Parts` a column, shown inside it."""
        children = [Parts() for _ in range(spec if isinstance(spec, int) else len(spec))]
        self.add(_in_columns, spec, kwargs, children)
        return children

    def container(self, **kwargs: Any) -> Parts:
        """``st.container``: a :class:`Parts` shown inside it."""
        child = Parts()
        self.add(_in_container, kwargs, child)
        return child


def _downloads(*args: Any, **kwargs: Any) -> None:
    components.downloads(*args, **kwargs)  # looked up when shown (a test may wrap it to see every download)


def _in_columns(spec: int | Sequence[float], kwargs: dict, children: list[Parts]) -> None:
    for column, child in zip(st.columns(spec, **kwargs), children):
        with column:
            child.show()


def _in_container(kwargs: dict, child: Parts) -> None:
    with st.container(**kwargs):
        child.show()


_KEPT: dict[str, Any] = {}  # every builder's cache by name (a page defines its builders anew each run)


def forget() -> None:
    """Empty every builder's cache (a test that changes what the data functions return)."""
    for kept in _KEPT.values():
        kept.clear()


def built_once(max_entries: int = 64) -> Callable[[Callable[P, Parts]], Callable[P, Parts]]:
    """Keep a builder's :class:`Parts` per its arguments, shared by every session (``st.cache_resource``).

    The builder's last argument is the language (``language``); the run must speak it, since the builder's
    ``t`` reads the run's language. Its first names the database version, so a refresh builds anew.
    """

    def decorate(build: Callable[P, Parts]) -> Callable[P, Parts]:
        kept = st.cache_resource(max_entries=max_entries, show_spinner=False)(build)
        _KEPT[f"{build.__module__}.{build.__qualname__}"] = kept

        @wraps(build)
        def built(*args: P.args, **kwargs: P.kwargs) -> Parts:
            language = kwargs["language"] if "language" in kwargs else args[-1]
            if language != lang():
                raise ValueError(f"{build.__name__} asked for {language!r} in a run that speaks {lang()!r}")
            return kept(*args, **kwargs)

        return built

    return decorate
