"""Issue 12: what every page says reads right, in every language (AppTest on the bundled database)."""

from __future__ import annotations

import re

import pytest

from tests.dashboard.pages import (
    PAGES,
    cards,
    chart_texts,
    chart_tips,
    charts,
    download_texts,
    element_texts,
    run_page,
    strays,
    tables,
)

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


# -- 3. one hidden value, one notation -------------------------------------------------------------------


def test_a_hidden_share_reads_dotdot_and_a_hidden_count_under_five_everywhere(curated, monkeypatch):
    """Sottunga 2024: the share was '< 5' in a percent card, '–' in the comparison summary."""
    at, offered = run_page(monkeypatch, None, kunta="766", vuosi="2024")
    cards = {m.label: m.value for m in at.metric}
    assert cards["Sottunga"] == ".."
    body = " ".join(element_texts(at))
    assert "vieraskielisten osuus väestöstä .. (" in body
    assert "< 5 %" not in body.replace("\u00a0", " ")
    headline = offered[0][0]
    row = headline[headline.iloc[:, 0] == "Sottunga"].iloc[0]
    assert row["Vieraskielisten osuus: merkintä"] == ".."

    at, offered = run_page(monkeypatch, "app_pages/comparison.py", kunta="766", vuosi="2024")
    side = tables(at)[0].set_index("Kunta")
    assert side.loc["Sottunga", "2024"] == ".." and side.loc["Sottunga", "2021"].replace("\u00a0", " ") == "4,8 %"
    body = " ".join(element_texts(at))
    assert "Sottunga: .." in body  # the summary of the lines
    ranking = tables(at)[1]
    assert ranking.loc[ranking["Kunta"] == "Sottunga", "Osuus"].iloc[0] == ".."  # a share of a hidden count
    side_download = offered[0][0]
    assert set(side_download.loc[side_download["Kuntanumero"] == "766", "Merkintä"]) == {"", ".."}
    ranking_download = offered[1][0]
    hidden = ranking_download[ranking_download["Kuntanumero"] == "766"].iloc[0]
    assert hidden["Vieraskielisten osuus: merkintä"] == ".."


def _line_pieces(at, key: str, n: int) -> int:
    """How many separate pieces the ``n``-th line of a chart is drawn in (a gap starts a new one)."""
    figure = charts(at)[key]
    path = re.search(rf'<g id="{key}-line{n}">.*?<path d="([^"]+)"', figure).group(1)
    return path.count("M")


def test_a_line_is_broken_at_a_hidden_year_never_bridged(curated, monkeypatch):
    """Luhanka 2022 is hidden: the line has a gap there (it was drawn from 2021 straight to 2023)."""
    at, _ = run_page(monkeypatch, None, kunta="435", vuosi="2024")
    tips = [tip.replace("\u00a0", " ") for tip in chart_tips(at, "profile_trend")]
    assert next(tip for tip in tips if tip.startswith("2022:")).startswith("2022: Luhanka ..,")
    assert next(tip for tip in tips if tip.startswith("2021:")).startswith("2021: Luhanka 1,0 %,")
    assert _line_pieces(at, "profile_trend", 0) == 2  # 2020–2021 and 2023–2025
    assert _line_pieces(at, "profile_trend", 1) == 1  # the region's line has every year

    at, _ = run_page(monkeypatch, "app_pages/comparison.py", kunta="435", vuosi="2024")
    assert _line_pieces(at, "comparison_lines", 0) == 2


def test_missing_arrivals_are_no_zero_height_bar(curated, monkeypatch):
    """Heinola 2023: no arrivals recorded ('–'); the bar was drawn at 0. Now no bar: its symbol on the axis."""
    at, _ = run_page(monkeypatch, None, kunta="111", vuosi="2024")
    tips = chart_tips(at, "profile_quota")
    assert "Kiintiö 2023: 15" in tips and "Saapuneita henkilöitä 2024 (osa vuotta): 9" in tips
    assert not [tip for tip in tips if tip.startswith("Saapuneita henkilöitä 2023")]  # no bar, so no tooltip
    assert "–" in chart_texts(at, "profile_quota")  # the symbol where the bar would stand


# -- 6. language ---------------------------------------------------------------------------------------


