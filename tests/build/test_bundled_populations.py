"""The bundled StatFin populations (11re final 31.12. from 2015, vamuu 11lj month ends 2024M01-2025M01)."""

from __future__ import annotations


def test_heinola_populations_equal_the_published_ones(con):
    rows = con.execute(
        "select year, population, population_status from population where area_level = 'municipality' "
        "and area_code = '111' and is_year_end and year between 2020 and 2023 order by year"
    ).fetchall()
    assert rows == [(2020, 18497, "final"), (2021, 18344, "final"), (2022, 18131, "final"), (2023, 17953, "final")]


def test_national_population_2020_and_the_first_year(con):
    assert con.execute(
        "select population, method from population where area_level = 'country' and reference_date = '2020-12-31'"
    ).fetchone() == (5533793, "published")
    assert con.execute("select min(year) from population").fetchone() == (2015,)


def test_preliminary_month_ends_of_2024_are_the_revised_ones(con):
    """11lj (updated 2025-02-25) revised 2024M07: 5 623 303, where the earlier copy had 5 619 399."""
    assert con.execute(
        "select population, population_status from population where area_level = 'country' "
        "and reference_date = '2024-07-31'"
    ).fetchone() == (5623303, "preliminary")
    months = con.execute(
        "select count(distinct reference_date) from population where area_code = '111' and year = 2024"
    ).fetchone()
    assert months == (12,)


def test_a_final_figure_wins_over_a_preliminary_one(con):
    """2024: the final whole-country 5 635 971 (quoted) over the preliminary 2024M12 5 637 214 (11lj)."""
    assert con.execute(
        "select population, population_status from population where area_level = 'country' "
        "and reference_date = '2024-12-31'"
    ).fetchone() == (5635971, "final")


def test_region_and_country_shares_exist_for_2020_to_2024(con):
    rows = con.execute(
        "select area_level, count(distinct year) from foreign_language_speakers "
        "where area_level in ('region', 'country') and share_pct is not null and year between 2020 and 2024 "
        "group by 1 order by 1"
    ).fetchall()
    assert rows == [("country", 5), ("region", 5)]


def test_2025_region_counts_are_the_transcribed_11rl_totals(con):
    rows = con.execute(
        "select area_code, speakers, share_pct, speakers_method, share_method, speakers_source "
        "from foreign_language_speakers where year = 2025 and area_code in ('07', 'SSS') order by area_level"
    ).fetchall()
    (country, region) = rows
    assert region[:5] == ("07", 17148, 8.4, "published", "computed")  # Päijät-Häme 31.12.2025
    assert "transcribed totals" in region[5]
    assert country[:5] == ("SSS", 646392, 11.4, "computed", "computed")  # the sum of the 19 regions


def test_each_figure_cites_the_file_it_came_from(con):
    (population_source,) = con.execute(
        "select source from population where area_code = '111' and reference_date = '2023-12-31'"
    ).fetchone()
    (share_source,) = con.execute(
        "select share_source from foreign_language_speakers where area_code = '111' and year = 2024"
    ).fetchone()
    assert population_source == "Tilastokeskus, StatFin 11re (väestö 31.12., lopullinen)"
    assert share_source == "Tilastokeskus, StatFin 159t, vieraskielisten osuus (vaesto_kieli_ulk_p)"
