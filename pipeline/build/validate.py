"""Validate every table of the database with its Pandera model, lazily, into one failure report.

Every table is validated: raw, staging, intermediate, marts, seeds and the build's own tables. A table
with no model is itself a failure. The report has one row per failure: table, column, check, row (in
the table), the failing value and, where the table keeps them, the raw file and the line or cell the
row came from.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from pipeline.build.frames import release_unused, to_pandas
from pipeline.build.schemas import checked_against_classification, schema_for

REPORT_COLUMNS = ["table", "column", "check", "row", "failure_case", "source_file", "source_row"]


def validate_database(con: duckdb.DuckDBPyConnection, skip: tuple[str, ...] = ()) -> pd.DataFrame:
    """All failures of all tables (an empty frame when everything passed)."""
    municipalities = set(con.sql("select kunta_code from stg_municipalities").df()["kunta_code"])
    merged = set(con.sql("select old_code from stg_municipality_mergers").df()["old_code"])
    regions = set(con.sql("select distinct region_code from stg_municipalities").df()["region_code"])
    tables = [r[0] for r in con.execute("select table_name from information_schema.tables order by 1").fetchall()]
    reports = []
    for table in tables:
        if table in skip:
            continue
        frame = to_pandas(con.table(table))
        model = schema_for(table)
        if model is None:
            reports.append(
                pd.DataFrame(
                    [
                        {
                            "table": table,
                            "column": "(table)",
                            "check": "has_a_pandera_model",
                            "row": None,
                            "failure_case": table,
                        }
                    ],
                    columns=REPORT_COLUMNS,
                )
            )
            continue
        classification = None
        if checked_against_classification(table, list(frame.columns)):
            staged_area = table.startswith("stg_") and "area_level" in frame.columns
            classification = (municipalities | merged if staged_area else municipalities, regions)
        reports.append(validate_frame(table, frame, model, classification))
        del frame
        release_unused()  # the frame's text columns, kept by the Arrow pool otherwise
    return pd.concat(reports, ignore_index=True)


def validate_frame(
    table: str,
    frame: pd.DataFrame,
    model: type[pa.DataFrameModel] | pa.DataFrameSchema,
    classification: tuple[set, set] | None = None,
) -> pd.DataFrame:
    """Failures of one table against its model (and the classification, when given)."""
    failures = []
    try:
        model.validate(frame, lazy=True)
    except SchemaErrors as exc:
        failures.append(exc.failure_cases)
    if classification is not None:
        try:
            in_classification(*classification).validate(frame, lazy=True)
        except SchemaErrors as exc:
            failures.append(exc.failure_cases)
    if not failures:
        return pd.DataFrame(columns=REPORT_COLUMNS)
    return _report(table, frame, pd.concat(failures, ignore_index=True))


def in_classification(municipalities: set, regions: set) -> pa.DataFrameSchema:
    """Every municipality and region code of an area table is in the municipality classification."""

    def known(df: pd.DataFrame) -> pd.Series:
        if "area_level" not in df.columns:
            return df["kunta_code"].isin(municipalities)
        return ((df["area_level"] != "municipality") | df["area_code"].isin(municipalities)) & (
            (df["area_level"] != "region") | df["area_code"].isin(regions)
        )

    check = pa.Check(known, name="area_code_in_classification")
    return pa.DataFrameSchema(checks=[check])


def _report(table: str, frame: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    cases = _one_per_row_for_dataframe_checks(frame, cases)
    report = pd.DataFrame(
        {
            "table": table,
            "column": cases["column"].fillna(cases["schema_context"]).astype(str),
            "check": cases["check"].astype(str),
            "row": cases["index"],
            "failure_case": cases["failure_case"].astype(str),
        }
    )
    rows = pd.to_numeric(report["row"], errors="coerce")
    for col in ("source_file", "source_row"):
        values = frame[col] if col in frame.columns else pd.Series(dtype=object)
        report[col] = [values.get(int(r)) if pd.notna(r) else None for r in rows]
    return report[REPORT_COLUMNS]


def _one_per_row_for_dataframe_checks(frame: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """A check across columns fails once per column of a row; report it once, with the row's key values."""
    wide = cases["schema_context"].eq("DataFrameSchema") & cases["index"].notna()
    if not wide.any():
        return cases
    keys = [c for c in frame.columns if c not in ("source_file", "source_row")][:4]
    rows = cases[wide].drop_duplicates(["check", "index"]).copy()
    rows["column"] = "(row)"
    rows["failure_case"] = [", ".join(f"{k}={frame.at[int(i), k]}" for k in keys) for i in rows["index"]]
    return pd.concat([cases[~wide], rows], ignore_index=True)


def describe(report: pd.DataFrame, limit: int = 20) -> str:
    """A readable summary of a failure report for the terminal."""
    lines = [f"{len(report)} validation failure(s):"]
    for _, r in report.head(limit).iterrows():
        where = f" ({r['source_file']}, {r['source_row']})" if pd.notna(r["source_file"]) else ""
        row = "" if pd.isna(r["row"]) else f" row {int(r['row'])}"
        lines.append(f"  {r['table']}.{r['column']}{row}: {r['check']} failed for value {r['failure_case']!r}{where}")
    if len(report) > limit:
        lines.append(f"  … and {len(report) - limit} more (see the full report)")
    return "\n".join(lines)
