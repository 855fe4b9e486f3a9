"""The printed review's download buttons (PDF and Word), on the profile page and the group view.

The review is made by the same code as ``python -m pipeline report`` (``pipeline.report.review``), in the
page's language and year, only when a button is clicked: ``st.download_button`` is given a callable,
which Streamlit runs on click. A made review is kept per (members, year, language, format, database
version) in ``pipeline.report.review.on_demand``.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from dashboard.i18n import lang, t
from pipeline import paths
from pipeline.report.profile import ProfileError
from pipeline.report.review import on_demand

FORMS = (
    ("pdf", "review_download_pdf", ":material/picture_as_pdf:"),
    ("docx", "review_download_docx", ":material/description:"),
)


def review_buttons(queries: tuple[str, ...], year: int, name: str, stem: str) -> None:
    """Two buttons side by side: the review of ``queries`` (codes or one group id) as PDF and as Word."""
    path = paths.database_path()
    try:
        _, review_year = on_demand.check(path, queries, year)
    except ProfileError:
        st.caption(t("review_unavailable", year=year))
        return
    with st.container(horizontal=True, key=f"review_buttons_{stem}"):
        for form, label, icon in FORMS:
            st.download_button(
                t(label),
                data=partial(on_demand.review_bytes, path, queries, review_year, lang(), form),
                file_name=f"{stem}_{review_year}_{lang()}.{form}",
                mime=on_demand.MIME[form],
                on_click="ignore",
                icon=icon,
                help=t("review_download_help", name=name, year=review_year),
                key=f"review_{stem}_{form}",
            )
