"""The impact page's scorecard: the twelve indicators' cards and the national survey (``app_pages/impact.py``)."""

from __future__ import annotations

from collections import Counter
from typing import Literal

import pandas as pd

from dashboard import charts, components, data, parts
from dashboard.components import count_text
from dashboard.i18n import column, lang, t
from pipeline import disclosure, formatting
from pipeline import i18n as catalog
from pipeline.report import indicators as report

BADGE_COLOUR: dict[str, Literal["green", "blue", "gray"]] = {"measured": "green", "local": "blue", "no_data": "gray"}


def value_text(row) -> str:
    """A value in its unit, through the small-count rule (``< 5`` for a count, ``..`` for a derived figure)."""
    hidden = row["value_flag"] == disclosure.CONFIDENTIAL
    if row["unit"] in ("persons", "count"):
        return count_text(row["value"], row["value_flag"])
    if hidden:
        return disclosure.SYMBOL_DERIVED
    if data.is_missing(row["value"]):
        return formatting.MISSING
    if row["unit"] == "percent":
        return formatting.percent(row["value"], lang(), 1 if abs(row["value"]) >= 0.1 else 2)
    if row["unit"] == "percentage_points":
        return formatting.points(row["value"], lang())
    return formatting.number(row["value"], lang(), 1)


def shown_value(row):
    """The value as the card rounds it (for the download): a percent to 0.1 (0.01 under 0.1), else to 0.1."""
    value = row["value"]
    if data.is_missing(value) or row["unit"] in ("persons", "count"):
        return value
    places = 2 if row["unit"] == "percent" and abs(value) < 0.1 else 1
    return round(float(value), places)


def period_text(period) -> str:
    if not isinstance(period, str):
        return formatting.MISSING
    if "/" in period:
        start, end = period.split("/")
        return f"{formatting.day(start, lang())}–{formatting.day(end, lang())}"
    return period


def trend_text(latest, previous, higher_is_better) -> str:
    """The change from the previous value, said as better or worse where the direction is known."""
    if previous is None or any(data.is_missing(v) for v in (latest["value"], previous["value"])):
        return ""
    diff = float(latest["value"]) - float(previous["value"])
    if diff == 0:
        judgement = t("trend_same")
    elif data.is_missing(higher_is_better):
        judgement = ""
    else:
        judgement = t("trend_better") if (diff > 0) == bool(higher_is_better) else t("trend_worse")
    arrow = "↑" if diff > 0 else ("↓" if diff < 0 else "→")
    shown = t("trend_from", period=period_text(previous["period"]), value=value_text(previous))
    return f"{arrow} {shown}" + (f" · {judgement}" if judgement else "")


def measure_block(rows: list[dict], name: str, year: int) -> tuple[str, dict]:
    """One measure (its latest value, trend, period and source, or how to fill it) as the card's HTML, and
    its row for the download."""
    first = rows[0]
    label = first[column(first, "measure")]
    have = [r for r in rows if r["status"] != "no_data"]
    if not have:
        how_to_get = first[column(first, "how_to_get")]
        if isinstance(first["template"], str):
            fill = t("fill_own", title=t(f"local.{first['template']}.title"))
        elif isinstance(how_to_get, str) and how_to_get.strip():
            fill = how_to_get
        else:  # open data that has no figure for this municipality and year (or only hidden ones)
            fill = t("fill_not_in_snapshot", name=name, year=year)
        line = components.card_line(label, t("status_no_data").lower(), f"· {fill}")
        return line, {**first, "value_text": "", "status": "no_data"}
    latest = have[-1]
    previous = have[-2] if len(have) > 1 else None
    trend = trend_text(latest, previous, first["higher_is_better"])
    after = f"({period_text(latest['period'])})" + (f" · {trend}" if trend else "")
    line = components.card_line(label, value_text(latest), after)
    source = components.card_source(f"{t('cap_source')}: {source_text(latest)}")
    return line + source, {**latest, "value_text": value_text(latest)}


def source_text(row) -> str:
    """A value's source, with "preliminary" in the page's language when the figure is one."""
    return f"{row['source']} ({t('preliminary')})" if row.get("preliminary") in (True,) else str(row["source"])


