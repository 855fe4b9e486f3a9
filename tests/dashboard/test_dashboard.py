"""The dashboard's pages, run by Streamlit's AppTest on the database built from the bundled snapshot.

Values are compared as rendered (Finnish numbers have babel's no-break space: ``5,5\u00a0%``).
"""

from __future__ import annotations

import io
import re
import shutil

import duckdb
import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pipeline import paths
from tests.dashboard.pages import cards, chart_texts, chart_tips, charts, table_frame, tables

APP = str(paths.ROOT / "dashboard" / "app.py")  # AppTest resolves relative paths against this file
PAGES = ["app_pages/profile.py", "app_pages/comparison.py", "app_pages/impact.py", "app_pages/sources.py"]


def run_app(page: str | None = None, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update(params)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: plain(m.value) for m in at.metric}


def texts(at: AppTest) -> str:
    words = [e.value for e in [*at.markdown, *at.caption, *at.title, *at.header, *at.subheader]]
    return plain("\n".join(words + [line for card in cards(at) for line in card]))


# -- profile -------------------------------------------------------------------------------------------


def test_profile_shows_heinola_2024_with_region_and_country(curated):
    at = run_app(kunta="111", vuosi="2024")
    assert at.title[0].value == "Heinola"
    cards = metrics(at)
    assert cards["Heinola"] == "5,5 %"
    assert at.metric[0].value == "5,5\u00a0%"  # the exact string the app renders
    assert plain(at.metric[0].delta) == "+0,5 %-yks."
    assert cards["Päijät-Häme"] == "7,8 %"
    assert cards["Koko maa"] == "10,8 %"
    assert cards["Vieraskielisiä"] == "988"
    assert cards["Väkiluku"] == "17 827"
    assert [m.delta for m in at.metric if m.label == "Väkiluku"] == ["ennakkotieto"]
    body = texts(at)
    assert "Maakunta: **Päijät-Häme**" in body and "Päijät-Hämeen hyvinvointialue" in body
    assert (
        "Heinola 31.12.2024: vieraskielisten osuus väestöstä 5,5 % (muutos vuodesta 2023 +0,5 %-yks.), "
        "vieraskielisiä 988. Vertailu: Päijät-Häme 7,8 %, koko maa 10,8 %."
    ) in body
    assert "Päijät-Häme: laskettu kuntien luvuista (arvio)" in body  # computed figures say so
    assert "Väkiluku on ennakkotieto: Heinola 31.12.2024." in body
    assert "Tilanne: 31.12.2024" in body
    assert at.query_params == {"kunta": "111", "vuosi": "2024", "lang": "fi"}


def test_profile_count_not_in_snapshot_and_comparison_years_missing(curated):
    at = run_app(kunta="111", vuosi="2025")
    cards = metrics(at)
    assert cards["Heinola"] == "5,8 %"
    assert "Vieraskielisiä" not in cards  # a phrase, not a figure: a card of words
    assert "**ei tiedossa tässä aineistossa**" in texts(at)
    # 2025 region and country come from the bundled 11rl totals (a computed share, never a filled-in one)
    assert cards["Päijät-Häme"] == "8,4 %" and cards["Koko maa"] == "11,4 %"
    assert "Väkiluku 31.1.2025" in cards


def test_default_view_is_heinola_in_the_latest_complete_year(curated):
    """Issue 12.1: the plain link opened on 2025, whose population is of 31.1.2025 (only part of the figures)."""
    at = run_app()
    assert at.title[0].value == "Heinola"
    assert at.session_state["vuosi"] == 2024
    assert at.query_params["vuosi"] == "2024"
    assert metrics(at)["Väkiluku"] == "17 827"  # the year-end population, not a month's
    year = at.selectbox(key="vuosi")
    # as the list shows them: a mark of no language, so that a language switch keeps the chosen year
    assert year.options[:2] == ["2025 ◐", "2024"]


