"""The review as PDF: the HTML rendered by WeasyPrint (fonts from the system: DejaVu Sans, Debian's
fonts-dejavu-core)."""

from __future__ import annotations

from pipeline.report.review.html import render_html
from pipeline.report.review.model import Review


def render_pdf(review: Review) -> bytes:
    from weasyprint import HTML  # imported here: it takes a moment, and only the PDF needs it

    return HTML(string=render_html(review)).write_pdf()
