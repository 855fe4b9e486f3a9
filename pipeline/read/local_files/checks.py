"""Problems found after parsing: unknown municipalities and Pandera's failure cases, worded per check."""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate, islice

import pandas as pd

from pipeline import formatting, i18n
from pipeline.i18n import said
from pipeline.read.local_files.kinds import LocalKind
from pipeline.read.local_files.problems import column_names, problem
from pipeline.read.local_files.tables import Rows


def unknown_municipalities(parsed, raw, body, shown, codes: set[str] | None) -> list[dict]:
    if codes is None:
        return []
    unknown = parsed["kunta_code"].notna() & ~parsed["kunta_code"].isin(codes)
    return [
        problem(
            shown,
            body[i][0],
            "kuntakoodi",
            "kunta_code",
            raw["kunta_code"].iat[i],
            said("own_problem.unknown_code", code=parsed["kunta_code"].iat[i]),
        )
        for i in range(len(parsed))
        if unknown.iat[i]
    ]


def pandera_problems(
    spec: LocalKind,
    cases: pd.DataFrame,
    raw: pd.DataFrame,
    parsed: pd.DataFrame,
    body: Rows,
    shown: str,
    bad_cells: set,
    missing: set[str],
) -> list[dict]:
    """Pandera's failure cases as problems, leaving out values that already failed to parse and
    columns already reported missing from the header. A row check is one problem per row."""
    problems, seen = [], set()
    memo: dict[str, object] = {}  # what a row check finds once for the whole file
    for case in cases.itertuples(index=False):
        i = None if pd.isna(case.index) else int(case.index)
        row = body[i][0] if i is not None and i < len(body) else None
        if case.schema_context == "DataFrameSchema":
            if (case.check, i) in seen:
                continue
            seen.add((case.check, i))
            if case.check not in ROW_CHECKS or i is None:
                problems.append(problem(shown, row, None, None, None, said("own_problem.check", check=case.check)))
                continue
            involved, make = ROW_CHECKS[case.check]
            if not any((i, c) in bad_cells for c in involved(spec)):
                problems.append(make(spec, raw, parsed, body, i, shown, memo))
            continue
        if case.column not in spec.names:
            problems.append(
                problem(shown, row, case.column, None, case.failure_case, said("own_problem.check", check=case.check))
            )
            continue
        col = spec.column(case.column)
        if col.name in missing or (i, col.name) in bad_cells:
            continue
        value = raw[col.name].iat[i] if i is not None and i < len(raw) else case.failure_case
        expected = col.form
        if case.check == "not_nullable":
            value, expected = "", said("own_problem.required", form=col.form)
        problems.append(problem(shown, row, col.fi, col.name, value, expected))
    return problems


def _end_before_start(spec, raw, parsed, body, i, shown, memo) -> dict:
    start = raw["period_start"].iat[i]
    return problem(
        shown,
        body[i][0],
        "loppupaiva",
        "period_end",
        raw["period_end"].iat[i],
        said("own_problem.end_before_start", start=start),
    )


def _none_of_the_values(spec, raw, parsed, body, i, shown, memo) -> dict:
    names = spec.at_least_one
    return problem(
        shown,
        body[i][0],
        "/".join(spec.column(n).fi for n in names),
        "/".join(names),
        "",
        said("own_problem.none_of_the_values", columns=column_names(spec, names)),
    )


SHOWN_OTHERS = 5  # the other rows a problem names; any more are counted


def _repeated_year(spec, raw, parsed, body, i, shown, memo) -> dict:
    """The row repeats another's municipality and year: named with up to :data:`SHOWN_OTHERS` of the
    others (the rows of each municipality and year are found once for the file, not once a row)."""
    if "same_year" not in memo:
        memo["same_year"] = parsed.groupby(["kunta_code", "year"], sort=False).indices
    key = (parsed["kunta_code"].iat[i], parsed["year"].iat[i])
    same = memo["same_year"].get(key, ())
    others = [body[j][0] for j in islice((j for j in same if j != i), SHOWN_OTHERS)]
    unit = others[0].split(" ", 1)[0] if others else "line"
    rows = said(f"own_on_{unit}", numbers=", ".join(label.split(" ", 1)[1] for label in others))
    more = len(same) - 1 - len(others)
    if more > 0:
        rows = said("own_and_more", rows=rows, count={lang: formatting.number(more, lang) for lang in i18n.LANGUAGES})
    return problem(
        shown,
        body[i][0],
        "vuosi",
        "year",
        raw["year"].iat[i],
        said("own_problem.repeated_year", rows=rows),
    )


def overlapping_periods(frame: pd.DataFrame, shown_of: dict[str, str]) -> list[dict]:
    """Arrivals are summed per year, so two periods of a municipality that share a day would count the
    same persons twice (9 + 12 = 21): each such pair is a problem at the later row, naming the earlier
    one (in any file of the kind). ``shown_of``: each row's ``source_file`` -> the name problems give it."""
    problems = []
    for _, rows in frame.groupby("kunta_code", sort=False):
        ordered = list(rows.sort_values(["period_start", "period_end"], kind="stable").itertuples(index=False))
        reach = list(accumulate((r.period_end for r in ordered), max))  # the latest end up to each row
        for j, later in enumerate(ordered):
            # the first earlier period that reaches this one's start (the reach first gets there at it)
            first = bisect_left(reach, later.period_start, 0, j)
            if first < j:
                earlier = ordered[first]
                unit, number = earlier.source_row.split(" ", 1)
                problems.append(
                    problem(
                        shown_of[later.source_file],
                        later.source_row,
                        "alkupaiva/loppupaiva",
                        "period_start/period_end",
                        _period(later),
                        said(
                            "own_problem.overlapping_period",
                            file=shown_of[earlier.source_file],
                            at=said("own_line" if unit == "line" else "own_row", number=number),
                            period=_period(earlier),
                        ),
                    )  # fmt: skip
                )
    return problems


def _period(row) -> str:
    return f"{row.period_start:%-d.%-m.%Y}–{row.period_end:%-d.%-m.%Y}"


def _repeated_member(spec, raw, parsed, body, i, shown, memo) -> dict:
    group = parsed["group_id"].iat[i]
    return problem(
        shown,
        body[i][0],
        "kuntakoodi",
        "kunta_code",
        raw["kunta_code"].iat[i],
        said("own_problem.repeated_member", group=group),
    )


def _different_names(spec, raw, parsed, body, i, shown, memo) -> dict:
    group = parsed["group_id"].iat[i]
    return problem(
        shown,
        body[i][0],
        "nimi_fi/nimi_sv/nimi_en",
        "name_fi/name_sv/name_en",
        f"{raw['name_fi'].iat[i]} / {raw['name_sv'].iat[i]} / {raw['name_en'].iat[i]}",
        said("own_problem.different_names", group=group),
    )


# Pandera row checks -> (columns involved, problem maker)
ROW_CHECKS = {
    "period_end_not_before_start": (lambda spec: ["period_start", "period_end"], _end_before_start),
    "at_least_one_value": (lambda spec: list(spec.at_least_one), _none_of_the_values),
    "one_row_per_municipality_and_year": (lambda spec: ["kunta_code", "year"], _repeated_year),
    "one_row_per_group_and_municipality": (lambda spec: ["group_id", "kunta_code"], _repeated_member),
    "same_names_in_a_group": (lambda spec: ["group_id", "name_fi", "name_sv", "name_en"], _different_names),
}
