"""Reviews made when asked (the dashboard's download buttons and group view), through the same code as
``python -m pipeline report``.

The marts are loaded once per database file (its path and modification time: a refresh that replaces
the file is a new version) and a made review is kept per (members, year, language, format, version), so
a second click costs nothing. The connection is a new in-memory DuckDB with the file attached read-only
(``duckdb.connect(path)`` would hand back an instance already open for that path, even a replaced file);
one lock serialises its use, since the dashboard's sessions and its deferred downloads run in threads.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import duckdb

from pipeline.report.review.content import build_review, key_figures
from pipeline.report.review.figures import Figures, compute
from pipeline.report.review.marts import Marts
from pipeline.report.review.model import Table
from pipeline.report.review.subjects import Subject, resolve, review_year
from pipeline.report.review.write import check_options, render

MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
}
_LOCK = threading.RLock()


def version(db_path: Path) -> str:
    """The database file's identity: its path and modification time."""
    return f"{db_path}|{Path(db_path).stat().st_mtime_ns}"


@lru_cache(maxsize=2)
def _marts(version: str) -> Marts:
    path = version.rsplit("|", 1)[0].replace("'", "''")
    con = duckdb.connect(":memory:")
    con.execute(f"attach '{path}' as kotoprofiili (read_only)")
    con.execute("use kotoprofiili")
    return Marts.load(con)


def _subject(version: str, queries: tuple[str, ...], year: int | None) -> tuple[Marts, Subject, int]:
    marts = _marts(version)
    subject = resolve(marts, list(queries))
    return marts, subject, review_year(marts, subject, year)


@lru_cache(maxsize=24)
def _review_bytes(version: str, queries: tuple[str, ...], year: int | None, lang: str, form: str) -> bytes:
    with _LOCK:
        marts, subject, y = _subject(version, queries, year)
        review = build_review(marts, subject, y, lang)
    return render(review, form)


def review_bytes(db_path: Path, queries: tuple[str, ...], year: int | None, lang: str, form: str) -> bytes:
    """The review of ``queries`` (codes, names or one group id) as ``form`` bytes; a bad member or a year
    without figures raises :class:`~pipeline.report.profile.ProfileError`."""
    check_options(lang, form)
    return _review_bytes(version(db_path), tuple(queries), year, lang, form)


def check(db_path: Path, queries: tuple[str, ...], year: int | None) -> tuple[Subject, int]:
    """Who the review would be about and its year, without making it (a ProfileError when it cannot be made);
    asked on every run of the profile page, so kept."""
    return _check(version(db_path), tuple(queries), year)


@lru_cache(maxsize=256)
def _check(version: str, queries: tuple[str, ...], year: int | None) -> tuple[Subject, int]:
    with _LOCK:
        _, subject, y = _subject(version, queries, year)
    return subject, y


def group_figures(
    db_path: Path, queries: tuple[str, ...], year: int | None, lang: str
) -> tuple[Subject, Figures, Table]:
    """A group's (or several municipalities') figures as in the joint review: each member, the group's
    total (computed, protected by :mod:`~pipeline.report.review.totals`), the regions and the country;
    and the review's key-figures table in ``lang``."""
    with _LOCK:
        marts, subject, y = _subject(version(db_path), tuple(queries), year)
        figs = compute(marts, subject, y)
    return subject, figs, key_figures(subject, figs, lang)
