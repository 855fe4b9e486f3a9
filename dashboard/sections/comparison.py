"""The comparison page's sections: the chosen side by side, all 308 ranked with the map, the most similar
municipalities (``app_pages/comparison.py``)."""

from __future__ import annotations

import pandas as pd

from dashboard import charts, components, data, parts
from dashboard.components import count_text, day_text, points_text, share_text
from dashboard.i18n import lang, t
from pipeline import disclosure, formatting


def names(code: str, language: str) -> tuple[dict[str, str], dict, str]:
    """Every municipality's name by code, the selected one's row and its name, in ``language``."""
    label = data.names_in_order(language)[1]  # shared: never mutate
    return label, data.municipality(code), label[code]


def default_selection(code: str) -> list[str]:
    """The selected municipality and the largest others of its region, six at most."""
    munis = data.municipalities()
    muni = data.municipality(code)
    pop = data.latest_year_end_population().set_index("area_code")["population"]
    same = munis[(munis["region_code"] == muni["region_code"]) & (munis["kunta_code"] != code)]
    others = sorted(same["kunta_code"], key=lambda c: -pop.get(c, 0))
    return [code] + others[:5]


@parts.built_once()
def side_by_side(
    version: str, code: str, year: int, picked: tuple[str, ...], with_areas: bool, measure: str, language: str
) -> parts.Parts:
    """The chosen municipalities (and the region and the country) year by year: table, chart, summary, download."""
    p = parts.Parts()
    chosen = list(picked)
    label, muni, name = names(code, language)
    fls = data.foreign_language_speakers()
    rows = fls[(fls["area_level"] == "municipality") & fls["area_code"].isin(chosen)].copy()
    rows = rows.rename(columns={"area_code": "kunta_code"})
    rows["label"] = rows["kunta_code"].map(label)
    areas: list[str] = []
    if with_areas:  # the region's and the country's published or computed figures, through the same rule
        region_rows = fls[(fls["area_level"] == "region") & (fls["area_code"] == muni["region_code"])]
        country_rows = fls[(fls["area_level"] == "country") & (fls["area_code"] == "SSS")]
        extra = pd.concat(
            [
                region_rows.assign(kunta_code="region", label=muni[f"region_name_{language}"]),
                country_rows.assign(kunta_code="country", label=t("whole_country")),
            ]
        )
        extra = extra[extra["year"].isin(rows["year"].unique())]
        rows = pd.concat([rows, extra.drop(columns=["area_code"])], ignore_index=True)
        areas = [a for a in ("region", "country") if a in set(rows["kunta_code"])]
    rows["share_text"] = [share_text(v, f) for v, f in zip(rows["share_pct"], rows["speakers_flag"])]
    rows["count_text"] = [count_text(v, f) for v, f in zip(rows["speakers"], rows["speakers_flag"])]
    row_names = {**label, **dict(zip(rows["kunta_code"], rows["label"]))}
    years = sorted(rows["year"].astype(int).unique())
    cell = "count_text" if measure == "count" else "share_text"
    wide = rows.pivot(index="kunta_code", columns="year", values=cell).reindex(chosen + areas)
    wide.columns = [str(int(c)) for c in wide.columns]
    wide.insert(0, t("municipality"), [row_names[c] for c in wide.index])
    p.table(wide, numeric=list(wide.columns[1:]), chosen=[i for i, c in enumerate(wide.index) if c == code])
    sources = list(dict.fromkeys(rows["share_source"].dropna()))
    title = t("cmp_lines_title", first=years[0], last=years[-1])
    lines = charts.compare_lines(
        rows, code, chosen + areas, title, sources[0] if sources else None, key="comparison_lines"
    )
    p.chart(lines)
    p.markdown(charts.compare_lines_summary(rows[rows["kunta_code"].isin(chosen)], name, year))
    about = p.caption(
        sources=sources,
        dates=rows["reference_date"],
        definitions=["foreign_language_speakers"],
        computed=list(zip(rows["label"], rows["share_method"])),
        small_counts=(rows["speakers_flag"] == disclosure.CONFIDENTIAL).any(),
    )
    out = rows.assign(order=rows["kunta_code"].map({c: i for i, c in enumerate(chosen + areas)}))
    out = out.sort_values(["order", "year"])
    out["kunta_code"] = out["kunta_code"].where(out["kunta_code"].isin(chosen))
    p.downloads(
        pd.DataFrame(
            {
                t("municipality"): out["label"],
                t("municipality_code").capitalize(): out["kunta_code"],
                t("year"): out["year"],
                t("reference_date"): out["reference_date"].astype(str).str[:10],
                t("share"): out["share_pct"],
                t("marking"): [components.share_marking(v, f) for v, f in zip(out["share_pct"], out["speakers_flag"])],
                t("method"): components.method_words(out["share_method"]),
                t("source"): out["share_source"],
                t("speakers"): out["speakers"],
                f"{t('speakers')}: {t('marking').lower()}": [components.marking(f) for f in out["speakers_flag"]],
            }
        ),
        f"vertailu_{code}",
        about,
        chart=lines,
    )
    return p


