"""Numbers in the reader's language (``pipeline/formatting.py``): the marks each language writes."""

from __future__ import annotations

import pytest

from pipeline import formatting


@pytest.mark.parametrize(
    ("lang", "number", "percent", "points"),
    [
        ("fi", "−1 234,5", "−12,2\u00a0%", "−0,7\u00a0%-yks."),
        ("sv", "−1\u00a0234,5", "−12,2\u00a0%", "−0,7\u00a0procentenheter"),
        ("en", "-1,234.5", "-12.2%", "−0.7\u00a0pp"),
    ],
)
def test_a_negative_number_has_the_languages_minus_sign(lang, number, percent, points):
    """Finnish and Swedish write a minus sign (U+2212), as CLDR says and as a change in points already did;
    English the hyphen-minus. Downloads keep the hyphen-minus: Excel reads only that as a number."""
    assert formatting.number(-1234.5, lang, 1).replace("\u00a0", " ") == number.replace("\u00a0", " ")
    assert formatting.percent(-12.2, lang, 1) == percent
    assert formatting.points(-0.7, lang) == points
    assert formatting.number(1234.5, lang, 1).lstrip("−-") == formatting.number(1234.5, lang, 1)
