"""Writing reviews: one file, or one per municipality; never a half-written file.

Each file is rendered in memory, written to a temporary file beside the target and renamed into place,
so a failure (or an interrupt) leaves either the old file or none.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from pathlib import Path

from pipeline import i18n
from pipeline.report.profile import ProfileError
from pipeline.report.review.content import build_review
from pipeline.report.review.marts import Marts
from pipeline.report.review.model import Review
from pipeline.report.review.subjects import Subject, resolve, review_year

FORMATS = ("pdf", "docx", "html")


class ReviewError(ValueError):
    """Bad input to a review (format, language, output path); the message says what is wrong."""


def render(review: Review, form: str) -> bytes:
    if form == "pdf":
        from pipeline.report.review.pdf import render_pdf

        return render_pdf(review)
    if form == "docx":
        from pipeline.report.review.docx import render_docx

        return render_docx(review)
    if form == "html":
        from pipeline.report.review.html import render_html

        return render_html(review).encode("utf-8")
    raise ReviewError(f"unknown format {form!r}; the formats are {', '.join(FORMATS)}")


def check_options(lang: str, form: str) -> None:
    if lang not in i18n.LANGUAGES:
        raise ReviewError(f"unknown language {lang!r}; the languages are {', '.join(i18n.LANGUAGES)}")
    if form not in FORMATS:
        raise ReviewError(f"unknown format {form!r}; the formats are {', '.join(FORMATS)}")


def atomic_write(path: Path, data: bytes) -> None:
    """``data`` into ``path`` through a temporary file in the same folder, renamed into place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def output_path(out: Path, form: str) -> Path:
    """The file to write: ``out`` itself; its folder must exist (nothing is created on a typo)."""
    if out.is_dir():
        raise ReviewError(f"{out} is a folder; give a file name (e.g. {out / ('review.' + form)}), or use --all")
    if not out.parent.exists():
        raise ReviewError(f"the folder {out.parent} does not exist; nothing was written")
    return out


def write_review(
    marts: Marts, queries: list[str], year: int | None, lang: str, form: str, out: Path, made: datetime | None = None
) -> Path:
    """One review (of one municipality, several or a group) into ``out``; bad input raises before any write."""
    check_options(lang, form)
    target = output_path(Path(out), form)
    subject = resolve(marts, queries)
    data = render(build_review(marts, subject, review_year(marts, subject, year), lang, made), form)
    atomic_write(target, data)
    return target


def write_all(
    marts: Marts,
    year: int | None,
    lang: str,
    form: str,
    folder: Path,
    progress: Callable[[str], None] = lambda _: None,
    jobs: int = 1,
) -> list[Path]:
    """One review per municipality into ``folder`` (``<code>_<name>_<year>.<format>``); with ``jobs`` > 1
    in that many processes, each reading the database on its own (read-only)."""
    check_options(lang, form)
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ReviewError(f"{folder} is a file; --all writes into a folder")
    if not folder.parent.exists():
        raise ReviewError(f"the folder {folder.parent} does not exist; nothing was written")
    folder.mkdir(exist_ok=True)
    codes = sorted(marts["dim_municipality"]["kunta_code"])
    if jobs <= 1:
        results = [_write_one(marts, code, year, lang, form, folder) for code in codes]
    else:
        database = marts.con.execute("select path from duckdb_databases() where database_name = current_database()")
        path = database.fetchone()[0]  # type: ignore[index]
        with ProcessPoolExecutor(jobs, initializer=_open_worker, initargs=(path,)) as pool:
            results = list(
                pool.map(_write_in_worker, codes, *zip(*[(year, lang, form, folder)] * len(codes)), chunksize=8)
            )
    written = []
    for target, skipped in results:
        progress(skipped or f"wrote {target}")
        if target is not None:
            written.append(target)
    return written


def _write_one(marts: Marts, code: str, year: int | None, lang: str, form: str, folder: Path):
    muni = marts.municipality(code)
    subject = Subject((muni,))
    try:
        y = review_year(marts, subject, year)
    except ProfileError as exc:
        return None, f"skipped {code} {muni['name_fi']}: {exc}"
    target = folder / f"{code}_{_safe(muni['name_fi'])}_{y}.{form}"
    atomic_write(target, render(build_review(marts, subject, y, lang), form))
    return target, None


_WORKER: dict[str, Marts] = {}


def _open_worker(path: str) -> None:
    import duckdb

    _WORKER["marts"] = Marts.load(duckdb.connect(path, read_only=True))


def _write_in_worker(code: str, year: int | None, lang: str, form: str, folder: Path):
    return _write_one(_WORKER["marts"], code, year, lang, form, folder)


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)
