"""The curated database built from the bundled snapshot, and what a failed refresh leaves behind."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from pipeline import paths
from pipeline.build import warehouse
from tests.conftest import add_snapshot, bundled_file, digest


def one(con, sql, *params):
    return con.execute(sql, list(params)).fetchall()[0]


# -- what the bundled snapshot gives ---------------------------------------------------------------------


def test_every_municipality_of_the_current_division_is_classified(con):
    assert one(con, "select count(*), count(distinct region_code) from dim_municipality") == (308, 19)
    assert one(
        con,
        "select name_fi, name_sv, region_name_fi, wellbeing_county_code from dim_municipality where kunta_code = '111'",
    ) == ("Heinola", "Heinola", "Päijät-Häme", "PH")
    # Helsinki belongs to no wellbeing services county
    assert one(con, "select wellbeing_county_code from dim_municipality where kunta_code = '091'") == (None,)


def test_shares_for_all_municipalities_2020_to_2025(con):
    assert one(
        con,
        "select count(distinct area_code), min(year), max(year) from foreign_language_speakers "
        "where area_level = 'municipality'",
    ) == (308, 2020, 2025)
    # a share is missing only where the small-count rule hid it
    assert one(
        con,
        "select count(*) from foreign_language_speakers where area_level = 'municipality' "
        "and share_pct is null and speakers_flag is distinct from 'confidential'",
    ) == (0,)
    assert one(
        con,
        "select share_pct, share_method from foreign_language_speakers "
        "where area_level = 'municipality' and area_code = '111' and year = 2024",
    ) == (5.5, "published")


def test_unknown_counts_stay_null_and_quoted_counts_name_their_document(con):
    rows = con.execute(
        "select area_code, speakers, speakers_source from foreign_language_speakers "
        "where area_level = 'municipality' and year = 2024 and speakers is not null "
        "order by area_code"
    ).fetchall()
    assert [(code, n) for code, n, _ in rows] == [("111", 988), ("560", 726)]
    assert all(src.startswith("Heinolan ja Orimattilan kaupunkien kotoutumisohjelma") for *_, src in rows)
    assert one(
        con,
        "select speakers from foreign_language_speakers where area_level = 'municipality' "
        "and area_code = '398' and year = 2024",
    ) == (None,)


def test_pertunmaa_is_harmonised_into_mantyharju_not_dropped(con, build_con):
    raw = build_con.execute(
        "select area_code, population from stg_population where reference_date = '2023-12-31' "
        "and area_code in ('507', '588') order by 1"
    ).fetchall()
    merged = one(
        con,
        "select population, method from population where area_level = 'municipality' "
        "and area_code = '507' and reference_date = '2023-12-31'",
    )
    assert merged == (raw[0][1] + raw[1][1], "harmonised")
    assert one(con, "select count(*) from population where area_code = '588'") == (0,)


def test_country_population_2023_computed_equals_published(con):
    assert one(
        con,
        "select computed, published from reconciliation where measure = 'population' and reference_date = '2023-12-31'",
    ) == (5603851, 5603851)


def test_foreign_language_reconciliation_2023(con, build_con):
    # The collection's PROVENANCE reports 558 486 from shares x populations with Pertunmaa left out;
    # harmonised onto the 2025 division (Pertunmaa's people counted with Mäntyharju) it is 558 552.
    computed, published = one(
        con,
        "select computed, published from reconciliation "
        "where measure = 'foreign_language_speakers' and reference_date = '2023-12-31'",
    )
    assert (computed, published) == (558552, 558294)
    without_pertunmaa = one(
        build_con,
        """
        select round(sum(f.value * p.population / 100)) from stg_foreign_language_speakers f
        join stg_population p on p.area_code = f.area_code and p.reference_date = '2023-12-31'
        where f.year = 2023 and f.area_level = 'municipality'""",
    )[0]
    assert without_pertunmaa == 558486


def test_region_and_country_are_labelled_computed_or_published(con):
    rows = con.execute(
        "select area_level, year, speakers_method, share_method from foreign_language_speakers "
        "where area_level in ('region', 'country') and area_code in ('07', 'SSS') "
        "order by area_level, year"
    ).fetchall()
    # 2020-2022 are computed too since the bundled snapshot has the final populations of those years
    assert rows == [
        *[("country", y, "computed_estimate", "computed_estimate") for y in (2020, 2021, 2022)],
        ("country", 2023, "published", "computed"),
        ("country", 2024, "published", "computed"),
        ("country", 2025, "computed", "computed"),  # the sum of the 19 regions' 11rl totals
        *[("region", y, "computed_estimate", "computed_estimate") for y in (2020, 2021, 2022, 2023, 2024)],
        ("region", 2025, "published", "computed"),
    ]


def test_preliminary_population_is_flagged(con):
    assert one(
        con,
        "select population, population_status from population where area_level = 'municipality' "
        "and area_code = '111' and reference_date = '2024-12-31'",
    ) == (17827, "preliminary")
    assert one(
        con,
        "select population, population_status, method from population where area_level = 'country' "
        "and reference_date = '2024-12-31'",
    ) == (5635971, "final", "published")


def test_live_only_tables_exist_and_are_empty_offline(con):
    for table in ("population_by_language", "population_by_age_group", "population_by_citizenship"):
        assert one(con, f"select count(*) from {table}") == (0,)


def test_sources_say_where_each_dataset_came_from(con):
    src = con.table("sources").df().set_index("source_key")
    assert src.loc["foreign_language_speakers", "snapshot_id"] == "20261201-bundled"
    assert src.loc["foreign_language_speakers", "licence"] == "CC BY 4.0"
    assert "ennakkoväkiluku" in src.loc["population", "citation"]
    assert pd.isna(src.loc["population_by_language", "snapshot_id"])


# -- a failed refresh leaves the previous database exactly as it was ---------------------------------------


def refresh_fails(match: str) -> warehouse.BuildError:
    with pytest.raises(warehouse.BuildError, match=match) as info:
        warehouse.build(progress=lambda _: None)
    return info.value


def test_duplicate_key_fails_and_keeps_previous_database(raw_root, built_db):
    before = digest(built_db)
    figures = bundled_file("published_figures", "figures.csv")
    duplicated = figures + figures.splitlines(keepends=True)[1]
    add_snapshot(raw_root, "published_figures", "figures.csv", duplicated, "published_figures_csv")

    error = refresh_fails("validation failure")
    assert digest(built_db) == before
    assert set(error.report["table"]) == {"stg_published_figures"}
    assert "figures.csv" in error.report["source_file"].iloc[0]
    report = pd.read_csv(paths.curated_dir() / "validation_report.csv")
    assert len(report) == len(error.report)
    assert not list(paths.curated_dir().glob("*.tmp-*"))


def test_negative_count_names_table_column_file_and_line(raw_root, built_db):
    before = digest(built_db)
    csv = bundled_file("population", "population_2023_final_and_2024M07_2025M01_prelim_long.csv")
    broken = csv.replace(
        b"Heinola,07,P\xc3\xa4ij\xc3\xa4t-H\xc3\xa4me,2023-12-31,final_31dec,17953",
        b"Heinola,07,P\xc3\xa4ij\xc3\xa4t-H\xc3\xa4me,2023-12-31,final_31dec,-17953",
    )
    assert broken != csv
    add_snapshot(raw_root, "population", "population.csv", broken, "kuukausiraportti_population_long_csv")

    error = refresh_fails("stg_population.population")
    failure = error.report[error.report["table"] == "stg_population"].iloc[0]
    assert (failure["column"], failure["failure_case"]) == ("population", "-17953")
    assert failure["source_file"].endswith("population.csv")
    lines = csv.decode().splitlines()
    heinola_2023 = next(i for i, line in enumerate(lines, start=1) if line.startswith("111,") and "2023-12-31" in line)
    assert failure["source_row"] == f"line {heinola_2023}"
    assert digest(built_db) == before


def test_text_in_a_number_column_names_file_line_and_column(raw_root, built_db):
    before = digest(built_db)
    figures = bundled_file("published_figures", "figures.csv").replace(b",988,", b",n/a,")
    add_snapshot(raw_root, "published_figures", "figures.csv", figures, "published_figures_csv")

    refresh_fails(r"figures.csv: line 2, column 'value': 'n/a' is not a number")
    assert digest(built_db) == before


@pytest.mark.parametrize("damage", ["delete", "corrupt"])
def test_missing_or_corrupted_raw_file_fails_and_keeps_previous_database(raw_root, built_db, damage):
    before = digest(built_db)
    path = next((raw_root / "foreign_language_speakers").glob("*/foreign_language_municipal.json"))
    if damage == "delete":
        path.unlink()
    else:
        path.write_bytes(path.read_bytes()[:-100])
    refresh_fails("foreign_language_municipal.json: raw file is " + ("missing" if damage == "delete" else "corrupted"))
    assert digest(built_db) == before


def test_reconciliation_outside_tolerance_fails(raw_root, built_db):
    before = digest(built_db)
    figures = bundled_file("published_figures", "figures.csv").replace(b",558294,", b",500000,")
    add_snapshot(raw_root, "published_figures", "figures.csv", figures, "published_figures_csv")

    error = refresh_fails("reconciliation.within_tolerance")
    assert set(error.report["table"]) == {"reconciliation"}
    assert digest(built_db) == before


def test_unknown_municipality_code_fails_the_classification_check(raw_root, built_db):
    shares = bundled_file("foreign_language_speakers", "foreign_language_municipal.json")
    add_snapshot(
        raw_root,
        "foreign_language_speakers",
        "shares.json",
        shares.replace(b'"111":', b'"999":'),
        "statfin_159t_share_json",
    )
    error = refresh_fails("area_code_in_classification")
    staged = error.report[error.report["table"] == "stg_foreign_language_speakers"]
    assert len(staged) == 6  # one line per year of the unknown code
    assert set(error.report["table"]) == {"stg_foreign_language_speakers", "foreign_language_speakers"}
    assert staged["failure_case"].iloc[0] == "area_level=municipality, area_code=999, year=2020, measure=share_pct"
    assert staged["source_row"].iloc[0] == 'key ["999"]["2020"]'


def test_successful_refresh_replaces_database_and_records_build(raw_root, built_db):
    warehouse.build(progress=lambda _: None)
    with duckdb.connect(str(built_db), read_only=True) as con:
        info = con.table("build_info").df().iloc[0]
        assert "foreign_language_speakers=20261201-bundled" in info["snapshots"]
        assert one(con, "select count(*) from validation_report") == (0,)
