"""The small-count rule holds in every output: the marts, ``profile``, ``indicators`` (text and JSON)."""

from __future__ import annotations

import json

import duckdb
import pytest

from pipeline import cli, paths
from pipeline.build import warehouse
from pipeline.disclosure import SYMBOL
from pipeline.registry import protection_policy

SYNTHETIC_ACTIVITY_ROW = "111,2025-01-01,2025-06-30,120,3,,2,,,synthetic_test,\n"  # made up in this test


@pytest.fixture
def small_counts_db(raw_root, tmp_path):
    """The bundled data plus a synthetic activity row with 3 clients (a small count) and 120 visits."""
    activity = tmp_path / "local" / "activity.csv"
    activity.write_text(activity.read_text(encoding="utf-8") + SYNTHETIC_ACTIVITY_ROW, encoding="utf-8")
    warehouse.build(progress=lambda _: None)
    return paths.database_path()


def test_no_table_users_read_holds_a_count_of_1_to_4(small_counts_db):
    with duckdb.connect(str(small_counts_db), read_only=True) as con:
        for table, rules in protection_policy().items():
            for rule in rules:
                count, applies = rule["count"], ""
                for column, values in rule.get("where", {}).items():  # only counts of persons (not meetings)
                    applies += f" and {column} in ({', '.join(repr(v) for v in values)})"
                small = con.execute(f"select count(*) from {table} where {count} between 1 and 4{applies}").fetchall()
                assert small == [(0,)], (table, count)
        hidden = con.execute(
            "select value, value_flag from local_activity where kunta_code = '111' "
            "and measure = 'clients' and period_start = '2025-01-01'"
        ).fetchall()
        meetings = con.execute(
            "select value, value_flag from local_activity where kunta_code = '111' "
            "and measure = 'network_meetings' and period_start = '2025-01-01'"
        ).fetchall()
        assert hidden == [(None, "confidential")] and meetings == [(2, None)]


def test_indicators_show_the_symbol_never_the_number(small_counts_db, capsys):
    assert cli.main(["indicators", "111"]) == 0
    text = capsys.readouterr().out
    clients_line = next(line for line in text.splitlines() if "Asiakkaat:" in line)
    assert SYMBOL in clients_line and " 3 " not in clients_line
    assert cli.main(["indicators", "111", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    clients = next(m for i in result for m in i["measures"] if m["measure_id"] == "clients")
    assert (clients["value"], clients["value_flag"], clients["status"]) == (None, "confidential", "local")
    visits = next(m for i in result for m in i["measures"] if m["measure_id"] == "dropin_visits")
    assert visits["value"] == 120.0


def test_profile_shows_the_symbol_for_hidden_arrivals(built_db, capsys):
    assert cli.main(["profile", "111", "--year", "2024"]) == 0
    text = capsys.readouterr().out
    quota_line = next(line for line in text.splitlines() if line.startswith("Kiintiöpakolaiset 2024"))
    assert "saapuneet 9 henkilöä / < 5 perhettä" in quota_line
    assert cli.main(["profile", "111", "--year", "2024", "--json"]) == 0
    quota = json.loads(capsys.readouterr().out)["quota_refugees"]
    assert (quota["arrived"], quota["arrived_families"], quota["arrived_families_flag"]) == (9, None, "confidential")
    assert "family" not in (quota["note"] or "")  # the source note naming the count is not carried


def test_a_hidden_share_takes_the_next_smallest_municipality_not_the_region(con):
    hidden = con.execute("""
        select m.name_fi, count(*) from foreign_language_speakers f
        join dim_municipality m on m.kunta_code = f.area_code
        where f.speakers_flag = 'confidential' and f.share_pct is null group by 1 order by 1""").fetchall()
    # Merijärvi and Sottunga imply under 5 persons in every year (the nearest year's population where the
    # year's own is unknown); Reisjärvi and Kökar are their regions' next smallest, hidden with them
    assert {name for name, _ in hidden} >= {"Merijärvi", "Reisjärvi", "Sottunga", "Kökar"}
    regions = con.execute(
        "select count(*) from foreign_language_speakers where area_level = 'region' and share_pct is null"
    ).fetchall()
    assert regions == [(0,)]
