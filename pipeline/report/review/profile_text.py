"""The section "Maahanmuuttoprofiili": sentences built from the figures, in the programme's way of writing.

Each sentence says what the data holds; what it does not hold is said plainly and never filled in.
"""

from __future__ import annotations

import pandas as pd

from pipeline import disclosure, i18n
from pipeline import formatting as fmt
from pipeline.report.review import words
from pipeline.report.review.figures import Figures, temporary_protection_rows
from pipeline.report.review.marts import Marts
from pipeline.report.review.subjects import Subject


def paragraphs(marts: Marts, subject: Subject, figs: Figures, lang: str) -> list[str]:
    out = [speakers(subject, figs, lang), change_and_comparison(figs, lang), population(figs, lang)]
    out += [languages(marts, figs, lang), quota(figs, lang), temporary_protection(marts, figs, lang)]
    out.append(unemployment(marts, figs, lang))
    return [p for p in out if p]


def _name(row: dict, lang: str) -> str:
    return str(row[f"name_{lang}"])


def speakers(subject: Subject, figs: Figures, lang: str) -> str:
    date = fmt.day(f"{figs.year}-12-31", lang)
    areas, lacking = [], []
    for m in figs.members:
        f, name = m["figures"], _name(m, lang)
        share = words.share(f["foreign_language_share_pct"], f["foreign_language_speakers_flag"], lang)
        if f["foreign_language_speakers"] is not None or f["foreign_language_speakers_flag"] == disclosure.CONFIDENTIAL:
            count = words.count(f["foreign_language_speakers"], f["foreign_language_speakers_flag"], lang)
            areas.append(i18n.text("review_area_count", lang, name=name, count=count, share=share))
        elif f["foreign_language_share_pct"] is not None:
            areas.append(i18n.text("review_area_share", lang, name=name, share=share))
            lacking.append(name)
        else:
            areas.append(i18n.text("review_area_missing", lang, name=name))
            lacking.append(name)
    text = i18n.text("review_speakers_lead", lang, date=date, areas=words.joined(areas, lang))
    if lacking:
        text += " " + i18n.text("review_count_missing", lang, names=words.joined(lacking, lang))
    if figs.total is not None:
        text += " " + group_total(subject, figs, lang)
    return text


def group_total(subject: Subject, figs: Figures, lang: str) -> str:
    total, group = figs.total, subject.name(lang)
    assert total is not None
    if total.hidden_members:
        names = [_name(m, lang) for m in figs.members if m["name_fi"] in total.hidden_members]
        return i18n.text("review_group_total_hidden", lang, group=group, names=words.joined(names, lang))
    if total.missing_members:
        names = [_name(m, lang) for m in figs.members if m["name_fi"] in total.missing_members]
        return i18n.text("review_group_total_missing", lang, group=group, names=words.joined(names, lang))
    count = words.count(total.value, total.flag, lang)
    share = words.share(figs.total_share, total.flag, lang)
    return i18n.text("review_group_total", lang, group=group, count=count, share=share)


def change_and_comparison(figs: Figures, lang: str) -> str:
    out = []
    for m in figs.members:
        f, name = m["figures"], _name(m, lang)
        if m["change"] is None:
            out.append(i18n.text("review_change_none", lang, name=name, prev=figs.year - 1))
        else:
            before = f["foreign_language_share_pct"] - m["change"]
            out.append(
                i18n.text(
                    "review_change",
                    lang,
                    name=name,
                    verb=words.verb(m["change"], lang),
                    points=fmt.points(m["change"], lang),
                    prev=figs.year - 1,
                    share=fmt.percent(before, lang),
                )
            )
    country_share = figs.country["figures"]["foreign_language_share_pct"]
    for region in figs.regions:
        region_share = region["figures"]["foreign_language_share_pct"]
        out.append(
            i18n.text(
                "review_compare",
                lang,
                region=_name(region, lang),
                region_share=fmt.percent(region_share, lang),
                country_share=fmt.percent(country_share, lang),
            )
        )
        for m in (m for m in figs.members if m["region_code"] == region["code"]):
            own = m["figures"]["foreign_language_share_pct"]
            if own is None or region_share is None or country_share is None:
                continue
            than_region, than_country = (
                words.compared(own, region_share, lang),
                words.compared(own, country_share, lang),
            )
            out.append(
                i18n.text(
                    "review_compare_own",
                    lang,
                    name=_name(m, lang),
                    than_region=than_region,
                    than_country=than_country,
                )
            )
    return " ".join(out)


def rank_sentence(m: dict, lang: str) -> str:
    if m["rank"] is None:
        return ""
    return i18n.text("review_rank", lang, name=_name(m, lang), n=m["regional_n"], rank=m["rank"])


