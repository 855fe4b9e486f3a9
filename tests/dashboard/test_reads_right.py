"""Issue 12: what every page says reads right, in every language (AppTest on the bundled database)."""

from __future__ import annotations

import pytest

from tests.dashboard.pages import PAGES, chart_texts, download_texts, element_texts, run_page, strays

# Helsinki (no wellbeing services county), Sottunga (Åland; its share is hidden every year but 2021),
# Luhanka (its 2022 share hidden), Heinola on the plain link (no year)
VIEWS = [{"kunta": "091", "vuosi": "2024"}, {"kunta": "766", "vuosi": "2024"}, {"kunta": "435"}, {"kunta": "111"}]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("view", VIEWS, ids=lambda v: "_".join(v.values()))
def test_no_nan_none_nat_or_empty_parentheses_anywhere(curated, monkeypatch, page, lang, view):
    at, offered = run_page(monkeypatch, page, lang=lang, **view)
    assert strays(element_texts(at)) == []
    assert strays(chart_texts(at)) == []
    assert strays(download_texts(offered)) == []


@pytest.mark.parametrize(
    ("lang", "helsinki", "aland"),
    [
        ("fi", "Helsinki järjestää itse", "Ahvenanmaa on uudistuksen ulkopuolella"),
        ("sv", "Helsingfors ordnar själv", "Åland står utanför reformen"),
        ("en", "Helsinki organises its own", "Åland is outside the reform"),
    ],
)
def test_no_wellbeing_county_is_said_in_words(curated, monkeypatch, lang, helsinki, aland):
    for code, words in (("091", helsinki), ("766", aland)):
        at, _ = run_page(monkeypatch, None, kunta=code, vuosi="2024", lang=lang)
        assert words in " ".join(element_texts(at))
