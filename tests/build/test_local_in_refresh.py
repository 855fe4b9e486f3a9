"""The municipality's own files in the refresh: a bad file fails it and keeps the previous database."""

from __future__ import annotations

import duckdb
import pytest

from pipeline import paths
from pipeline.build import warehouse
from tests.conftest import digest


def test_bundled_local_figures_reach_the_marts(con):
    quota = con.execute(
        "select year, quota, emergency_cases, arrived_persons, arrived_families, arrived_families_flag "
        "from quota_refugees where kunta_code = '111' order by year"
    ).fetchall()
    # 2023: 4 families, 2024: 1 family -- both hidden by the small-count rule; 9 persons in 2024 shown
    assert quota == [
        (2023, 15, 5, None, None, "confidential"),
        (2024, 15, 5, 9, None, "confidential"),
        (2025, 15, None, None, None, "missing"),
    ]
    assert con.execute("select quota from quota_refugees where kunta_code = '560' and year = 2024").fetchall() == [(0,)]


def test_kuntaliitto_survey_is_loaded_as_national_reference(con):
    rows = con.execute(
        "select question_id, answers, agree_pct, neutral_pct, disagree_pct, cannot_say_pct "
        "from kuntaliitto_survey order by question_id"
    ).fetchall()
    assert rows == [
        ("ready_to_start", 166, 49, 12, 35, 4),
        ("resources_sufficient", 157, 42, 12, 43, 3),
        ("roles_clear", 166, 35, 13, 47, 5),
    ]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("111,2026,kaksi,,test,", "kiintio"),
        ("999,2026,15,,test,", "999"),
        ("111,2026,-3,,test,", "-3"),
    ],
)
def test_bad_local_file_fails_refresh_names_file_row_column(raw_root, built_db, tmp_path, line, expected):
    before = digest(built_db)
    quota = tmp_path / "local" / "quota.csv"
    quota.write_text(quota.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    with pytest.raises(warehouse.BuildError) as info:
        warehouse.build(progress=lambda _: None)
    message = str(info.value)
    assert "quota.csv" in message and expected in message
    assert "rivi/line 8" in message  # the line the analyst added (7 lines above it)
    assert "odotettu" in message and "expected" in message
    assert digest(built_db) == before


def test_no_local_files_means_no_data_not_zero(raw_root, tmp_path):
    for f in (tmp_path / "local").glob("*.csv"):
        f.unlink()
    warehouse.build(progress=lambda _: None)
    with duckdb.connect(str(paths.database_path()), read_only=True) as con:
        assert con.execute("select count(*) from quota_refugees").fetchall() == [(0,)]
        statuses = con.execute(
            "select distinct status from indicator_values where indicator_id = 'monialainen_verkosto'"
        ).fetchall()
        assert statuses == [("no_data",)]


def test_problems_in_several_files_are_reported_together(raw_root, built_db, tmp_path):
    local = tmp_path / "local"
    for name, bad in (
        ("quota.csv", "111,2026,kaksi,,test,\n"),
        ("activity.csv", "111,2026-01-01,2026-06-30,-1,,,,,,test,\n"),
    ):
        (local / name).write_text((local / name).read_text(encoding="utf-8") + bad, encoding="utf-8")
    with pytest.raises(warehouse.BuildError) as info:
        warehouse.build(progress=lambda _: None)
    assert "quota.csv" in str(info.value) and "activity.csv" in str(info.value)


def test_overlapping_arrival_periods_fail_the_refresh_naming_both_lines(raw_root, built_db, tmp_path):
    """Issue 13: 1.1.–29.2.2024 (9 persons, bundled) and a synthetic 1.2.–31.3.2024 (12) were summed to 21."""
    before = digest(built_db)
    arrivals = tmp_path / "local" / "arrivals.csv"
    arrivals.write_text(
        arrivals.read_text(encoding="utf-8") + "111,2024-02-01,2024-03-31,12,,synthetic,\n", encoding="utf-8"
    )
    with pytest.raises(warehouse.BuildError) as info:
        warehouse.build(progress=lambda _: None)
    message = str(info.value)
    assert 'arrivals.csv, rivi/line 7, sarake/column "alkupaiva/loppupaiva" (period_start/period_end)' in message
    assert 'arvo/value "1.2.2024–31.3.2024"' in message
    assert "arrivals.csv, line 5 (1.1.2024–29.2.2024) covers part of it" in message
    assert digest(built_db) == before


def test_a_file_of_no_kind_is_named_in_a_warning_with_the_kinds(raw_root, tmp_path):
    local = tmp_path / "local"
    (local / "kiintio.csv").write_bytes((local / "quota.csv").read_bytes())  # the Finnish word: no kind
    said = []
    summary = warehouse.build(progress=said.append)
    (warning,) = summary.warnings
    assert "kiintio.csv" in warning and "quota, arrivals, activity, survey" in warning
    assert "matches no kind" in warning and "ei vastaa mitään lajia" in warning
    assert any("WARNING" in line and "kiintio.csv" in line for line in said)
    assert not any("README" in w for w in summary.warnings)
