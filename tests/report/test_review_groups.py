"""Joint reviews: a group from data/local/groups.csv or several municipalities, with the group's total
computed, labelled so and protected (no member's hidden count recoverable from it)."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.read.local_files import LocalFileError, read_local_file
from pipeline.report.review import Marts, build_review, render, resolve
from pipeline.report.review.totals import protected_total
from tests.report.test_review import SMALL_COUNT, pdf_text, squeeze

MAX_PAGES = 9  # two members: their indicator tables take a page or two more than one municipality's


@pytest.fixture(scope="module")
def marts(bundled_db):
    with duckdb.connect(str(bundled_db), read_only=True) as connection:
        yield Marts.load(connection)


def test_the_bundled_group_is_the_heinola_orimattila_programme(marts):
    subject = resolve(marts, ["heinola-orimattila"])
    assert [m["kunta_code"] for m in subject.members] == ["111", "560"]
    assert subject.name("fi") == "Heinola–Orimattila"
    assert "kotoutumisohjelma" in subject.group["source"]
    assert resolve(marts, ["Heinola–Orimattila"]).members == subject.members  # by name too


def test_joint_review_pdf_shows_both_members_and_the_computed_total(marts):
    review = build_review(marts, resolve(marts, ["heinola-orimattila"]), 2024, "fi")
    text, pages = pdf_text(render(review, "pdf"))
    flat = squeeze(text)
    assert "kunnassa Heinola 988 (5,5 % asukkaista) ja kunnassa Orimattila 726 (4,6 % asukkaista)" in flat
    # 988 + 726 = 1 714 of 17 827 + 15 651 = 33 478 residents: 5,1 %
    assert "Ryhmän Heinola–Orimattila kunnissa heitä oli yhteensä 1 714 (5,1 % asukkaista)" in flat
    assert "laskettu kuntien luvuista" in flat
    assert "Heinola–Orimattila yhteensä (laskettu) 5,1 % 1 714 33 478*" in flat  # the key-figures row
    assert "Orimattila gave up its refugee quota" in flat and "reception centre" in flat
    assert "Mittarit: Heinola" in flat and "Mittarit: Orimattila" in flat
    for chart in review.charts:
        assert squeeze(chart.sentence) in flat, chart.key
    assert not SMALL_COUNT.search(flat), SMALL_COUNT.search(flat)
    assert pages <= MAX_PAGES


def test_several_codes_are_a_joint_review_named_by_its_members(marts):
    review = build_review(marts, resolve(marts, ["111", "Orimattila"]), 2024, "en")
    assert review.name == "Heinola & Orimattila"
    assert review.key_figures.rows[2][:3] == ["Heinola & Orimattila total (computed)", "5.1%", "1,714"]


def test_a_total_with_a_hidden_member_is_not_shown():
    # synthetic members: one count hidden (1-4) -> the total minus the other would give it away
    total = protected_total([("synthetic A", 120, None), ("synthetic B", None, "confidential")])
    assert (total.value, total.flag, total.hidden_members) == (None, "confidential", ("synthetic B",))


def test_a_total_with_a_missing_member_is_not_computed_and_a_small_total_is_hidden():
    assert protected_total([("synthetic A", 120, None), ("synthetic B", None, "missing")]).missing_members == (
        "synthetic B",
    )
    assert protected_total([("synthetic A", 0, None), ("synthetic B", 0, None)]).value == 0  # zero is shown
    small = protected_total([("synthetic A", 0, None), ("synthetic B", 3, None)])  # a total of 1-4 is hidden
    assert (small.value, small.flag) == (None, "confidential")


def test_a_synthetic_group_review_with_a_hidden_member_says_why_the_total_is_missing(marts):
    from pipeline.report.review.figures import compute
    from pipeline.report.review.profile_text import group_total

    subject = resolve(marts, ["111", "560"])
    figs = compute(marts, subject, 2024)
    figs.members[1]["figures"].update(foreign_language_speakers=None, foreign_language_speakers_flag="confidential")
    figs.total = protected_total([("Heinola", 988, None), ("Orimattila", None, "confidential")])  # synthetic
    sentence = group_total(subject, figs, "fi")
    assert "yhteismäärää ei näytetä" in sentence and "Orimattila" in sentence and "988" not in sentence


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (["g1,A,A,A,111,doc,", "g1,A,A,A,111,doc,"], "kunta vain kerran ryhmässä g1"),
        (["g1,A,A,A,111,doc,", "g1,B,A,A,560,doc,"], "samat nimet ryhmän g1 jokaisella rivillä"),
        (["g1,A,A,A,999,doc,"], "olemassa olevan kunnan koodi"),
        (["G 1,A,A,A,111,doc,"], "ryhmän tunnus pienin kirjaimin"),
        (["g1,,A,A,111,doc,"], "pakollinen tieto puuttuu"),
    ],
)
def test_a_groups_file_with_an_error_names_the_line_and_the_expected_form(tmp_path, rows, expected):
    path = tmp_path / "groups.csv"  # synthetic groups
    path.write_text("ryhma,nimi_fi,nimi_sv,nimi_en,kuntakoodi,lahde,huomautus\n" + "\n".join(rows) + "\n")
    with pytest.raises(LocalFileError, match=expected) as failure:
        read_local_file("groups", path, municipality_codes={"111", "560"})
    assert "rivi/line" in str(failure.value)


def test_a_joint_review_with_a_hidden_member_shows_no_total_to_subtract_from(marts):
    # 766 Sottunga's count is hidden (1-4) in the bundled snapshot: Heinola's 988 is shown, and a total
    # would give Sottunga's count away (total - 988); it reads "..", never "< 5" (the total is not small)
    review = build_review(marts, resolve(marts, ["111", "766"]), 2024, "fi")
    total = next(row for row in review.key_figures.rows if row[0] == "Heinola & Sottunga yhteensä (laskettu)")
    assert total[1:3] == ["..", ".."]
    assert "kunnan Sottunga luku on salattu" in squeeze(" ".join(review.profile))
    text = squeeze(pdf_text(render(review, "pdf"))[0])
    assert "988" in text and "Heinola & Sottunga yhteensä (laskettu) .. .." in text
