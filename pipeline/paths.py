"""Where things live. Every path can be overridden by an environment variable for tests."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def raw_dir() -> Path:
    """The raw snapshot: one folder per dataset, write-once files with sidecars."""
    return Path(os.environ.get("KOTOPROFIILI_RAW", ROOT / "data" / "raw"))


def curated_dir() -> Path:
    """Where the built DuckDB and the validation report are written (never committed)."""
    return Path(os.environ.get("KOTOPROFIILI_CURATED", ROOT / "data" / "curated"))


def local_dir() -> Path:
    """The municipality's own hand-kept files."""
    return Path(os.environ.get("KOTOPROFIILI_LOCAL", ROOT / "data" / "local"))


def database_path() -> Path:
    return curated_dir() / "kotoprofiili.duckdb"


SQL_DIR = ROOT / "sql"
