"""The printed review (``python -m pipeline report``) of Heinola 2024, read back from the PDF and the Word
file as a reader would: the real bundled figures, a sentence under every chart, no count of 1–4 persons."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document
from pypdf import PdfReader

from pipeline.report.review import Marts, build_review, render, resolve
from pipeline.report.review.charts import PNG_DPI

# a count of 1-4 persons written as a number next to what it counts (the rule shows these as "< 5")
SMALL_COUNT = re.compile(
    r"(?<![\d,.:/<~–−+])\b[1-4]\s+(henkilö|perhe|kiintiöpakolai|vieraskiel|asukas|person|famil|refugee)", re.I
)
MAX_PAGES = 6  # heading and profile, charts (two pages), indicators, sources


@pytest.fixture(scope="module")
def marts(bundled_db):
    import duckdb

    with duckdb.connect(str(bundled_db), read_only=True) as connection:
        yield Marts.load(connection)


@pytest.fixture(scope="module")
def heinola_fi(marts):
    return build_review(marts, resolve(marts, ["Heinola"]), 2024, "fi")


def pdf_text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def squeeze(text: str) -> str:
    """Spaces as one (a PDF's text breaks lines and writes the no-break space of ``5,5 %`` as a space)."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def test_the_review_has_four_to_six_charts_each_with_its_sentence(heinola_fi):
    assert 4 <= len(heinola_fi.charts) <= 6
    assert [c.key for c in heinola_fi.charts][:2] == ["share_trend", "region_place_07"]
    for chart in heinola_fi.charts:
        assert chart.sentence.endswith(".") and len(chart.sentence) > 30, chart.key
        assert chart.source, chart.key
    trend = heinola_fi.charts[0].sentence.replace("\u00a0", " ")
    assert "Heinola 3,9 % → 5,5 % (+1,6 %-yks.)" in trend and "Koko maa 7,8 % → 10,8 %" in trend


def test_pdf_of_heinola_2024_in_finnish(heinola_fi):
    text, pages = pdf_text(render(heinola_fi, "pdf"))
    flat = squeeze(text)
    assert "Maahanmuuttoprofiili 2024: Heinola" in flat
    assert "kunnassa Heinola 988 (5,5 % asukkaista)" in flat
    assert "Päijät-Häme" in flat and "Koko maa" in flat and "10,8 %" in flat
    assert "Kunnassa Heinola osuus kasvoi edellisestä vuodesta +0,5 %-yks." in flat
    assert "perheitä < 5" in flat  # Heinola's families arrived in 2024 are under five
    for chart in heinola_fi.charts:  # the sentence under every chart
        assert squeeze(chart.sentence) in flat, chart.key
    assert "Ei tietoa vielä" in flat  # the indicators without data said plainly
    assert "1 / " in flat and f"{pages} / {pages}" in flat  # page numbers
    assert "Lähde: Tilastokeskus (StatFin)" in flat  # the running footer
    assert not SMALL_COUNT.search(flat), SMALL_COUNT.search(flat)
    assert 3 <= pages <= MAX_PAGES
    assert "nan" not in flat.split() and "None" not in flat


def test_pdf_charts_are_vector_graphics(heinola_fi):
    reader = PdfReader(io.BytesIO(render(heinola_fi, "pdf")))
    images = sum(len(page.images) for page in reader.pages)
    assert images == 0  # no raster picture: the charts are drawn (SVG → PDF paths and text)
    assert "Päijät-Häme" in reader.pages[1].extract_text() + reader.pages[2].extract_text()


def test_docx_of_heinola_2024_with_word_headings_and_200_dpi_charts(heinola_fi):
    data = render(heinola_fi, "docx")
    doc = Document(io.BytesIO(data))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert ("Heading 1", "Maahanmuuttoprofiili") in headings
    assert ("Heading 1", "Lähteet ja määritelmät") in headings
    assert sum(1 for style, _ in headings if style == "Heading 3") == len(heinola_fi.charts)
    flat = squeeze(docx_text(data))
    assert "kunnassa Heinola 988 (5,5 % asukkaista)" in flat
    assert "Päijät-Häme" in flat and "Koko maa" in flat
    for chart in heinola_fi.charts:
        assert squeeze(chart.sentence) in flat, chart.key
    assert not SMALL_COUNT.search(flat), SMALL_COUNT.search(flat)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        pictures = [n for n in z.namelist() if n.startswith("word/media/")]
        assert len(pictures) == len(heinola_fi.charts)
        from PIL import Image

        for name in pictures:
            dpi = Image.open(io.BytesIO(z.read(name))).info["dpi"]
            assert round(dpi[0]) >= PNG_DPI, name
    assert "Lähde: Tilastokeskus" in doc.sections[0].footer.paragraphs[0].text


def test_html_is_one_document_with_inline_svg(heinola_fi):
    html = render(heinola_fi, "html").decode("utf-8")
    assert html.count("<svg") == len(heinola_fi.charts)
    assert "@page" in html and '<html lang="fi">' in html


def test_a_municipality_without_own_figures_says_so_and_still_has_four_charts(marts):
    review = build_review(marts, resolve(marts, ["Iitti"]), 2024, "fi")
    text = " ".join(review.profile)
    assert "lukumäärää kunnittain ei ole tässä aineistossa (Iitti)" in text
    assert "pakolaiskiintiöstä ja saapuneista ei ole omaa tietoa vuodelta 2024" in text
    assert 4 <= len(review.charts) <= 6


@pytest.mark.parametrize(
    ("lang", "title", "count", "country"),
    [
        ("sv", "Invandrarprofil 2024: Heinola", "i Heinola 988 (5,5 % av invånarna)", "Hela landet"),
        ("en", "Immigration profile 2024: Heinola", "988 in Heinola (5.5% of the residents)", "Whole country"),
    ],
)
def test_swedish_and_english_reviews_speak_their_language_and_its_numbers(marts, lang, title, count, country):
    review = build_review(marts, resolve(marts, ["111"]), 2024, lang)
    text, pages = pdf_text(render(review, "pdf"))
    flat = squeeze(text)
    assert title in flat and count in flat and country in flat
    assert "Maahanmuuttoprofiili" not in flat and "Koko maa" not in flat
    assert ("17 827" if lang == "sv" else "17,827") in flat
    assert 3 <= pages <= MAX_PAGES


def test_a_part_year_count_of_arrivals_is_labelled_so_against_the_whole_years_quota(heinola_fi):
    """Heinola's 2024 arrivals cover 1.1.-29.2. and 1.4.-30.6.2024 only: the bar and the sentence say it
    (the same rule as the dashboard's, pipeline/report/quota.py)."""
    [chart] = [c for c in heinola_fi.charts if c.key == "quota"]
    assert chart.categories == ["2023", "2024 (osa vuotta)"]
    assert "kiintiö 15, saapuneita 9" in chart.sentence
    assert "Saapuneet on kirjattu vain osalta vuotta" in chart.sentence


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_review_says_where_a_missing_figure_comes_from_in_words_not_commands(marts, lang):
    """Iitti has no own figures and the snapshot lacks some measures: each is said, for the board, in words."""
    from tests.test_catalog import COMMAND

    review = build_review(marts, resolve(marts, ["Iitti"]), 2024, lang)
    text = squeeze(re.sub(r"<[^>]+>", " ", render(review, "html").decode("utf-8")))
    assert not COMMAND.search(text), COMMAND.search(text)
    hint = {"fi": "Lisää omat tiedot", "sv": "Lägg till egna uppgifter", "en": "Add your own data"}[lang]
    assert hint in text  # the own figures are added on the dashboard's impact page
