"""Why the curated database cannot be read, in one sentence: held for writing by another process, or a
file that is empty or not a Kotoprofiili database. Said the same way by the CLI and the dashboard."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline import i18n

REQUIRED_TABLE = "build_info"  # every published database has it (pipeline/build/publish.py)


def problem_key(exc: BaseException) -> str:
    """The catalog key of the sentence for a DuckDB error on opening or first reading the database."""
    text = str(exc).lower()
    if "lock" in text and ("conflicting" in text or "could not set" in text):
        return "db_locked"
    return "db_unreadable"


def problem_text(path: Path, exc: BaseException, lang: str | None = None) -> str:
    """The sentence in ``lang``, or in Finnish and English (for the terminal) when no language is given."""
    key = problem_key(exc)
    if lang is not None:
        return i18n.text(key, lang, path=path)
    return f"{i18n.text(key, 'fi', path=path)} / {i18n.text(key, 'en', path=path)}"


def check(con: duckdb.DuckDBPyConnection) -> None:
    """Raises a ``duckdb.Error`` unless the connection reads a Kotoprofiili database."""
    con.execute(f"select count(*) from {REQUIRED_TABLE}").fetchall()