def test_switching_municipality_by_url(curated):
    at = run_app(kunta="111", vuosi="2024")
    at.query_params["kunta"] = "560"
    at.run()
    assert at.title[0].value == "Orimattila"
    assert metrics(at)["Orimattila"] == "4,6 %"


def test_switching_municipality_by_selectbox_updates_the_link(curated):
    at = run_app(kunta="111", vuosi="2024")
    at.selectbox(key="kunta").set_value("560").run()
    assert not at.exception
    assert at.title[0].value == "Orimattila"
    assert metrics(at)["Orimattila"] == "4,6 %"
    assert at.query_params["kunta"] == "560"
    at.selectbox(key="kunta").set_value("398").run()  # a second change sticks too
    assert at.title[0].value == "Lahti"


def test_unknown_parameters_fall_back(curated):
    at = run_app(kunta="999", vuosi="1900", lang="xx")
    assert at.title[0].value == "Heinola"
    assert at.query_params == {"kunta": "111", "vuosi": "2024", "lang": "fi"}


def test_english(curated):
    at = run_app(kunta="111", vuosi="2024")
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    cards = metrics(at)
    assert cards["Heinola"] == "5.5%"
    assert cards["Whole country"] == "10.8%"
    assert cards["Foreign-language speakers"] == "988"
    assert "Region: **Päijät-Häme**" in texts(at)
    assert at.query_params["lang"] == "en"
    assert at.selectbox(key="kunta").label == "Municipality"


def test_swedish_names_from_the_link(curated):
    at = run_app(kunta="111", vuosi="2024", lang="sv")
    assert metrics(at)["Päijänne-Tavastland"] == "7,8 %"
    assert "Landskap: **Päijänne-Tavastland**" in texts(at)


def test_the_municipalities_are_listed_in_the_languages_own_order_everywhere(curated):
    """Swedish and Finnish put Å before Ä and Ö at the end of the alphabet (Unicode has Ä before Å): the
    sidebar and the comparison's choice list them alike."""
    at = run_app("app_pages/comparison.py", kunta="111", vuosi="2024", lang="sv")
    sidebar = list(at.selectbox(key="kunta").options)  # as shown: the names
    compared = list(at.multiselect(key="comparison_kunnat").options)
    assert compared == sidebar and len(sidebar) == 308
    assert sidebar[-4:] == ["Åbo", "Äänekoski", "Östermark", "Övertorneå"]  # Turku, Teuva, Ylitornio
    assert sidebar.index("Vörå") < sidebar.index("Åbo")


def test_breakdowns_say_plainly_they_are_not_in_the_offline_snapshot(curated):
    at = run_app(kunta="111", vuosi="2024", lang="en")
    body = texts(at)
    assert "The residents' mother tongues are not in this data (a stored snapshot)." in body
    assert "Population by age and sex is not in this data" in body
    assert "Population by citizenship is not in this data" in body
    assert body.count("administrator refreshes the data online from Statistics Finland") == 3
    breakdowns = {"profile_kielet", "profile_kansalaisuudet", "profile_age_sex"}
    assert not breakdowns & set(charts(at))  # never an empty chart


def test_profile_of_a_municipality_with_a_hidden_share(curated):
    at = run_app(kunta="483", vuosi="2024")  # Merijärvi: count under 5 → share hidden with it
    cards = metrics(at)
    assert cards["Merijärvi"] == ".." and cards["Vieraskielisiä"] == "< 5"  # a share of a hidden count: ..
    # secondary suppression takes the region's next smallest municipality, so the region's figure stays
    assert cards["Pohjois-Pohjanmaa"] == "4,6 %"
    assert "”< 5” = alle viisi henkilöä, salattu." in texts(at)


# -- comparison ----------------------------------------------------------------------------------------


