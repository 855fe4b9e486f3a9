"""The municipality's own hand-kept files under ``data/local/``: kinds, templates, reading and validation.

A coordinator keeps figures that no statistics office publishes (the refugee quota, arrivals, the
activity of integration work, survey results) in a spreadsheet, one kind per file:
``<kind>.csv`` or ``<kind>.xlsx``, or ``<kind>_<anything>.csv|xlsx`` (``activity_2025.xlsx``).

File form (what :func:`write_template` writes):
- CSV: UTF-8 (a BOM, ``;`` as separator and Windows-1252 from Excel are accepted too). Lines starting
  with ``#`` are comments. The first other line is the header row: each column by its Finnish name
  (ASCII: ``kiintio``) or its English name (``quota``), any case, ``ä``/``ö`` allowed (``kiintiö``).
- XLSX: sheet ``data`` (else the first sheet) in the same form; a row whose first cell starts with
  ``#`` is a comment. Sheet ``ohje`` explains each column.

Reading returns the canonical English columns with their types, plus ``source_file`` and
``source_row`` (``line N`` = the physical line of a CSV, ``row N`` = the sheet row of an XLSX).
Every problem of a file (unreadable value, Pandera check, unknown municipality, missing or unknown
column) is collected and raised at once as one :class:`LocalFileError`, one line per problem, in

Modules: ``forms`` (constants and the expected form of each type), ``models`` (Pandera models), ``kinds``
(kinds and columns), ``tables`` (rows of a CSV/XLSX), ``problems`` (:class:`LocalFileError`), ``parse``,
``header`` and ``checks`` (parts of reading), ``read`` (one file, a directory), ``discover``,
``instructions``, ``templates`` and ``xlsx_template``. Everything public is importable from here.
"""

from __future__ import annotations

from pipeline.read.local_files.checks import ROW_CHECKS
from pipeline.read.local_files.discover import discover
from pipeline.read.local_files.forms import (
    PERIOD_PATTERN,
    SUFFIXES,
    THEME_ALIASES_FI,
    THEMES,
    YEAR_RANGE,
)
from pipeline.read.local_files.instructions import instructions
from pipeline.read.local_files.kinds import KINDS, LocalColumn, LocalKind, kind_spec
from pipeline.read.local_files.models import (
    ACTIVITY_COUNTS,
    ActivityModel,
    ArrivalsModel,
    GroupsModel,
    QuotaModel,
    SurveyModel,
)
from pipeline.read.local_files.parse import PARSERS, parse_date
from pipeline.read.local_files.problems import LocalFileError, display_path, format_problem
from pipeline.read.local_files.read import empty_frame, read_local_dir, read_local_file, read_local_snapshot
from pipeline.read.local_files.tables import Rows, UnreadableTable, cell_text, csv_rows, table_rows, xlsx_sheets
from pipeline.read.local_files.templates import template_text, write_template

__all__ = [
    "ACTIVITY_COUNTS",
    "KINDS",
    "PARSERS",
    "PERIOD_PATTERN",
    "ROW_CHECKS",
    "SUFFIXES",
    "THEMES",
    "THEME_ALIASES_FI",
    "YEAR_RANGE",
    "ActivityModel",
    "ArrivalsModel",
    "GroupsModel",
    "LocalColumn",
    "LocalFileError",
    "LocalKind",
    "QuotaModel",
    "Rows",
    "SurveyModel",
    "UnreadableTable",
    "cell_text",
    "csv_rows",
    "discover",
    "display_path",
    "empty_frame",
    "format_problem",
    "instructions",
    "kind_spec",
    "parse_date",
    "read_local_dir",
    "read_local_file",
    "read_local_snapshot",
    "table_rows",
    "template_text",
    "write_template",
    "xlsx_sheets",
]
