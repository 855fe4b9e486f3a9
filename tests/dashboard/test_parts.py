"""A page's sections are computed once and shown by every session (``dashboard.parts``, issue 13.10)."""

from __future__ import annotations

import pytest

from dashboard import data, parts
from tests.dashboard.pages import run_page


def counting(monkeypatch, name: str) -> list[tuple]:
    """Every call of ``data.<name>`` from now on, by its arguments."""
    calls: list[tuple] = []
    real = getattr(data, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(data, name, counted)
    return calls


def shown(at) -> list[str]:
    return [str(e.value) for e in [*at.markdown, *at.caption, *at.header]] + [e.proto.body for e in at.get("html")]


def test_a_second_session_is_shown_the_same_sections_without_computing_them(curated, monkeypatch):
    calls = counting(monkeypatch, "ranking")
    first, offered = run_page(monkeypatch, "app_pages/comparison.py", kunta="111", vuosi="2024")
    offered_first = list(offered)  # (the second session's recorder also reports to the first's list)
    assert calls, "the first session computes the ranking"
    calls.clear()
    second, offered_second = run_page(monkeypatch, "app_pages/comparison.py", kunta="111", vuosi="2024")
    assert calls == []  # the ranked table, the map and the peers came from the first session's work
    assert shown(second) == shown(first)
    assert len(offered_second) == len(offered_first) == 3  # the download buttons are made in every run
    for (frame, about), (frame_first, about_first) in zip(offered_second, offered_first):
        assert about == about_first
        assert frame.equals(frame_first)


def test_another_language_or_year_is_computed_for_itself(curated, monkeypatch):
    calls = counting(monkeypatch, "ranking")
    run_page(monkeypatch, "app_pages/comparison.py", kunta="111", vuosi="2024")
    calls.clear()
    swedish, _ = run_page(monkeypatch, "app_pages/comparison.py", kunta="111", vuosi="2024", lang="sv")
    assert calls  # built anew in Swedish, not the Finnish page's words
    assert "Alla kommuner i rangordning 2024" in [str(e.value) for e in swedish.header]
    calls.clear()
    run_page(monkeypatch, "app_pages/comparison.py", kunta="111", vuosi="2023")
    assert calls and all(args[0] == 2023 for args in calls)


def test_a_new_database_version_builds_anew_and_the_language_must_be_the_runs(monkeypatch):
    built: list[tuple] = []

    @parts.built_once(max_entries=4)
    def section(version: str, code: str, language: str) -> parts.Parts:
        built.append((version, code, language))
        p = parts.Parts()
        p.markdown(f"{code} {version}")
        return p

    monkeypatch.setattr(parts, "lang", lambda: "fi")
    parts.forget()
    first = section("v1", "111", "fi")
    assert section("v1", "111", "fi") is first
    section("v2", "111", "fi")  # a refresh: the new database's version
    assert built == [("v1", "111", "fi"), ("v2", "111", "fi")]
    with pytest.raises(ValueError, match="'sv'.*'fi'"):
        section("v1", "111", "sv")  # built in Finnish words while asking for Swedish: refused
    parts.forget()
    section("v1", "111", "fi")
    assert built[-1] == ("v1", "111", "fi") and len(built) == 3  # forgotten: built again
