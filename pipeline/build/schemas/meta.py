"""Pandera models of the tables that describe the build itself (not SQL models)."""

from __future__ import annotations

from typing import Optional

import pandera.pandas as pa

from pipeline.build.schemas._base import Strict


class BuildInfo(Strict):
    built_at: str = pa.Field(str_matches=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
    build_seconds: float = pa.Field(ge=0)
    snapshots: str


class ValidationReport(Strict):
    table: str
    column: str
    check: str
    row: Optional[str] = pa.Field(nullable=True)
    failure_case: Optional[str] = pa.Field(nullable=True)
    source_file: Optional[str] = pa.Field(nullable=True)
    source_row: Optional[str] = pa.Field(nullable=True)
