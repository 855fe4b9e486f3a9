"""The one small-count rule. Every table users read, and so the CLI, the dashboard and downloads, pass here.

Where it applies (which columns count persons) is declared in ``pipeline/sources.yaml`` (``protect``) and
applied to each mart as soon as it is built by ``pipeline/build/protect.py``.

Rule (written down in RULE_FI / RULE_EN and shown on the dashboard's sources page):
- A count of persons from 1 to 4 is confidential: it is removed from the table (the value becomes
  null) and flagged ``confidential``; every output shows the symbol ``< 5`` instead. 0 is shown.
- Figures derived from such a count (a share of it) are hidden with it. A share whose count is not
  known is hidden when share × population gives fewer than 5 persons.
- Secondary suppression: cells that add up to a shown total form a group. When a group has exactly one
  confidential cell, the smallest other non-zero cell is hidden too, so that no hidden cell is a
  subtraction away from the total. Repeated until stable, over every grouping given.
- A cell the publisher already left empty as confidential (Statistics Finland's ``...``) counts as
  confidential; a value no source has is ``missing`` and shown as ``–``, never as 0.

Why 5: Helsinki's regional statistics hide counts below 5 and THL uses small-cell rules of the same
size; it is stricter than the OECD's 3 and close to Migri's greying of counts below 6 without hiding
the many counts of 5 that municipal programmes publish.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from pipeline import i18n

THRESHOLD = 5
SYMBOL = "< 5"  # a hidden count
SYMBOL_DERIVED = ".."  # a hidden figure derived from a count (a share, a mean of few answers), as Kolada
CONFIDENTIAL = "confidential"
MISSING = "missing"

RULE_FI = i18n.text("small_count_rule", "fi")  # the rule in words, from the translation catalog
RULE_SV = i18n.text("small_count_rule", "sv")
RULE_EN = i18n.text("small_count_rule", "en")


def flag_column(count: str) -> str:
    return f"{count}_flag"


def is_small(values: pd.Series) -> pd.Series:
    """True for counts 1..THRESHOLD-1 (missing values are not small)."""
    v = pd.to_numeric(values, errors="coerce").astype("float64")
    return ((v >= 1) & (v < THRESHOLD)).fillna(False).astype(bool)


def protect(
    frame: pd.DataFrame,
    count: str,
    *,
    groups: Sequence[Sequence[str]] = (),
    derived: Sequence[str] = (),
    estimate: pd.Series | None = None,
    publisher_confidential: pd.Series | None = None,
    applies: pd.Series | None = None,
) -> pd.DataFrame:
    """Apply the rule to one count column; returns a new frame with ``<count>_flag`` added.

    ``groups``: column lists whose groups of rows add up to a shown total (for secondary suppression).
    ``derived``: columns hidden together with the count (e.g. a share of it).
    ``estimate``: the count implied where it is not known (share × population), to hide such shares.
    ``publisher_confidential``: rows the publisher already hid as confidential.
    ``applies``: rows whose count is a count of persons (others, e.g. meetings, are left as they are).
    """
    out = frame.copy()
    confidential = is_small(out[count])
    if estimate is not None:
        implied = pd.to_numeric(estimate, errors="coerce").astype("float64")
        confidential |= out[count].isna().to_numpy() & ((implied > 0) & (implied.round() < THRESHOLD)).fillna(False)
    if publisher_confidential is not None:
        confidential |= publisher_confidential.fillna(False).astype(bool)
    if applies is not None:
        confidential &= applies.fillna(False).astype(bool).to_numpy()
    if flag_column(count) in out.columns:  # hidden upstream (in the table this one is built from)
        confidential |= out[flag_column(count)].eq(CONFIDENTIAL).fillna(False).astype(bool).to_numpy()
    # secondary suppression ranks cells by their count, or by the implied count where the count is unknown,
    # so that a small municipality's share goes before its region's total
    ranking = pd.to_numeric(out[count], errors="coerce").astype("float64")
    if estimate is not None:
        ranking = ranking.fillna(pd.to_numeric(estimate, errors="coerce").astype("float64"))
    confidential = _secondary(out, ranking, confidential, groups)
    flag = pd.Series(pd.NA, index=out.index, dtype="object")
    flag[out[count].isna()] = MISSING
    flag[confidential] = CONFIDENTIAL
    out[count] = out[count].mask(confidential)
    for col in derived:
        out[col] = out[col].mask(confidential)
    out[flag_column(count)] = flag
    return out


def _secondary(frame: pd.DataFrame, values: pd.Series, confidential: pd.Series, groups) -> pd.Series:
    """Hide the smallest other non-zero cell of any group with exactly one hidden cell, until stable."""
    confidential = confidential.copy()
    group_ids = [frame.groupby(list(keys), dropna=False, sort=False).ngroup() for keys in groups]
    changed = True
    while changed:
        changed = False
        for gid in group_ids:
            lonely = confidential.groupby(gid).transform("sum") == 1
            candidates = lonely & ~confidential & (values > 0)
            if not candidates.any():
                continue
            smallest = values[candidates].groupby(gid[candidates]).idxmin()
            confidential.loc[smallest.to_numpy()] = True
            changed = True
    return confidential


def display(value, flag, formatted: str, derived: bool = False) -> str:
    """What every output shows: the symbol when confidential (``..`` for a derived figure), else the value."""
    if flag == CONFIDENTIAL:
        return SYMBOL_DERIVED if derived else SYMBOL
    return formatted


# Free text from files (notes) is shown as it was written, except the numbers the rule hides: a count of
# 1-4 written as a digit or a word ("four … families", "one new family") becomes the symbol. Dates,
# times and decimals are left alone (1.1.2024, 12:20, 4,5).
_SMALL_WORDS = (
    "yksi|yhden|yhtä|kaksi|kahden|kahta|kolme|kolmen|kolmea|neljä|neljän|neljää|one|two|three|four|en|ett|två|tre|fyra"
)
SMALL_NUMBER = re.compile(rf"(?<![\w.,:/–-])(?:[1-4]|{_SMALL_WORDS})(?![\w:/–-]|[.,]\d)", re.IGNORECASE)


def scrub(text):
    """A note with every count of 1-4 in it replaced by ``< 5`` (None and non-text stay as they are)."""
    if not isinstance(text, str):
        return text
    return SMALL_NUMBER.sub(SYMBOL, text)
