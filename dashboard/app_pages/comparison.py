"""Vertailu: municipalities side by side, all 308 ranked, a map, and the ten most similar municipalities."""

from __future__ import annotations

import streamlit as st

from dashboard import data
from dashboard.i18n import lang, t
from dashboard.sections import comparison

LINK = "vertaa"  # the chosen municipalities in the link: ?vertaa=111,560,098

code: str = st.session_state["kunta"]
year: int = st.session_state["vuosi"]
label, muni, name = comparison.names(code, lang())

st.title(t("cmp_title"))
st.markdown(t("cmp_intro", name=name))


# -- (a) side by side ----------------------------------------------------------------------------------
st.header(t("cmp_side_by_side"), divider="gray")
if st.session_state.get("comparison_for") != code or "comparison_kunnat" not in st.session_state:
    st.session_state["comparison_kunnat"] = comparison.default_selection(code)
    st.session_state["comparison_for"] = code
link = st.query_params.get(LINK)
if link is not None and link != st.session_state.get("_seen_vertaa"):  # a pasted link sets the choice
    wanted = list(dict.fromkeys(c for c in (part.strip().zfill(3) for part in link.split(",")) if c in label))
    if wanted:
        st.session_state["comparison_kunnat"] = wanted[:12]
st.session_state["_seen_vertaa"] = link
chosen = st.multiselect(
    t("cmp_pick"),
    data.names_in_order(lang())[0],
    format_func=label.__getitem__,
    key="comparison_kunnat",
    help=t("cmp_pick_help"),
    max_selections=12,
)
if st.query_params.get(LINK) != ",".join(chosen):
    st.query_params[LINK] = ",".join(chosen)
    st.session_state["_seen_vertaa"] = ",".join(chosen)  # our own write is not a new link
with_areas = st.toggle(
    t("cmp_add_areas", region=muni[f"region_name_{lang()}"]), key="comparison_areas", help=t("cmp_add_areas_help")
)
if not chosen:
    st.info(t("cmp_pick_empty"))
else:
    measure = st.segmented_control(
        t("cmp_measure"),
        ["share", "count"],
        default="share",
        format_func=lambda m: t("share") if m == "share" else t("speakers"),
        key="comparison_measure",
    )
    comparison.side_by_side(data.version(), code, year, tuple(chosen), with_areas, measure or "share", lang()).show()

# -- (b) ranking, (c) map and (d) the most similar -----------------------------------------------------
comparison.ranking_map_peers(data.version(), code, year, lang()).show()
