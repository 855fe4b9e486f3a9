"""The translation catalog: every key in fi, sv and en; no silent fall-back; each language's page speaks it."""

from __future__ import annotations

import re
import string

import pytest

from pipeline import i18n, paths, registry

ROOT = paths.ROOT
# A command, a flag or a folder of the repository: words for whoever runs Kotoprofiili, not for its readers
COMMAND = re.compile(r"python -m|\bmake (refresh|run|test|check|bench)\b|\B--[a-z]|data/local/")
FOR_THE_OPERATOR = {"no_database", "db_unreadable"}  # the page has nothing else to show: who runs it must act


def test_every_key_has_fi_sv_and_en():
    keys = {lang: set(i18n.catalog(lang)) for lang in i18n.LANGUAGES}
    everything = set().union(*keys.values())
    missing = {lang: sorted(everything - have) for lang, have in keys.items() if everything - have}
    assert missing == {}


def test_every_text_is_a_non_empty_string_with_the_same_placeholders_in_every_language():
    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, fi in i18n.catalog("fi").items():
        for lang in ("sv", "en"):
            other = i18n.catalog(lang)[key]
            assert isinstance(other, str) and other.strip(), (lang, key)
            assert fields(other) == fields(fi), (lang, key)


def test_every_dataset_and_own_file_kind_has_a_title_and_definition():
    for lang in i18n.LANGUAGES:
        for name in registry.datasets():
            assert i18n.dataset_title(name, lang) and i18n.dataset_definition(name, lang)
        for kind in registry.local_kinds():
            assert i18n.text(f"local.{kind}.title", lang) and i18n.text(f"local.{kind}.definition", lang)


def test_a_missing_key_is_an_error_not_finnish(monkeypatch):
    monkeypatch.setitem(i18n.catalog("sv"), "only_in_finnish", "x")
    del i18n.catalog("sv")["only_in_finnish"]
    with pytest.raises(i18n.MissingText, match="sv.yaml has no text for 'only_in_finnish'"):
        i18n.text("only_in_finnish", "sv")


def test_no_translated_text_is_left_in_the_registry():
    text = (registry.REGISTRY_PATH).read_text(encoding="utf-8")
    assert not re.search(r"^\s+(title|definition)_(fi|sv|en):", text, re.M)


def only_in(lang: str) -> set[str]:
    """Long texts of a language that no other language's catalog has (the marks of that language)."""
    others = set().union(*(set(i18n.catalog(other).values()) for other in i18n.LANGUAGES if other != lang))
    return {v for v in i18n.catalog(lang).values() if len(v) > 30 and "{" not in v and v not in others and "`" not in v}


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_a_page_speaks_only_its_own_language(curated, lang):
    """Render every page in one language and look for the other languages' texts."""
    from streamlit.testing.v1 import AppTest

    foreign = set().union(*(only_in(other) for other in i18n.LANGUAGES if other != lang))
    for page in ("app_pages/profile.py", "app_pages/comparison.py", "app_pages/impact.py", "app_pages/sources.py"):
        at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=60)
        at.query_params["lang"] = lang
        at.query_params["kunta"] = "111"
        at.run()
        at.switch_page(page).run()
        assert not at.exception, page
        shown = " ".join(str(e.value) for e in [*at.markdown, *at.caption, *at.title, *at.header, *at.subheader])
        leaked = sorted(text for text in foreign if text in shown)
        assert leaked == [], (lang, page)
        helps = " ".join(str(w.help or "") for kind in ("selectbox", "multiselect") for w in at.get(kind))
        assert not COMMAND.search(shown + " " + helps), (lang, page, COMMAND.search(shown + " " + helps))


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_no_text_for_the_coordinator_or_the_board_tells_them_to_run_a_command(lang):
    """The pages and the printed review say where a missing figure comes from in words; a command line is
    for the analyst (the README and the CLI), never for the people who read the figures."""
    told = {key: text for key, text in i18n.catalog(lang).items() if COMMAND.search(text)}
    assert set(told) <= FOR_THE_OPERATOR, sorted(set(told) - FOR_THE_OPERATOR)