def test_finnish_pages_carry_no_english_marks(curated, monkeypatch):
    """'ennakkotieto / preliminary' on the impact page and English licences on the sources page (Finnish pages)."""
    at, offered = run_page(monkeypatch, "app_pages/impact.py", kunta="111", vuosi="2024")
    body = " ".join(element_texts(at) + download_texts(offered))
    assert "preliminary" not in body and "(ennakkotieto)" in body
    at, _ = run_page(monkeypatch, "app_pages/sources.py", kunta="111", vuosi="2024")
    licences = next(text for text in element_texts(at) if text.startswith("Lisenssit:"))
    assert "Public" not in licences and "own data" not in licences
    assert "Suomen viranomaisten julkiset asiakirjat" in licences
    assert "Public" not in " ".join(tables(at)[0]["Lisenssi"].dropna())


def test_a_file_note_in_another_language_is_labelled_as_the_file_s_words(curated, monkeypatch):
    at, _ = run_page(monkeypatch, None, kunta="560", vuosi="2025")
    note = next(i.value for i in at.info if "reception centre" in i.value)
    assert note.startswith("Lähdetiedoston huomautus (tiedoston omalla kielellä): “")


def test_the_swedish_impact_page_asks_the_survey_questions_in_swedish(curated, monkeypatch):
    at, _ = run_page(monkeypatch, "app_pages/impact.py", kunta="111", vuosi="2024", lang="sv")
    words = " ".join(chart_texts(at))
    assert "Hur tillräckliga anser ni att resurserna" in words
    assert "Miten riittävänä" not in words and "Kunnassamme" not in words


def test_the_english_profile_names_the_county_in_english(curated, monkeypatch):
    at, _ = run_page(monkeypatch, None, kunta="111", vuosi="2024", lang="en")
    body = " ".join(element_texts(at))
    assert "Wellbeing services county: **Wellbeing services county of Päijät-Häme**" in body
    assert "Päijät-Hämeen hyvinvointialue" not in body


# -- 4. sentences that read right ------------------------------------------------------------------------


def test_a_trend_of_one_shown_year_is_one_year_not_twice_the_same(curated, monkeypatch):
    """Sottunga: '4,8 % vuonna 2021 ja 4,8 % vuonna 2021'."""
    at, _ = run_page(monkeypatch, None, kunta="766", vuosi="2024")
    body = " ".join(element_texts(at))
    assert "Sottunga: vieraskielisten osuus oli 4,8 % vuonna 2021." in body
    assert "vuonna 2021 ja 4,8 % vuonna 2021" not in body
    assert "Vuosien 2020, 2022, 2023, 2024, 2025 osuus on salattu (..)" in body


def test_a_part_year_count_against_a_full_year_quota_says_so(curated, monkeypatch):
    at, _ = run_page(monkeypatch, None, kunta="111", vuosi="2024")
    labels = chart_texts(at, "profile_quota")
    assert labels.index("2023") < labels.index("2024 (osa vuotta)")
    assert "Saapuneet on kirjattu vain osalta vuotta, kiintiö koskee koko vuotta" in " ".join(element_texts(at))


def test_a_measured_badge_is_never_over_a_measure_without_data(curated, monkeypatch):
    at, _ = run_page(monkeypatch, "app_pages/impact.py", kunta="111", vuosi="2024")
    badges = {card[0]: card[1] for card in cards(at)}
    assert badges["Työllisyyden ja elinvoimaisuuden kasvu"] == "Osittain: 3/4"  # 3 of its 4 measures have data
    assert badges["Kansainvälistyminen"] == "Mitattu"
    body = " ".join(e.proto.body for e in at.get("html"))
    assert '<span class="kp-badge kp-badge-orange">Osittain: 3/4</span>' in body
    assert '<span class="kp-badge kp-badge-green">Mitattu</span>' in body