def test_comparison_ranks_all_municipalities_and_finds_ten_peers(curated):
    at = run_app("app_pages/comparison.py", kunta="111", vuosi="2024")
    side, ranking, peers = tables(at)
    side = side.set_index("Kunta")
    assert list(side.index) == ["Heinola", "Lahti", "Hollola", "Orimattila", "Asikkala", "Iitti"]
    assert plain(side.loc["Heinola", "2024"]) == "5,5 %"
    assert len(ranking) == 308
    assert ranking.iloc[0]["Kunta"] == "Vantaa"
    heinola = ranking[ranking["Kunta"] == "Heinola"].iloc[0]
    assert (heinola["Sija"], plain(heinola["Osuus"])) == ("98", "5,5 %")
    ranking_block = next(e.proto.body for e in at.get("html") if 'class="kp-scroll"' in e.proto.body)
    marked = re.findall(r'<tr class="kp-chosen">(.*?)</tr>', ranking_block)
    assert len(marked) == 1 and "<td>Heinola</td>" in marked[0]  # the municipality looked at, marked
    # 304 shares shown in 2024: Merijärvi and Sottunga (under 5 persons) and Reisjärvi and Kökar with them are hidden
    assert "Heinola on sijalla 98 / 304: osuus 5,5 %. Kunnan rivi on korostettu taulukossa." in texts(at)
    assert len(peers) == 10 and "Heinola" not in set(peers["Kunta"])
    assert pd.to_numeric(peers["Etäisyys"].str.replace(",", ".")).is_monotonic_increasing
    assert "samankaltaiset kunnat" in texts(at)
    assert set(charts(at)) == {"comparison_lines", "comparison_map"}


def test_comparison_selection_follows_the_municipality(curated):
    at = run_app("app_pages/comparison.py", kunta="111", vuosi="2024")
    at.selectbox(key="kunta").set_value("091").run()
    assert not at.exception
    assert at.multiselect(key="comparison_kunnat").value[0] == "091"
    assert len(tables(at)[1]) == 308
    ranking_block = next(e.proto.body for e in at.get("html") if 'class="kp-scroll"' in e.proto.body)
    [marked] = re.findall(r'<tr class="kp-chosen">(.*?)</tr>', ranking_block)
    assert "<td>Helsinki</td>" in marked  # the drawn ranking is the new municipality's, not the one before
    at.radio(key="lang").set_value("sv").run()
    ranking_block = next(e.proto.body for e in at.get("html") if 'class="kp-scroll"' in e.proto.body)
    assert "<th>Kommun</th>" in ranking_block and "<td>Helsingfors</td>" in ranking_block  # and in Swedish


# -- sources -------------------------------------------------------------------------------------------


def test_sources_page_shows_licences_validation_and_reconciliation(curated):
    at = run_app("app_pages/sources.py")
    body = texts(at)
    assert "Lisenssit: CC BY 4.0" in body
    sources = tables(at)[0]
    assert "CC BY 4.0" in set(sources["Lisenssi"])
    assert any("kolmannen osapuolen kopiosta" in kind for kind in sources["Miten luvut on saatu"])
    assert at.success[0].value.startswith("Kaikki tarkistukset menivät läpi")
    assert "Alle viiden henkilön lukumäärät (1–4) on salattu" in body
    reconciliation = tables(at)[-1]  # after the sources and the technical table
    assert set(reconciliation["Rajoissa"]) == {"kyllä"}


def _outside_expanders(node) -> list[str]:
    """The words of every element under ``node`` that is not folded into an expander."""
    if getattr(node, "type", None) == "expander":
        return []
    if hasattr(node, "children"):
        return [text for child in node.children.values() for text in _outside_expanders(child)]
    if getattr(node, "type", None) == "html" and 'class="kp-table' in node.proto.body:
        frame = table_frame(node.proto.body)
        return [str(c) for c in frame.columns] + [str(v) for v in frame.to_numpy().ravel()]
    value = getattr(node, "value", None)
    return [value] if isinstance(value, str) else []


