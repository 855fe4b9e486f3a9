"""Kuntaryhmä: a group of municipalities (a joint programme from data/local/groups.csv, or chosen here),
each member side by side with the group's total, as the joint review shows them; the review's downloads.

The link keeps the choice: ``?ryhma=heinola-orimattila`` (a group's id) or ``?ryhma=111,560`` (codes).
The figures and the total come from ``pipeline.report.review`` (the total protected by its ``totals``:
shown only when every member's count is known and shown), so the page and the printed review agree.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import components, data
from dashboard.components import day_text
from dashboard.i18n import lang, t
from dashboard.review_downloads import review_buttons
from pipeline import paths
from pipeline.report.profile import ProfileError
from pipeline.report.review import on_demand, words

LINK = "ryhma"
OWN = "__own__"
year: int = st.session_state["vuosi"]
munis = data.municipalities()
label = dict(zip(munis["kunta_code"], munis[f"name_{lang()}"]))
groups = data.table("municipality_groups")
group_names = (
    {} if groups.empty else dict(zip(groups["group_id"], groups[f"name_{lang()}"].where(groups[f"name_{lang()}"].notna(), groups["name_fi"])))
)  # fmt: skip


def adopt_link() -> None:
    """A pasted link (or a test) sets the choice: a group's id, or municipality codes separated by commas."""
    raw = st.query_params.get(LINK)
    if raw is None or raw == st.session_state.get("_seen_ryhma"):
        return
    st.session_state["_seen_ryhma"] = raw
    if raw in group_names:
        st.session_state["group_choice"] = raw
        return
    codes = list(
        dict.fromkeys(c for c in (p.strip().upper().removeprefix("KU").zfill(3) for p in raw.split(",")) if c in label)
    )
    if codes:
        st.session_state["group_choice"] = OWN
        st.session_state["group_members"] = codes[:12]


if "group_choice" not in st.session_state:
    st.session_state["group_choice"] = next(iter(group_names), OWN)
if "group_members" not in st.session_state:
    st.session_state["group_members"] = [st.session_state.get("kunta", "111")]
adopt_link()

choice = st.selectbox(
    t("group_choose"),
    [*group_names, OWN],
    format_func=lambda g: group_names.get(g, t("group_own_choice")),
    key="group_choice",
    help=t("group_choose_help", title=t("local.groups.title")),
)
if choice == OWN:
    chosen = st.multiselect(
        t("group_members_pick"),
        sorted(label, key=lambda c: label[c].casefold()),
        format_func=lambda c: label[c],
        key="group_members",
        max_selections=12,
    )
    queries = tuple(chosen)
else:
    queries = (choice,)
link = ",".join(queries)
if st.query_params.get(LINK) != link:
    st.query_params[LINK] = link
st.session_state["_seen_ryhma"] = link  # our own write is not a new link
st.caption(t("group_link"))

if choice == OWN and len(queries) < 2:
    st.info(t("group_need_two"), icon=":material/info:")
    st.stop()
try:
    subject, figs, table = on_demand.group_figures(paths.database_path(), queries, year, lang())
except ProfileError:
    st.warning(t("review_unavailable", year=year), icon=":material/info:")
    st.stop()

name = subject.name(lang())
st.title(name)
members_line = words.joined([f"{m[f'name_{lang()}']} ({m['kunta_code']})" for m in figs.members], lang())
st.markdown(f"{t('review_members')}: {members_line}")
if subject.group is not None and subject.group.get("source"):
    st.caption(str(subject.group["source"]))
review_buttons(queries, year, name, subject.slug.replace("-", "_"))
st.markdown(t("group_intro", date=day_text(f"{figs.year}-12-31")))

# -- each member and the group's total side by side: the joint review's key-figures rows -----------------
cards = table.rows[: len(figs.members) + 1]  # the members, then the total (computed, labelled so)
for column, row in zip(st.columns(len(cards)), cards):
    area, share, count, population = row[:4]
    with column:
        components.headline_card(
            area,
            share,
            change_text=f"{t('speakers')}: {count} · {t('population')}: {population}",
            help=t("card_share_help", date=day_text(f"{figs.year}-12-31")),
        )
if figs.total is not None and figs.total.hidden_members:
    hidden = words.joined(
        [m[f"name_{lang()}"] for m in figs.members if m["name_fi"] in figs.total.hidden_members], lang()
    )
    st.caption(t("review_group_total_hidden", group=name, names=hidden))
elif figs.total is not None and figs.total.missing_members:
    missing = words.joined(
        [m[f"name_{lang()}"] for m in figs.members if m["name_fi"] in figs.total.missing_members], lang()
    )
    st.caption(t("review_group_total_missing", group=name, names=missing))

st.subheader(t("review_key_figures"))
components.table(pd.DataFrame(table.rows, columns=table.columns))
st.caption(table.note)
st.caption(components.rule_text())