def population(figs: Figures, lang: str) -> str:
    date = fmt.day(f"{figs.year}-12-31", lang)
    out = []
    for m in figs.members:
        f = m["figures"]
        prelim = i18n.text("review_prelim_mark", lang) if f["population_status"] == "preliminary" else ""
        out.append(
            i18n.text(
                "review_population",
                lang,
                date=date,
                name=_name(m, lang),
                population=fmt.number(f["population"], lang),
                prelim=prelim,
            )
        )
    return " ".join(out)


def languages(marts: Marts, figs: Figures, lang: str) -> str:
    rows = marts["population_by_language"]
    out = []
    for m in figs.members:
        top = _top_languages(rows, m["kunta_code"], figs.year)
        if top:
            groups = words.joined([f"{name} ({text})" for name, text in top], lang)
            out.append(i18n.text("review_languages", lang, name=_name(m, lang), groups=groups))
    return " ".join(out) if out else i18n.text("review_groups_none", lang)


def _top_languages(rows, code: str, year: int, n: int = 5) -> list[tuple[str, str]]:
    """The largest foreign-language groups (both sexes, one language a row), shown as the rule says."""
    if rows.empty:
        return []
    own = rows[(rows["area_level"] == "municipality") & (rows["area_code"] == code) & (rows["year"] == year)]
    own = own[own["language_group"].eq("foreign") & own["sex"].isin(["total", "SSS", "yhteensa"])]
    own = own[own["population"].notna()].nlargest(n, "population")
    return [
        (str(r["language_name_fi"]), words.count(r["population"], r["population_flag"], "fi"))
        for _, r in own.iterrows()
    ]


def quota(figs: Figures, lang: str) -> str:
    out = []
    for m in figs.members:
        q, name = m["quota"], _name(m, lang)
        if q is None:
            out.append(i18n.text("review_quota_none", lang, name=name, year=figs.year))
            continue
        if q["quota"] == 0:
            out.append(i18n.text("review_quota_zero", lang, name=name, year=figs.year))
        else:
            emergency = (
                i18n.text("review_quota_emergency", lang, n=fmt.number(q["emergency_cases"], lang))
                if q["emergency_cases"] is not None
                else ""
            )
            out.append(
                i18n.text(
                    "review_quota",
                    lang,
                    name=name,
                    year=figs.year,
                    quota=fmt.number(q["quota"], lang),
                    emergency=emergency,
                )
            )
        if q["arrived"] is not None or q["arrived_flag"] == disclosure.CONFIDENTIAL:
            families = (
                i18n.text(
                    "review_arrived_families",
                    lang,
                    families=words.count(q["arrived_families"], q["arrived_families_flag"], lang),
                )
                if q["arrived_families"] is not None or q["arrived_families_flag"] == disclosure.CONFIDENTIAL
                else ""
            )
            out.append(
                i18n.text(
                    "review_arrived",
                    lang,
                    year=figs.year,
                    persons=words.count(q["arrived"], q["arrived_flag"], lang),
                    families=families,
                    periods=q["arrivals_periods"] or fmt.MISSING,
                )
            )
        elif q["quota"] != 0:
            out.append(i18n.text("review_arrived_none", lang, year=figs.year))
        if q["note"]:
            out.append(i18n.text("review_note", lang, note=disclosure.scrub(q["note"])))
    return " ".join(out)


def temporary_protection(marts: Marts, figs: Figures, lang: str) -> str:
    out = []
    for m in figs.members:
        rows, name = temporary_protection_rows(marts, m["kunta_code"], figs.year), _name(m, lang)
        if rows.empty:
            out.append(i18n.text("review_tp_none", lang, name=name))
            continue
        last = rows.iloc[-1]
        date = fmt.day(last["reference_date"], lang)
        count = words.count(_int(last["persons"]), _text(last["persons_flag"]), lang)
        if int(last["year"]) > figs.year:
            out.append(i18n.text("review_tp_later", lang, year=figs.year, date=date))
        out.append(i18n.text("review_tp", lang, name=name, date=date, count=count))
        if _text(last["note"]):
            out.append(i18n.text("review_note", lang, note=disclosure.scrub(str(last["note"]))))
    return " ".join(out)


def unemployment(marts: Marts, figs: Figures, lang: str) -> str:
    rows = marts["unemployment"]
    out = []
    for m in figs.members:
        own = rows[(rows["kunta_code"] == m["kunta_code"]) & (rows["year"] <= figs.year)]
        own = own[own["unemployment_rate_pct"].notna()].sort_values("reference_date")
        if own.empty:
            continue
        last = own.iloc[-1]
        out.append(
            i18n.text(
                "review_unemployment",
                lang,
                name=_name(m, lang),
                date=fmt.day(last["reference_date"], lang),
                rate=fmt.percent(float(last["unemployment_rate_pct"]), lang),
            )
        )
    return " ".join(out)


def _int(value):
    return None if value is None or pd.isna(value) else int(value)


def _text(value):
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
