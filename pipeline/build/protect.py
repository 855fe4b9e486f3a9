"""Apply the small-count rule to a mart in the database, as ``pipeline/sources.yaml`` declares it.

Called right after the mart is built (before any model that reads it, and before validation), so no
table users read ever holds a count of 1-4. The rule itself is ``pipeline/disclosure.py``.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from pipeline import registry
from pipeline.build.frames import to_pandas
from pipeline.disclosure import CONFIDENTIAL, flag_column, protect, scrub


def protects(table: str) -> bool:
    return table in registry.protection_policy()


def protect_table(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Apply the table's rules in place: a ``<count>_flag`` column is added per count, helpers dropped.

    Only the columns the rules read or write pass through pandas (``indicator_values``: 3 of its 12);
    the others are taken from the table as they are, side by side with the protected ones (a positional
    join: both are the table's rows in its order). A DOUBLE column's NaN becomes NULL, as it did when every
    column made the trip through pandas.
    """
    rules = registry.protection_policy()[table]
    helpers = {column for rule in rules for column in rule.get("helpers", [])}
    original = con.table(table)
    needed = read_by(rules, list(original.columns))
    frame = to_pandas(original.project(", ".join(f'"{c}"' for c in needed)))
    columns = [c for c in original.columns if c not in helpers]
    typed = [
        f'cast({_source(c, t, c in needed)} as {t}) as "{c}"'
        for c, t in zip(original.columns, original.types)
        if c not in helpers
    ]
    for rule in rules:
        frame = apply_rule(frame, rule)
        flag = flag_column(rule["count"])
        if flag in columns:
            continue
        columns.append(flag)
        typed.append(f'cast(p."{flag}" as varchar) as "{flag}"')
    con.register("protected", frame)
    con.execute(
        f"create or replace table {table} as select {', '.join(typed)} from {table} as t positional join protected as p"
    )
    con.unregister("protected")


def read_by(rules: list[dict], columns: list[str]) -> list[str]:
    """The columns of the table that the rules read or change (in the table's order)."""
    needed: set[str] = set()
    for rule in rules:
        needed |= {rule["count"], flag_column(rule["count"]), *rule.get("derived", []), *rule.get("notes", [])}
        needed |= {column for keys in rule.get("groups", []) for column in keys}
        needed |= {rule[key] for key in ("estimate", "publisher_confidential") if key in rule}
        needed |= set(rule.get("where") or {})
        previous = rule.get("previous") or {}
        needed |= {*previous.get("columns", []), *previous.get("partition", []), *previous.get("order", [])}
    return [c for c in columns if c in needed]


def _source(column: str, duckdb_type: object, protected: bool) -> str:
    if protected:
        return f'p."{column}"'
    if str(duckdb_type) in ("DOUBLE", "FLOAT"):
        return f'case when isnan(t."{column}") then null else t."{column}" end'
    return f't."{column}"'


def apply_rule(frame: pd.DataFrame, rule: dict) -> pd.DataFrame:
    """One declared rule (count, derived, groups, estimate, publisher_confidential, where) on a frame."""
    where = rule.get("where")
    applies = None
    if where:
        applies = pd.Series(True, index=frame.index)
        for column, values in where.items():
            applies &= frame[column].isin(values)
    out = protect(
        frame, rule["count"], groups=rule.get("groups", []), derived=rule.get("derived", []),
        estimate=frame[rule["estimate"]] if "estimate" in rule else None,
        publisher_confidential=frame[rule["publisher_confidential"]].eq("...")
        if "publisher_confidential" in rule else None,
        applies=applies,
    )  # fmt: skip
    if "previous" in rule:
        out = hide_changes_from_hidden(out, rule["count"], **rule["previous"])
    for column in rule.get("notes", []):
        out[column] = out[column].map(scrub)
    return out


def hide_changes_from_hidden(
    frame: pd.DataFrame, count: str, columns: list[str], partition: list[str], order: list[str]
) -> pd.DataFrame:
    """A change is hidden when the value it is measured from (the previous row) is hidden: 14 shown with
    a change of 11 would give away a hidden 3."""
    hidden = frame[flag_column(count)].eq(CONFIDENTIAL).fillna(False)
    ordered = frame.assign(_hidden=hidden).sort_values(order, kind="stable")
    previous_hidden = ordered.groupby(partition, dropna=False)["_hidden"].shift(1).fillna(False).astype(bool)
    out = frame.copy()
    for column in columns:
        out.loc[previous_hidden[previous_hidden].index, column] = pd.NA
    return out
