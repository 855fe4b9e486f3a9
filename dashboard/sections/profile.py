"""The profile page's sections: key figures and the share over time, breakdowns, arrivals (``app_pages/profile.py``)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import charts, components, data, parts
from dashboard.components import count_text, day_text, share_text
from dashboard.i18n import lang, t
from dashboard.review_downloads import review_buttons
from pipeline import disclosure, formatting
from pipeline import i18n as catalog
from pipeline.report.quota import part_of_year


@dataclass(frozen=True)
class Place:
    """The selected municipality's names in the page's language."""

    code: str
    muni: dict
    name: str
    region_name: str
    county_name: str


def place(code: str, language: str) -> Place:
    muni = data.municipality(code)
    county_key = f"wellbeing_county.{muni.get('wellbeing_county_code')}"
    county_name = next(
        (
            v
            for v in (
                t(county_key) if catalog.has(county_key) else None,  # the catalog has the county in every language
                muni.get(f"wellbeing_county_name_{language}"),
                muni.get("wellbeing_county_name_fi"),
            )
            if isinstance(v, str)
        ),
        # Helsinki organises its own health and social services; Åland is outside the reform (ÅHS)
        t("county_helsinki")
        if code == "091"
        else t("county_aland")
        if muni["region_code"] == "21"
        else t("not_in_snapshot"),
    )
    return Place(code, muni, muni[f"name_{language}"], muni[f"region_name_{language}"], county_name)


def row_for(series: pd.DataFrame, y: int) -> dict:
    rows = series[series["year"] == y]
    return rows.iloc[0].to_dict() if len(rows) else {}


@parts.built_once()
def key_figures(version: str, code: str, year: int, language: str) -> parts.Parts:
    """The title, the headline cards and sentence, and the share over time against the region and country."""
    p = parts.Parts()
    here = place(code, language)
    name, region_name, region_code = here.name, here.region_name, here.muni["region_code"]
    own_series = data.area_share_series("municipality", code)
    region_series = data.area_share_series("region", region_code)
    country_series = data.area_share_series("country", "SSS")
    own = row_for(own_series, year)
    region, country = row_for(region_series, year), row_for(country_series, year)
    population = data.area_population("municipality", code, year) or {}
    region_population = data.area_population("region", region_code, year) or {}
    country_population = data.area_population("country", "SSS", year) or {}
    year_end = f"{year}-12-31"

    # -- title -----------------------------------------------------------------------------------------
    p.title(name)
    p.markdown(
        f"{t('region')}: **{region_name}** · {t('wellbeing_county')}: **{here.county_name}** · "
        f"{t('municipality_code')} {code}"
    )
    p.add(review_buttons, (code,), year, name, f"{code}_maahanmuuttoprofiili")  # the printed review, on click

    # -- headline cards --------------------------------------------------------------------------------
    own_share = share_text(own.get("share_pct"), own.get("speakers_flag"))
    own_count = count_text(own.get("speakers"), own.get("speakers_flag"))
    if own_count == formatting.MISSING:
        own_count = t("not_in_snapshot")
    change = data.share_change("municipality", code, year)
    pop_date = population.get("reference_date", year_end)
    pop_preliminary = population.get("population_status") == "preliminary"
    region_share = share_text(region.get("share_pct"), region.get("speakers_flag"))
    country_share = share_text(country.get("share_pct"), country.get("speakers_flag"))

    share_help = (
        t("confidential_help")
        if own_share == disclosure.SYMBOL_DERIVED
        else t("card_share_help", date=day_text(year_end))
    )
    if change is not None:
        share_help += " " + t("card_change_help", year=year - 1, points=components.points_text(change))

    # two rows of three cards: five in one row were cut short ("5…", "Päijänne-Ta…") on narrower windows
    shares_col, counts_col = p.container(), p.container()
    shares_col.markdown(f"**{t('share_of_population')} {day_text(year_end)}**")
    own_card, region_card, country_card = shares_col.columns(3)
    own_card.headline_card(
        name,
        own_share,
        change=change,
        change_text=components.points_text(change) if change is not None else None,
        help=share_help,
    )
    region_card.headline_card(
        region_name,
        region_share,
        change_text=area_counts(region, region_population),
        help=t("card_region_help", region=region_name),
    )
    country_card.headline_card(
        t("card_country"),
        country_share,
        change_text=area_counts(country, country_population),
        help=t("card_comparison_help"),
    )
    counts_col.markdown(f"**{name} {day_text(year_end)}**")
    count_card, population_card, _ = counts_col.columns(3)
    hidden = own.get("speakers_flag") == disclosure.CONFIDENTIAL
    count_card.headline_card(
        t("card_count"),
        own_count,
        words=own_count == t("not_in_snapshot"),
        help=t("confidential_help") if hidden else None,
    )
    population_card.headline_card(
        t("population") if str(pop_date)[:10] == year_end else t("card_population", date=day_text(pop_date)),
        count_text(population.get("population")) if population else t("not_in_snapshot"),
        change_text=t("preliminary") if pop_preliminary else None,
    )

    change_words = (
        t("headline_change", year=year - 1, points=components.points_text(change)) if change is not None else ""
    )
    count_words = t("headline_count", count=own_count) if own_count != t("not_in_snapshot") else ""
    sentence_share = own_share
    if own_share == disclosure.SYMBOL_DERIVED:  # hidden with a count of 1-4: say it in words
        sentence_share, count_words = f"{own_share} ({t('hidden_words')})", ""
    known = [
        f"{label} {value}"
        for label, value, row in (
            (region_name, region_share, region),
            (t("whole_country").lower(), country_share, country),
        )
        if row
    ]
    comparison = t("headline_comparison", parts=", ".join(known)) if known else t("headline_no_comparison", year=year)
    p.markdown(
        t(
            "profile_headline",
            name=name,
            date=day_text(year_end),
            share=sentence_share,
            change=change_words,
            count=count_words,
            comparison=comparison,
        )
    )
    about_headline = p.caption(
        sources=[
            own.get("share_source"),
            own.get("speakers_source"),
            population.get("source"),
            region.get("share_source"),
            country.get("share_source"),
        ],
        dates=[year_end, pop_date],
        definitions=["foreign_language_speakers", "population"],
        computed=[
            (region_name, region.get("share_method")),
            (t("whole_country"), country.get("share_method")),
            (t("population"), population.get("method")),
        ],
        preliminary=[f"{name} {day_text(pop_date)}"] if pop_preliminary else [],
        small_counts=disclosure.CONFIDENTIAL in {own.get("speakers_flag"), region.get("speakers_flag")},
    )
    figures = (
        (name, own, population),
        (region_name, region, region_population),
        (t("whole_country"), country, country_population),
    )
    p.downloads(headline_rows(figures, year), f"{code}_{year}_avainluvut", about_headline)

    # -- the share over time ---------------------------------------------------------------------------
    p.divider()
    trend = pd.concat(
        [
            own_series.assign(role="municipality", label=name),
            region_series.assign(role="region", label=region_name),
            country_series.assign(role="country", label=t("whole_country")),
        ]
    )
    # hidden years stay in (the line breaks there); years no source has are not made up
    trend = trend[trend["share_pct"].notna() | (trend["speakers_flag"] == disclosure.CONFIDENTIAL)].copy()
    if trend["share_pct"].notna().any():
        share_over_time(p, trend, here, year)
    return p


def area_counts(figures: dict, pop: dict) -> str | None:
    """The line under a region's or the country's share: its count of speakers and its population (the
    download holds them, so the page shows them too)."""
    if not figures or data.is_missing(figures.get("speakers")):
        return None
    return t(
        "card_area_counts",
        count=count_text(figures.get("speakers"), figures.get("speakers_flag")),
        population=count_text(pop.get("population")),
    )


def headline_rows(figures: tuple[tuple[str, dict, dict], ...], year: int) -> pd.DataFrame:
    """The cards' figures for download: one row per area (its label, share and count row, population row),
    counts through the disclosure rule."""
    rows = []
    for label, shares, pop in figures:
        rows.append(
            {
                t("municipality") + " / " + t("region").lower(): label,
                t("year"): year,
                t("reference_date"): f"{year}-12-31",
                t("share"): shares.get("share_pct"),
                f"{t('share')}: {t('marking').lower()}": components.share_marking(
                    shares.get("share_pct"), shares.get("speakers_flag")
                ),
                f"{t('share')}: {t('method').lower()}": components.method_words([shares.get("share_method")])[0],
                f"{t('share')}: {t('source').lower()}": shares.get("share_source"),
                t("speakers"): shares.get("speakers"),
                f"{t('speakers')}: {t('marking').lower()}": components.marking(shares.get("speakers_flag")),
                f"{t('speakers')}: {t('method').lower()}": components.method_words([shares.get("speakers_method")])[0],
                f"{t('speakers')}: {t('source').lower()}": shares.get("speakers_source"),
                t("population"): pop.get("population"),
                f"{t('population')}: {t('reference_date').lower()}": str(pop.get("reference_date", ""))[:10] or None,
                f"{t('population')}: {t('status').lower()}": components.status_words([pop.get("population_status")])[0],
                f"{t('population')}: {t('method').lower()}": components.method_words([pop.get("method")])[0],
                f"{t('population')}: {t('source').lower()}": pop.get("source"),
            }
        )
    return pd.DataFrame(rows)


def share_over_time(p: parts.Parts, trend: pd.DataFrame, here: Place, year: int) -> None:
    """The municipality's, region's and country's share year by year: chart, summary, caption, download."""
    trend["share_text"] = [share_text(v, f) for v, f in zip(trend["share_pct"], trend["speakers_flag"])]
    first, last = int(trend["year"].min()), int(trend["year"].max())
    p.subheader(t("section_trend"))
    sources = list(dict.fromkeys(trend["share_source"].dropna()))
    title = f"{t('trend_title', first=first, last=last)}: {here.name}, {here.region_name}, {t('whole_country').lower()}"
    trend_chart = charts.share_trend(trend, title, "; ".join(sources[:1]), key="profile_trend")
    p.chart(trend_chart)
    p.markdown(charts.share_trend_summary(trend, year))
    compare_years = sorted(set(trend.loc[trend["role"] != "municipality", "year"].astype(int)))
    gaps = (
        [t("trend_gaps", years=", ".join(map(str, compare_years)))]
        if compare_years and len(compare_years) < trend.loc[trend["role"] == "municipality", "year"].nunique()
        else []
    )
    methods = trend.drop_duplicates(["label", "share_method"])
    about_trend = p.caption(
        sources=sources,
        dates=trend["reference_date"],
        definitions=["foreign_language_speakers"],
        computed=list(zip(methods["label"], methods["share_method"])),
        notes=gaps,
    )
    download = trend[["label", "year", "reference_date", "share_pct", "share_method", "share_source"]].copy()
    download["reference_date"] = download["reference_date"].astype(str).str[:10]
    download["share_method"] = components.method_words(download["share_method"])
    download.insert(
        4, "marking", [components.share_marking(v, f) for v, f in zip(trend["share_pct"], trend["speakers_flag"])]
    )
    download.columns = [
        t("municipality") + " / " + t("region").lower(),
        t("year"),
        t("reference_date"),
        t("share"),
        t("marking"),
        t("method"),
        t("source"),
    ]
    p.downloads(download, f"{here.code}_vieraskielisten_osuus", about_trend, chart=trend_chart)