DEVELOPER_TERMS = re.compile(r"-bundled|-local\b|\d{8}T\d{6}Z|data/|\.csv|\.json|\.yaml|\b[a-z]+_[a-z_]+\b|`")


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_sources_page_speaks_to_the_coordinator(curated, lang):
    """Issue 12.8: what each source is, its date, licence and how it was got, in plain words; snapshot ids,
    dataset codes and file paths only under "Tekniset tiedot"."""
    at = run_app("app_pages/sources.py", lang=lang)
    shown = _outside_expanders(at.main)
    assert [text for text in shown if DEVELOPER_TERMS.search(text)] == []
    sources = tables(at)[0]
    assert len(sources) >= 10 and sources.notna().all().all()
    assert "Tilastokeskus, StatFin 159t" in " ".join(sources.iloc[:, 1])  # the publisher's citation
    assert (
        at.expander[0].label == {"fi": "Tekniset tiedot", "sv": "Tekniska uppgifter", "en": "Technical details"}[lang]
    )
    technical = " ".join(str(v) for v in tables(at.expander[0])[0].to_numpy().ravel())
    assert "20261123-bundled" in technical and "data/local/quota.csv" in technical


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_small_count_rule_is_said_once_under_a_short_heading(curated, monkeypatch, lang):
    """The sources page and every XLSX's about sheet name the rule in a few words and state it once (the
    rule's whole text was the heading, then the paragraph under it said it again)."""
    from dashboard import components
    from pipeline import i18n
    from tests.dashboard.pages import run_page

    rule = i18n.text("small_count_rule", lang)
    at = run_app("app_pages/sources.py", lang=lang)
    headings = [str(h.value) for h in at.subheader]
    assert rule not in headings and i18n.text("small_count_rule_title", lang) in headings
    assert sum(rule in str(m.value) for m in at.markdown) == 1
    _, offered = run_page(monkeypatch, "app_pages/comparison.py", kunta="111", vuosi="2024", lang=lang)
    frame, about = offered[0]
    for module in ("dashboard.i18n", "dashboard.components"):  # the file is made on a click, in the page's language
        monkeypatch.setattr(f"{module}.lang", lambda: lang)
    book = openpyxl.load_workbook(io.BytesIO(components._xlsx(frame, about)))
    notes = " ".join(str(row[0]) for row in book.worksheets[1].iter_rows(values_only=True))
    assert notes.count(rule) == 1 and i18n.text("small_count_rule_title", lang) in notes


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_every_language_runs(curated, page, lang):
    run_app(page, kunta="560", vuosi="2023", lang=lang)


# -- robustness ----------------------------------------------------------------------------------------


def test_missing_database_says_who_builds_it_and_how(tmp_path, monkeypatch):
    # a coordinator has no terminal: the page says who acts (the administrator) and what they run
    monkeypatch.setenv("KOTOPROFIILI_CURATED", str(tmp_path))
    at = run_app()
    assert "Kotoprofiilin ylläpitäjä" in at.error[0].value and "make refresh" in at.error[0].value


def test_added_columns_and_absent_flags_break_nothing(bundled_db, tmp_path, monkeypatch):
    shutil.copy(bundled_db, tmp_path / "kotoprofiili.duckdb")
    with duckdb.connect(str(tmp_path / "kotoprofiili.duckdb")) as con:
        con.execute("alter table foreign_language_speakers drop column speakers_flag")
        con.execute("alter table foreign_language_speakers add column something_new varchar default 'x'")
        con.execute("alter table population add column another integer")
    monkeypatch.setenv("KOTOPROFIILI_CURATED", str(tmp_path))
    at = run_app(kunta="111", vuosi="2024")
    assert metrics(at)["Heinola"] == "5,5 %"
    run_app("app_pages/comparison.py", kunta="111", vuosi="2024")


