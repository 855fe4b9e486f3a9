"""Kuntaprofiili: the selected municipality's key figures, its trend against region and country, breakdowns."""

from __future__ import annotations

import streamlit as st

from dashboard import data
from dashboard.i18n import lang
from dashboard.sections import profile

code: str = st.session_state["kunta"]
year: int = st.session_state["vuosi"]
for section in (profile.key_figures, profile.breakdowns, profile.arrivals):
    section(data.version(), code, year, lang()).show()
