"""Kuntaprofiili: the selected municipality's key figures, its trend against region and country, breakdowns."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, components, data
from dashboard.components import count_text, day_text, share_text
from dashboard.i18n import lang, t
from dashboard.review_downloads import review_buttons
from pipeline import disclosure, formatting
from pipeline import i18n as catalog
from pipeline.report.quota import part_of_year

code: str = st.session_state["kunta"]
year: int = st.session_state["vuosi"]
muni = data.municipality(code)
name = muni[f"name_{lang()}"]
region_name = muni[f"region_name_{lang()}"]
county_key = f"wellbeing_county.{muni.get('wellbeing_county_code')}"
county_name = next(
    (
        v
        for v in (
            t(county_key) if catalog.has(county_key) else None,  # the catalog has the county in every language
            muni.get(f"wellbeing_county_name_{lang()}"),
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


def row_for(series: pd.DataFrame, y: int) -> dict:
    rows = series[series["year"] == y]
    return rows.iloc[0].to_dict() if len(rows) else {}


own_series = data.area_share_series("municipality", code)
region_series = data.area_share_series("region", muni["region_code"])
country_series = data.area_share_series("country", "SSS")
own = row_for(own_series, year)
region, country = row_for(region_series, year), row_for(country_series, year)
population = data.area_population("municipality", code, year) or {}
year_end = f"{year}-12-31"

# -- title ---------------------------------------------------------------------------------------------
st.title(name)
st.markdown(
    f"{t('region')}: **{region_name}** · {t('wellbeing_county')}: **{county_name}** · {t('municipality_code')} {code}"
)
review_buttons((code,), year, name, f"{code}_maahanmuuttoprofiili")  # the printed review, made on click

# -- headline cards ------------------------------------------------------------------------------------
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
    t("confidential_help") if own_share == disclosure.SYMBOL_DERIVED else t("card_share_help", date=day_text(year_end))
)
if change is not None:
    share_help += " " + t("card_change_help", year=year - 1, points=components.points_text(change))


def area_counts(figures: dict, pop: dict | None) -> str | None:
    """The line under a region's or the country's share: its count of speakers and its population (the
    download holds them, so the page shows them too)."""
    if not figures or data.is_missing(figures.get("speakers")):
        return None
    population = count_text((pop or {}).get("population"))
    return t(
        "card_area_counts",
        count=count_text(figures.get("speakers"), figures.get("speakers_flag")),
        population=population,
    )


# two rows of three cards: five in one row were cut short ("5…", "Päijänne-Ta…") on narrower windows
shares_col, counts_col = st.container(), st.container()
with shares_col:
    st.markdown(f"**{t('share_of_population')} {day_text(year_end)}**")
    own_card, region_card, country_card = st.columns(3)
    with own_card:
        components.headline_card(
            name,
            own_share,
            change=change,
            change_text=components.points_text(change) if change is not None else None,
            help=share_help,
        )
    with region_card:
        components.headline_card(
            region_name,
            region_share,
            change_text=area_counts(region, data.area_population("region", muni["region_code"], year)),
            help=t("card_region_help", region=region_name),
        )
    with country_card:
        components.headline_card(
            t("card_country"),
            country_share,
            change_text=area_counts(country, data.area_population("country", "SSS", year)),
            help=t("card_comparison_help"),
        )
with counts_col:
    st.markdown(f"**{name} {day_text(year_end)}**")
    count_card, population_card, _ = st.columns(3)
    with count_card:
        hidden = own.get("speakers_flag") == disclosure.CONFIDENTIAL
        components.headline_card(
            t("card_count"),
            own_count,
            words=own_count == t("not_in_snapshot"),
            help=t("confidential_help") if hidden else None,
        )
    with population_card:
        components.headline_card(
            t("population") if str(pop_date)[:10] == year_end else t("card_population", date=day_text(pop_date)),
            count_text(population.get("population")) if population else t("not_in_snapshot"),
            change_text=t("preliminary") if pop_preliminary else None,
        )

change_words = t("headline_change", year=year - 1, points=components.points_text(change)) if change is not None else ""
count_words = t("headline_count", count=own_count) if own_count != t("not_in_snapshot") else ""
sentence_share = own_share
if own_share == disclosure.SYMBOL_DERIVED:  # hidden with a count of 1-4: say it in words
    sentence_share, count_words = f"{own_share} ({t('hidden_words')})", ""
known = [
    f"{label} {value}"
    for label, value, row in ((region_name, region_share, region), (t("whole_country").lower(), country_share, country))
    if row
]
comparison = t("headline_comparison", parts=", ".join(known)) if known else t("headline_no_comparison", year=year)
headline = t(
    "profile_headline",
    name=name,
    date=day_text(year_end),
    share=sentence_share,
    change=change_words,
    count=count_words,
    comparison=comparison,
)
st.markdown(headline)
about_headline = components.source_caption(
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


def headline_rows() -> pd.DataFrame:
    """The cards' figures for download: one row per area, counts through the disclosure rule."""
    rows = []
    for label, figures, pop in (
        (name, own, population),
        (region_name, region, data.area_population("region", muni["region_code"], year) or {}),
        (t("whole_country"), country, data.area_population("country", "SSS", year) or {}),
    ):
        rows.append(
            {
                t("municipality") + " / " + t("region").lower(): label,
                t("year"): year,
                t("reference_date"): year_end,
                t("share"): figures.get("share_pct"),
                f"{t('share')}: {t('marking').lower()}": components.share_marking(
                    figures.get("share_pct"), figures.get("speakers_flag")
                ),
                f"{t('share')}: {t('method').lower()}": components.method_words([figures.get("share_method")])[0],
                f"{t('share')}: {t('source').lower()}": figures.get("share_source"),
                t("speakers"): figures.get("speakers"),
                f"{t('speakers')}: {t('marking').lower()}": components.marking(figures.get("speakers_flag")),
                f"{t('speakers')}: {t('method').lower()}": components.method_words([figures.get("speakers_method")])[0],
                f"{t('speakers')}: {t('source').lower()}": figures.get("speakers_source"),
                t("population"): pop.get("population"),
                f"{t('population')}: {t('reference_date').lower()}": str(pop.get("reference_date", ""))[:10] or None,
                f"{t('population')}: {t('status').lower()}": components.status_words([pop.get("population_status")])[0],
                f"{t('population')}: {t('method').lower()}": components.method_words([pop.get("method")])[0],
                f"{t('population')}: {t('source').lower()}": pop.get("source"),
            }
        )
    return pd.DataFrame(rows)