def test_downloads_carry_sources_and_the_small_count_rule(curated):
    from dashboard import components

    frame = pd.DataFrame({"kunta": ["Merijärvi"], "vieraskielisiä": [None], "merkintä": ["< 5"], "lähde": ["x"]})
    workbook = openpyxl.load_workbook(io.BytesIO(components._xlsx(frame, ["Lähde: x", "Tilanne: 31.12.2024"])))
    assert workbook.sheetnames == ["tiedot", "lähteet"]
    notes = [row[0] for row in workbook["lähteet"].iter_rows(values_only=True)]
    assert "Tilanne: 31.12.2024" in notes and any("Alle viiden henkilön" in str(n) for n in notes)
    assert components._csv(frame).decode("utf-8-sig").splitlines()[1] == "Merijärvi;;< 5;x"


def test_live_breakdowns_are_drawn_when_fetched(raw_root, monkeypatch):
    """After ``refresh --online`` (synthetic PxWeb answers) the three sections become charts with summaries."""
    import responses

    from pipeline import cli
    from pipeline.extract.pxweb import PxWebClient
    from tests.extract import synthetic_pxweb

    original = PxWebClient.from_registry.__func__
    monkeypatch.setattr(
        PxWebClient, "from_registry", classmethod(lambda cls, reg, **kw: original(cls, reg, sleep=lambda _: None, **kw))
    )
    with responses.RequestsMock() as rsps:
        synthetic_pxweb.serve(rsps)
        assert cli.main(["refresh", "--online"]) == 0
    at = run_app(kunta="111", vuosi="2024")
    keys = set(charts(at))
    assert {"profile_trend", "profile_kielet", "profile_kansalaisuudet", "profile_age_sex"} <= keys
    body = texts(at)
    assert "Suurimmat vieraskieliset kieliryhmät: " in body
    assert "Eniten ulkomaiden kansalaisia: " in body
    assert "Suurin ikäryhmä on " in body
    assert "ei ole tässä aineistossa" not in body


# -- temporary protection and quota refugees (profile) ---------------------------------------------------


def test_profile_shows_temporary_protection_and_quota_against_arrivals(curated):
    at = run_app(kunta="111", vuosi="2024")
    assert metrics(at)["30.9.2025"] == "42"
    body = texts(at)
    assert "30.9.2025: 42 tilapäistä suojelua saavaa, joilla on kotikunta Heinola." in body
    assert "Vuodelta 2024 ei ole kuukausilukua; uusin luku on 30.9.2025." in body
    # 9 persons shown; 1 family hidden by the small-count rule, never the number
    assert (
        "Vuonna 2024 kiintiö oli 15; saapuneita kirjattu 9 henkilöä ja < 5 perhettä "
        "(1.1.2024–29.2.2024; 1.4.2024–30.6.2024)."
    ) in body
    assert "Saapumiset on kirjattu vain mainituilta ajanjaksoilta; puuttuva tieto ei ole nolla." in body


def test_a_reception_centre_jump_is_explained(curated):
    at = run_app(kunta="560", vuosi="2025")
    assert metrics(at)["30.9.2025"] == "155"
    assert "profile_quota" not in charts(at)  # quota 0, no arrivals: no chart
    assert any("reception centre" in i.value for i in at.info)
    assert "Vuonna 2024 kiintiö oli 0; saapumisia ei ole kirjattu." in texts(at)


def test_municipality_without_programme_data_says_how_to_add_it(curated):
    body = texts(run_app(kunta="398", vuosi="2024"))
    assert "Maahanmuuttoviraston kuntakohtaisessa taulukossa" in body  # where the monthly counts are
    assert "täytä pohjat ”Kiintiöpakolaiset – kuntapaikat” ja ”Saapuneet kiintiöpakolaiset”" in body
    assert "kohdassa Lisää omat tiedot" in body  # where they are added, in the dashboard itself


# -- impact indicators -----------------------------------------------------------------------------------


