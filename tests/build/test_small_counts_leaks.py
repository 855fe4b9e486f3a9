"""Small counts that leaked on the landed code: through a change, and through columns the rule missed.
Every figure in these tests is synthetic (made here), never shown as real."""

from __future__ import annotations

import duckdb

from pipeline import paths
from pipeline.build import warehouse
from tests.conftest import add_snapshot

SYNTHETIC_TP = (
    "kuntakoodi,päivämäärä,lukumäärä\n"
    "111,2025-07-31,3\n111,2025-08-31,14\n"  # shown 14 with a change of 11 gave away the hidden 3
    "766,2025-07-31,2\n766,2025-08-31,0\n"  # Sottunga: 0 with a change of -2 gave away the hidden 2
    "560,2025-07-31,150\n560,2025-08-31,155\n"  # both shown: the change is shown
).encode()


def test_a_change_is_hidden_when_the_month_it_is_measured_from_is_hidden(raw_root):
    add_snapshot(raw_root, "temporary_protection", "synthetic.csv", SYNTHETIC_TP, "temporary_protection_table")
    warehouse.build(progress=lambda _: None)
    with duckdb.connect(str(paths.database_path()), read_only=True) as con:
        rows = con.execute(
            "select kunta_code, strftime(reference_date, '%Y-%m'), persons, persons_flag, change_from_previous "
            "from temporary_protection order by kunta_code, reference_date"
        ).fetchall()
    assert rows == [
        ("111", "2025-07", None, "confidential", None),
        ("111", "2025-08", 14, None, None),
        ("560", "2025-07", 150, None, None),
        ("560", "2025-08", 155, None, 5),
        ("766", "2025-07", None, "confidential", None),
        ("766", "2025-08", 0, None, None),
    ]


def test_integration_plans_are_counts_of_persons(raw_root, tmp_path):
    activity = tmp_path / "local" / "activity.csv"
    lines = activity.read_text(encoding="utf-8").splitlines()
    header = next(line for line in lines if not line.startswith("#"))
    columns = header.split(",")
    row = {c: "" for c in columns}
    row.update({columns[0]: "111", columns[1]: "2026-01-01", columns[2]: "2026-03-31"})
    plans = next(c for c in columns if c.startswith("kotoutumissuunnitel"))
    source = next(c for c in columns if c.startswith("lahde"))
    row.update({plans: "3", source: "synthetic test row"})
    activity.write_text("\n".join([*lines, ",".join(row[c] for c in columns)]) + "\n", encoding="utf-8")
    warehouse.build(progress=lambda _: None)
    with duckdb.connect(str(paths.database_path()), read_only=True) as con:
        shown = con.execute(
            "select value, value_flag from local_activity where kunta_code = '111' "
            "and measure = 'integration_plans' and period_start = '2026-01-01'"
        ).fetchall()
        indicator = con.execute(
            "select value, value_flag from indicator_values where kunta_code = '111' "
            "and measure_id = 'integration_plans' and period like '2026-01-01%'"
        ).fetchall()
    assert shown == [(None, "confidential")]
    assert indicator == [(None, "confidential")]