components.downloads(headline_rows(), f"{code}_{year}_avainluvut", about_headline)

# -- the share over time -------------------------------------------------------------------------------
st.divider()
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
    trend["share_text"] = [share_text(v, f) for v, f in zip(trend["share_pct"], trend["speakers_flag"])]
    first, last = int(trend["year"].min()), int(trend["year"].max())
    st.subheader(t("section_trend"))
    sources = list(dict.fromkeys(trend["share_source"].dropna()))
    title = f"{t('trend_title', first=first, last=last)}: {name}, {region_name}, {t('whole_country').lower()}"
    trend_chart = charts.share_trend(trend, title, "; ".join(sources[:1]), key="profile_trend")
    components.chart(trend_chart)
    st.markdown(charts.share_trend_summary(trend, year))
    compare_years = sorted(set(trend.loc[trend["role"] != "municipality", "year"].astype(int)))
    gaps = (
        [t("trend_gaps", years=", ".join(map(str, compare_years)))]
        if compare_years and len(compare_years) < trend.loc[trend["role"] == "municipality", "year"].nunique()
        else []
    )
    methods = trend.drop_duplicates(["label", "share_method"])
    about_trend = components.source_caption(
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
    components.downloads(download, f"{code}_vieraskielisten_osuus", about_trend, chart=trend_chart)


# -- breakdowns: languages, age and sex, citizenship (live data only) ----------------------------------


def breakdown_year(frame: pd.DataFrame) -> int:
    years = sorted(frame["year"].dropna().astype(int).unique())
    earlier = [y for y in years if y <= year]
    return earlier[-1] if earlier else years[-1]


def with_counts(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["count_text"] = [count_text(v, f) for v, f in zip(frame["population"], frame["population_flag"])]
    return frame


def breakdown_download(
    frame: pd.DataFrame, label_column: str | None, stem: str, about: list[str], chart: charts.Drawn
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
    components.downloads(out.rename(columns=names), stem, about, chart=chart)


def top_section(
    frame: pd.DataFrame,
    group_column: str,
    group_value: str,
    label_column: str,
    label_key: str,
    title_key: str,
    summary_key: str,
    dataset: str,
    stem: str,
) -> None:
    """The ten largest groups (languages or citizenships) as bars, largest first."""
    y = breakdown_year(frame)
    rows = frame[(frame["year"] == y) & (frame[group_column] == group_value)]
    if "sex" in rows:
        rows = rows[rows["sex"] == "total"] if (rows["sex"] == "total").any() else rows
    rows = with_counts(rows.sort_values("population", ascending=False, na_position="last").head(10))
    rows = rows.rename(columns={label_column: "label"})
    source = rows["source"].dropna().iloc[0] if rows["source"].notna().any() else None
    drawn = charts.top_bars(rows, t(title_key, year=y), source, key=f"profile_{stem}")
    components.chart(drawn)
    st.markdown(charts.top_summary(rows, summary_key))
    about = components.source_caption(
        sources=[source],
        dates=rows["reference_date"],
        definitions=[dataset],
        small_counts=(rows["population_flag"] == disclosure.CONFIDENTIAL).any(),
    )
    breakdown_download(rows.rename(columns={"label": t(label_key)}), t(label_key), f"{code}_{stem}_{y}", about, drawn)


def age_sex_section(frame: pd.DataFrame) -> None:
    y = breakdown_year(frame)
    rows = with_counts(frame[frame["year"] == y])
    source = rows["source"].dropna().iloc[0] if rows["source"].notna().any() else None
    drawn = charts.age_sex_bars(rows, t("age_sex_title", year=y), source, key="profile_age_sex")
    components.chart(drawn)
    st.markdown(charts.age_sex_summary(rows))
    about = components.source_caption(
        sources=[source],
        dates=rows["reference_date"],
        definitions=["population_by_age_sex"],
        small_counts=(rows["population_flag"] == disclosure.CONFIDENTIAL).any(),
    )
    breakdown_download(rows, None, f"{code}_ika_ja_sukupuoli_{y}", about, drawn)


def section(title_key: str, table: str, frame: pd.DataFrame, offline_key: str, render) -> None:
    st.subheader(t(title_key))
    if not frame.empty:
        render(frame)
    elif not data.has_rows(table):
        st.markdown(t(offline_key))
    else:
        st.markdown(t("no_rows_this_municipality", name=name))


def languages_section(frame: pd.DataFrame) -> None:
    top_section(
        frame,
        "language_group",
        "foreign_language",
        "language_name_fi",
        "language",
        "languages_title",
        "languages_summary",
        "population_by_language",
        "kielet",
    )


def citizenship_section(frame: pd.DataFrame) -> None:
    top_section(
        frame,
        "citizenship_group",
        "country",
        "citizenship_name_fi",
        "citizenship",
        "citizenship_title",
        "citizenship_summary",
        "population_by_citizenship",
        "kansalaisuudet",
    )


st.divider()
left, right = st.columns(2, gap="large")
with left:
    section(
        "section_languages",
        "population_by_language",
        data.population_by_language(code),
        "offline_languages",
        languages_section,
    )
with right:
    section(
        "section_citizenship",
        "population_by_citizenship",
        data.population_by_citizenship(code),
        "offline_citizenship",
        citizenship_section,
    )
section(
    "section_age_sex", "population_by_age_group", data.population_by_age_group(code), "offline_age_sex", age_sex_section
)

# ======================================================================================================
# Temporary protection and quota refugees: the lead adds these sections here (below this line).
# ======================================================================================================
st.divider()


def temporary_protection_section() -> None:
    """The latest month-end count of the year with its monthly series, note and the context sentence."""
    st.subheader(t("section_tp"))
    rows = data.temporary_protection(code)
    if rows.empty:
        st.markdown(t("tp_none", name=name))
        return
    rows = rows.assign(
        count_text=[count_text(v, f) for v, f in zip(rows["persons"], rows["persons_flag"])],
        month_text=[day_text(d) for d in rows["reference_date"]],
    )
    in_year = rows[rows["year"] == year]
    latest = (in_year if len(in_year) else rows).iloc[-1]
    # the card above the text: side by side in a half-width column they left ~180 px for the sentences at
    # 1 024 px, a word a line
    card = text = st.container()
    with card:
        components.headline_card(latest["month_text"], latest["count_text"], help=t("tp_card", name=name))
    with text:
        summary = t("tp_summary", date=latest["month_text"], count=latest["count_text"], name=name)
        if not data.is_missing(latest["change_from_previous"]):
            summary += t("tp_change", change=formatting.number(int(latest["change_from_previous"]), lang()))
        if in_year.empty:
            summary += " " + t("tp_not_in_year", year=year, date=latest["month_text"])
        st.markdown(summary)
        for note in rows["note"].dropna().unique():
            # the file's own words, in the language they were written in: said so, never passed off as ours
            st.info(f"{t('tp_note_quoted')}: “{components.plain(note)}”", icon=":material/info:")
        st.markdown(t("tp_context"))
    source = rows["source"].dropna().iloc[-1]
    drawn = None
    if len(rows) > 1:
        drawn = charts.monthly_counts(rows, t("tp_title", name=name), source, key="profile_tp")
        components.chart(drawn)
    about = components.source_caption(
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
    components.downloads(out, f"{code}_tilapainen_suojelu", about, chart=drawn)


def quota_section() -> None:
    """The yearly quota against quota refugees arrived (the municipality's own figures)."""
    st.subheader(t("section_quota"))
    rows = data.quota_refugees(code)
    if rows.empty:
        st.markdown(t("quota_none", name=name, quota=t("local.quota.title"), arrivals=t("local.arrivals.title")))
        return
    rows = rows.assign(
        quota_text=[count_text(v) for v in rows["quota"]],
        arrived_persons_text=[count_text(v, f) for v, f in zip(rows["arrived_persons"], rows["arrived_persons_flag"])],
        arrived_families_text=[
            count_text(v, f) for v, f in zip(rows["arrived_families"], rows["arrived_families_flag"])
        ],
        part_year=[
            part_of_year(p, int(y)) and not pd.isna(a)
            for p, y, a in zip(rows["arrivals_periods"], rows["year"], rows["arrived_persons"])
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
        components.chart(drawn)
    shown = rows[rows["year"] == year]
    r = (shown if len(shown) else rows).iloc[-1]
    if isinstance(r["arrivals_periods"], str):
        st.markdown(
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
        st.markdown(t("quota_summary_quota_only", year=int(r["year"]), quota=r["quota_text"]))
    about = components.source_caption(
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
    components.downloads(out, f"{code}_kiintiopakolaiset", about, chart=drawn)


tp_col, quota_col = st.columns(2, gap="large")
with tp_col:
    temporary_protection_section()
with quota_col:
    quota_section()