def indicator_card(rows: tuple[dict, ...], name: str, year: int) -> tuple[str, list[dict]]:
    """One indicator's card (HTML) from its scorecard rows, and the rows it shows (plain dicts: a page of 12
    cards filtered a frame of 30 columns some 200 times, a third of its server time; one HTML block a group
    of cards instead of an element a line was a third of the page's elements in the browser)."""
    first = rows[0]
    measures: dict[str, list[dict]] = {}
    for row in rows:
        measures.setdefault(row["measure_id"], []).append(row)
    statuses = [
        next((r["status"] for r in reversed(m) if r["status"] != "no_data"), "no_data") for m in measures.values()
    ]
    status = report.indicator_status(statuses)
    have = sum(s != "no_data" for s in statuses)
    if status != "no_data" and have < len(statuses):  # never a green "measured" over a measure without data
        badge, colour = t("status_partial", have=have, total=len(statuses)), "orange"
    else:
        badge, colour = t(f"status_{status}"), BADGE_COLOUR[status]
    blocks, shown = zip(*(measure_block(measure_rows, name, year) for measure_rows in measures.values()))
    return components.card(first[column(first, "indicator")], badge, colour, blocks), list(shown)


@parts.built_once()
def scorecard_page(version: str, code: str, year: int, language: str) -> parts.Parts:
    """The twelve indicators' cards group by group with their download, then the national survey."""
    p = parts.Parts()
    name = data.municipality(code)[f"name_{language}"]
    scorecard = data.scorecard_cards(code, year)  # group by group, indicator by indicator: plain rows

    p.title(t("impact_title", name=name))
    p.markdown(t("impact_intro"))

    statuses = Counter(
        report.indicator_status({row["status"] for row in rows}) for group in scorecard for rows in group
    )
    p.markdown(
        "**"
        + t(
            "impact_counts",
            measured=statuses.get("measured", 0),
            local=statuses.get("local", 0),
            no_data=statuses.get("no_data", 0),
        )
        + "**"
    )

    shown: list[dict] = []
    for group in scorecard:
        p.subheader(group[0][0][column(group[0][0], "group")])
        cards = []
        for rows in group:
            card, rows_shown = indicator_card(rows, name, year)
            cards.append(card)
            shown.extend(rows_shown)
        p.cards(cards)

    about = p.caption(
        sources=[source_text(s) for s in shown if isinstance(s.get("source"), str)],
        dates=[s["reference_date"] for s in shown if not data.is_missing(s.get("reference_date"))],
        small_counts=any(s.get("value_flag") == disclosure.CONFIDENTIAL for s in shown),
        notes=[t("impact_intro").split(".")[0] + "."],
    )
    table = pd.DataFrame(
        [
            {
                t("group"): s[column(s, "group")],
                t("indicator"): s[column(s, "indicator")],
                t("measure"): s[column(s, "measure")],
                t("value"): shown_value(s) if s["status"] != "no_data" else None,
                t("marking"): s.get("value_text", ""),
                t("unit"): t(f"unit_{s['unit']}") if catalog.has(f"unit_{s['unit']}") else s["unit"],
                t("period"): s.get("period"),
                t("status"): t(f"status_{s['status']}"),
                t("source"): source_text(s) if isinstance(s.get("source"), str) else None,
            }
            for s in shown
        ]
    )
    p.downloads(table, f"{code}_vaikuttavuus_{year}", about, decimals={t("value"): None})

    # -- national reference --------------------------------------------------------------------------------
    p.divider()
    survey = data.kuntaliitto_survey()
    if not survey.empty:
        p.subheader(t("kl_title"))
        survey = survey.assign(  # the questions in the page's language (the mart has only fi and en)
            question=[
                t(f"kl_question.{q}") if catalog.has(f"kl_question.{q}") else text
                for q, text in zip(survey["question_id"], survey[column(survey, "question")])
            ]
        )
        survey_chart = charts.survey_bars(survey, t("kl_title"), survey["source"].iloc[0], key="impact_kuntaliitto")
        p.chart(survey_chart)
        resources = survey[survey["question_id"] == "resources_sufficient"]
        if len(resources):
            r = resources.iloc[0]
            p.markdown(
                t(
                    "kl_summary",
                    agree=formatting.percent(r["agree_pct"], lang(), 0),
                    disagree=formatting.percent(r["disagree_pct"], lang(), 0),
                    answers=formatting.number(r["answers"], lang()),
                )
            )
        about = p.caption(sources=survey["source"], dates=survey["reference_date"], definitions=["kuntaliitto_survey"])
        answers = {"agree_pct": "kl_agree", "neutral_pct": "kl_neutral", "disagree_pct": "kl_disagree"}
        answers["cannot_say_pct"] = "kl_cannot_say"
        survey_download = pd.DataFrame(
            {
                t("kl_question_col"): survey["question"],
                t("kl_answers"): survey["answers"],
                **{f"{t(key)}, %": survey[column_name] for column_name, key in answers.items()},
                t("reference_date"): survey["reference_date"],
                t("source"): survey["source"],
            }
        )
        p.downloads(survey_download, "kuntaliitto_kysely_2023", about, chart=survey_chart, decimals={})
    return p
