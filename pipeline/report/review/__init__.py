"""The printed review (``python -m pipeline report``): a municipality's or a group's immigration profile
as PDF, Word or HTML.

- ``marts``: the mart tables, loaded once per run; ``subjects``: who it is about (codes, names, a group)
  and which year; ``figures`` and ``totals``: the figures, computed once (a group's total protected);
- ``profile_text``, ``chart_data``, ``indicator_table``, ``sources``: the sentences, charts and tables in the
  review's language, assembled by ``content.build_review`` into a ``model.Review``;
- ``charts`` (Matplotlib: SVG and 200 dpi PNG), ``html`` + ``review.css``, ``pdf`` (WeasyPrint), ``docx``
  (python-docx) render it; ``write`` writes files atomically (a temporary file renamed into place).
"""

from __future__ import annotations

from pipeline.report.review.content import build_review
from pipeline.report.review.marts import Marts
from pipeline.report.review.subjects import Subject, resolve, review_year
from pipeline.report.review.write import FORMATS, ReviewError, render, write_all, write_review

__all__ = [
    "FORMATS",
    "Marts",
    "ReviewError",
    "Subject",
    "build_review",
    "render",
    "resolve",
    "review_year",
    "write_all",
    "write_review",
]