# -- breakdowns: languages, age and sex, citizenship (live data only) ----------------------------------


def breakdown_year(frame: pd.DataFrame, year: int) -> int:
    years = sorted(frame["year"].dropna().astype(int).unique())
    earlier = [y for y in years if y <= year]
    return earlier[-1] if earlier else years[-1]


def with_counts(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["count_text"] = [count_text(v, f) for v, f in zip(frame["population"], frame["population_flag"])]
    return frame


def breakdown_download(
    p: parts.Parts, frame: pd.DataFrame, label_column: str | None, stem: str, about: list[str], chart: charts.Drawn
) -> None:
    keep = [c for c in (label_column, "age_group", "sex", "year", "reference_date", "population") if c and c in frame]
    out = frame[keep].copy()
    out[t("marking")] = [components.marking(f) for f in frame["population_flag"]]
    out[t("source")] = frame.get("source")
    if "reference_date" in out:
        out["reference_date"] = out["reference_date"].astype(str).str[:10]
    names = {
        "age_group": t("age_group"),
        "sex": t("sex"),
        "year": t("year"),
        "reference_date": t("reference_date"),
        "population": t("persons"),
    }
    p.downloads(out.rename(columns=names), stem, about, chart=chart)


@dataclass(frozen=True)
class TopGroups:
    """What a chart of the ten largest groups is made of: its columns, texts and dataset."""

    group_column: str
    group_value: str
    label_column: str
    label_key: str
    title_key: str
    summary_key: str
    dataset: str
    stem: str


LANGUAGES = TopGroups(
    "language_group", "foreign_language", "language_name_fi", "language", "languages_title", "languages_summary",
    "population_by_language", "kielet",
)  # fmt: skip
CITIZENSHIPS = TopGroups(
    "citizenship_group", "country", "citizenship_name_fi", "citizenship", "citizenship_title", "citizenship_summary",
    "population_by_citizenship", "kansalaisuudet",
)  # fmt: skip


def top_section(p: parts.Parts, frame: pd.DataFrame, code: str, year: int, groups: TopGroups) -> None:
    """The ten largest groups (languages or citizenships) as bars, largest first."""
    y = breakdown_year(frame, year)
    rows = frame[(frame["year"] == y) & (frame[groups.group_column] == groups.group_value)]
    if "sex" in rows:
        rows = rows[rows["sex"] == "total"] if (rows["sex"] == "total").any() else rows
    rows = with_counts(rows.sort_values("population", ascending=False, na_position="last").head(10))
    rows = rows.rename(columns={groups.label_column: "label"})
    source = rows["source"].dropna().iloc[0] if rows["source"].notna().any() else None
    drawn = charts.top_bars(rows, t(groups.title_key, year=y), source, key=f"profile_{groups.stem}")
    p.chart(drawn)
    p.markdown(charts.top_summary(rows, groups.summary_key))
    about = p.caption(
        sources=[source],
        dates=rows["reference_date"],
        definitions=[groups.dataset],
        small_counts=(rows["population_flag"] == disclosure.CONFIDENTIAL).any(),
    )
    label = t(groups.label_key)
    breakdown_download(p, rows.rename(columns={"label": label}), label, f"{code}_{groups.stem}_{y}", about, drawn)


def age_sex_section(p: parts.Parts, frame: pd.DataFrame, code: str, year: int) -> None:
    y = breakdown_year(frame, year)
    rows = with_counts(frame[frame["year"] == y])
    source = rows["source"].dropna().iloc[0] if rows["source"].notna().any() else None
    drawn = charts.age_sex_bars(rows, t("age_sex_title", year=y), source, key="profile_age_sex")
    p.chart(drawn)
    p.markdown(charts.age_sex_summary(rows))
    about = p.caption(
        sources=[source],
        dates=rows["reference_date"],
        definitions=["population_by_age_sex"],
        small_counts=(rows["population_flag"] == disclosure.CONFIDENTIAL).any(),
    )
    breakdown_download(p, rows, None, f"{code}_ika_ja_sukupuoli_{y}", about, drawn)


def breakdown(
    p: parts.Parts, title_key: str, table: str, frame: pd.DataFrame, offline_key: str, name: str, render
) -> None:
    """A breakdown's heading, then ``render(p, frame)``, or why there is nothing to show."""
    p.subheader(t(title_key))
    if not frame.empty:
        render(p, frame)
    elif not data.has_rows(table):
        p.markdown(t(offline_key))
    else:
        p.markdown(t("no_rows_this_municipality", name=name))


@parts.built_once()
def breakdowns(version: str, code: str, year: int, language: str) -> parts.Parts:
    """The largest languages and citizenships side by side, then age and sex."""
    p = parts.Parts()
    name = place(code, language).name
    p.divider()
    left, right = p.columns(2, gap="large")
    breakdown(
        left, "section_languages", "population_by_language", data.population_by_language(code), "offline_languages",
        name, lambda into, frame: top_section(into, frame, code, year, LANGUAGES),
    )  # fmt: skip
    breakdown(
        right, "section_citizenship", "population_by_citizenship", data.population_by_citizenship(code),
        "offline_citizenship", name, lambda into, frame: top_section(into, frame, code, year, CITIZENSHIPS),
    )  # fmt: skip
    breakdown(
        p, "section_age_sex", "population_by_age_group", data.population_by_age_group(code), "offline_age_sex",
        name, lambda into, frame: age_sex_section(into, frame, code, year),
    )  # fmt: skip
    return p


# -- temporary protection and quota refugees ----------------------------------------------------------


def temporary_protection_section(p: parts.Parts, code: str, year: int, name: str) -> None:
    """The latest month-end count of the year with its monthly series, note and the context sentence."""
    p.subheader(t("section_tp"))
    rows = data.temporary_protection(code)
    if rows.empty:
        p.markdown(t("tp_none", name=name))
        return
    rows = rows.assign(
        count_text=[count_text(v, f) for v, f in zip(rows["persons"], rows["persons_flag"])],
        month_text=[day_text(d) for d in rows["reference_date"]],
    )
    in_year = rows[rows["year"] == year]
    latest = (in_year if len(in_year) else rows).iloc[-1]
    # the card above the text: side by side in a half-width column they left ~180 px for the sentences at
    # 1 024 px, a word a line
    text = p.container()
    text.headline_card(latest["month_text"], latest["count_text"], help=t("tp_card", name=name))
    summary = t("tp_summary", date=latest["month_text"], count=latest["count_text"], name=name)
    if not data.is_missing(latest["change_from_previous"]):
        summary += t("tp_change", change=formatting.number(int(latest["change_from_previous"]), lang()))
    if in_year.empty:
        summary += " " + t("tp_not_in_year", year=year, date=latest["month_text"])
    text.markdown(summary)
    for note in rows["note"].dropna().unique():
        # the file's own words, in the language they were written in: said so, never passed off as ours
        text.info(f"{t('tp_note_quoted')}: “{components.plain(note)}”", icon=":material/info:")
    text.markdown(t("tp_context"))
    source = rows["source"].dropna().iloc[-1]
    drawn = None
    if len(rows) > 1:
        drawn = charts.monthly_counts(rows, t("tp_title", name=name), source, key="profile_tp")
        p.chart(drawn)
    about = p.caption(
        sources=rows["source"],
        dates=rows["reference_date"],
        definitions=["temporary_protection"],
        small_counts=(rows["persons_flag"] == disclosure.CONFIDENTIAL).any(),
    )
    out = pd.DataFrame(
        {
            t("month"): rows["reference_date"].astype(str).str[:10],
            t("persons_col"): rows["persons"],
            t("marking"): [components.marking(f) for f in rows["persons_flag"]],
            t("tp_note"): rows["note"],
            t("source"): rows["source"],
        }
    )
    p.downloads(out, f"{code}_tilapainen_suojelu", about, chart=drawn)


def quota_section(p: parts.Parts, code: str, year: int, name: str) -> None:
    """The yearly quota against quota refugees arrived (the municipality's own figures)."""
    p.subheader(t("section_quota"))
    rows = data.quota_refugees(code)
    if rows.empty:
        p.markdown(t("quota_none", name=name, quota=t("local.quota.title"), arrivals=t("local.arrivals.title")))
        return
    rows = rows.assign(
        quota_text=[count_text(v) for v in rows["quota"]],
        arrived_persons_text=[count_text(v, f) for v, f in zip(rows["arrived_persons"], rows["arrived_persons_flag"])],
        arrived_families_text=[
            count_text(v, f) for v, f in zip(rows["arrived_families"], rows["arrived_families_flag"])
        ],
        part_year=[
            part_of_year(periods, int(y)) and not pd.isna(a)
            for periods, y, a in zip(rows["arrivals_periods"], rows["year"], rows["arrived_persons"])
        ],
    )
    rows["year_label"] = [
        t("quota_year_part", year=int(y)) if part else str(int(y)) for y, part in zip(rows["year"], rows["part_year"])
    ]
    sources = list(rows["quota_source"]) + list(rows["arrivals_source"])
    drawable = (rows["quota"].fillna(0) > 0).any() or rows["arrived_persons"].notna().any()
    drawn = None
    if drawable:  # a chart of zeros and gaps says nothing the sentence does not
        drawn = charts.quota_bars(
            rows, t("quota_title", name=name), next(s for s in sources if isinstance(s, str)), key="profile_quota"
        )
        p.chart(drawn)
    shown = rows[rows["year"] == year]
    r = (shown if len(shown) else rows).iloc[-1]
    if isinstance(r["arrivals_periods"], str):
        p.markdown(
            t(
                "quota_summary",
                year=int(r["year"]),
                quota=r["quota_text"],
                persons=r["arrived_persons_text"],
                families=r["arrived_families_text"],
                periods=r["arrivals_periods"],
            )
            + (" " + t("quota_part_year_note") if r["part_year"] else "")
        )
    else:
        p.markdown(t("quota_summary_quota_only", year=int(r["year"]), quota=r["quota_text"]))
    about = p.caption(
        sources=sources,
        dates=[f"{int(y)}-12-31" for y in rows["year"]],
        notes=[t("quota_partial")],
        small_counts=rows[["arrived_persons_flag", "arrived_families_flag"]].eq(disclosure.CONFIDENTIAL).any().any(),
    )
    out = pd.DataFrame(
        {
            t("year"): rows["year"],
            t("quota"): rows["quota"],
            t("emergency"): rows["emergency_cases"],
            t("arrived_persons"): rows["arrived_persons"],
            f"{t('arrived_persons')} – {t('marking')}": [components.marking(f) for f in rows["arrived_persons_flag"]],
            t("arrived_families"): rows["arrived_families"],
            f"{t('arrived_families')} – {t('marking')}": [components.marking(f) for f in rows["arrived_families_flag"]],
            t("arrivals_periods"): rows["arrivals_periods"],
            t("source"): rows["quota_source"].fillna(rows["arrivals_source"]),
        }
    )
    p.downloads(out, f"{code}_kiintiopakolaiset", about, chart=drawn)


@parts.built_once()
def arrivals(version: str, code: str, year: int, language: str) -> parts.Parts:
    """Temporary protection beside the quota refugees."""
    p = parts.Parts()
    name = place(code, language).name
    p.divider()
    tp_col, quota_col = p.columns(2, gap="large")
    temporary_protection_section(tp_col, code, year, name)
    quota_section(quota_col, code, year, name)
    return p
