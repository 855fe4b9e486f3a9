"""A merged municipality's code leads to its successor with a note; an unknown code is said to be unknown."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from pipeline import cli, paths

APP = str(paths.ROOT / "dashboard" / "app.py")


def run(**params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(params)
    return at.run()


def test_a_link_with_pertunmaa_shows_mantyharju_with_a_note(curated):
    at = run(kunta="588", vuosi="2024")
    assert not at.exception
    assert at.title[0].value == "Mäntyharju"
    assert any("588 (Pertunmaa) ei ole enää käytössä" in i.value for i in at.info)


def test_a_link_with_an_unknown_code_says_so(curated):
    at = run(kunta="999", vuosi="2024")
    assert not at.exception
    assert any("Kuntanumeroa 999 ei tunneta" in w.value for w in at.warning)


def test_the_cli_leads_an_old_code_or_name_to_the_successor(curated, capsys):
    for query in ("588", "Pertunmaa"):
        assert cli.main(["profile", query, "--year", "2024"]) == 0
        captured = capsys.readouterr()
        assert captured.out.startswith("Mäntyharju (507)")
        assert "Pertunmaa (588) joined Mäntyharju (507)" in captured.err
    assert cli.main(["profile", "999"]) == 2
    assert "unknown municipality '999'" in capsys.readouterr().err


def test_helsinki_and_aland_say_in_words_why_they_have_no_wellbeing_county(curated):
    for code, words in (("091", "Helsinki järjestää itse"), ("766", "Ahvenanmaa on uudistuksen ulkopuolella")):
        at = run(kunta=code, vuosi="2024")
        assert not at.exception
        heading = " ".join(m.value for m in at.markdown)
        assert words in heading and "nan" not in heading.split()
