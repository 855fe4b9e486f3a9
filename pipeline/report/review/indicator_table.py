"""The twelve impact indicators of a municipality as a table: value, change, status and source."""

from __future__ import annotations

import pandas as pd

from pipeline import disclosure, i18n
from pipeline import formatting as fmt
from pipeline.report.indicators import PRELIMINARY_MARK, municipality_indicators
from pipeline.report.review import words
from pipeline.report.review.marts import Marts
from pipeline.report.review.model import Table

LANG_SUFFIX = {"fi": "", "sv": "_sv", "en": "_en"}


def indicator_table(marts: Marts, muni: dict, year: int, lang: str, titled: bool) -> Table:
    result = municipality_indicators(marts.con, muni["kunta_code"], year)
    how_to_get = marts["indicator_measures"].set_index("measure_id")[f"how_to_get_{lang}"]
    rows = []
    for ind in result["indicators"]:
        for i, m in enumerate(ind["measures"]):
            indicator = f"{ind['group' + LANG_SUFFIX[lang]]}: {ind[f'indicator_{lang}']}" if i == 0 else ""
            rows.append(
                [
                    indicator,
                    m["name" + LANG_SUFFIX[lang]],
                    value_text(m, lang),
                    change_text(m, lang),
                    i18n.text(f"status_{m['status']}", lang),
                    source_text(m, how_to_get.get(m["measure_id"]), lang),
                ]
            )
    columns = [
        i18n.text(k, lang)
        for k in (
            "review_col_indicator",
            "review_col_measure",
            "review_col_value",
            "change_short",
            "review_col_status",
            "review_col_source",
        )
    ]
    caption = i18n.text("review_indicators_of", lang, name=muni[f"name_{lang}"]) if titled else ""
    return Table(columns, rows, caption)


def _shown(value, flag, unit: str, lang: str) -> str:
    if flag == disclosure.CONFIDENTIAL:
        return disclosure.display(None, flag, "", derived=unit not in ("persons", "count"))
    if value is None:
        return fmt.MISSING
    if unit == "percent":
        return fmt.percent(value, lang)
    if unit == "percentage_points":
        return fmt.points(value, lang)
    return fmt.number(value, lang, decimals=0 if float(value).is_integer() else 1)


def value_text(m: dict, lang: str) -> str:
    if m["status"] == "no_data":
        return fmt.MISSING
    return f"{_shown(m['value'], m['value_flag'], m['unit'], lang)} ({m['period']})"


def change_text(m: dict, lang: str) -> str:
    """The change from the previous value; hidden when either value is hidden, missing when either is."""
    history = m["history"]
    if len(history) < 2 or m["unit"] == "percentage_points":
        return fmt.MISSING
    last, before = history[-1], history[-2]
    if disclosure.CONFIDENTIAL in (last["value_flag"], before["value_flag"]):
        return disclosure.SYMBOL_DERIVED
    if last["value"] is None or before["value"] is None:
        return fmt.MISSING
    diff = last["value"] - before["value"]
    if m["unit"] == "percent":
        return fmt.points(diff, lang)
    return words.signed_number(diff, lang)


def source_text(m: dict, how_to_get, lang: str) -> str:
    if m["status"] != "no_data":
        source = str(m["source"] or fmt.MISSING)
        if source.endswith(PRELIMINARY_MARK):  # the mart's bilingual mark, said in the review's language
            source = source.removesuffix(PRELIMINARY_MARK) + i18n.text("review_prelim_mark", lang)
        return source
    fill = m.get("how_to_fill") or ""
    if fill.startswith("python -m pipeline template "):
        kind = fill.rsplit(" ", 1)[-1]
        return i18n.text("review_template_hint", lang, title=i18n.text(f"local.{kind}.title", lang))
    return str(how_to_get) if isinstance(how_to_get, str) and not pd.isna(how_to_get) else fmt.MISSING
