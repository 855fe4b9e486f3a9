"""The review's four to six charts as data, each with the one sentence that states its change."""

from __future__ import annotations

import pandas as pd

from pipeline import disclosure, i18n
from pipeline import formatting as fmt
from pipeline.report.quota import part_of_year
from pipeline.report.review import words
from pipeline.report.review.figures import Figures, temporary_protection_rows
from pipeline.report.review.marts import Marts
from pipeline.report.review.model import Chart, Series
from pipeline.report.review.profile_text import rank_sentence
from pipeline.report.review.subjects import Subject

MAX_CHARTS = 6


def charts(marts: Marts, subject: Subject, figs: Figures, lang: str) -> list[Chart]:
    """In order of importance; the first six that the data has."""
    found = [share_trend(marts, figs, lang)]
    found += [region_place(marts, figs, region, lang) for region in figs.regions[:2]]
    found += [quota(marts, figs, lang), temporary_protection(marts, figs, lang)]
    found += [population_trend(marts, subject, figs, lang), unemployment(marts, figs, lang)]
    return [c for c in found if c is not None][:MAX_CHARTS]


def _name(row: dict, lang: str) -> str:
    return str(row[f"name_{lang}"])


def _source(*keys: str) -> str:
    return "; ".join(dict.fromkeys(k for k in keys if isinstance(k, str) and k))


def share_trend(marts: Marts, figs: Figures, lang: str) -> Chart | None:
    rows = marts["foreign_language_speakers"]
    rows = rows[(rows["year"] <= figs.year) & rows["share_pct"].notna()]
    areas = [("municipality", m["kunta_code"], _name(m, lang), "member") for m in figs.members]
    areas += [("region", r["code"], _name(r, lang), "region") for r in figs.regions]
    areas.append(("country", "SSS", i18n.text("whole_country", lang), "country"))
    years = sorted(set(rows.loc[(rows["area_level"] == "municipality") & rows["area_code"].isin([m["kunta_code"] for m in figs.members]), "year"].astype(int)))  # fmt: skip
    if len(years) < 2:
        return None
    series, parts, sources = [], [], []
    for level, code, name, role in areas:
        own = rows[(rows["area_level"] == level) & (rows["area_code"] == code)].set_index("year")["share_pct"]
        values = [None if pd.isna(own.get(y)) else float(own[y]) for y in years]
        series.append(Series(name, values, [fmt.percent(v, lang) for v in values], role))
        sources += rows.loc[(rows["area_level"] == level) & (rows["area_code"] == code), "share_source"].tolist()
        first, last = values[0], values[-1]
        if first is not None and last is not None:
            parts.append(
                f"{name} {fmt.percent(first, lang)} → {fmt.percent(last, lang)} ({fmt.points(last - first, lang)})"
            )
    first, last = years[0], years[-1]
    return Chart(
        "share_trend",
        i18n.text("review_chart_share_title", lang, first=first, last=last),
        i18n.text("review_chart_share_sentence", lang, first=first, last=last, areas=", ".join(parts)),
        _source(*sources),
        "line",
        [str(y) for y in years],
        series,
        "percent",
        lang,
    )


def region_place(marts: Marts, figs: Figures, region: dict, lang: str) -> Chart | None:
    rows = marts["foreign_language_speakers"]
    munis = marts["dim_municipality"]
    munis = munis[munis["region_code"] == region["code"]]
    shares = rows[(rows["area_level"] == "municipality") & (rows["year"] == figs.year) & rows["share_pct"].notna()]
    frame = munis.merge(shares, left_on="kunta_code", right_on="area_code").sort_values("share_pct", ascending=False)
    if len(frame) < 2:
        return None
    names = frame[f"name_{lang}"].astype(str).tolist()
    values = frame["share_pct"].astype(float).tolist()
    members = [m for m in figs.members if m["region_code"] == region["code"]]
    rank = " ".join(rank_sentence(m, lang) for m in members)
    sentence = i18n.text(
        "review_chart_region_sentence",
        lang,
        rank=rank,
        top=names[0],
        top_share=fmt.percent(values[0], lang),
        bottom=names[-1],
        bottom_share=fmt.percent(values[-1], lang),
    ).strip()
    return Chart(
        f"region_place_{region['code']}",
        i18n.text("review_chart_region_title", lang, region=_name(region, lang), year=figs.year),
        sentence,
        _source(*frame["share_source"].tolist()),
        "hbars",
        names,
        [Series(i18n.text("share_short", lang), values, [fmt.percent(v, lang) for v in values], "region")],
        "percent",
        lang,
        highlight=tuple(_name(m, lang) for m in members),
    )


