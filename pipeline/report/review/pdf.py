"""The review as PDF: the HTML rendered by WeasyPrint (fonts from the system: DejaVu Sans, Debian's
fonts-dejavu-core).

One WeasyPrint font configuration serves every review of a process (``report --all`` makes hundreds);
a lock keeps it to one render at a time (the dashboard makes reviews in threads).
"""

from __future__ import annotations

import threading
from functools import cache

from pipeline.report.review.html import render_html
from pipeline.report.review.model import Review

_LOCK = threading.Lock()


@cache
def _font_config():
    from weasyprint.text.fonts import FontConfiguration  # imported here: it takes a moment, only the PDF needs it

    return FontConfiguration()


def render_pdf(review: Review) -> bytes:
    from weasyprint import HTML

    html = render_html(review, svg_as="img")
    with _LOCK:
        return HTML(string=html).write_pdf(font_config=_font_config())