def test_impact_page_shows_twelve_indicators_in_four_groups(curated):
    at = run_app("app_pages/impact.py", kunta="111", vuosi="2025")
    assert at.title[0].value == "Kotoutumisen vaikuttavuus: Heinola"
    assert [h.value for h in at.subheader][:4] == [
        "Hyvinvointi",
        "Kaupunki/kunta",
        "Palveluiden saatavuus ja laatu",
        "Toiminta ja talous",
    ]
    body = texts(at)
    assert "**2 mitattu · 1 omaa tietoa · 9 ei tietoa vielä (12 mittarista)**" in body
    shown = cards(at)
    assert len(shown) == 12 and all(card[1] for card in shown)  # each card: its title, then its status badge
    assert "Vieraskielisten osuus väestöstä: **5,8 %** (2025) · ↑ edellinen 2024: 5,5 %" in body
    assert (
        "Verkostotapaamiset: **4** (1.1.2024–31.12.2024) · ↑ edellinen 1.1.2023–31.12.2023: 3 · parempaan suuntaan"
    ) in body
    assert (
        "Osallisuuden kokemus (kysely): **ei tietoa vielä** · Täytä pohja ”Asiakaskyselyt” ja lisää se sivun "
        "lopussa kohdassa Lisää omat tiedot."
    ) in body  # no terminal command: the page offers the template and the upload (issue 12.10)
    assert "StatFin tyokay" in body  # a live-only measure says where it would come from


def test_impact_page_follows_the_year(curated):
    body = texts(run_app("app_pages/impact.py", kunta="111", vuosi="2023"))
    assert "Vieraskielisten osuus väestöstä: **5 %** (2023)" in body or "**5,0 %** (2023)" in body
    assert "Verkostotapaamiset: **3** (1.1.2023–31.12.2023)" in body


def test_impact_page_in_english_and_the_national_reference(curated):
    at = run_app("app_pages/impact.py", kunta="111", vuosi="2025", lang="en")
    body = texts(at)
    assert "Impact of integration work: Heinola" in body
    assert "Internationalisation" in body and "No data yet" in body
    assert "National reference: Kuntaliitto's municipal survey 2023" in body
    assert (
        "Of the municipalities, 42% found the resources for integration sufficient and 43% insufficient "
        "(157 answers)." in body
    )


def test_swedish_captions_carry_swedish_definitions(curated):
    body = texts(run_app(kunta="111", vuosi="2024", lang="sv"))
    assert "Personer med främmande modersmål är de vars registrerade modersmål är annat än finska" in body


def test_the_map_draws_every_municipality_once_with_its_share(curated):
    """The map is an SVG drawn on the server: each of the 308 municipalities is one shape with a tooltip of its
    share as the page writes it (a hidden one ``..``), and the selected municipality is named on it."""
    at = run_app("app_pages/comparison.py", kunta="111", vuosi="2024")
    tips = [plain(tip) for tip in chart_tips(at, "comparison_map")]
    assert len(tips) == 308 == len(set(tips))
    assert "Heinola: 5,5 %" in tips and "Sottunga: .." in tips and "Vantaa: 28,7 %" in tips
    assert sum(tip.endswith(": ..") for tip in tips) == 4  # Merijärvi, Sottunga, Reisjärvi, Kökar
    assert "Heinola" in chart_texts(at, "comparison_map")  # named beside its mark


def test_the_map_is_sent_compact(curated):
    """The map's SVG is what the browser parses on every link: each area's outline as the points after a
    moveto (SVG draws the lines between them without an ``L`` each), its fill an attribute and its white
    edge from the page's style sheet, not the same style written out 308 times."""
    from dashboard import components

    at = run_app("app_pages/comparison.py", kunta="111", vuosi="2024")
    figure = charts(at)["comparison_map"]
    areas = re.findall(
        r'<g id="comparison_map-m(\d{3})"><title>[^<]*</title> <path d="([^"]+)" fill="#[0-9a-f]{6}" class="kp-area"',
        figure,
    )
    assert len(areas) == 308
    for code, outline in areas:
        assert re.fullmatch(r"(M( -?[\d.]+ -?[\d.]+)+ z )+", outline), code  # pairs of numbers after each M
    assert "stroke-width: 0.3" not in figure
    assert ".kp-map .kp-area {stroke: #ffffff; stroke-width: 0.3;}" in components.CARD_CSS