def population_trend(marts: Marts, subject: Subject, figs: Figures, lang: str) -> Chart | None:
    rows = marts["population"]
    rows = rows[(rows["area_level"] == "municipality") & rows["is_year_end"] & (rows["year"] <= figs.year)]
    codes = [m["kunta_code"] for m in figs.members]
    rows = rows[rows["area_code"].isin(codes) & rows["population"].notna()]
    years = sorted(set(rows["year"].astype(int)))
    if len(years) < 2:
        return None
    table = rows.pivot_table(index="year", columns="area_code", values="population", aggfunc="first")
    series, parts = [], []
    for m in figs.members:
        values = [None if pd.isna(table.at[y, m["kunta_code"]]) else float(table.at[y, m["kunta_code"]]) for y in years]
        series.append(Series(_name(m, lang), values, [fmt.number(v, lang) for v in values], "member"))
        parts.append(_change_part(_name(m, lang), values, lang))
    if subject.joint:  # the whole population of an area is not protected; the sum only where every member has one
        totals = [float(table.loc[y, codes].sum()) if table.loc[y, codes].notna().all() else None for y in years]
        label = i18n.text("review_group_total_label", lang, group=subject.name(lang))
        series.append(Series(label, totals, [fmt.number(v, lang) for v in totals], "total"))
        parts.append(_change_part(label, totals, lang))
    return Chart(
        "population_trend",
        i18n.text("review_chart_population_title", lang, first=years[0], last=years[-1]),
        i18n.text(
            "review_chart_population_sentence",
            lang,
            first=years[0],
            last=years[-1],
            areas=", ".join(p for p in parts if p),
        ),
        _source(*rows["source"].tolist()),
        "line",
        [str(y) for y in years],
        series,
        "count",
        lang,
    )


def _change_part(name: str, values: list[float | None], lang: str) -> str:
    first, last = values[0], values[-1]
    if first is None or last is None:
        return ""
    return f"{name} {fmt.number(first, lang)} → {fmt.number(last, lang)} ({words.signed_number(last - first, lang)})"


def unemployment(marts: Marts, figs: Figures, lang: str) -> Chart | None:
    rows = marts["unemployment"]
    codes = [m["kunta_code"] for m in figs.members]
    rows = rows[rows["kunta_code"].isin(codes) & rows["unemployment_rate_pct"].notna()]
    rows = rows[(rows["year"] <= figs.year) & (rows["year"] > figs.year - 4)]
    if rows.empty:
        return None
    months = sorted(set(rows["reference_date"].astype(str).str[:10]))
    table = rows.assign(month=rows["reference_date"].astype(str).str[:10]).pivot_table(
        index="month", columns="kunta_code", values="unemployment_rate_pct", aggfunc="first"
    )
    series, now, before = [], [], []
    last, year_before = months[-1], f"{int(months[-1][:4]) - 1}{months[-1][4:]}"
    for m in figs.members:
        col = table[m["kunta_code"]] if m["kunta_code"] in table else pd.Series(dtype=float)
        values = [None if pd.isna(col.get(d)) else float(col[d]) for d in months]
        series.append(Series(_name(m, lang), values, [fmt.percent(v, lang) for v in values], "member"))
        now.append(f"{_name(m, lang)} {fmt.percent(col.get(last), lang)}")
        earlier = next((d for d in months if d[:7] == year_before[:7]), None)
        before.append(f"{_name(m, lang)} {fmt.percent(col.get(earlier) if earlier else None, lang)}")
    return Chart(
        "unemployment",
        i18n.text("review_chart_unemployment_title", lang, first=months[0][:4], last=months[-1][:4]),
        i18n.text(
            "review_chart_unemployment_sentence",
            lang,
            date=words.month(last, lang),
            areas=", ".join(now),
            before=", ".join(before),
        ),
        _source(*rows["source"].tolist()),
        "line",
        [words.month(d, lang) for d in months],
        series,
        "percent",
        lang,
    )


