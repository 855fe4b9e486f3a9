"""The review's content, computed once from the marts: :func:`build_review` returns a :class:`Review`."""

from __future__ import annotations

from datetime import datetime

from pipeline import disclosure, i18n
from pipeline import formatting as fmt
from pipeline.report.review import words
from pipeline.report.review.chart_data import charts
from pipeline.report.review.figures import Figures, compute
from pipeline.report.review.indicator_table import indicator_table
from pipeline.report.review.marts import Marts
from pipeline.report.review.model import Review, Table
from pipeline.report.review.profile_text import paragraphs
from pipeline.report.review.sources import source_lines
from pipeline.report.review.subjects import Subject


def build_review(marts: Marts, subject: Subject, year: int, lang: str, made: datetime | None = None) -> Review:
    figs = compute(marts, subject, year)
    name = subject.name(lang)
    made = made or datetime.now()
    info = marts["build_info"].iloc[0]
    heading = [
        (i18n.text("review_for_group" if subject.joint else "review_for", lang), name),
        *(
            [
                (
                    i18n.text("review_members", lang),
                    words.joined([f"{m[f'name_{lang}']} ({m['kunta_code']})" for m in figs.members], lang),
                )
            ]
            if subject.joint
            else [(i18n.text("municipality_code", lang), figs.members[0]["kunta_code"])]
        ),
        (
            i18n.text("review_year", lang),
            i18n.text("review_year_value", lang, year=year, date=fmt.day(f"{year}-12-31", lang)),
        ),
        (i18n.text("review_made", lang), f"{fmt.day(made.date().isoformat(), lang)} {made:%H:%M}"),
        (
            i18n.text("review_snapshot", lang),
            i18n.text(
                "review_snapshot_value",
                lang,
                built=fmt.day(str(info["built_at"])[:10], lang),
                snapshots=", ".join(sorted({s.split("=")[-1] for s in str(info["snapshots"]).split(", ")})),
            ),
        ),
        (i18n.text("review_sources_short", lang), i18n.text("review_sources_short_value", lang)),
    ]
    return Review(
        lang=lang,
        year=year,
        name=name,
        title=i18n.text("review_title", lang, year=year, name=name),
        subtitle=i18n.text("review_subtitle", lang),
        heading=heading,
        profile=paragraphs(marts, subject, figs, lang),
        key_figures=key_figures(subject, figs, lang),
        charts=charts(marts, subject, figs, lang),
        indicators=[indicator_table(marts, m, year, lang, titled=subject.joint) for m in figs.members],
        indicators_intro=i18n.text("review_indicators_intro", lang, year=year),
        sources=source_lines(marts, subject, figs, lang),
        footer=i18n.text("review_footer", lang, name=name, year=year),
        headings={
            "profile": i18n.text("review_profile_heading", lang),
            "key_figures": i18n.text("review_key_figures", lang),
            "charts": i18n.text("review_charts_heading", lang),
            "indicators": i18n.text("review_indicators_heading", lang),
            "sources": i18n.text("review_sources_heading", lang),
        },
    )


def key_figures(subject: Subject, figs: Figures, lang: str) -> Table:
    """Share, count, population and the share's change for each member, the group, the regions and the country."""

    def row(name: str, f: dict, change) -> list[str]:
        star = "*" if f["population_status"] == "preliminary" else ""
        return [
            name,
            words.share(f["foreign_language_share_pct"], f["foreign_language_speakers_flag"], lang),
            words.count(
                f["foreign_language_speakers"],
                f["foreign_language_speakers_flag"],
                lang,
                f.get("foreign_language_speakers_method"),
            ),
            fmt.number(f["population"], lang) + star,
            fmt.points(change, lang),
        ]

    rows = [row(str(m[f"name_{lang}"]), m["figures"], m["change"]) for m in figs.members]
    if figs.total is not None:
        prelim = any(m["figures"]["population_status"] == "preliminary" for m in figs.members)
        rows.append(
            [
                i18n.text("review_group_total_label", lang, group=subject.name(lang)),
                words.share(figs.total_share, figs.total.flag, lang),
                # hidden because a member's is: "..", as a figure derived from a hidden count (never "< 5":
                # the total is not small, it would give the hidden member's count away)
                disclosure.SYMBOL_DERIVED
                if figs.total.hidden_members
                else words.count(figs.total.value, figs.total.flag, lang),
                fmt.number(figs.total_population, lang) + ("*" if prelim else ""),
                fmt.MISSING,
            ]
        )
    rows += [
        row(f"{r[f'name_{lang}']} ({i18n.text('region', lang).lower()})", r["figures"], r["change"])
        for r in figs.regions
    ]
    rows.append(row(i18n.text("whole_country", lang), figs.country["figures"], figs.country["change"]))
    columns = [i18n.text(k, lang) for k in ("review_col_area", "share_short", "speakers", "population", "change_short")]
    note = f"{fmt.day(f'{figs.year}-12-31', lang)}. * = {i18n.text('preliminary', lang)}. {i18n.text('review_symbols', lang)}"
    return Table(columns, rows, note=note)