@parts.built_once()
def ranking_map_peers(version: str, code: str, year: int, language: str) -> parts.Parts:
    """All 308 ranked by the share, the map, and the ten municipalities most like the selected one."""
    p = parts.Parts()
    label, muni, name = names(code, language)
    areas = data.municipalities()
    region_label = dict(zip(areas["kunta_code"], areas[f"region_name_{language}"]))
    region_of = dict(zip(areas["kunta_code"], areas["region_code"]))
    year_end = f"{year}-12-31"
    p.header(t("cmp_ranking", year=year), divider="gray")
    ranked = data.ranking(year).copy()
    ranked["label"] = ranked["kunta_code"].map(label)
    ranked["share_text"] = [share_text(v, f) for v, f in zip(ranked["share_pct"], ranked["speakers_flag"])]
    ranked = ranked.sort_values(["rank", "label"], na_position="last").reset_index(drop=True)
    n_ranked = int(ranked["rank"].notna().sum())
    own_rank = ranked.loc[ranked["kunta_code"] == code, "rank"].iloc[0]
    if pd.isna(own_rank):
        p.markdown(t("cmp_rank_hidden", name=name))
    else:
        p.markdown(
            t(
                "cmp_rank_sentence",
                name=name,
                rank=int(own_rank),
                n=n_ranked,
                share=ranked.loc[ranked["kunta_code"] == code, "share_text"].iloc[0],
            )
        )

    # the table, then the map below it, each in the page's full width
    cols = {
        "rank": t("rank"),
        "label": t("municipality"),
        "region": t("region"),
        "share_pct": t("share_short"),
        "change": t("change_short"),
        "count_text": t("speakers"),
    }
    counts = [count_text(v, f) for v, f in zip(ranked["speakers"], ranked["speakers_flag"])]
    shown = ranked.assign(region=ranked["kunta_code"].map(region_label), count_text=counts)
    shown = shown[list(cols)].rename(columns=cols)
    hidden_rows = ranked.index[ranked["share_pct"].isna() & (ranked["speakers_flag"] == disclosure.CONFIDENTIAL)]
    shown[t("rank")] = ["–" if pd.isna(v) else str(int(v)) for v in ranked["rank"]]
    shown[t("share_short")] = ranked["share_text"]
    shown[t("change_short")] = [points_text(v) for v in ranked["change"]]
    p.table(
        shown,
        widths=[9, 19, 17, 11, 24, 20],
        numeric=[t("rank"), t("share_short"), t("change_short"), t("speakers")],
        chosen=list(ranked.index[ranked["kunta_code"] == code]),
        height=660,
    )
    source = ranked["share_source"].dropna().iloc[0] if ranked["share_source"].notna().any() else None
    drawn_map = charts.share_map(
        data.boundaries_geojson(), ranked, code, t("cmp_map", year=year), source, region_of
    )  # from the ranked rows: their names and shares as the table shows them
    p.chart(drawn_map)
    p.markdown(charts.share_map_summary(ranked, name))
    about = p.caption(
        sources=ranked["share_source"],
        dates=[year_end],
        definitions=["foreign_language_speakers"],
        computed=list(zip(ranked["label"], ranked["share_method"])),
        small_counts=len(hidden_rows) > 0,
    )
    p.downloads(
        pd.DataFrame(
            {
                t("rank"): ranked["rank"],
                t("municipality"): ranked["label"],
                t("municipality_code").capitalize(): ranked["kunta_code"],
                t("region"): ranked["kunta_code"].map(region_label),
                t("year"): year,
                t("reference_date"): year_end,
                t("share"): ranked["share_pct"],
                f"{t('share')}: {t('marking').lower()}": [
                    components.share_marking(v, f) for v, f in zip(ranked["share_pct"], ranked["speakers_flag"])
                ],
                t("change"): ranked["change"],
                t("speakers"): ranked["speakers"],
                f"{t('speakers')}: {t('marking').lower()}": [components.marking(f) for f in ranked["speakers_flag"]],
                t("method"): components.method_words(ranked["share_method"]),
                t("source"): ranked["share_source"],
            }
        ),
        f"jarjestys_{year}",
        about,
        chart=drawn_map,
        chart_stem=f"kartta_{year}",
    )

    # -- (d) similar municipalities --------------------------------------------------------------------
    p.header(t("cmp_peers"), divider="gray")
    peers = data.peer_group(code, year)
    own_pop = data.latest_year_end_population().set_index("area_code")
    if peers.empty or code not in own_pop.index:
        p.markdown(t("cmp_peers_none", name=name))
    else:
        own_share = ranked.loc[ranked["kunta_code"] == code, "share_text"].iloc[0]
        pop_row = own_pop.loc[code]
        p.markdown(
            t(
                "cmp_peers_explain",
                name=name,
                population=count_text(pop_row["population"]),
                pop_date=day_text(pop_row["reference_date"]),
                share=own_share,
                year=year,
            )
        )
        pop_label = f"{t('population')} {day_text(pop_row['reference_date'])}"
        table = pd.DataFrame(
            {
                t("municipality"): peers["kunta_code"].map(label),
                t("region"): peers["kunta_code"].map(region_label),
                pop_label: peers["population"],
                t("share"): peers["share_pct"],
                t("distance"): peers["distance"],
            }
        )
        p.table(
            table.assign(
                **{
                    pop_label: [count_text(v) for v in table[pop_label]],
                    t("share"): [share_text(v) for v in table[t("share")]],
                    t("distance"): [formatting.number(v, lang(), 2) for v in table[t("distance")]],
                }
            ),
            numeric=[pop_label, t("share"), t("distance")],
        )
        preliminary = peers["population_status"].eq("preliminary").any()
        about = p.caption(
            sources=list(peers["share_source"]) + list(peers["population_source"]),
            dates=[year_end, pop_row["reference_date"]],
            definitions=["foreign_language_speakers", "population"],
            computed=[(label[c], m) for c, m in zip(peers["kunta_code"], peers["population_method"])],
            preliminary=[day_text(pop_row["reference_date"])] if preliminary else [],
        )
        p.downloads(
            pd.DataFrame(
                {
                    t("municipality"): table[t("municipality")],
                    t("municipality_code").capitalize(): peers["kunta_code"],
                    t("region"): table[t("region")],
                    t("population"): peers["population"],
                    f"{t('population')}: {t('reference_date').lower()}": peers["reference_date"].astype(str).str[:10],
                    f"{t('population')}: {t('status').lower()}": components.status_words(peers["population_status"]),
                    f"{t('population')}: {t('method').lower()}": components.method_words(peers["population_method"]),
                    t("share"): peers["share_pct"],
                    t("year"): year,
                    t("distance"): peers["distance"],
                    f"{t('share')}: {t('method').lower()}": components.method_words(peers["share_method"]),
                    f"{t('share')}: {t('source').lower()}": peers["share_source"],
                    f"{t('population')}: {t('source').lower()}": peers["population_source"],
                }
            ),
            f"samankaltaiset_{code}_{year}",
            about,
            decimals={t("distance"): 2},
        )
    return p
