"""Vaikuttavuus: Kuntaliitto's twelve impact indicators in four groups as a scorecard for the municipality."""

from __future__ import annotations

import streamlit as st

from dashboard import data, own_files
from dashboard.i18n import lang
from dashboard.sections import impact

code: str = st.session_state["kunta"]
year: int = st.session_state["vuosi"]
impact.scorecard_page(data.version(), code, year, lang()).show()

# -- the municipality's own files: templates and the upload ---------------------------------------------
st.divider()
own_files.section()