def quota(marts: Marts, figs: Figures, lang: str) -> Chart | None:
    rows = marts["quota_refugees"]
    codes = [m["kunta_code"] for m in figs.members]
    rows = rows[rows["kunta_code"].isin(codes) & (rows["year"] <= figs.year)]
    if rows.empty:
        return None
    years = sorted(set(rows["year"].astype(int)))
    series, parts = [], []
    joint = len(figs.members) > 1
    part = {  # a year whose arrivals cover only part of it: not comparable with the whole year's quota
        int(y)
        for y, periods, arrived in zip(rows["year"], rows["arrivals_periods"], rows["arrived_persons"])
        if part_of_year(periods, int(y)) and not pd.isna(arrived)
    }
    for m in figs.members:
        own = rows[rows["kunta_code"] == m["kunta_code"]].set_index("year")
        if own.empty:
            continue
        suffix = f" – {_name(m, lang)}" if joint else ""
        quota_values = [_get(own, y, "quota") for y in years]
        arrived = [_get(own, y, "arrived_persons") for y in years]
        arrived_labels = [
            words.count(v, own.at[y, "arrived_persons_flag"] if y in own.index else disclosure.MISSING, lang)
            for y, v in zip(years, arrived)
        ]
        series.append(
            Series(
                i18n.text("review_quota_label", lang) + suffix,
                quota_values,
                [fmt.number(v, lang) for v in quota_values],
                "quota",
            )
        )
        series.append(Series(i18n.text("review_arrived_label", lang) + suffix, arrived, arrived_labels, "member"))
        parts.append(
            i18n.text(
                "review_chart_quota_area",
                lang,
                name=_name(m, lang),
                quota=fmt.number(quota_values[-1], lang),
                arrived=arrived_labels[-1],
            )
        )
    sources = rows["quota_source"].tolist() + rows["arrivals_source"].tolist()
    sentence = i18n.text("review_chart_quota_sentence", lang, year=years[-1], areas="; ".join(parts))
    return Chart(
        "quota",
        i18n.text("review_chart_quota_title", lang),
        sentence + (" " + i18n.text("quota_part_year_note", lang) if years[-1] in part else ""),
        _source(*sources),
        "bars",
        [i18n.text("quota_year_part", lang, year=y) if y in part else str(y) for y in years],
        series,
        "count",
        lang,
    )


def _get(frame: pd.DataFrame, year: int, column: str) -> float | None:
    if year not in frame.index or pd.isna(frame.at[year, column]):
        return None
    return float(frame.at[year, column])


def temporary_protection(marts: Marts, figs: Figures, lang: str) -> Chart | None:
    frames = {m["kunta_code"]: temporary_protection_rows(marts, m["kunta_code"], figs.year) for m in figs.members}
    dates = sorted({str(d)[:10] for f in frames.values() for d in f["reference_date"]})
    if len(dates) < 2:
        return None  # one month end is a sentence in the profile, not a chart
    series, parts = [], []
    for m in figs.members:
        own = frames[m["kunta_code"]].assign(day=lambda f: f["reference_date"].astype(str).str[:10]).set_index("day")
        values = [
            None if d not in own.index or pd.isna(own.at[d, "persons"]) else float(own.at[d, "persons"]) for d in dates
        ]
        labels = [
            words.count(v, own.at[d, "persons_flag"] if d in own.index else disclosure.MISSING, lang)
            for d, v in zip(dates, values)
        ]
        series.append(Series(_name(m, lang), values, labels, "member"))
        parts.append(f"{_name(m, lang)} {labels[0]} → {labels[-1]}")
    return Chart(
        "temporary_protection",
        i18n.text("review_chart_tp_title", lang),
        i18n.text(
            "review_chart_tp_sentence",
            lang,
            first=fmt.day(dates[0], lang),
            last=fmt.day(dates[-1], lang),
            areas=", ".join(parts),
        ),
        _source(*[s for f in frames.values() for s in f["source"].tolist()]),
        "line",
        [words.month(d, lang) for d in dates],
        series,
        "count",
        lang,
    )
