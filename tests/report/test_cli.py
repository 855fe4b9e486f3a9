"""The analyst's commands, run as the analyst runs them."""

from __future__ import annotations

import json

import pytest

from pipeline import cli


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_command_has_help_text():
    sub = next(a for a in cli.parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, command in sub.choices.items():
        assert command.description, name
        help_lines = {a.dest: a.help for a in command._actions if a.dest != "help"}
        assert all(help_lines.values()), (name, help_lines)
    assert {c.dest for c in sub._choices_actions if c.help} == set(sub.choices)


def test_refresh_then_status(raw_root, capsys):
    code, out, _ = run(capsys, "refresh")
    assert code == 0
    assert "foreign_language_speakers" in out and "20261123-bundled" in out
    code, out, _ = run(capsys, "status")
    assert code == 0
    assert "Built:" in out and "dim_municipality" in out


def test_profile_json_heinola_2024(built_db, capsys):
    code, out, _ = run(capsys, "profile", "111", "--year", "2024", "--json")
    assert code == 0
    p = json.loads(out)
    assert (p["kunta_code"], p["name_fi"], p["year"]) == ("111", "Heinola", 2024)
    assert (p["foreign_language_share_pct"], p["foreign_language_speakers"]) == (5.5, 988)
    assert (p["population"], p["population_status"]) == (17827, "preliminary")
    assert p["region"]["code"] == "07" and p["region"]["name_fi"] == "Päijät-Häme"
    assert p["region"]["foreign_language_share_method"] == "computed_estimate"
    assert p["country"]["foreign_language_speakers"] == 610148
    # published at display precision (one decimal), so no hidden share is an equation away
    assert p["country"]["foreign_language_share_pct"] == round(100 * 610148 / 5635971, 1)
    measures = {(s["area"], s["measure"]) for s in p["sources"]}
    assert ("municipality", "foreign_language_share_pct") in measures
    assert all(s["source"] and s["reference_date"] == "2024-12-31" for s in p["sources"])


def test_profile_unknown_count_is_null_not_zero(built_db, capsys):
    code, out, _ = run(capsys, "profile", "Lahti", "--json")
    p = json.loads(out)
    # the latest complete year (2025 has only a month's population): issue 12.1
    assert (code, p["kunta_code"], p["year"]) == (0, "398", 2024)
    assert p["foreign_language_speakers"] is None
    assert p["foreign_language_share_pct"] == 10.3
    assert p["population_status"] == "preliminary" and p["population"] is not None


@pytest.mark.parametrize("query", ["Heinola", "heinola", "KU111", "111"])
def test_profile_finds_by_code_or_name(built_db, capsys, query):
    code, out, _ = run(capsys, "profile", query, "--year", "2024")
    assert code == 0
    assert out.startswith("Heinola (111), 31.12.2024")
    assert "5,5\u00a0%" in out and "17\u00a0827*" in out


def test_profile_swedish_name(built_db, capsys):
    code, out, _ = run(capsys, "profile", "Helsingfors", "--json")
    assert json.loads(out)["kunta_code"] == "091"


def test_unknown_municipality_is_a_clear_error(built_db, capsys):
    code, _, err = run(capsys, "profile", "Heinol")
    assert code == 2
    assert "unknown municipality 'Heinol'" in err and "Heinola" in err


def test_unknown_year_is_a_clear_error(built_db, capsys):
    code, _, err = run(capsys, "profile", "111", "--year", "1999")
    assert code == 2
    assert "no figures for Heinola in 1999" in err and "2020, 2021, 2022, 2023, 2024, 2025" in err


def test_profile_without_database_says_how_to_build(raw_root):
    with pytest.raises(SystemExit, match="make refresh"):
        cli.main(["profile", "111"])


def test_profile_text_shows_a_hidden_share_as_dotdot(con, curated, capsys):
    """Issue 12.3: Sottunga 2024's hidden share read '–' (missing) in the CLI text."""
    code, out, _ = run(capsys, "profile", "Sottunga", "--year", "2024")
    line = next(line for line in out.splitlines() if line.startswith("  Sottunga "))
    assert code == 0 and line.split()[1:4] == ["..", "<", "5"]
