"""The mart tables a review reads, loaded once per run (``report --all`` reuses them for every municipality)."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

TABLES = (
    "foreign_language_speakers",
    "population",
    "dim_municipality",
    "quota_refugees",
    "temporary_protection",
    "unemployment",
    "population_by_language",
    "indicator_measures",
    "build_info",
)


@dataclass
class Marts:
    con: duckdb.DuckDBPyConnection
    tables: dict[str, pd.DataFrame]

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> Marts:
        tables = {name: con.table(name).df() for name in TABLES}
        have = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
        tables["municipality_groups"] = (
            con.table("municipality_groups").df() if "municipality_groups" in have else pd.DataFrame(
                columns=["group_id", "name_fi", "name_sv", "name_en", "kunta_code", "source"]
            )
        )  # fmt: skip
        return cls(con, tables)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def municipality(self, code: str) -> dict:
        rows = self["dim_municipality"]
        return rows[rows["kunta_code"] == code].iloc[0].to_dict()