def test_a_card_shows_the_words_of_a_file_as_text(curated, monkeypatch):
    """A source named in a file (synthetic here) with a tag, an image and a link stays words on the card."""
    from dashboard import data

    evil = "Kunta <b>lihava</b> ![x](https://evil.example/p.png) <img src=x onerror=alert(1)>"
    real = data.scorecard_cards

    def with_evil_sources(code, year=None):
        return tuple(
            tuple(tuple({**row, "source": evil} for row in rows) for rows in group) for group in real(code, year)
        )

    monkeypatch.setattr(data, "scorecard_cards", with_evil_sources)
    at, _ = run_page(monkeypatch, "app_pages/impact.py", kunta="111", vuosi="2024")
    body = " ".join(e.proto.body for e in at.get("html") if "kp-cards" in e.proto.body)
    assert "<b>" not in body and "<img" not in body and "&lt;img src=x onerror=alert(1)&gt;" in body
    assert f"Lähde: {evil}" in [line for card in cards(at) for line in card]  # as written
    assert "<strong>5,5\u00a0%</strong>" in body  # a value and its unit on one line (a no-break space)


def test_a_partial_year_stays_chosen_when_the_language_changes(curated, monkeypatch):
    at, _ = run_page(monkeypatch, None, kunta="111", vuosi="2025")
    at.radio(key="lang").set_value("sv").run()
    assert not at.exception and at.session_state["vuosi"] == 2025


# -- 11. the comparison: the choice in the link, the region and the country, counts ----------------------


def test_the_chosen_municipalities_come_from_the_link_and_go_back_into_it(curated, monkeypatch):
    at, _ = run_page(monkeypatch, "app_pages/comparison.py", kunta="111", vuosi="2024", vertaa="111,560,98")
    assert at.multiselect(key="comparison_kunnat").value == ["111", "560", "098"]
    assert list(tables(at)[0]["Kunta"]) == ["Heinola", "Orimattila", "Hollola"]
    at.multiselect(key="comparison_kunnat").unselect("560").run()
    assert at.query_params["vertaa"] == "111,098"


def test_the_region_and_the_country_can_be_added_and_counts_are_shown(curated, monkeypatch):
    at, offered = run_page(monkeypatch, "app_pages/comparison.py", kunta="111", vuosi="2024", vertaa="111,560")
    at.toggle(key="comparison_areas").set_value(True).run()
    side = tables(at)[0].set_index("Kunta")
    assert list(side.index) == ["Heinola", "Orimattila", "Päijät-Häme", "Koko maa"]
    assert side.loc["Päijät-Häme", "2024"].replace("\u00a0", " ") == "7,8 %"
    names = ["Heinola", "Orimattila", "Päijät-Häme", "Koko maa"]
    assert [w for w in chart_texts(at, "comparison_lines") if w in names] == names  # the legend, in order
    tips = [tip.replace("\u00a0", " ") for tip in chart_tips(at, "comparison_lines")]
    assert "2024: Heinola 5,5 % (988), Orimattila" in next(tip for tip in tips if tip.startswith("2024:"))
    at.segmented_control(key="comparison_measure").set_value("count").run()
    side = tables(at)[0].set_index("Kunta")
    assert side.loc["Heinola", "2024"].replace("\u00a0", " ") == "988"
    assert side.loc["Päijät-Häme", "2024"].replace("\u00a0", " ") == "15 950"
    ranking = tables(at)[1]
    assert ranking.loc[ranking["Kunta"] == "Heinola", "Vieraskielisiä"].iloc[0].replace("\u00a0", " ") == "988"


def test_sottunga_hidden_count_is_not_a_subtraction_away_from_aland(curated, monkeypatch):
    """With every Åland municipality and the region shown, a hidden count is never the only one hidden."""
    from dashboard import data

    fls = data.foreign_language_speakers()
    aland = data.municipalities().query("region_code == '21'")["kunta_code"]
    for year, rows in fls[(fls["area_level"] == "municipality") & fls["area_code"].isin(aland)].groupby("year"):
        hidden = rows["speakers"].isna().sum()
        assert hidden != 1, year


# -- 8. the map: region borders and the selected municipality marked --------------------------------------


def test_the_map_draws_region_borders_and_names_the_selected_municipality(curated, monkeypatch):
    at, _ = run_page(monkeypatch, "app_pages/comparison.py", kunta="111", vuosi="2024")
    figure = charts(at)["comparison_map"]
    borders = re.search(r'<g id="comparison_map-borders">(.*?)</g>', figure, re.S).group(1)
    assert re.search(r'd="([^"]+)"', borders).group(1).count("M") > 100  # the lines between the regions, one path
    assert "Heinola" in chart_texts(at, "comparison_map")
    assert 'class="kp-chart kp-map"' in figure  # given the page's width (up to 760 px), not a thumbnail
