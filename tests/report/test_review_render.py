"""The PDF is made faster (issue 10, item 4) without changing it: the charts go to WeasyPrint as SVG
images instead of inline SVG, and one font configuration serves every review of a process. The PDF must
be the very same bytes as the inline-SVG rendering of the same review."""

from __future__ import annotations

from datetime import datetime

import pytest
from weasyprint import HTML

from pipeline.report.review import build_review, render, resolve
from pipeline.report.review.html import render_html
from tests.report.test_review import marts  # noqa: F401

MADE = datetime(2026, 12, 1, 12, 0)


@pytest.mark.parametrize(("queries", "lang"), [(["111"], "fi"), (["heinola-orimattila"], "sv")])
def test_the_pdf_is_the_same_as_from_inline_svg(marts, queries, lang):  # noqa: F811
    review = build_review(marts, resolve(marts, queries), 2024, lang, MADE)
    inline = render_html(review)
    assert inline.count("<svg") == len(review.charts) and "data:image/svg+xml" not in inline
    first, second = render(review, "pdf"), render(review, "pdf")  # the second with the reused font config
    assert first == second == HTML(string=inline).write_pdf()
