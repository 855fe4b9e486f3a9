"""Issue 10 in the dashboard: the printed review's PDF and Word downloads on the profile page and the group
view (AppTest on the bundled database). The review is made only when a button is clicked: each button is
given a callable, which these tests capture where Streamlit registers it and call as a click would."""

from __future__ import annotations

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from pipeline import disclosure
from tests.dashboard.pages import element_texts, run_page, strays, tables
from tests.report.test_review import docx_text, pdf_text, squeeze

GROUP_PAGE = "app_pages/group.py"


@pytest.fixture
def deferred(monkeypatch):
    """Every deferred download the page registers: file name -> the callable a click runs."""
    made: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        made[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return made


def buttons(at) -> list[str]:
    """The review's buttons (the page's CSV/XLSX downloads are deferred too)."""
    labels = [str(b.proto.label) for b in at.get("download_button") if b.proto.deferred_file_id]
    return [label for label in labels if label.startswith(("Katsaus", "Översikten", "Review"))]


def test_profile_page_offers_the_review_as_pdf_and_word_made_on_click(curated, monkeypatch, deferred):
    at, _ = run_page(monkeypatch, kunta="111", vuosi="2024", lang="fi")
    assert buttons(at) == ["Katsaus (PDF)", "Katsaus (Word)"]
    assert {n for n in deferred if "maahanmuuttoprofiili" in n} == {
        "111_maahanmuuttoprofiili_2024_fi.pdf",
        "111_maahanmuuttoprofiili_2024_fi.docx",
    }
    pdf = deferred["111_maahanmuuttoprofiili_2024_fi.pdf"]()
    assert pdf[:5] == b"%PDF-"
    text, _ = pdf_text(pdf)
    assert "Heinola" in text and "988" in text and "5,5 %" in squeeze(text)
    docx = deferred["111_maahanmuuttoprofiili_2024_fi.docx"]()
    assert docx[:2] == b"PK"  # a DOCX is a zip
    flat = squeeze(docx_text(docx))
    assert "Heinola" in flat and "988" in flat and "5,5 %" in flat
    assert deferred["111_maahanmuuttoprofiili_2024_fi.pdf"]() is pdf  # kept: a second click costs nothing


def test_the_review_follows_the_page_language(curated, monkeypatch, deferred):
    at, _ = run_page(monkeypatch, kunta="111", vuosi="2024", lang="en")
    assert buttons(at) == ["Review (PDF)", "Review (Word)"]
    text = squeeze(docx_text(deferred["111_maahanmuuttoprofiili_2024_en.docx"]()))
    assert "Immigration profile 2024: Heinola" in text and "5.5%" in text


def test_group_view_shows_each_member_and_the_labelled_total(curated, monkeypatch, deferred):
    at, _ = run_page(monkeypatch, GROUP_PAGE, kunta="111", vuosi="2024", lang="fi", ryhma="heinola-orimattila")
    texts = squeeze(" ".join(element_texts(at)))
    assert at.title[0].value == "Heinola–Orimattila"
    metrics = {m.label: (squeeze(m.value), squeeze(m.proto.delta)) for m in at.metric}
    assert metrics["Heinola"][0] == "5,5 %" and "988" in metrics["Heinola"][1]
    assert metrics["Orimattila"][0] == "4,6 %" and "726" in metrics["Orimattila"][1]
    assert metrics["Heinola–Orimattila yhteensä (laskettu)"][0] == "5,1 %"
    assert "Vieraskielisiä: 1 714" in metrics["Heinola–Orimattila yhteensä (laskettu)"][1]
    assert "Koko maa" in texts  # the key-figures table goes on to the regions and the country
    assert at.query_params["ryhma"] == "heinola-orimattila"
    assert buttons(at) == ["Katsaus (PDF)", "Katsaus (Word)"]
    text, _ = pdf_text(deferred["heinola_orimattila_2024_fi.pdf"]())
    assert "Heinola–Orimattila yhteensä (laskettu) 5,1 % 1 714" in squeeze(text)


def test_group_link_of_codes_with_a_hidden_member_shows_no_total(curated, monkeypatch, deferred):
    # 766 Sottunga's count is hidden (1-4) in the bundled snapshot; Heinola's is 988.
    # With the total shown, total - 988 would be Sottunga's count: the total is hidden too.
    at, _ = run_page(monkeypatch, GROUP_PAGE, kunta="111", vuosi="2024", lang="fi", ryhma="111,766")
    assert at.session_state["group_members"] == ["111", "766"]
    metrics = {m.label: (squeeze(m.value), squeeze(m.proto.delta)) for m in at.metric}
    assert set(metrics) == {"Heinola", "Sottunga", "Heinola & Sottunga yhteensä (laskettu)"}
    assert "988" in metrics["Heinola"][1]
    total_share, total_line = metrics["Heinola & Sottunga yhteensä (laskettu)"]
    assert total_share == disclosure.SYMBOL_DERIVED
    assert f"Vieraskielisiä: {disclosure.SYMBOL_DERIVED} " in total_line  # no number a member's count comes from
    texts = squeeze(" ".join(element_texts(at)))
    assert "kunnan Sottunga luku on salattu" in texts
    table = tables(at)[0]
    total_row = table[table.iloc[:, 0] == "Heinola & Sottunga yhteensä (laskettu)"].iloc[0]
    assert list(total_row.iloc[1:3]) == [disclosure.SYMBOL_DERIVED, disclosure.SYMBOL_DERIVED]  # share, count
    assert at.query_params["ryhma"] == "111,766"


def test_group_view_with_one_municipality_asks_for_two(curated, monkeypatch):
    at, _ = run_page(monkeypatch, GROUP_PAGE, kunta="111", vuosi="2024", lang="sv", ryhma="111")
    assert [i.value for i in at.info] == ["Välj minst två kommuner."]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_group_view_reads_right_in_every_language(curated, monkeypatch, lang):
    at, _ = run_page(monkeypatch, GROUP_PAGE, kunta="111", vuosi="2024", lang=lang, ryhma="heinola-orimattila")
    texts = element_texts(at)
    assert strays(texts) == []  # no nan, None or empty brackets
    total = {"fi": "yhteensä (laskettu)", "sv": "totalt (beräknat)", "en": "total (computed)"}[lang]
    assert any(m.label == f"Heinola–Orimattila {total}" for m in at.metric)


def test_the_map_downloads_as_a_map_beside_the_ranking_table(curated, monkeypatch, deferred):
    """The comparison page's ranking is a table and a map: the files are named for what each holds."""
    at, _ = run_page(monkeypatch, "app_pages/comparison.py", kunta="111", vuosi="2024", lang="fi")
    assert {"kotoprofiili_jarjestys_2024.csv", "kotoprofiili_jarjestys_2024.xlsx"} <= set(deferred)
    assert "kotoprofiili_kartta_2024.png" in deferred and "kotoprofiili_jarjestys_2024.png" not in deferred
    png = deferred["kotoprofiili_kartta_2024.png"]()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"  # the map drawn, its title and source in it
