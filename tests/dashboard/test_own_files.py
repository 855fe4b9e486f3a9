"""The impact page's own files (issue 12, item 10): templates to download and an upload that is checked,
confirmed, stored and built, driven in AppTest (``st.file_uploader`` takes bytes in Streamlit's AppTest)."""

from __future__ import annotations

from pipeline import paths
from pipeline.report import own_files
from tests.dashboard.pages import element_texts as rendered
from tests.dashboard.pages import run_page

IMPACT = "app_pages/impact.py"
HEADER = "kuntakoodi,vuosi,kiintio,hatatapaukset,lahde,huomautus\n"


def impact(monkeypatch, lang="fi"):
    at, _ = run_page(monkeypatch, IMPACT, kunta="111", vuosi="2024", lang=lang)
    return at


def test_the_page_offers_templates_and_an_upload_instead_of_a_command(curated, monkeypatch):
    at = impact(monkeypatch)
    text = "\n".join(rendered(at))
    assert "python -m pipeline template" not in text
    assert "Lisää omat tiedot" in text
    buttons = [b for b in at.get("download_button") if b.proto.id and "own_files_template" in b.proto.id]
    assert len(buttons) == len(own_files.kinds())
    assert len(at.file_uploader) == 1


def test_every_problem_of_an_upload_is_shown_in_the_pages_language_and_nothing_is_stored(
    curated, monkeypatch, tmp_path
):
    monkeypatch.setenv("KOTOPROFIILI_LOCAL", str(tmp_path / "local"))
    at = impact(monkeypatch, "sv")
    bad = HEADER + "111,kaksi,15,,vk_2025,\n111,2025,,,vk_2025,![x](https://evil.example/a.png)\n"
    at.file_uploader[0].set_value(("kiintio.csv", bad.encode(), "text/csv"))
    at.run()
    assert not at.exception
    assert "Filen har 2 problem" in at.error[0].value
    table = at.dataframe[0].value
    assert list(table.columns) == ["Fil", "Rad", "Kolumn", "Värde", "Förväntad form"]
    assert table.iloc[0].tolist() == ["kiintio.csv", "rad 2", "vuosi", "kaksi", "ett år, t.ex. 2025"]
    assert table.iloc[1, 4] == "ett obligatoriskt värde saknas: ett heltal ≥ 0, t.ex. 12"
    assert not any(b.label == own_files_label("sv") for b in at.button)
    assert not (tmp_path / "local").exists() or list((tmp_path / "local").iterdir()) == []


def own_files_label(lang: str) -> str:
    from pipeline import i18n

    return i18n.text("own_confirm", lang)


def test_a_confirmed_upload_is_stored_and_the_page_shows_the_new_figures(built_db, monkeypatch):
    at = impact(monkeypatch)
    good = HEADER + "111,2024,21,,vk_2024,\n560,2024,0,,vk_2024,\n"
    at.file_uploader[0].set_value(("quota.csv", good.encode(), "text/csv"))
    at.run()
    assert not at.exception
    info = at.info[0].value
    assert "quota.csv" in info and "kunnossa: 2 riviä" in info and "korvaa tiedoston `quota.csv`" in info
    assert (paths.local_dir() / "quota.csv").read_text(encoding="utf-8").count("111,2024,15") == 1  # not yet
    next(b for b in at.button if b.label == own_files_label("fi")).click().run(timeout=180)
    assert not at.exception, [e.value for e in at.exception]
    assert "Tallennettu quota.csv" in at.success[0].value
    assert (paths.local_dir() / "quota.csv").read_bytes() == good.encode()
    at.switch_page("app_pages/profile.py").run()
    assert "kiintiö oli 21" in "\n".join(rendered(at)).lower()
